import BookSource
import BookSupport
import Foundation
import RunnerProtocol
import Synchronization

/// What one run of a chapter's examples printed and drew.
struct ChapterRun {
    /// Output of each example that ran, by ordinal, normalized (see `normalizeOutput`).
    var outputs: [Int: String] = [:]
    /// Slow examples not run this time.
    var skipped: Set<Int> = []
    /// SVG files drawn, by file name (`ex03-1.svg`).
    var figures: [String: Data] = [:]
    /// Set when the run did not reach its end: the example that was running and what went wrong.
    var crash: (ordinal: Int?, message: String)?
    /// Wall-clock seconds the chapter's process ran (with the other chapters running beside it).
    var seconds = 0.0
}

/// How one chapter fared in `book verify`.
public struct ChapterReport: Sendable {
    /// The chapter checked.
    public var chapter: Chapter
    /// Swift snippets compiled (library and example, hidden included).
    public var compiled = 0
    /// Examples that ran (slow ones skipped are not counted).
    public var ran = 0
    /// Output blocks reproduced exactly.
    public var checked = 0
    /// Figures identical to the committed SVGs.
    public var figuresChecked = 0
    /// Examples marked slow that were not run.
    public var slowSkipped = 0
    /// The chapter's exercises.
    public var exercises = 0
    /// Exercises with at least one solution.
    public var solved = 0
    /// Exercises without a solution (an error with `requireSolutions`, else a warning).
    public var unsolved: [ChapterError] = []
    /// The chapter's figures (committed SVGs), and how many of them have a caption.
    public var figures = 0
    public var captioned = 0
    /// Figures without a caption (an error with `requireCaptions`, else a warning).
    public var uncaptioned: [ChapterError] = []
    /// What went wrong, each at its chapter line.
    public var failures: [ChapterError] = []
    /// Wall-clock seconds the chapter's examples took to run (chapters run side by side, one per
    /// core, so this is the time beside the others, not alone).
    public var seconds = 0.0
}

/// The output comparison rule: trailing spaces on every line and blank lines at the end are ignored.
public func normalizeOutput(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { String($0.reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed()) }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
}

/// Runs every chapter's examples (through the compiled `BookExamples` runner) and checks that they
/// print exactly their output blocks and draw exactly the committed figures. `bless` rewrites both.
public struct Verifier: Sendable {
    /// The whole book (for the imports between chapters).
    public var book: Book
    /// Path of the compiled `BookExamples` executable.
    public var runner: String
    /// Package root: chapters' paths and `chapters/figures` are relative to it.
    public var root: String
    /// Also run the examples marked slow.
    public var runSlow = false
    /// Whether an exercise without a solution fails the chapter (otherwise it is a warning).
    public var requireSolutions = false
    /// Whether a figure without a caption fails the chapter (otherwise it is a warning).
    public var requireCaptions = false

    /// A verifier running `runner` from the package root `root`.
    public init(book: Book, runner: String, root: String, runSlow: Bool = false, requireSolutions: Bool = false,
                requireCaptions: Bool = false) {
        self.book = book
        self.runner = runner
        self.root = root
        self.runSlow = runSlow
        self.requireSolutions = requireSolutions
        self.requireCaptions = requireCaptions
    }

    /// The book's figures with their numbers and captions, and the caption and figure-link problems
    /// (see `FigureCatalog`), from the committed figures.
    public func figureCatalog() -> FigureCatalog {
        FigureCatalog(book: book, files: FigureCatalog.committedFiles(book, root: root), requireCaptions: requireCaptions)
    }

    /// The example that drew a figure file: `ex03-1.svg` → 3 (0 for a name not in that form).
    public static func exampleOrdinal(ofFigure name: String) -> Int {
        FigureFile.example(ofFigure: name) ?? 0
    }

