import Foundation
import Testing
import Layers
import Engine
import MNIST
import Classifier

/// The MNIST data, loaded once for all the tests that train.
let sharedMNIST: MNISTSplit = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try! MNISTSplit.load(directory: root.appendingPathComponent("data/mnist").path)
}()

/// The same data with only the first 500 of its 12,000 validation images, for the tests about a run's
/// state, checkpoints and files rather than its scores: every epoch ends by scoring the validation
/// set, in a debug build about a second for all 12,000 images.
let smallValidationMNIST: MNISTSplit = {
    var data = sharedMNIST
    data.validation = sharedMNIST.validation.subset(Array(0..<500))
    return data
}()

func scratchDirectory() -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("classifier-test-\(UUID().uuidString)").path
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func smallOptions(_ limit: Int = 400) -> TrainingOptions {
    var options = TrainingOptions()
    options.trainingLimit = limit
    options.epochs = 2
    return options
}

@Suite struct CheckpointTests {
    func sample() throws -> Checkpoint {
        try Trainer(options: smallOptions(), data: sharedMNIST).checkpoint()
    }

    func error(_ bytes: [UInt8]) -> String {
        do { _ = try Checkpoint.decode(bytes, path: "x.ckpt"); return "no error" } catch { return error.description }
    }

    @Test func roundTripsAndRejectsEveryKindOfDamage() throws {
        let checkpoint = try sample()
        let bytes = try checkpoint.encoded()
        #expect(try Checkpoint.decode(bytes, path: "x.ckpt") == checkpoint)

        var flipped = bytes
        flipped[bytes.count / 3] ^= 0x10
        #expect(error(flipped).contains("checksum mismatch"))
        #expect(error(Array(bytes.prefix(bytes.count - 100))).contains("checksum mismatch"))
        #expect(error(Array(bytes.prefix(20))).contains("too short"))
        #expect(error(Array(repeating: 65, count: 200)).contains("not a checkpoint"))

        var newer = bytes
        newer[8] = UInt8(Checkpoint.version + 1)   // a later version, with a valid checksum, so the version is what is reported
        newer = Array(newer.dropLast(32)) + sha256(Array(newer.dropLast(32)))
        #expect(error(newer).contains("format version \(Checkpoint.version + 1)"))
        var older = bytes
        older[8] = 2   // version 2 had no split seed in its header
        older = Array(older.dropLast(32)) + sha256(Array(older.dropLast(32)))
        #expect(error(older).contains("format version 2; this book reads version 3"))
    }

    @Test func refusesAnotherArchitecture() throws {
        var checkpoint = try sample()
        checkpoint.sizes = [784, 256, 10]
        let engine = try Trainer(options: smallOptions(), data: sharedMNIST).engine
        #expect(throws: TrainingError.self) { try checkpoint.restore(into: engine) }

        var withNorm = smallOptions()
        withNorm.batchNorm = true
        let normalized = try Trainer(options: withNorm, data: sharedMNIST)
        let message: String
        do { try normalized.checkpoint().restore(into: engine); message = "no error" } catch { message = error.description }
        #expect(message.contains("it has batch normalization"))
        try normalized.checkpoint().restore(into: normalized.engine)
    }

    @Test func writesAtomicallyAndReadsBack() throws {
        let directory = scratchDirectory()
        let path = directory + "/model.ckpt"
        let checkpoint = try sample()
        try checkpoint.write(to: path)
        try checkpoint.write(to: path)   // over an existing file
        #expect(try Checkpoint.read(from: path) == checkpoint)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["model.ckpt"])
        #expect(throws: TrainingError.self) { try Checkpoint.read(from: directory + "/missing.ckpt") }
    }
}

@Suite struct TrainerTests {
    @Test func resumingEndsWhereAnUninterruptedRunEnds() throws {
        for (optimizer, batchNorm) in [(TrainingOptions.Optimizer.sgd, false), (.adam, false), (.momentum, true)] {
            var options = smallOptions()
            options.optimizer = optimizer
            options.batchNorm = batchNorm
            options.keepBest = batchNorm ? .validationAccuracy : .validationLoss
            options.learningRate = optimizer == .adam ? 0.001 : 0.01
            let straight = try Trainer(options: options, data: smallValidationMNIST)
            _ = try straight.trainEpoch()
            _ = try straight.trainEpoch()

            let path = scratchDirectory() + "/run.ckpt"
            let first = try Trainer(options: options, data: smallValidationMNIST)
            first.checkpointPath = path
            _ = try first.trainEpoch()
            let resumed = try Trainer(resuming: path + ".resume", data: smallValidationMNIST)
            _ = try resumed.trainEpoch()
            #expect(resumed.engine.state == straight.engine.state, "\(optimizer), batch norm \(batchNorm)")
            #expect(resumed.history == straight.history)
        }
    }

