// The results as JSON: what `run` and `job` write under .build/bench, and what `record` copies into the
// one recorded snapshot the chapters quote (bench/snapshot.json).
import BookSupport
import Foundation

/// The median of some runs and their range. A ratio's spread is the range of the per-pair ratios.
struct Spread: Codable, Equatable {
    var median: Double
    var min: Double
    var max: Double

    init(_ values: [Double]) {
        precondition(!values.isEmpty, "a spread of no values")
        let sorted = values.sorted(), n = sorted.count
        median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        min = sorted[0]
        max = sorted[n - 1]
    }

    func format(_ style: String, suffix: String = "") -> String {
        String(format: style, median) + suffix + " (" + String(format: style, min) + "–" + String(format: style, max) + ")"
    }
}

/// One measure over all pairs: each side's runs, in the order they ran, and the ratio of each pair.
struct Measure: Codable {
    var key: String
    var name: String
    /// "s" (less is better), "images/s" or "GFLOP/s" (more is better), "of peak" (a fraction).
    var unit: String
    var bookRuns: [Double]
    var torchRuns: [Double]?
    var book: Spread { Spread(bookRuns) }
    var torch: Spread? { torchRuns.map(Spread.init) }
    /// Book / PyTorch, pair by pair.
    var ratio: Spread? { torchRuns.map { Spread(zip(bookRuns, $0).map { $0 / $1 }) } }

    // The spreads are stored too, so that a reader of the JSON (and chapter 9) need not recompute them.
    enum CodingKeys: String, CodingKey { case key, name, unit, bookRuns, torchRuns, book, torch, ratio }
    init(key: String, name: String, unit: String, bookRuns: [Double], torchRuns: [Double]?) {
        (self.key, self.name, self.unit, self.bookRuns, self.torchRuns) = (key, name, unit, bookRuns, torchRuns)
    }
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(key: try c.decode(String.self, forKey: .key), name: try c.decode(String.self, forKey: .name),
                  unit: try c.decode(String.self, forKey: .unit), bookRuns: try c.decode([Double].self, forKey: .bookRuns),
                  torchRuns: try c.decodeIfPresent([Double].self, forKey: .torchRuns))
    }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key); try c.encode(name, forKey: .name); try c.encode(unit, forKey: .unit)
        try c.encode(bookRuns, forKey: .bookRuns); try c.encodeIfPresent(torchRuns, forKey: .torchRuns)
        try c.encode(book, forKey: .book); try c.encodeIfPresent(torch, forKey: .torch); try c.encodeIfPresent(ratio, forKey: .ratio)
    }
}

/// One of chapter 9's matrix-product steps (`BookBench kernels`), in GFLOP/s.
struct KernelResult: Codable {
    var key, name: String
    var gflops: Double
}

/// When a recording was made and how busy the machine was: what `run` and `job` both record, so
/// that a figure is never read without the load it was measured under.
protocol Recording {
    /// UTC, ISO 8601.
    var date: String { get }
    /// Pairs of runs (book, PyTorch) behind each median.
    var pairs: Int { get }
    /// The load average (1, 5, 15 min) before the first run and after the last.
    var loadBefore: [Double] { get }
    var loadAfter: [Double] { get }
}

extension Recording {
    /// "2026-11-30T01:02:03Z, 5 pairs, load 0.4 0.5 0.6 → 2.1 1.0 0.7".
    var conditions: String {
        "\(date), \(pairs) pair\(pairs == 1 ? "" : "s"), load \(describe(load: loadBefore)) → \(describe(load: loadAfter))"
    }
}

/// What `BookBench run` measured. The measures' keys, which chapters 7 and 9 read from the snapshot:
///
/// - `epoch.b20`, `epoch.b128` (s) and `inference` (images/s): the engine as it is (zeros skipped)
///   and PyTorch, paired, on the MNIST files;
/// - `equivalent.b20`, `equivalent.b128` (GFLOP/s): the same epochs of the engine in the dense unit,
///   a dense epoch's FLOP count over their time (more than the engine computes when it skips zeros);
/// - `gflops.b20`, `gflops.b128` (GFLOP/s): the engine's dense epochs (skipsZeroInputs off), unpaired;
/// - `peak` (GFLOP/s): the engine's GEMM peak, measured right after each dense epoch;
/// - `share.b20`, `share.b128` (of peak): each dense epoch's GFLOP/s over the peak measured after it.
struct PairedResults: Codable, Recording {
    var date: String
    var commit: String?
    var machine: Machine
    var loadBefore, loadAfter: [Double]
    var pairs: Int
    var measures: [Measure]
    var kernels: [KernelResult]
}

/// What `BookBench job` measured.
struct JobResults: Codable, Recording {
    var date: String
    var epochs, pairs: Int
    var loadBefore, loadAfter: [Double]
    var batches: [Batch]

    /// The whole job at one batch size: wall time and peak memory of each side, pair by pair.
    struct Batch: Codable {
        var batch: Int
        var wallSeconds, peakMegabytes: Measure
    }
}

/// A table cell: `text` padded with spaces to `width` characters (never cut).
func cell(_ text: String, _ width: Int) -> String {
    text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
}

/// The recorded snapshot: one paired run and one whole-job run, from the same machine.
struct Snapshot: Codable {
    var paired: PairedResults
    var job: JobResults
}

func readJSON<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
    guard let data = FileManager.default.contents(atPath: path) else { throw SpawnError(description: "\(path): cannot read it") }
    do { return try JSONDecoder().decode(type, from: data) } catch {
        throw SpawnError(description: "\(path): not a \(type) (\(error))")
    }
}

func writeJSON<T: Encodable>(_ value: T, to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try writeAtomically(try encoder.encode(value) + Data("\n".utf8), to: path)
}

/// The snapshot, if there is one: a missing file is not an error (nothing to compare with), a broken one is.
func recordedSnapshot(_ path: String) throws -> Snapshot? {
    FileManager.default.fileExists(atPath: path) ? try readJSON(Snapshot.self, from: path) : nil
}
