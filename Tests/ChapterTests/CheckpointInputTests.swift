import Foundation
import Testing
import Engine
import MNIST
@testable import Classifier

/// A checkpoint with a correct SHA-256 but a forged header (issue 12): every field is checked before
/// it is used, and the error names the file; nothing traps.
@Suite struct ForgedCheckpointTests {
    /// A real checkpoint's bytes with its JSON header edited by `edit` (and the float payload replaced
    /// by `floats` when given), with a correct checksum.
    func forged(_ edit: (inout [String: Any]) -> Void, floats: Int? = nil) throws -> [UInt8] {
        let bytes = try Trainer(options: smallOptions(), data: sharedMNIST).checkpoint().encoded()
        let length = Int(readUInt32(bytes, at: 12))
        var header = try #require(try JSONSerialization.jsonObject(with: Data(bytes[16..<(16 + length)])) as? [String: Any])
        edit(&header)
        let json = Array(try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
        let payload = floats.map { [UInt8](repeating: 0, count: 4 * $0) } ?? Array(bytes[(16 + length)..<(bytes.count - 32)])
        let body = Array(bytes[0..<12]) + littleEndianBytes(UInt32(json.count)) + json + payload
        return body + sha256(body)
    }

    func message(_ bytes: [UInt8]) -> String {
        do { _ = try Checkpoint.decode(bytes, path: "forged.ckpt"); return "no error" } catch { return error.description }
    }

    func options(_ key: String, _ value: Any) -> (inout [String: Any]) -> Void {
        { header in
            var options = header["options"] as! [String: Any]
            options[key] = value
            header["options"] = options
        }
    }

    /// Option key, its forged value as JSON text, and what the error must say.
    @Test(arguments: [
        ("batchSize", "0", "batchSize must be in 1...400"),
        ("batchSize", "-20", "batchSize must be"),
        ("epochs", "-3", "epochs must be at least 1, not -3"),
        ("epochs", "0", "epochs must be at least 1, not 0"),
        ("learningRate", "\"nan\"", "learningRate must be finite and greater than 0, not nan"),
        ("learningRate", "\"inf\"", "learningRate must be finite and greater than 0, not inf"),
        ("learningRate", "-0.5", "learningRate must be finite and greater than 0"),
        ("dropout", "1.0", "dropout must be in [0, 1), not 1.0"),
        ("dropout", "\"nan\"", "dropout must be in [0, 1), not nan"),
        ("learningRateDecay", "\"nan\"", "learningRateDecay must be in (0, 1], not nan"),
        ("learningRateDecay", "0", "learningRateDecay must be in (0, 1]"),
        ("trainingLimit", "-5", "trainingLimit must be in 20..."),
        ("optimizer", "\"rmsprop\"", "unreadable header (options.optimizer"),
        ("keepBest", "\"speed\"", "unreadable header (options.keepBest"),
    ])
    func optionsOutsideTheirRanges(key: String, json: String, expected: String) throws {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        let text = message(try forged(options(key, value)))
        #expect(text.hasPrefix("forged.ckpt: "), "\(text)")
        #expect(text.contains(expected), "\(text)")
    }

    @Test func negativeAndAbsurdShapes() throws {
        let negative = try forged { h in
            var shapes = h["parameterShapes"] as! [[Int]]
            shapes[1] = [-512]
            shapes[3] = [512 + 2 * 512]   // the same number of floats in all
            h["parameterShapes"] = shapes
        }
        #expect(message(negative) == "forged.ckpt: tensor 2 has the invalid shape [-512]")
        let huge = try forged { h in
            var shapes = h["parameterShapes"] as! [[Int]]
            shapes[0] = [1 << 62, 1 << 62]
            h["parameterShapes"] = shapes
        }
        #expect(message(huge).contains("tensor 1's shape [4611686018427387904, 4611686018427387904] is too large"))
        let empty = try forged { h in h["parameterShapes"] = [[Int]]([[]]) }
        #expect(message(empty).contains("tensor 1 has the invalid shape []"))
        let overflowingTotal = try forged { h in
            h["parameterShapes"] = [[Int.max / 2], [Int.max / 2], [4]]
        }
        #expect(message(overflowingTotal).contains("more floats than any file can hold"))
        let tooFew = try forged({ _ in }, floats: 10)
        #expect(message(tooFew).contains("floats but the file holds 10"))
        let negativeState = try forged { h in h["optimizerStateCounts"] = [-4] }
        #expect(message(negativeState).contains("invalid optimizer state sizes [-4]"))
    }

    @Test func sizesHistoryStepAndGenerators() throws {
        #expect(message(try forged { $0["sizes"] = [784] }).contains("invalid layer sizes [784]"))
        #expect(message(try forged { $0["sizes"] = [784, 0, 10] }).contains("invalid layer sizes"))
        #expect(message(try forged { $0["epoch"] = 5 }).contains("the history does not list epochs 1...5"))
        #expect(message(try forged { $0["epoch"] = -1 }).contains("history"))
        #expect(message(try forged { $0["step"] = -1 }).contains("negative step count -1"))
        #expect(message(try forged { $0["dropoutGenerators"] = ["zz"] }).contains("unreadable generator state"))
        #expect(message(try forged { $0["shuffleGenerator"] = "-" }).contains("unreadable generator state"))
        #expect(message(try forged { $0.removeValue(forKey: "sizes") }).contains("unreadable header"))
        #expect(message(try forged { $0["epoch"] = "one" }).contains("unreadable header (epoch"))
    }

    @Test func restoreChecksGeneratorsAndOptimizerStateAndNamesTheFile() throws {
        let engine = try Trainer(options: smallOptions(), data: sharedMNIST).engine
        var checkpoint = try Trainer(options: smallOptions(), data: sharedMNIST).checkpoint()
        checkpoint.engine.dropoutGenerators = []
        func restoreMessage(_ c: Checkpoint) -> String {
            do { try c.restore(into: engine, file: "run.ckpt.resume"); return "no error" } catch { return error.description }
        }
        #expect(restoreMessage(checkpoint) == "run.ckpt.resume: the checkpoint has 0 dropout generators for the network's 2 dropout layers")

        var momentum = smallOptions()
        momentum.optimizer = .momentum
        let trained = try Trainer(options: momentum, data: smallValidationMNIST)
        _ = try trained.trainEpoch()
        var state = trained.checkpoint()
        try state.restore(into: engine)   // the engine's own layout: accepted
        state.engine.optimizerState.removeLast()
        #expect(restoreMessage(state) == "run.ckpt.resume: the checkpoint's optimizer state (11 buffers) does not fit the network (12 buffers)")

        var other = try Trainer(options: smallOptions(), data: sharedMNIST).checkpoint()
        other.sizes = [784, 100, 10]
        #expect(restoreMessage(other).hasPrefix("run.ckpt.resume: the checkpoint holds a 784-100-10 network"))
    }

    @Test func infiniteLossesInTheHistoryRoundTrip() throws {
        var checkpoint = try Trainer(options: smallOptions(), data: sharedMNIST).checkpoint()
        checkpoint.history = [EpochRecord(epoch: 1, trainingLoss: 2, validationLoss: .infinity, validationAccuracy: 0.1, improved: true)]
        checkpoint.epoch = 1
        let decoded = try Checkpoint.decode(try checkpoint.encoded(), path: "x")
        #expect(decoded.history.first?.validationLoss == .infinity)
    }
}

@Suite struct TrainingOptionRangeTests {
    func problem(_ edit: (inout TrainingOptions) -> Void, size: Int? = 48_000) -> String? {
        var options = TrainingOptions()
        edit(&options)
        return options.problems(trainingSize: size).first?.description
    }

