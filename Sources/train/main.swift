// `make train`, or `swift run -c release train [options]`: trains the MNIST network of chapter 11 with
// a progress bar, keeps the best model, and tests it.
//
//   --epochs N          (50)        --batch-size N      (20)
//   --lr X              (0.01)      --optimizer NAME    (sgd | momentum | adam)
//   --dropout P         (0.2)       --seed N            (0)
//   --data DIR          (data/mnist; any directory with the four IDX files, .gz or not)
//   --checkpoint PATH   (mnist.ckpt; the best model; PATH.resume holds the state after each epoch)
//   --resume            continue the run saved in PATH.resume (its options win)
//   --limit N           train on the first N training images only
//   --lr-decay F        (1) multiply the learning rate by F after every epoch
//   --keep-best WHAT    (loss) save the model with the best validation loss, or accuracy
//   --batch-norm        batch normalization after each hidden layer's product
//   --threads N         (all cores)
//
// Stopping with Ctrl-C is safe: every file is written atomically, and --resume continues from the
// last finished epoch, ending exactly where an uninterrupted run ends.
import Classifier
import Foundation
import MNIST

/// Prints a line at once (unbuffered), so a log file shows each epoch as it ends.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("train: \(message)\n".utf8))
    exit(1)
}

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func value(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name) else { return nil }
    guard i + 1 < arguments.count else { fail("\(name) needs a value") }
    let v = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
    return v
}
@MainActor func number<T: LosslessStringConvertible>(_ name: String, _ type: T.Type) -> T? {
    guard let text = value(name) else { return nil }
    guard let n = T(text) else { fail("\(name) \(text) is not a number") }
    return n
}

var options = TrainingOptions()
options.epochs = number("--epochs", Int.self) ?? options.epochs
options.batchSize = number("--batch-size", Int.self) ?? options.batchSize
options.learningRate = number("--lr", Float.self) ?? options.learningRate
if let name = value("--optimizer") {
    guard let o = TrainingOptions.Optimizer(rawValue: name) else { fail("--optimizer is sgd, momentum or adam, not \(name)") }
    options.optimizer = o
}
options.dropout = number("--dropout", Float.self) ?? options.dropout
options.seed = number("--seed", UInt64.self) ?? options.seed
options.trainingLimit = number("--limit", Int.self)
options.learningRateDecay = number("--lr-decay", Float.self) ?? options.learningRateDecay
if let criterion = value("--keep-best") {
    guard let c = TrainingOptions.Criterion(rawValue: criterion) else { fail("--keep-best is loss or accuracy, not \(criterion)") }
    options.keepBest = c
}
let directory = value("--data") ?? "data/mnist"
let checkpointPath = value("--checkpoint") ?? "mnist.ckpt"
let threads = number("--threads", Int.self) ?? ProcessInfo.processInfo.activeProcessorCount
let resume = arguments.contains("--resume")
options.batchNorm = arguments.contains("--batch-norm")
arguments.removeAll { $0 == "--resume" || $0 == "--batch-norm" }
if !arguments.isEmpty { fail("unknown arguments: \(arguments.joined(separator: " ")) (see Sources/train/main.swift)") }
guard options.epochs > 0, options.batchSize > 0, options.learningRate > 0, (0..<1).contains(options.dropout) else {
    fail("epochs, batch size and learning rate must be positive and dropout in [0, 1)")
}

let data: MNISTSplit
do { data = try MNISTSplit.load(directory: directory, splitSeed: options.splitSeed) } catch { fail("\(error)") }

let trainer: Trainer
do {
    trainer = resume ? try Trainer(resuming: checkpointPath + ".resume", data: data, threads: threads)
                     : try Trainer(options: options, data: data, threads: threads)
} catch { fail("\(error)") }
trainer.checkpointPath = checkpointPath
let o = trainer.options
say("training 784-512-512-10 on \(trainer.trainIndices.count) images: \(o.optimizer), learning rate \(o.learningRate)"
      + (o.learningRateDecay == 1 ? ", " : " × \(o.learningRateDecay) per epoch, ")
      + "batch \(o.batchSize), dropout \(o.dropout)" + (o.batchNorm ? ", batch norm" : "") + ", seed \(o.seed), keeping the best validation \(o.keepBest.rawValue), \(threads) threads")
if resume { say("resuming after epoch \(trainer.epochsDone) from \(checkpointPath).resume") }

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

let progress = ProgressBar(batchSize: o.batchSize)
let start = now()
while trainer.epochsDone < o.epochs {
    progress.epochStart = now()
    do {
        let record = try trainer.trainEpoch(progress: progress.draw)
        progress.clear()
        say(record.logLine + String(format: "   (%.1f s)", now() - progress.epochStart))
    } catch { fail("\(error)") }
}
say(String(format: "trained %d epochs in %.1f s", o.epochs, now() - start))

do {
    let best = try Checkpoint.read(from: checkpointPath)
    try best.restore(into: trainer.engine)
    say("\nbest model by validation \(o.keepBest.rawValue): epoch \(best.epoch), saved in \(checkpointPath)\n")
} catch { fail("\(error)") }
say(testReport(trainer.engine, on: data.test).table)
