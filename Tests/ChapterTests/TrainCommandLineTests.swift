import Foundation
import Testing
import BookTestSupport
import Classifier

/// `train` (issue 12), run as a program: every numeric option's range, unknown options, missing
/// values, `--resume` with contradicting options, and a checkpoint directory that cannot take files,
/// each refused with a message naming the option before anything is trained or written.
@Suite(.serialized) struct TrainCommandLineTests {
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try Program.run("train", arguments)
    }

    @Test(arguments: [
        (["--epochs", "0"], "--epochs must be at least 1, not 0"),
        (["--epochs", "x"], "The value 'x' is invalid for '--epochs <epochs>'"),
        (["--epochs"], "Missing value for '--epochs <epochs>'"),
        (["--lr", "0"], "--lr must be finite and greater than 0, not 0.0"),
        (["--lr", "inf"], "--lr must be finite and greater than 0, not inf"),
        (["--lr", "nan"], "--lr must be finite and greater than 0, not nan"),
        (["--dropout", "1"], "--dropout must be in [0, 1), not 1.0"),
        (["--dropout", "-0.1"], "--dropout must be in [0, 1), not -0.1"),
        (["--batch-size", "0"], "--batch-size must be at least 1, not 0"),
        (["--limit", "0"], "--limit must be in 20..."),
        (["--limit", "-5"], "--limit must be in 20..."),
        (["--limit", "10"], "--limit must be in 20..."),
        (["--lr-decay", "nan"], "--lr-decay must be in (0, 1], not nan"),
        (["--lr-decay", "inf"], "--lr-decay must be in (0, 1], not inf"),
        (["--lr-decay", "-1"], "--lr-decay must be in (0, 1], not -1.0"),
        (["--lr-decay", "0"], "--lr-decay must be in (0, 1], not 0.0"),
        (["--threads", "0"], "--threads must be in 1...256, not 0"),
        (["--threads", "-3"], "--threads must be in 1...256, not -3"),
        (["--threads", "1000"], "--threads must be in 1...256, not 1000"),
        (["--optimizer", "rmsprop"], "The value 'rmsprop' is invalid for '--optimizer <optimizer>'"),
        (["--split-seed", "-1"], "The value '-1' is invalid for '--split-seed <split-seed>'"),
        (["--keep-best", "speed"], "The value 'speed' is invalid for '--keep-best <keep-best>'"),
        (["--seed", "-1"], "The value '-1' is invalid for '--seed <seed>'"),
        (["--chek"], "Unknown option '--chek'"),
        (["--batch-norm", "--batch-size", "1", "--limit", "100"], "--batch-size must be at least 2"),
    ])
    func badOptionsAreRefusedBeforeTraining(arguments: [String], expected: String) throws {
        let directory = NSTemporaryDirectory() + "train-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let result = try run(["--checkpoint", directory + "/m.ckpt"] + arguments)
        #expect(result.status == 64, "\(arguments): \(result.output)")
        #expect(result.output.contains(expected), "\(arguments): \(result.output)")
        #expect(!result.output.contains("training 784"), "nothing trained")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty, "nothing written")
    }

    @Test func helpNamesEveryOptionWithItsRange() throws {
        let result = try run(["--help"])
        #expect(result.status == 0)
        let help = result.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")   // as wrapped for any width
        for text in ["--epochs", "≥ 1", "--lr", "finite, > 0", "--dropout", "0 ≤ p < 1", "--batch-size", "--limit",
                     "--lr-decay", "0 < f ≤ 1", "--threads", "1 ≤ n ≤ 256", "--resume", "--keep-best", "--batch-norm",
                     "--split-seed", "not the 48,000/12,000 split"] {
            #expect(help.contains(text), "\(text) missing from --help")
        }
    }

    @Test func aCheckpointDirectoryThatCannotTakeFilesFailsFirst() throws {
        let result = try run(["--limit", "100", "--epochs", "1", "--checkpoint", "/nonexistent-dir/m.ckpt"])
        #expect(result.status == 1)
        #expect(result.output == "train: /nonexistent-dir/m.ckpt: cannot write a checkpoint there: No such file or directory\n")
    }

    @Test func resumeRefusesOptionsThatContradictTheSavedRun() throws {
        let directory = NSTemporaryDirectory() + "train-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/m.ckpt"
        var options = TrainingOptions()
        options.trainingLimit = 100
        options.epochs = 1
        var finished = try Trainer(options: options, data: sharedMNIST).checkpoint()   // as if its one epoch were done
        finished.history = [EpochRecord(epoch: 1, trainingLoss: 2.3, validationLoss: 2.3, validationAccuracy: 0.1, improved: true)]
        finished.epoch = 1
        try finished.write(to: path + ".resume")

        let contradicting = try run(["--resume", "--lr", "0.5", "--batch-norm", "--checkpoint", path])
        #expect(contradicting.status == 1)
        #expect(contradicting.output.contains("these contradict it: --lr 0.5 (saved: 0.01), --batch-norm (saved: without batch normalization)"),
                "\(contradicting.output)")
        let same = try run(["--resume", "--lr", "0.01", "--epochs", "0", "--checkpoint", path])
        #expect(same.status == 64 && same.output.contains("--epochs must be at least 1"), "\(same.output)")
        let done = try run(["--resume", "--checkpoint", path])
        #expect(done.status == 1 && done.output.contains("has already trained 1 epochs of 1; pass --epochs N with N > 1"), "\(done.output)")
        let missing = try run(["--resume", "--checkpoint", directory + "/none.ckpt"])
        #expect(missing.output == "train: \(directory)/none.ckpt.resume: cannot read the checkpoint: No such file or directory\n")
    }
}
