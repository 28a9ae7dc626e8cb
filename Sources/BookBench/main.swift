// `make bench`, `make bench-train`, `make bench-record`: how fast the engine of chapter 9 is, against
// PyTorch on the same machine, measured in turn. `BookBench help SUBCOMMAND` lists each one's options.
//
//   BookBench run       the paired benchmark: book and PyTorch in turn, A B A B …, in fresh processes
//   BookBench job       the whole job: `train` against bench/torch_tutorial.py, wall time and peak memory
//   BookBench record    copy the last `run` and `job` results into the recorded snapshot (bench/snapshot.json)
//   BookBench kernels   chapter 9's matrix products, step by step, in GFLOP/s
//   BookBench round     one measurement of the engine in this process (what `run` starts)
//   BookBench spread    one epoch of the engine many times, in fresh processes: median, min, max
//   BookBench profile   a number of training steps and nothing else, for a profiler
//   BookBench products  the products of one training step, each timed alone, in microseconds
//
// Nothing here asserts a time: speed is measured and reported, never tested.
import ArgumentParser
import Foundation

/// The sizes every measurement uses: MNIST's 60,000 training images split 48,000 / 12,000, 10,000 test images.
enum Workload {
    static let sizes = [784, 512, 512, 10]
    static let train = 48_000, valid = 12_000, test = 10_000
}

/// A batch size of the tutorial's epoch: 20 (the tutorial's) or 128.
enum BatchSize: Int, ExpressibleByArgument, CaseIterable, Codable {
    case b20 = 20, b128 = 128
    init?(argument: String) { self.init(rawValue: Int(argument) ?? -1) }
    static var allValueStrings: [String] { allCases.map { String($0.rawValue) } }
}

/// What one fresh process measures.
enum RoundKind: String, ExpressibleByArgument, CaseIterable, Codable {
    case epoch, inference
}

/// `--data DIR`: the MNIST files every measurement reads (the benchmark times the real images).
struct DataOption: ParsableArguments {
    @Option(help: ArgumentHelp("A directory with the four MNIST IDX files, .gz or not (those make train reads).",
                               valueName: "dir"))
    var data = "data/mnist"
}

/// `--threads N`: 1 to 64, by default every core of the machine.
struct ThreadsOption: ParsableArguments {
    @Option(help: "Threads for the engine and PyTorch (1...64; default: the machine's cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws { try require(threads, in: 1...64, "--threads") }
}

/// Refuses an option's value outside its range: "--pairs must be in 1...50, not 0" (exit 64).
func require(_ value: Int, in range: ClosedRange<Int>, _ flag: String) throws {
    guard range.contains(value) else {
        throw ValidationError("\(flag) must be in \(range.lowerBound)...\(range.upperBound), not \(value)")
    }
}

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "BookBench",
        abstract: "How fast the engine of chapter 9 is, against PyTorch on the same machine.",
        subcommands: [Run.self, Job.self, Record.self, Kernels.self, Round.self, SpreadCommand.self,
                      Profile.self, Products.self],
        defaultSubcommand: Run.self)
}

