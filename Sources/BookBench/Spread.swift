// `BookBench spread`: the same epoch of the engine many times, each in a fresh process, to see how
// much its time varies from run to run: a bimodal epoch (fast in some runs, half again as slow in
// others, with nothing changed) shows as a maximum far above the median.
import Foundation

/// What `spread` writes to <out>/spread-b<batch>.json.
struct SpreadResults: Codable {
    var date: String
    var commit: String?
    var machine: Machine
    var batch: Int
    /// Whether the epoch was dense (skipsZeroInputs off) rather than the engine as it is.
    var dense: Bool
    var threads: Int
    var loadBefore: [Double], loadAfter: [Double]
    /// Each run's epoch time in seconds, in the order they ran.
    var seconds: [Double]
    var spread: Spread
    /// The slowest run over the median run.
    var maxOverMedian: Double
}

struct EpochSpread {
    let batch: Int, runs: Int, dense: Bool, threads: Int, data: String, out: String

    func run() throws {
        try requireDataFiles(in: data)
        let logs = out + "/logs"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        let machine = thisMachine(threads: threads)
        let loadBefore = loadAverage()
        say("machine: \(machine.summary)")
        say("load average before (1, 5, 15 min): \(describe(load: loadBefore))")
        let name = dense ? "dense-b\(batch)" : "b\(batch)"
        say("the engine's \(dense ? "dense " : "")batch-\(batch) epoch on \(data), \(runs) runs, each in a fresh process "
            + "after a warm-up:")
        let me = currentExecutable()
        var seconds: [Double] = []
        for index in 1...runs {
            let log = "\(logs)/spread-\(name)-\(index).json"
            let run = try spawn([me, "round", "epoch", "--batch", "\(batch)", "--threads", "\(threads)", "--data", data]
                                + (dense ? ["--dense"] : []), log: log)
            guard let result = try? JSONDecoder().decode(RoundResult.self, from: Data(run.output.utf8)),
                  let time = result.seconds else {
                throw SpawnError(description: "round epoch --batch \(batch) printed no result (see \(log))")
            }
            seconds.append(time)
            say(String(format: "  run %2d: %.2f s", index, time))
        }
        let loadAfter = loadAverage()
        let spread = Spread(seconds)
        let results = SpreadResults(date: utcNow(), commit: currentCommit(log: logs + "/git.txt"), machine: machine,
                                    batch: batch, dense: dense, threads: threads, loadBefore: loadBefore, loadAfter: loadAfter,
                                    seconds: seconds.map(rounded), spread: spread,
                                    maxOverMedian: rounded(spread.max / spread.median))
        say("load average after (1, 5, 15 min): \(describe(load: loadAfter))")
        say(String(format: "median %.2f s, min %.2f s, max %.2f s; max/median %.2f, min/median %.2f",
                   spread.median, spread.min, spread.max, spread.max / spread.median, spread.min / spread.median))
        say("(an epoch that is not bimodal keeps max/median at most 1.15 over 10 runs: the book's target for batch 20)")
        let path = "\(out)/spread-\(name).json"
        try writeJSON(results, to: path)
        say("saved \(path)")
    }
}
