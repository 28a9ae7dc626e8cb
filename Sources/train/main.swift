// `make train`, or `swift run -c release train [options]`: trains the MNIST network of chapter 11 (or,
// with --model cnn, chapter 12's convolutional network) with a progress bar, keeps the best model, and
// tests it. `train --help` lists the options, their ranges
// and defaults; a value outside its range, an unknown option or a missing value is an error (exit 64)
// before anything is loaded or written.
//
// Stopping with Ctrl-C (or even SIGKILL) is safe: every file is written to PATH.partial and renamed,
// the next run removes a PATH.partial left behind, and --resume continues from the last finished
// epoch, ending exactly where an uninterrupted run ends.
import ArgumentParser
import Classifier
import Convolutions
import Foundation
import MNIST

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train chapter 11's 784-512-512-10 MNIST network (or chapter 12's convolutional network), keep the best model, and test it.",
        discussion: """
            With --resume, the run saved in <checkpoint>.resume continues with its own options and \
            network. Only --epochs (to train longer), --threads, --data, --checkpoint and --eval-limit may be given \
            with it; any other training option that differs from the saved run is an error naming it.
            """)

    static let defaults = TrainingOptions()
    static let cnn = ConvTrainer.recipe

    /// The recipe options not given on the command line come from: chapter 11's or chapter 12's.
    static func defaults(for model: Model) -> TrainingOptions { model == .cnn ? cnn : defaults }

    @Option(help: "The network: mlp (chapter 11's 784-512-512-10) or cnn (chapter 12's convolutional network, whose recipe's defaults are --optimizer \(cnn.optimizer.rawValue) --lr \(cnn.learningRate) --lr-decay \(cnn.learningRateDecay) --batch-size \(cnn.batchSize) --dropout \(cnn.dropout) --epochs \(cnn.epochs)\(cnn.batchNorm ? " --batch-norm" : "") --max-shift \(cnn.maxShift ?? 0)). (default: mlp; with --resume, the saved run's)")
    var model: Model?

    // What the network is trained on, and for how long.
    @Option(parsing: .unconditional, help: "Epochs to train (≥ 1; with --resume, the new total). (default: \(defaults.epochs))")
    var epochs: Int?
    @Option(name: .customLong("limit"), parsing: .unconditional, help: "Train on the first n training samples only (batch size ≤ n ≤ 48,000). (default: all)")
    var trainingLimit: Int?
    @Option(parsing: .unconditional, help: "Samples per mini-batch (1 ≤ n ≤ training samples). (default: \(defaults.batchSize))")
    var batchSize: Int?

    // How the weights move.
    @Option(name: .customLong("lr"), parsing: .unconditional, help: "Learning rate (finite, > 0). (default: \(defaults.learningRate))")
    var learningRate: Float?
    @Option(name: .customLong("lr-decay"), parsing: .unconditional, help: "Multiply the learning rate by f after every epoch (0 < f ≤ 1). (default: \(defaults.learningRateDecay))")
    var learningRateDecay: Float?
    @Option(help: "Update rule: sgd, momentum (μ = 0.9) or adam. (default: \(defaults.optimizer.rawValue))")
    var optimizer: TrainingOptions.Optimizer?
    @Option(parsing: .unconditional, help: "Dropout probability after each hidden layer (0 ≤ p < 1). (default: \(defaults.dropout))")
    var dropout: Float?
    @Flag(inversion: .prefixedNo, help: "Batch normalization after each hidden layer's product, or after each convolution (batches of at least 2 samples). (default: off for mlp, \(cnn.batchNorm ? "on" : "off") for cnn)")
    var batchNorm: Bool?
    @Option(name: .customLong("max-shift"), parsing: .unconditional, help: "--model cnn only: move each training image by a random shift of up to n pixels each way, drawn anew every epoch (0 ≤ n ≤ 4). (default: \(cnn.maxShift ?? 0) for cnn)")
    var maxShift: Int?

    // The seeds: of the weights, batches and dropout masks, and of the validation split.
    @Option(parsing: .unconditional, help: "Seeds the initial weights, the batch order and the dropout masks; not the 48,000/12,000 split (--split-seed). (default: \(defaults.seed))")
    var seed: UInt64?
    @Option(parsing: .unconditional, help: "Seeds the split of the 60,000 training images into 48,000 for training and 12,000 for validation. (default: \(defaults.splitSeed))")
    var splitSeed: UInt64?

    // Which epoch's model is kept.
    @Option(help: "Keep the model with the best validation loss or accuracy. (default: \(defaults.keepBest.rawValue))")
    var keepBest: TrainingOptions.Criterion?

    // Files and the machine.
    @Option(help: ArgumentHelp("A directory with the four MNIST IDX files, .gz or not.", valueName: "dir"))
    var data = "data/mnist"
    @Option(help: ArgumentHelp("Where the best model goes; <path>.resume holds the state after each epoch. Its directory must exist and be writable.", valueName: "path"))
    var checkpoint = "mnist.ckpt"
    @Flag(help: "Continue the run saved in <checkpoint>.resume.")
    var resume = false
    @Option(parsing: .unconditional, help: "Threads for the matrix products (1 ≤ n ≤ 256). (default: all cores)")
    var threads: Int?
    @Option(name: .customLong("eval-limit"), parsing: .unconditional, help: "Check and test on the first n validation and the first n test images only, for quick runs (1 ≤ n ≤ 10,000; not saved with the run). (default: all)")
    var evalLimit: Int?

    /// The split with its validation and test sets cut to `--eval-limit`.
    func limited(_ split: MNISTSplit) -> MNISTSplit {
        guard let evalLimit else { return split }
        var cut = split
        cut.validation = split.validation.subset(Array(0..<min(evalLimit, split.validation.count)))
        cut.test = split.test.subset(Array(0..<min(evalLimit, split.test.count)))
        return cut
    }

    /// Option names as the command line spells them, by `TrainingOptions` property.
    static let flags = ["epochs": "--epochs", "batchSize": "--batch-size", "learningRate": "--lr",
                        "optimizer": "--optimizer", "dropout": "--dropout", "splitSeed": "--split-seed", "trainingLimit": "--limit",
                        "learningRateDecay": "--lr-decay", "keepBest": "--keep-best", "batchNorm": "--batch-norm", "maxShift": "--max-shift"]

    /// The options given on the command line over `base`.
    func options(over base: TrainingOptions) -> TrainingOptions {
        var o = base
        o.epochs = epochs ?? o.epochs
        o.batchSize = batchSize ?? o.batchSize
        o.learningRate = learningRate ?? o.learningRate
        o.optimizer = optimizer ?? o.optimizer
        o.dropout = dropout ?? o.dropout
        o.seed = seed ?? o.seed
        o.splitSeed = splitSeed ?? o.splitSeed
        o.trainingLimit = trainingLimit ?? o.trainingLimit
        o.learningRateDecay = learningRateDecay ?? o.learningRateDecay
        o.keepBest = keepBest ?? o.keepBest
        o.batchNorm = batchNorm ?? o.batchNorm
        o.maxShift = maxShift ?? o.maxShift
        return o
    }

    // Numbers are parsed `.unconditional`ly, so that `--limit -5` is "-5 is out of range", not a missing value.

    /// Ranges that need no data, checked while parsing (the training size is known once MNIST is loaded).
    func validate() throws {
        if let evalLimit, !(1...10_000).contains(evalLimit) {
            throw ValidationError("--eval-limit must be in 1...10000, not \(evalLimit)")
        }
        if let threads, !Trainer.threadRange.contains(threads) {
            throw ValidationError("--threads must be in \(Trainer.threadRange.lowerBound)...\(Trainer.threadRange.upperBound), not \(threads)")
        }
        if !resume, model ?? .mlp == .mlp, let maxShift {
            throw ValidationError("--max-shift is an option of --model cnn; the MLP trains on the images as they are (not \(maxShift))")
        }
        if !resume, let problem = options(over: Self.defaults(for: model ?? .mlp)).problems(trainingSize: nil).first {
            throw ValidationError(Self.message(problem))
        }
        if resume, let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1, not \(epochs)") }
    }

    /// "--lr-decay must be in (0, 1], not nan".
    static func message(_ problem: OptionProblem) -> String {
        var p = problem
        p.option = flags[problem.option] ?? problem.option
        return p.description
    }

    func run() throws {
        // Before the data and the network: the checkpoint's directory must take files.
        let stale = try orFail { try Checkpoint.prepare(path: checkpoint) }
        stale.forEach { say("removed \($0), left by a run that was stopped while saving") }

        let threads = threads ?? min(ProcessInfo.processInfo.activeProcessorCount, Trainer.threadRange.upperBound)
        let trainer: any EpochTrainer
        if resume {
            // The saved run first: a contradiction is reported before minutes of loading and training.
            let path = checkpoint + ".resume"
            let saved = try orFail { try Checkpoint.read(from: path) }
            let savedModel: Model = saved.sizes == ConvTrainer.checkpointSizes ? .cnn : .mlp
            if let model, model != savedModel {
                throw Failure("\(path) holds a run of --model \(savedModel.rawValue), not --model \(model.rawValue) "
                              + "(leave --model out to continue it, or start a new run without --resume)")
            }
            let conflicts = conflicting(with: saved.options)
            guard conflicts.isEmpty else {
                throw Failure("--resume continues \(path) with its own options; these contradict it: "
                              + conflicts.joined(separator: ", ") + " (leave them out, or start a new run without --resume)")
            }
            let total = epochs ?? saved.options.epochs
            guard total > saved.epoch else {
                throw Failure("\(path) has already trained \(saved.epoch) epochs of \(saved.options.epochs); "
                              + "pass --epochs N with N > \(saved.epoch) to train further")
            }
            let split = limited(try orFail { try MNISTSplit.load(directory: data, splitSeed: saved.options.splitSeed) })
            trainer = try orFail { () throws -> any EpochTrainer in
                if savedModel == .cnn {
                    return try ConvTrainer(resuming: path, data: split, epochs: total, threads: threads)
                }
                return try Trainer(resuming: path, data: split, epochs: total, threads: threads)
            }
            trainer.checkpointPath = checkpoint
            try train(trainer, test: split.test, threads: threads)
        } else {
            let model = model ?? .mlp
            let options = options(over: Self.defaults(for: model))
            let split = limited(try orFail { try MNISTSplit.load(directory: data, splitSeed: options.splitSeed) })
            if let problem = options.problems(trainingSize: split.trainIndices.count).first {
                throw ValidationError(Self.message(problem))
            }
            trainer = try orFail { () throws -> any EpochTrainer in
                if model == .cnn { return try ConvTrainer(options: options, data: split, threads: threads) }
                return try Trainer(options: options, data: split, threads: threads)
            }
            trainer.checkpointPath = checkpoint
            try train(trainer, test: split.test, threads: threads)
        }
    }

    /// The training options given on the command line that differ from the saved run's, as
    /// "--lr 0.5 (saved: 0.01)". `--epochs` may change; nothing else may.
    func conflicting(with saved: TrainingOptions) -> [String] {
        let given = options(over: saved)
        var conflicts: [String] = []
        func compare<T: Equatable>(_ flag: String, _ mine: T?, _ theirs: T) {
            if let mine, mine != theirs { conflicts.append("\(flag) \(mine) (saved: \(theirs))") }
        }
        compare("--batch-size", batchSize, saved.batchSize)
        compare("--lr", learningRate, saved.learningRate)
        compare("--optimizer", optimizer?.rawValue, saved.optimizer.rawValue)
        compare("--dropout", dropout, saved.dropout)
        compare("--seed", seed, saved.seed)
        compare("--split-seed", splitSeed, saved.splitSeed)
        if let trainingLimit, trainingLimit != saved.trainingLimit {
            conflicts.append("--limit \(trainingLimit) (saved: \(saved.trainingLimit.map(String.init) ?? "all"))")
        }
        compare("--lr-decay", learningRateDecay, saved.learningRateDecay)
        compare("--keep-best", keepBest?.rawValue, saved.keepBest.rawValue)
        compare("--max-shift", maxShift, saved.maxShift ?? 0)
        if given.batchNorm != saved.batchNorm {
            conflicts.append(given.batchNorm ? "--batch-norm (saved: without batch normalization)"
                                             : "--no-batch-norm (saved: with batch normalization)")
        }
        return conflicts
    }

    func train(_ trainer: any EpochTrainer, test: MNISTDataset, threads: Int) throws {
        let o = trainer.options
        say("training \(trainer.networkName) on \(trainer.trainIndices.count) images: \(o.optimizer.rawValue), learning rate \(o.learningRate)"
            + (o.learningRateDecay == 1 ? ", " : " × \(o.learningRateDecay) per epoch, ")
            + "batch \(o.batchSize), dropout \(o.dropout)" + (o.batchNorm ? ", batch norm" : "") + (o.maxShift.map { $0 > 0 ? ", shifts of up to \($0) pixels" : "" } ?? "") + ", seed \(o.seed)" + (o.splitSeed == 0 ? "" : ", split seed \(o.splitSeed)") + ", keeping the best validation \(o.keepBest.rawValue), \(threads) threads")
        if resume { say("resuming after epoch \(trainer.epochsDone) from \(checkpoint).resume") }

        let progress = ProgressBar(batchSize: o.batchSize)
        let start = now()
        while trainer.epochsDone < o.epochs {
            progress.epochStart = now()
            let record = try orFail { try trainer.trainEpoch(progress: progress.draw) }
            progress.clear()
            say(record.logLine + String(format: "   (%.1f s)", now() - progress.epochStart))
        }
        say(String(format: "trained %d epochs in %.1f s", o.epochs, now() - start))

        let best = try orFail { try Checkpoint.read(from: checkpoint) }
        let table = try orFail { try trainer.test(best, file: checkpoint, on: test) }
        say("\nbest model by validation \(o.keepBest.rawValue): epoch \(best.epoch), saved in \(checkpoint)\n")
        say(table)
    }
}

