// `BookBench run`: the book's engine and PyTorch in turn, each measurement in a fresh process, and for
// each measure the median of the per-pair ratios with their range.
//
// Why in turn: on a shared machine the load changes from one minute to the next. Timing one side for a
// minute and then the other compares two different machines; timing them alternately, a few seconds
// apart, makes each pair share (nearly) the same conditions, so that their ratio cancels most of the load.
//
// Both sides time the real MNIST files: the engine skips the first layer's multiply-adds on blank
// pixels, so its speed depends on the images. The engine's share of its own GEMM peak is measured on
// dense epochs (skipping off: the FLOPs it counts are the FLOPs it does), unpaired, at the end of each
// pair: so they sample the same stretch of time, and the same load, as the paired runs, without
// coming between a book run and the PyTorch run it is compared with.
import Foundation

/// The path of this executable, to start it again for each measurement.
func currentExecutable() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
}

/// The git commit the results were measured at, if this is a git checkout with a clean tree.
func currentCommit(log: String) -> String? {
    guard let run = try? spawn(["git", "rev-parse", "--short", "HEAD"], log: log) else { return nil }
    let commit = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
    let dirty = (try? spawn(["git", "status", "--porcelain", "--untracked-files=no"], log: log))?.output.isEmpty == false
    return commit.isEmpty ? nil : commit + (dirty ? " (with uncommitted changes)" : "")
}

struct PairedBenchmark {
    let pairs: Int, threads: Int, python: String, useTorch: Bool, data: String, out: String, snapshotPath: String