extension Bench {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Book and PyTorch in turn, in fresh processes: per-pair ratios, their median and range.",
            discussion: """
                Both sides time the MNIST files of --data: an epoch trains on the first 48,000 training images \
                and validates on the other 12,000; inference runs the 10,000 test images. Each pair also runs \
                the engine's dense epochs (zeros not skipped, unpaired) for its GFLOP/s against its GEMM peak. \
                Writes <out>/paired.json and each run's output under <out>/logs, and prints the table beside \
                the recorded snapshot; only `BookBench record` changes the snapshot.
                """)

        @Option(help: "Pairs of runs per measure (1...50; medians need at least 5).")
        var pairs = 5
        @OptionGroup var threads: ThreadsOption
        @Option(help: "The Python that has PyTorch (pip install torch==2.13.0+cpu).")
        var python = "python3"
        @Flag(help: "Time the book's engine only, even if PyTorch is installed.")
        var noTorch = false
        @OptionGroup var data: DataOption
        @Option(help: "Directory for the results (written atomically).")
        var out = ".build/bench"
        @Option(help: "The recorded snapshot to compare with.")
        var snapshot = "bench/snapshot.json"

        func validate() throws { try require(pairs, in: 1...50, "--pairs") }

        func run() throws {
            try PairedBenchmark(pairs: pairs, threads: threads.threads, python: python, useTorch: !noTorch,
                                data: data.data, out: out, snapshotPath: snapshot).run()
        }
    }

    struct Job: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The whole job: `train` against bench/torch_tutorial.py, in turn: wall time and peak memory.",
            discussion: """
                Both sides train on the same MNIST files for the same epochs, batch 20 and then 128, and test \
                the kept model; writes <out>/job.json and each run's output under <out>/logs.
                """)

        @Option(help: "Pairs of runs per batch size (1...20).")
        var pairs = 3
        @Option(help: "Epochs of each run, followed by the test (1...50).")
        var epochs = 3
        @Option(help: "The Python that has PyTorch.")
        var python = "python3"
        @Option(help: "The MNIST files both sides read.")
        var data = "data/mnist"
        @Option(help: "The book's trainer (make bench-train builds it).")
        var train = ".build/release/train"
        @Option(help: "Directory for the results and the runs' logs.")
        var out = ".build/bench"

        func validate() throws {
            try require(pairs, in: 1...20, "--pairs")
            try require(epochs, in: 1...50, "--epochs")
        }

        func run() throws {
            try WholeJob(pairs: pairs, epochs: epochs, python: python, data: data, trainer: train, out: out).run()
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rewrite the recorded snapshot from the last `run` and `job` results (make bench-record).")

        @Option(help: "Directory of the results of `run` and `job`.")
        var out = ".build/bench"
        @Option(help: "The snapshot to write.")
        var snapshot = "bench/snapshot.json"

        func run() throws {
            let paired = try readJSON(PairedResults.self, from: out + "/paired.json")
            let job = try readJSON(JobResults.self, from: out + "/job.json")
            guard paired.machine.torch != nil, paired.measures.contains(where: { $0.torchRuns != nil }) else {
                throw ValidationError("\(out)/paired.json was measured without PyTorch: a snapshot needs both sides")
            }
            guard paired.pairs >= 5 else {
                throw ValidationError("\(out)/paired.json has \(paired.pairs) pairs: a snapshot needs at least 5")
            }
            try writeJSON(Snapshot(paired: paired, job: job), to: snapshot)
            print("recorded \(snapshot): \(paired.date), \(paired.machine.summary)")
            print("chapters 7 and 9 print it: make bless CHAPTER=\"07 09\", then review git diff")
        }
    }

    struct Kernels: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Chapter 9's matrix products, step by step, in GFLOP/s.")
        @OptionGroup var threads: ThreadsOption

        func run() throws {
            for step in kernelSteps(threads: threads.threads) {
                say(step.name.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%7.1f", step.gflops))
            }
        }
    }

    struct Round: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One measurement of the engine in this process, after a warm-up; prints one JSON object.")

        @Argument(help: "What to measure.")
        var kind: RoundKind
        @Option(help: "Batch size of the epoch.")
        var batch: BatchSize?
        @Flag(help: "Do every multiply-add (skipsZeroInputs off); a dense epoch also measures the GEMM peak.")
        var dense = false
        @OptionGroup var threads: ThreadsOption
        @OptionGroup var data: DataOption

        func validate() throws {
            if kind == .epoch && batch == nil { throw ValidationError("epoch needs --batch (20 or 128)") }
        }

        func run() throws {
            let images = try BenchmarkData(directory: data.data)
            let result = switch kind {
            case .epoch: engineEpoch(batch: batch!.rawValue, threads: threads.threads, dense: dense, data: images)
            case .inference: engineInference(threads: threads.threads, dense: dense, data: images)
            }
            print(String(decoding: try JSONEncoder().encode(result), as: UTF8.self))
        }
    }

    struct SpreadCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "spread",
            abstract: "The engine's epoch many times, each in a fresh process: median, min, max and max/median.",
            discussion: """
                For the bimodal batch-20 epoch: a run that is half again as slow as the median shows as \
                max/median far above 1. The epoch is `run`'s, on the MNIST files of --data. Writes \
                <out>/spread-b<batch>.json (spread-dense-b<batch>.json with --dense) and each run under <out>/logs.
                """)

        @Option(help: "Batch size of the epoch.")
        var batch: BatchSize = .b20
        @Option(help: "Runs, each in a fresh process (3...50).")
        var runs = 10
        @Flag(help: "Time the dense epoch (skipsZeroInputs off) instead of the engine as it is.")
        var dense = false
        @OptionGroup var threads: ThreadsOption
        @OptionGroup var data: DataOption
        @Option(help: "Directory for the results (written atomically).")
        var out = ".build/bench"

        func validate() throws { try require(runs, in: 3...50, "--runs") }

        func run() throws {
            try EpochSpread(batch: batch.rawValue, runs: runs, dense: dense, threads: threads.threads, data: data.data,
                            out: out).run()
        }
    }

    struct Profile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Only training steps of the tutorial's network (batch 20 unless told), then exit (for perf or callgrind).",
            discussion: """
                The steps train on one real batch: the first <batch> images of the training file with their \
                labels. The checksum of the engine as it is and of --dense must be equal: skipping zero inputs \
                changes no bit.
                """)

        @Option(help: "Training steps (1...1000000).")
        var steps = 2000
        @Option(help: "Threads (1...64).")
        var threads = 1
        @Option(help: "Batch size of the steps (1...1000).")
        var batch = 20
        @Flag(help: "Print a checksum of the parameters and logits after the steps (equal checksums: equal bits).")
        var checksum = false
        @Flag(help: "Do every multiply-add (skipsZeroInputs off), as the engine did before it skipped zero inputs.")
        var dense = false
        @OptionGroup var data: DataOption

        func validate() throws {
            try require(steps, in: 1...1_000_000, "--steps")
            try require(threads, in: 1...64, "--threads")
            try require(batch, in: 1...1000, "--batch")
        }

        func run() throws {
            let images = try BenchmarkData(directory: data.data)
            let hash = profileSteps(steps, batch: batch, threads: threads, dense: dense, data: images)
            if checksum { print(String(hash, radix: 16)) }
        }
    }
}

extension Bench {
    struct Products: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The matrix products of one training step, each timed alone: microseconds per call.")
        @Option(help: "Batch size of the step (1...1000).")
        var batch = 20
        @OptionGroup var threads: ThreadsOption

        func validate() throws { try require(batch, in: 1...1000, "--batch") }

        func run() throws {
            var total = 0.0
            for (name, microseconds) in stepProducts(batch: batch, threads: threads.threads) {
                say(name.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%9.1f µs", microseconds))
                total += microseconds
            }
            say("all".padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%9.1f µs", total))
        }
    }
}

/// Prints a line at once, also when the output goes to a file or a pipe (print buffers it there), so
/// that a long benchmark shows each pair as it ends.
func say(_ line: String = "") { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

Bench.main()