/// Which network `train` trains.
enum Model: String, CaseIterable, ExpressibleByArgument {
    /// Chapter 11's 784-512-512-10 MLP.
    case mlp
    /// Chapter 12's convolutional network.
    case cnn
}

/// What `train` needs of a trainer; chapter 11's `Trainer` and chapter 12's `ConvTrainer` have it.
protocol EpochTrainer: AnyObject {
    var options: TrainingOptions { get }
    var trainIndices: [Int] { get }
    var epochsDone: Int { get }
    var checkpointPath: String? { get set }
    /// "784-512-512-10", for the first line of the log.
    var networkName: String { get }
    func trainEpoch(progress: (Int, Int, Float) -> Void) throws(TrainingError) -> EpochRecord
    /// Loads the model saved in `best` (read from `file`) and returns its test table on `data`.
    func test(_ best: Checkpoint, file: String, on data: MNISTDataset) throws(TrainingError) -> String
}

extension Trainer: EpochTrainer {
    var networkName: String { engine.sizes.map(String.init).joined(separator: "-") }

    func test(_ best: Checkpoint, file: String, on data: MNISTDataset) throws(TrainingError) -> String {
        guard best.sizes != ConvTrainer.checkpointSizes else {
            throw .checkpoint("\(file): it holds chapter 12's convolutional network, not the MLP")
        }
        try best.restore(into: engine, file: file)
        return testReport(engine, on: data).table
    }
}