    func run() throws {
        try requireDataFiles(in: data)
        let logs = out + "/logs"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        var machine = thisMachine(threads: threads)
        var torch = useTorch
        if useTorch {
            do {
                let info = try JSONDecoder().decode(TorchInfo.self, from: Data(try spawn(
                    [python, "bench/torch_mlp.py", "info", "--threads", "\(threads)"], log: logs + "/torch-info.json").output.utf8))
                (machine.torch, machine.torchThreads, machine.torchVectors) = (info.version, info.threads, info.capability)
            } catch {
                say("PyTorch not available (\(error)):\ntiming the book's engine only. For the comparison: pip install torch==2.13.0+cpu\n")
                torch = false
            }
        }
        let loadBefore = loadAverage()
        say("machine: \(machine.summary)")
        say("load average before (1, 5, 15 min): \(describe(load: loadBefore))\n")

        say("512×512·512×512, step by step         GFLOP/s")
        let kernels = kernelSteps(threads: threads).map { KernelResult(key: $0.key, name: $0.name, gflops: rounded($0.gflops)) }
        for k in kernels { say(k.name.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%7.1f", k.gflops)) }

        say("\n\(pairs) pair\(pairs == 1 ? "" : "s") on the MNIST files of \(data), each side in a fresh process after a warm-up, "
              + "in turn: " + (torch ? "book, PyTorch, book, PyTorch, …" : "book only")
              + "; then the engine's dense epochs (zeros not skipped, unpaired)")
        var rounds: [String: [RoundResult]] = [:], torchRounds: [String: [RoundResult]] = [:]
        let me = currentExecutable()
        let kinds: [(key: String, book: [String], torch: [String])] = [
            ("epoch.b20", ["round", "epoch", "--batch", "20"], ["epoch", "--batch", "20"]),
            ("epoch.b128", ["round", "epoch", "--batch", "128"], ["epoch", "--batch", "128"]),
            ("inference", ["round", "inference"], ["inference"]),
        ]
        let denseKinds: [(key: String, book: [String])] = [
            ("dense.b20", ["round", "epoch", "--batch", "20", "--dense"]),
            ("dense.b128", ["round", "epoch", "--batch", "128", "--dense"]),
        ]
        let common = ["--threads", "\(threads)", "--data", data]
        for pair in 1...pairs {
            var line = "  pair \(pair):"
            for kind in kinds {
                let book = try round([me] + kind.book + common, log: "\(logs)/book-\(kind.key)-\(pair).json")
                rounds[kind.key, default: []].append(book)
                line += "  \(kind.key) book " + show(book)
                if torch {
                    let theirs = try round([python, "bench/torch_mlp.py"] + kind.torch + common,
                                           log: "\(logs)/torch-\(kind.key)-\(pair).json")
                    torchRounds[kind.key, default: []].append(theirs)
                    line += ", PyTorch " + show(theirs)
                }
            }
            for kind in denseKinds {
                let book = try round([me] + kind.book + common, log: "\(logs)/book-\(kind.key)-\(pair).json")
                rounds[kind.key, default: []].append(book)
                line += "  \(kind.key) " + show(book)
            }
            say(line)
        }
        let loadAfter = loadAverage()

        func runs(_ key: String, _ value: (RoundResult) -> Double?, torchSide: Bool = false) -> [Double]? {
            guard let list = (torchSide ? torchRounds : rounds)[key] else { return nil }
            return list.map { value($0) ?? .nan }
        }
        let seconds = { (r: RoundResult) in r.seconds }, rate = { (r: RoundResult) in r.imagesPerSecond }
        let share = { (r: RoundResult) -> Double? in r.gflops.flatMap { g in r.peakGflops.map { g / $0 } } }
        let measures = [
            Measure(key: "epoch.b20", name: "batch-20 epoch, s", unit: "s",
                    bookRuns: runs("epoch.b20", seconds)!, torchRuns: runs("epoch.b20", seconds, torchSide: true)),
            Measure(key: "epoch.b128", name: "batch-128 epoch, s", unit: "s",
                    bookRuns: runs("epoch.b128", seconds)!, torchRuns: runs("epoch.b128", seconds, torchSide: true)),
            Measure(key: "inference", name: "inference, images/s", unit: "images/s",
                    bookRuns: runs("inference", rate)!, torchRuns: runs("inference", rate, torchSide: true)),
            // The engine as it is, in the dense unit: the FLOPs a dense epoch does, over this epoch's time.
            Measure(key: "equivalent.b20", name: "batch-20 epoch, dense-equiv. GFLOP/s", unit: "GFLOP/s",
                    bookRuns: runs("epoch.b20", { $0.gflops })!, torchRuns: nil),
            Measure(key: "equivalent.b128", name: "batch-128 epoch, dense-equiv. GFLOP/s", unit: "GFLOP/s",
                    bookRuns: runs("epoch.b128", { $0.gflops })!, torchRuns: nil),
            // The engine against its own ceiling: dense epochs, each with the GEMM peak measured right after it.
            Measure(key: "gflops.b20", name: "engine, dense batch-20 epoch, GFLOP/s", unit: "GFLOP/s",
                    bookRuns: runs("dense.b20", { $0.gflops })!, torchRuns: nil),
            Measure(key: "gflops.b128", name: "engine, dense batch-128 epoch, GFLOP/s", unit: "GFLOP/s",
                    bookRuns: runs("dense.b128", { $0.gflops })!, torchRuns: nil),
            Measure(key: "peak", name: "engine's GEMM peak, \(threads) threads, GFLOP/s", unit: "GFLOP/s",
                    bookRuns: runs("dense.b20", { $0.peakGflops })! + runs("dense.b128", { $0.peakGflops })!, torchRuns: nil),
            Measure(key: "share.b20", name: "dense batch-20 epoch / GEMM peak", unit: "of peak",
                    bookRuns: runs("dense.b20", share)!, torchRuns: nil),
            Measure(key: "share.b128", name: "dense batch-128 epoch / GEMM peak", unit: "of peak",
                    bookRuns: runs("dense.b128", share)!, torchRuns: nil),
        ].map(\.rounded)
        let results = PairedResults(date: utcNow(), commit: currentCommit(log: logs + "/git.txt"), machine: machine,
                                    loadBefore: loadBefore, loadAfter: loadAfter, pairs: pairs,
                                    measures: measures, kernels: kernels)
        say("load average after (1, 5, 15 min): \(describe(load: loadAfter))\n")
        try writeJSON(results, to: out + "/paired.json")
        printTable(results, recorded: try recordedSnapshot(snapshotPath)?.paired, snapshotPath: snapshotPath)
        say("\nsaved \(out)/paired.json (the recorded snapshot, \(snapshotPath), changes only with make bench-record)")
    }

    /// One measurement in a fresh process: its one line of JSON.
    func round(_ arguments: [String], log: String) throws -> RoundResult {
        let run = try spawn(arguments, log: log)
        do { return try JSONDecoder().decode(RoundResult.self, from: Data(run.output.utf8)) } catch {
            throw SpawnError(description: "\(arguments.joined(separator: " ")) printed no result (see \(log))")
        }
    }

    func show(_ r: RoundResult) -> String {
        if let s = r.seconds { return String(format: "%.2f s", s) }
        return String(format: "%.0f/s", r.imagesPerSecond ?? .nan)
    }
}

struct TorchInfo: Decodable {
    var version: String, threads: Int, capability: String?
}

/// A value kept to four significant digits: the JSON stays readable and no digit claims more than a run shows.
func rounded(_ x: Double) -> Double {
    guard x.isFinite, x != 0 else { return x }
    let scale = pow(10, 3 - floor(log10(abs(x))))
    return (x * scale).rounded() / scale
}

extension Measure {
    var rounded: Measure {
        Measure(key: key, name: name, unit: unit, bookRuns: bookRuns.map(BookBench.rounded),
                torchRuns: torchRuns?.map(BookBench.rounded))
    }

    /// How a value of this measure prints.
    var style: String {
        switch unit {
        case "s": "%.2f"
        case "images/s": "%.0f"
        case "of peak": "%.2f"
        default: "%.1f"
        }
    }
}

/// The table `make bench` prints: this run's medians and ranges, and beside them the recorded ones.
func printTable(_ results: PairedResults, recorded: PairedResults?, snapshotPath: String) {
    say("Medians over \(results.pairs) pair\(results.pairs == 1 ? "" : "s") (min–max); book/PyTorch is the median of the per-pair ratios")
    say("(epochs: below 1 means the book is faster; inference: above 1 means the book is faster).")
    if let recorded {
        say("Recorded: \(snapshotPath), \(recorded.conditions); "
              + (recorded.machine == results.machine ? "this machine kind" : recorded.machine.summary))
    }
    say(cell("measure", 40) + cell("book", 26) + cell("PyTorch", 26) + cell("book/PyTorch", 22) + (recorded == nil ? "" : "recorded"))
    for m in results.measures {
        let ours = m.ratio.map { $0.format("%.2f", suffix: "×") } ?? "–"
        let old = recorded?.measures.first { $0.key == m.key }
        let oldText = old.map { o in o.ratio.map { $0.format("%.2f", suffix: "×") } ?? o.book.format(o.style) } ?? (recorded == nil ? "" : "–")
        say(cell(m.name, 40) + cell(m.book.format(m.style), 26) + cell(m.torch?.format(m.style) ?? "–", 26) + cell(ours, 22) + oldText)
    }
}