    /// Runs each chapter's examples and checks their outputs and figures; one report per chapter, in
    /// the order given. The chapters run side by side, one per core: each in a process and a scratch
    /// directory of its own, so a chapter's output is the same as when it runs alone.
    public func verify(_ chapters: [Chapter]) throws -> [ChapterReport] {
        let catalog = figureCatalog()
        let results = Mutex<[Int: Result<ChapterReport, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: chapters.count) { k in
            let result = Result { try report(chapters[k], run(chapters[k]), catalog: catalog) }
            results.withLock { $0[k] = result }
        }
        let finished = results.withLock { $0 }
        return try chapters.indices.map { try finished[$0]!.get() }
    }

    /// The chapter's report; with `catalog`, its captions and figure links are reported too.
    func report(_ chapter: Chapter, _ run: ChapterRun, catalog: FigureCatalog? = nil) -> ChapterReport {
        var report = ChapterReport(chapter: chapter)
        report.seconds = run.seconds
        let figures = catalog?.figures[chapter.slug] ?? []
        report.figures = figures.count
        report.captioned = figures.filter { $0.caption != nil }.count
        for problem in catalog?.problems ?? [] where problem.file == chapter.path {
            if problem.severity == .error { report.failures.append(problem) } else { report.uncaptioned.append(problem) }
        }
        report.compiled = chapter.snippets.filter {
            switch $0.kind { case .library, .example, .solution: true; default: false }
        }.count
        let solvedNumbers = Set(chapter.snippets.compactMap { snippet -> Int? in
            guard case .solution = snippet.kind else { return nil }
            return chapter.exercise(containing: snippet.fenceLine)?.number
        })
        report.exercises = chapter.exercises.count
        report.solved = solvedNumbers.count
        for exercise in chapter.exercises where !solvedNumbers.contains(exercise.number) {
            let problem = ChapterError(file: chapter.path, line: exercise.line,
                "exercise \(exercise.number) has no solution (add a ```swift solution block, indented under the item, "
                + "and run `make bless`)", severity: requireSolutions ? .error : .warning)
            if requireSolutions { report.failures.append(problem) } else { report.unsolved.append(problem) }
        }
        report.slowSkipped = run.skipped.count
        func fail(_ line: Int, _ message: String) { report.failures.append(ChapterError(file: chapter.path, line: line, message)) }

        for example in chapter.examples {
            guard let actual = run.outputs[example.ordinal] else { continue }
            report.ran += 1
            let line = example.snippet.fenceLine
            if example.hidden {
                if !actual.isEmpty { fail(line, "a hidden example must not print (nobody would see it); it printed:\n" + indent(actual)) }
                continue
            }
            guard let block = example.output else {
                if !actual.isEmpty {
                    fail(line, "the example prints output but the chapter shows none (run `make bless` to add it):\n" + indent(actual))
                }
                continue
            }
            let expected = normalizeOutput(block.code)
            if expected == actual {
                report.checked += 1
            } else {
                fail(block.fenceLine, "output differs from what the example at line \(line) prints"
                     + " (run `make bless` to accept the new output)\n" + describeDifference(expected: expected, actual: actual))
            }
        }
        if let crash = run.crash {
            let line = crash.ordinal.flatMap { o in chapter.examples.first { $0.ordinal == o }?.snippet.fenceLine } ?? 0
            fail(line, crash.message)
        }

        // Figures: compare with the committed SVGs of the examples that ran.
        let committedDirectory = root + "/" + chapter.figureDirectory
        let committed = Set((try? FileManager.default.contentsOfDirectory(atPath: committedDirectory)) ?? [])
            .filter { $0.hasSuffix(".svg") }
        for name in run.figures.keys.sorted() {
            let ordinal = Self.exampleOrdinal(ofFigure: name)
            let line = chapter.examples.first { $0.ordinal == ordinal }?.snippet.fenceLine ?? 0
            let path = chapter.figureDirectory + "/" + name
            if !committed.contains(name) {
                fail(line, "the example draws \(path), which is not committed (run `make bless`)")
            } else if FileManager.default.contents(atPath: root + "/" + path) != run.figures[name] {
                fail(line, "the example draws a different \(path) than the committed one (run `make bless`)")
            } else {
                report.figuresChecked += 1
            }
        }
        for name in committed.subtracting(run.figures.keys).sorted() {
            let ordinal = Self.exampleOrdinal(ofFigure: name)
            if run.skipped.contains(ordinal) || run.crash != nil { continue }
            fail(0, "\(chapter.figureDirectory)/\(name) is committed but no example draws it (run `make bless`)")
        }
        return report
    }