    @Test func everyRangeIsChecked() {
        #expect(problem { _ in } == nil)
        #expect(problem { $0.epochs = 0 } == "epochs must be at least 1, not 0")
        #expect(problem { $0.batchSize = 0 } == "batchSize must be in 1...48000 (the training samples), not 0")
        #expect(problem { $0.batchSize = 48_001 } == "batchSize must be in 1...48000 (the training samples), not 48001")
        #expect(problem { $0.learningRate = .nan } == "learningRate must be finite and greater than 0, not nan")
        #expect(problem { $0.learningRate = .infinity } == "learningRate must be finite and greater than 0, not inf")
        #expect(problem { $0.dropout = 1 } == "dropout must be in [0, 1), not 1.0")
        #expect(problem { $0.dropout = -0.1 } == "dropout must be in [0, 1), not -0.1")
        #expect(problem { $0.learningRateDecay = .nan } == "learningRateDecay must be in (0, 1], not nan")
        #expect(problem { $0.learningRateDecay = .infinity } == "learningRateDecay must be in (0, 1], not inf")
        #expect(problem { $0.learningRateDecay = -1 } == "learningRateDecay must be in (0, 1], not -1.0")
        #expect(problem { $0.trainingLimit = 0 }?.hasPrefix("trainingLimit must be in 20...48000") == true)
        #expect(problem { $0.trainingLimit = -5 }?.hasPrefix("trainingLimit must be in 20...48000") == true)
        #expect(problem { $0.trainingLimit = 10 }?.hasSuffix("not 10") == true)
        #expect(problem { $0.trainingLimit = 60_000 }?.hasSuffix("not 60000") == true)
        #expect(problem { $0.trainingLimit = 20 } == nil)
        #expect(problem({ $0.batchNorm = true; $0.trainingLimit = 101 })?.contains("last batch of one sample") == true)
        #expect(problem({ $0.batchNorm = true; $0.batchSize = 1; $0.trainingLimit = 100 })?.contains("at least 2") == true)
        #expect(problem({ $0.batchNorm = true; $0.trainingLimit = 100 }) == nil)
    }

