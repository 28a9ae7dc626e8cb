// `BookBench job`: the whole job a user runs, `make train`'s recipe for a few epochs and the test,
// against the tutorial's PyTorch script (bench/torch_tutorial.py) on the same MNIST files, in turn:
// wall time from start to exit (loading included) and peak resident memory.
import Foundation

struct WholeJob {
    let pairs: Int, epochs: Int, python: String, data: String, trainer: String, out: String
    let snapshotPath = "bench/snapshot.json"

    func run() throws {
        let logs = out + "/logs"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        guard FileManager.default.isExecutableFile(atPath: trainer) else {
            throw SpawnError(description: "\(trainer): no such program (make bench-train builds it)")
        }
        let loadBefore = loadAverage()
        say("The whole job: \(epochs) epoch\(epochs == 1 ? "" : "s") and the test, `train` against bench/torch_tutorial.py, "
            + "\(pairs) pair\(pairs == 1 ? "" : "s") in turn")
        say("load average before (1, 5, 15 min): \(describe(load: loadBefore))")
        var batches: [JobResults.Batch] = []
        for batch in [20, 128] {
            var book: [ChildRun] = [], torch: [ChildRun] = []
            for pair in 1...pairs {
                let ours = try spawn([trainer, "--epochs", "\(epochs)", "--batch-size", "\(batch)", "--data", data,
                                      "--checkpoint", "\(out)/job-book.ckpt"], log: "\(logs)/job-book-b\(batch)-\(pair).txt")
                let theirs = try spawn([python, "bench/torch_tutorial.py", "--epochs", "\(epochs)", "--batch-size", "\(batch)",
                                        "--data", data, "--checkpoint", "\(out)/job-torch.pt"],
                                       log: "\(logs)/job-torch-b\(batch)-\(pair).txt")
                book.append(ours)
                torch.append(theirs)
                say("  batch \(batch), pair \(pair): book " + String(format: "%.1f s, %.0f MB", ours.wallSeconds, ours.peakBytes / 1e6)
                    + " (\(accuracy(ours.output))); PyTorch " + String(format: "%.1f s, %.0f MB", theirs.wallSeconds, theirs.peakBytes / 1e6)
                    + " (\(accuracy(theirs.output)))")
            }
            batches.append(JobResults.Batch(
                batch: batch,
                wallSeconds: Measure(key: "job.b\(batch).seconds", name: "batch \(batch), wall time, s", unit: "s",
                                     bookRuns: book.map(\.wallSeconds), torchRuns: torch.map(\.wallSeconds)).rounded,
                peakMegabytes: Measure(key: "job.b\(batch).memory", name: "batch \(batch), peak memory, MB", unit: "MB",
                                       bookRuns: book.map { $0.peakBytes / 1e6 }, torchRuns: torch.map { $0.peakBytes / 1e6 }).rounded))
        }
        let results = JobResults(date: utcNow(), epochs: epochs, pairs: pairs, loadBefore: loadBefore,
                                 loadAfter: loadAverage(), batches: batches)
        say("load average after (1, 5, 15 min): \(describe(load: results.loadAfter))\n")
        try writeJSON(results, to: out + "/job.json")
        printJobTable(results, recorded: try recordedSnapshot(snapshotPath)?.job)
        say("\nsaved \(out)/job.json; the runs' output is in \(logs)")
    }

    /// The overall test accuracy a run printed (both print the tutorial's table), to show they did the same job.
    func accuracy(_ output: String) -> String {
        guard let line = output.split(separator: "\n").last(where: { $0.lowercased().contains("accuracy (overall)") }),
              let percent = line.split(separator: " ").first(where: { $0.hasSuffix("%") }) else { return "no accuracy printed" }
        return "test accuracy " + percent
    }
}

func printJobTable(_ results: JobResults, recorded: JobResults?) {
    say("The whole job, \(results.epochs) epochs and the test: medians over \(results.pairs) pairs (min–max)")
    if let recorded { say("Recorded: \(recorded.conditions), \(recorded.epochs) epochs") }
    say(cell("measure", 32) + cell("book", 24) + cell("PyTorch", 24) + cell("book/PyTorch", 22) + (recorded == nil ? "" : "recorded"))
    for batch in results.batches {
        for (m, style) in [(batch.wallSeconds, "%.1f"), (batch.peakMegabytes, "%.0f")] {
            let old = recorded?.batches.first { $0.batch == batch.batch }
                .map { m.unit == "s" ? $0.wallSeconds : $0.peakMegabytes }
            say(cell(m.name, 32) + cell(m.book.format(style), 24) + cell(m.torch?.format(style) ?? "–", 24)
                  + cell(m.ratio?.format("%.2f", suffix: "×") ?? "–", 22) + (old?.ratio?.format("%.2f", suffix: "×") ?? ""))
        }
    }
}