    /// Runs one chapter's examples in a child process and splits what it printed at the marker lines.
    func run(_ chapter: Chapter) throws -> ChapterRun {
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("book-verify-\(chapter.slug)-\(UUID().uuidString)")
        try? fm.removeItem(at: scratch)
        let figures = scratch.appendingPathComponent("figures")
        try fm.createDirectory(at: figures, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: scratch) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: runner)
        process.arguments = RunnerInvocation.arguments(chapter: chapter.slug, slow: runSlow, solutions: true)
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        var environment = ProcessInfo.processInfo.environment
        environment[RunnerInvocation.figuresDirectoryVariable] = figures.path
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let stdoutURL = scratch.appendingPathComponent("stdout"), stderrURL = scratch.appendingPathComponent("stderr")
        _ = fm.createFile(atPath: stdoutURL.path, contents: nil)
        _ = fm.createFile(atPath: stderrURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        let clock = ContinuousClock(), start = clock.now
        do { try process.run() } catch { throw ToolError("cannot run \(runner): \(error)") }
        process.waitUntilExit()
        let elapsed = (clock.now - start).components

        let stdout = String(decoding: (try? Data(contentsOf: stdoutURL)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self)
        var result = ChapterRun()
        result.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
        var current: Int?
        var buffer: [Substring] = []
        var finished = false
        func flush() {
            if let current { result.outputs[current] = normalizeOutput(buffer.joined(separator: "\n")) }
            buffer = []
        }
        for line in stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            let parsed = Marker.parse(line)
            guard parsed != .output else { buffer.append(line); continue }
            flush()
            switch parsed {
            case .marker(.example(let n)): current = n
            case .marker(.skipped(let n)): result.skipped.insert(n); current = nil
            case .marker(.end): finished = true; current = nil
            case .output, .unknownMarker: break
            }
        }
        flush()
        if !finished || process.terminationStatus != 0 {
            let how = process.terminationReason == .uncaughtSignal
                ? "was stopped by signal \(process.terminationStatus)" : "exited with status \(process.terminationStatus)"
            let detail = stderr.split(separator: "\n").prefix(15).joined(separator: "\n")
            result.crash = (current, "the example did not finish: the chapter's examples \(how)\n" + indent(detail))
            if let current { result.outputs[current] = nil }
        }
        for name in (try? fm.contentsOfDirectory(atPath: figures.path)) ?? [] where name.hasSuffix(".svg") {
            result.figures[name] = fm.contents(atPath: figures.appendingPathComponent(name).path)
        }
        return result
    }
}

func longestBacktickRun(_ text: String) -> Int {
    var longest = 0, run = 0
    for ch in text { run = ch == "`" ? run + 1 : 0; longest = max(longest, run) }
    return longest
}

func indent(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "    | " + $0 }.joined(separator: "\n")
}

/// The first line where two outputs differ, with both versions of it, and the whole new output.
func describeDifference(expected: String, actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let first = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
    let shown = { (lines: [Substring]) in first < lines.count ? String(lines[first]) : "(no more lines)" }
    return "    first difference at output line \(first + 1):\n"
        + "      expected: \(shown(e))\n      actual:   \(shown(a))\n    the example printed:\n"
        + indent(a.prefix(40).joined(separator: "\n")) + (a.count > 40 ? "\n    | …" : "")
}