    @Test func aDivergingRunStopsAndKeepsTheLastGoodCheckpoint() throws {
        var options = smallOptions()
        options.learningRate = 1e9
        let path = scratchDirectory() + "/diverge.ckpt"
        let trainer = try Trainer(options: options, data: sharedMNIST)
        trainer.checkpointPath = path
        var caught: TrainingError?
        do { _ = try trainer.trainEpoch() } catch { caught = error }
        guard case .diverged(let epoch, _, let loss)? = caught else {
            Issue.record("expected the run to diverge, got \(String(describing: caught))")
            return
        }
        #expect(epoch == 1 && !loss.isFinite)
        #expect(!FileManager.default.fileExists(atPath: path), "nothing is saved from a diverged epoch")
    }

    @Test func lossesAreMeansOverTheSamplesTheyCover() throws {
        let trainer = try Trainer(options: smallOptions(1_000), data: sharedMNIST)
        let record = try trainer.trainEpoch()
        let (validationLoss, correct, _) = trainer.engine.evaluate(sharedMNIST.validation.images, labels: sharedMNIST.validation.labels)
        #expect(record.validationLoss == validationLoss)
        #expect(record.validationAccuracy == Float(correct) / 12_000)
        #expect(record.trainingLoss > 0.5 && record.trainingLoss < 2.4)
    }

    @Test func theBestEpochIsChosenByTheChosenScore() {
        func epoch(_ n: Int, loss: Float, accuracy: Float) -> EpochRecord {
            EpochRecord(epoch: n, trainingLoss: 1, validationLoss: loss, validationAccuracy: accuracy, improved: false)
        }
        let history = [epoch(1, loss: 0.30, accuracy: 0.90), epoch(2, loss: 0.20, accuracy: 0.95)]
        let lowerLossWorseAccuracy = epoch(3, loss: 0.10, accuracy: 0.94)
        let higherLossBetterAccuracy = epoch(3, loss: 0.25, accuracy: 0.96)
        let tiedAccuracy = epoch(3, loss: 0.05, accuracy: 0.95)
        #expect(TrainingOptions.Criterion.validationLoss.improves(lowerLossWorseAccuracy, on: history))
        #expect(!TrainingOptions.Criterion.validationLoss.improves(higherLossBetterAccuracy, on: history))
        #expect(!TrainingOptions.Criterion.validationAccuracy.improves(lowerLossWorseAccuracy, on: history))
        #expect(TrainingOptions.Criterion.validationAccuracy.improves(higherLossBetterAccuracy, on: history))
        #expect(!TrainingOptions.Criterion.validationAccuracy.improves(tiedAccuracy, on: history), "ties keep the earlier epoch")
        #expect(TrainingOptions.Criterion.validationAccuracy.improves(tiedAccuracy, on: []), "the first epoch is always kept")
    }

    @Test func optimizersAreSpelledAsOnTheCommandLine() {
        #expect(TrainingOptions.Optimizer.allCases.map(\.rawValue) == ["sgd", "momentum", "adam"])
        #expect(TrainingOptions.Optimizer(rawValue: "rmsprop") == nil)
    }

    @Test func aRunRefusesDataSplitWithAnotherSeed() throws {
        var options = smallOptions()
        options.splitSeed = 1
        var message = "no error"
        do { _ = try Trainer(options: options, data: sharedMNIST) } catch { message = error.description }
        #expect(message.contains("split with seed 1") && message.contains("MNISTSplit.load(splitSeed: 1)"), "\(message)")
    }

    @Test func theSplitSeedIsSavedAndResumingChecksIt() throws {
        let options = smallOptions()
        let path = scratchDirectory() + "/split.ckpt"
        let trainer = try Trainer(options: options, data: smallValidationMNIST)
        trainer.checkpointPath = path
        _ = try trainer.trainEpoch()
        var saved = try Checkpoint.read(from: path + ".resume")
        #expect(saved.options.splitSeed == 0)
        saved.options.splitSeed = 5
        try saved.write(to: path + ".resume")
        #expect(try Checkpoint.read(from: path + ".resume").options.splitSeed == 5)
        var message = "no error"
        do { _ = try Trainer(resuming: path + ".resume", data: smallValidationMNIST) } catch { message = error.description }
        #expect(message.contains("split with seed 5"), "\(message)")
    }
}

@Suite struct TestReportTests {
    @Test func tableAndConfusionAgree() {
        let report = TestReport(loss: 0.5, predictions: [0, 1, 1, 2], labels: [0, 1, 2, 2])
        #expect(report.correct == 3)
        #expect(report.confusion[2][1] == 1 && report.confusion[2][2] == 1)
        #expect(report.table.contains("Test accuracy of 2:  50.0% (   1/   2)"))
        #expect(report.table.contains("Test accuracy (overall): 75.00% (3/4)"))
    }
}