extension ConvTrainer: EpochTrainer {
    var networkName: String { "the convolutional network of chapter 12" }

    /// A trainer whose convolutions use `threads` threads.
    convenience init(options: TrainingOptions, data: MNISTSplit, threads: Int) throws(TrainingError) {
        try self.init(options: options, data: data)
        use(threads: threads)
    }

    convenience init(resuming path: String, data: MNISTSplit, epochs: Int?, threads: Int) throws(TrainingError) {
        try self.init(resuming: path, data: data, epochs: epochs)
        use(threads: threads)
    }

    func use(threads: Int) {
        for layer in network.layers {
            (layer as? Conv2D)?.threads = threads
            (layer as? FastLinear)?.threads = threads
            (layer as? BatchNorm2D)?.threads = threads
            (layer as? MaxPool2D)?.threads = threads
        }
    }

    func test(_ best: Checkpoint, file: String, on data: MNISTDataset) throws(TrainingError) -> String {
        try load(best, file: file)
        return test(on: data).table
    }
}

extension TrainingOptions.Criterion: ExpressibleByArgument {}
extension TrainingOptions.Optimizer: ExpressibleByArgument {}

/// A failure after parsing: printed as `train: message`, exit status 1.
struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body`, turning the chapters' typed errors (they name their file) into a `Failure`.
func orFail<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as ValidationError { throw error } catch { throw Failure("\(error)") }
}

/// Prints a line at once (unbuffered), so a log file shows each epoch as it ends.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// The progress bar: batches done, samples per second, time left in the epoch, running loss.
/// Drawn on standard error, only when it is a terminal, at most ten times a second.
final class ProgressBar {
    let batchSize: Int
    let interactive = isatty(2) != 0
    var lastDraw = 0.0
    var epochStart = now()

    init(batchSize: Int) { self.batchSize = batchSize }

    func draw(_ batch: Int, _ batches: Int, _ loss: Float) {
        guard interactive, batch == batches || now() - lastDraw > 0.1 else { return }
        lastDraw = now()
        let elapsed = max(now() - epochStart, 1e-6)
        let rate = Double(batch * batchSize) / elapsed
        let left = Int(Double(batches - batch) * elapsed / Double(batch))
        let width = 30, filled = width * batch / batches
        let bar = String(repeating: "=", count: filled) + (filled < width ? ">" : "")
            + String(repeating: " ", count: max(0, width - filled - 1))
        let line = String(format: "\r[%@] %d/%d  %.0f samples/s  ETA %d:%02d  loss %.4f",
                          bar, batch, batches, rate, left / 60, left % 60, loss)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func clear() { if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
}

// Each training step allocates tensors of a few megabytes, and each evaluation chunk tens of megabytes
// (chapter 12's feature maps). By default glibc maps large blocks fresh from the system and gives freed
// memory back soon, so every step pays again for page faults and for zeroing new pages. Serving blocks
// of up to 256 MB from a heap that grows in steps of 64 MB and never shrinks reuses the same memory.
// (glibc's mallopt, which Swift's Glibc module does not declare, looked up by name; in <malloc.h>,
// M_TRIM_THRESHOLD is -1, M_TOP_PAD -2 and M_MMAP_THRESHOLD -3.)
#if canImport(Glibc)
typealias MalloptFunction = @convention(c) (Int32, Int32) -> Int32
if let symbol = dlsym(nil, "mallopt") {
    let mallopt = unsafeBitCast(symbol, to: MalloptFunction.self)
    _ = mallopt(-3, 256 << 20)
    _ = mallopt(-1, 1 << 30)
    _ = mallopt(-2, 64 << 20)
}
#endif

do {
    var command = try Train.parseAsRoot()
    do {
        try command.run()
    } catch let failure as Failure {
        FileHandle.standardError.write(Data("train: \(failure.description)\n".utf8))
        exit(1)
    }
} catch {
    Train.exit(withError: error)
}