    @Test func theTrainerRefusesBadOptionsAndThreadCounts() {
        func refusal(_ edit: (inout TrainingOptions) -> Void, threads: Int = 2) -> String {
            var options = smallOptions()
            edit(&options)
            do { _ = try Trainer(options: options, data: sharedMNIST, threads: threads); return "accepted" } catch { return error.description }
        }
        #expect(refusal({ $0.trainingLimit = -5 }).hasPrefix("trainingLimit must be in 20...48000"))
        #expect(refusal({ $0.batchSize = 0 }).hasPrefix("batchSize must be in 1...400"))
        #expect(refusal({ $0.learningRateDecay = .nan }) == "learningRateDecay must be in (0, 1], not nan")
        #expect(refusal({ _ in }, threads: 0) == "threads must be in 1...256, not 0")
        #expect(refusal({ _ in }, threads: -3) == "threads must be in 1...256, not -3")
        #expect(refusal({ _ in }, threads: 1) == "accepted")
    }
}

@Suite struct CheckpointFileTests {
    @Test func aFullDiskSaysSoAndLeavesNothingBehind() throws {
        let directory = scratchDirectory()
        let path = directory + "/model.ckpt"
        var message = "no error"
        do {
            try writeFileAtomically([1, 2, 3], to: path, write: { _, _, _ in errno = ENOSPC; return -1 })
        } catch { message = error.description }
        #expect(message == "\(path): cannot write the checkpoint: No space left on device")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func aShortWriteIsContinuedAndAZeroWriteIsAnError() throws {
        let directory = scratchDirectory()
        let path = directory + "/model.ckpt"
        // At most 3 bytes per call: the writer must loop until every byte is on disk.
        try writeFileAtomically(Array(0..<100), to: path, write: { Foundation.write($0, $1, min($2, 3)) })
        #expect(FileManager.default.contents(atPath: path) == Data(Array(0..<100)))
        #expect(throws: TrainingError.self) {
            try writeFileAtomically([1], to: path, write: { _, _, _ in 0 })
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["model.ckpt"])
    }

    @Test func staleTemporaryFilesAreRemovedOnTheNextStart() throws {
        // What a run killed (even by SIGKILL) while saving leaves: PATH.partial or PATH.resume.partial.
        let directory = scratchDirectory()
        let path = directory + "/model.ckpt"
        for name in ["model.ckpt.partial", "model.ckpt.resume.partial", "model.ckpt"] {
            #expect(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data([1, 2, 3])))
        }
        let removed = try Checkpoint.prepare(path: path)
        #expect(removed == [path + ".partial", path + ".resume.partial"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["model.ckpt"])
    }

    @Test func aDirectoryThatCannotTakeFilesIsRefusedBeforeTraining() {
        func refusal(_ path: String) -> String {
            do { try Checkpoint.prepare(path: path); return "accepted" } catch { return error.description }
        }
        #expect(refusal("/nonexistent-\(UUID().uuidString)/m.ckpt").hasSuffix("cannot write a checkpoint there: No such file or directory"))
        #expect(refusal("/proc/m.ckpt").hasPrefix("/proc/m.ckpt: cannot write a checkpoint there: "))
        let file = scratchDirectory() + "/plain"
        FileManager.default.createFile(atPath: file, contents: Data())
        #expect(refusal(file + "/m.ckpt").hasSuffix("Not a directory"))
    }

    @Test func readErrorsGiveTheSystemsReason() {
        func refusal(_ path: String) -> String {
            do { _ = try Checkpoint.read(from: path); return "accepted" } catch { return error.description }
        }
        #expect(refusal("/nonexistent.ckpt") == "/nonexistent.ckpt: cannot read the checkpoint: No such file or directory")
        let directory = scratchDirectory()
        #expect(refusal(directory) == "\(directory): cannot read the checkpoint: Is a directory")
    }

    @Test func savingWritesOnlyTheCheckpointFiles() throws {
        let directory = scratchDirectory()
        let trainer = try Trainer(options: smallOptions(), data: smallValidationMNIST)
        trainer.checkpointPath = directory + "/m.ckpt"
        _ = try trainer.trainEpoch()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["m.ckpt", "m.ckpt.resume"])
    }
}
