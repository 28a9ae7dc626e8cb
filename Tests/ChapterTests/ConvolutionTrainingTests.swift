// Chapter 12's trainer: its update rules against chapter 7's optimizers, a resumed run against an
// uninterrupted one, and `train --model cnn` run as a program (options, the model kind a checkpoint
// records, a short run and its resumption).
import Foundation
import Testing
import BookTestSupport
import Perceptron
import Layers
import CrossEntropy
import Backpropagation
import GradientDescent
import Engine
import Classifier
import Convolutions

@Suite(.serialized) struct ConvolutionTrainingTests {
    /// `ParameterUpdate` computes what chapter 7's `SGD` and `Adam` compute, bit for bit, over three
    /// steps of a small convolutional network.
    @Test(arguments: [TrainingOptions.Optimizer.sgd, .momentum, .adam])
    func updatesMatchChapterSevensOptimizers(rule: TrainingOptions.Optimizer) {
        func network() -> Sequential {
            var rng = SplitMix64(seed: 7)
            let shape = ConvShape(inChannels: 1, outChannels: 3, kernel: 3, padding: 1, height: 6, width: 6)
            return Sequential([Conv2D(shape, rng: &rng), ReLU(), MaxPool2D(channels: 3, height: 6, width: 6),
                               FastLinear(27, 4, rng: &rng)])
        }
        let (mine, theirs) = (network(), network())
        var rng = SplitMix64(seed: 8)
        let x = Tensor(uniform: [5, 36], in: 0...1, using: &rng)
        let labels = [0, 1, 2, 3, 0]
        var update = ParameterUpdate(rule, parameters: mine.parameters)
        var optimizer: any Optimizer = switch rule {
        case .sgd: SGD(theirs.parameters, learningRate: 0.1)
        case .momentum: SGD(theirs.parameters, learningRate: 0.1, momentum: 0.9)
        case .adam: Adam(theirs.parameters, learningRate: 0.1)
        }
        for _ in 0..<3 {
            for model in [mine, theirs] {
                model.zeroGrad()
                _ = model.backward(crossEntropyGradient(model(x), labels: labels))
            }
            update.apply(to: mine.parameters, learningRate: 0.1)
            optimizer.step()
            #expect(mine.parameters.map(\.value) == theirs.parameters.map(\.value), "\(rule)")
        }
    }

    @Test func aResumedRunIsTheUninterruptedOne() throws {
        let directory = NSTemporaryDirectory() + "conv-resume-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = ConvTrainer.recipe   // with batch norm and shifts, whose state is saved too
        options.batchNorm = true
        options.maxShift = 2
        options.trainingLimit = 256
        options.epochs = 2
        var data = sharedMNIST   // a small validation set: this test is about the state, not the scores
        data.validation = sharedMNIST.validation.subset(Array(0..<500))
        let straight = try ConvTrainer(options: options, data: data)
        _ = try straight.trainEpoch()
        _ = try straight.trainEpoch()
        let interrupted = try ConvTrainer(options: options, data: data)
        interrupted.checkpointPath = directory + "/c.ckpt"
        _ = try interrupted.trainEpoch()
        let resumed = try ConvTrainer(resuming: directory + "/c.ckpt.resume", data: data)
        resumed.checkpointPath = directory + "/c.ckpt"
        _ = try resumed.trainEpoch()
        #expect(resumed.history == straight.history)
        #expect(resumed.checkpoint() == straight.checkpoint())
        // The best model's file holds the epoch the history marks, and loads.
        let best = try Checkpoint.read(from: directory + "/c.ckpt")
        #expect(best.epoch == straight.history.filter(\.improved).last?.epoch)
        try resumed.load(best, file: "c.ckpt")
        // The MLP has no shifts, and says so.
        var shiftedMLP = TrainingOptions()
        shiftedMLP.maxShift = 1
        #expect(throws: TrainingError.badOption("maxShift is an option of chapter 12's convolutional network; "
                                                + "this MLP trains on the images as they are")) {
            try Trainer(options: shiftedMLP, data: sharedMNIST)
        }
        // Chapter 11's MLP checkpoint is refused with a reason.
        let mlp = try Trainer(options: TrainingOptions(), data: sharedMNIST).checkpoint()
        #expect(throws: TrainingError.checkpoint(
            "mlp.ckpt: it holds a 784-512-512-10 MLP (chapter 11), not the convolutional network of chapter 12")) {
            try resumed.load(mlp, file: "mlp.ckpt")
        }
    }

    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try Program.run("train", arguments)
    }

    @Test func theModelOptionIsValidatedAndExplained() throws {
        let directory = NSTemporaryDirectory() + "train-cnn-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let unknown = try run(["--model", "rnn", "--checkpoint", directory + "/m.ckpt"])
        #expect(unknown.status == 64 && unknown.output.contains("The value 'rnn' is invalid for '--model <model>'"),
                "\(unknown.output)")
        let shiftMLP = try run(["--max-shift", "1", "--checkpoint", directory + "/m.ckpt"])
        #expect(shiftMLP.status == 64 && shiftMLP.output.contains("--max-shift is an option of --model cnn"),
                "\(shiftMLP.output)")
        let farShift = try run(["--model", "cnn", "--max-shift", "5", "--checkpoint", directory + "/m.ckpt"])
        #expect(farShift.status == 64 && farShift.output.contains("--max-shift must be in 0...4, not 5"),
                "\(farShift.output)")
        let noEval = try run(["--model", "cnn", "--eval-limit", "0", "--checkpoint", directory + "/m.ckpt"])
        #expect(noEval.status == 64 && noEval.output.contains("--eval-limit must be in 1...10000, not 0"),
                "\(noEval.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty, "nothing written")
        let help = try run(["--help"]).output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for text in ["--model", "mlp", "cnn", "chapter 12's convolutional network",
                     "--lr-decay \(ConvTrainer.recipe.learningRateDecay)", "--max-shift", "--eval-limit"] {
            #expect(help.contains(text), "\(text) missing from --help")
        }
    }

    /// One short epoch of `train --model cnn`, a second one resumed, and a resumption that names the
    /// wrong kind of network.
    @Test func trainsResumesAndKnowsWhichNetworkACheckpointHolds() throws {
        let directory = NSTemporaryDirectory() + "train-cnn-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/c.ckpt"
        let first = try run(["--model", "cnn", "--limit", "128", "--eval-limit", "500", "--epochs", "1",
                             "--checkpoint", path])
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("training the convolutional network of chapter 12 on 128 images: adam"),
                "\(first.output)")
        #expect(first.output.contains("Test accuracy (overall)") && first.output.contains("/500)"),
                "\(first.output)")
        let wrongKind = try run(["--model", "mlp", "--resume", "--epochs", "2", "--checkpoint", path])
        #expect(wrongKind.status == 1 && wrongKind.output.contains("holds a run of --model cnn, not --model mlp"),
                "\(wrongKind.output)")
        let second = try run(["--resume", "--epochs", "2", "--eval-limit", "500", "--checkpoint", path])
        #expect(second.status == 0, "\(second.output)")
        #expect(second.output.contains("resuming after epoch 1") && second.output.contains("epoch  2"),
                "\(second.output)")
    }
}
