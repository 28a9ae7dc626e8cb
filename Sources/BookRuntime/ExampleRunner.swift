// The runtime of the chapters' examples: `book tangle` turns each chapter's `swift example`
// snippets into one function that calls `begin` before each example; `BookExamples` (generated)
// lists the chapters and hands the command line to `ExampleRunner.main`. Takes in the chapters'
// example functions and the command line; gives out the examples' output (with headers for a
// reader, or the `RunnerProtocol` markers for `book verify`) and their figures as SVG files.
//
//     BookExamples                 list the chapters
//     BookExamples 02              run chapter 2's examples, with a header before each
//     BookExamples 02 --markers    the same for `book verify`: a marker line before each example
//     BookExamples 02 --slow       also run the examples marked slow
//     BookExamples 02 --solutions  also run the solutions of the exercises, after the examples
import ArgumentParser
import Plot
import RunnerProtocol
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// One chapter's examples, as the generated runner lists them.
public struct ChapterExamples {
    /// The chapter's number (1 for `01-perceptron.md`).
    public var number: Int
    /// The chapter's file name without `.md`: `01-perceptron`.
    public var slug: String
    /// The chapter's path relative to the package root: `chapters/01-perceptron.md`.
    public var path: String
    /// The chapter's title (its `#` heading).
    public var title: String
    /// Runs the chapter's examples in order.
    public var run: (ExampleRunner) -> Void

    /// A chapter's entry in the runner's list.
    public init(number: Int, slug: String, path: String, title: String, run: @escaping (ExampleRunner) -> Void) {
        self.number = number
        self.slug = slug
        self.path = path
        self.title = title
        self.run = run
    }
}

/// Marks where each example starts, in the terminal or for the verifier.
public final class ExampleRunner {
    let chapter: ChapterExamples
    let markers: Bool
    let runSlow: Bool
    /// Whether the chapter's solutions run after its examples.
    public let runsSolutions: Bool

    init(chapter: ChapterExamples, markers: Bool, runSlow: Bool, runsSolutions: Bool) {
        self.chapter = chapter
        self.markers = markers
        self.runSlow = runSlow
        self.runsSolutions = runsSolutions
    }

    /// Called before example `ordinal`, which starts at `line` of the chapter.
    public func begin(_ ordinal: Int, line: Int, hidden: Bool) {
        FigureSink.shared.begin { FigureFile.name(example: ordinal, index: $0) }
        if markers {
            print(Marker.example(ordinal).line)
        } else if !hidden {
            print("\n── Example \(ordinal) · \(chapter.path):\(line) " + String(repeating: "─", count: 20))
        }
    }

    /// Called before solution `ordinal` (numbered with the examples) of exercise `exercise`.
    public func beginSolution(_ ordinal: Int, exercise: Int, line: Int, hidden: Bool) {
        FigureSink.shared.begin { FigureFile.name(example: ordinal, index: $0) }
        if markers {
            print(Marker.example(ordinal).line)
        } else if !hidden {
            print("\n── Solution of exercise \(exercise) · \(chapter.path):\(line) " + String(repeating: "─", count: 20))
        }
    }

    /// Called before a slow example; says whether to run it.
    public func beginSlow(_ ordinal: Int, line: Int) -> Bool {
        if runSlow {
            begin(ordinal, line: line, hidden: false)
        } else if markers {
            print(Marker.skipped(ordinal).line)
        } else {
            print("\n── Example \(ordinal) · \(chapter.path):\(line) is slow: skipped (add --slow to run it)")
        }
        return runSlow
    }

    /// Called after the last example: the verifier knows the chapter ran to its end.
    public func end() {
        if markers { print(Marker.end.line) }
    }

    /// Parses the command line and runs what it asks for. A usage error (an unknown option, a
    /// chapter that does not exist) prints the error and the usage and exits with status 64.
    public static func main(_ chapters: [ChapterExamples]) {
        let options: RunnerOptions
        let selected: [ChapterExamples]?
        do {
            options = try RunnerOptions.parse(Array(CommandLine.arguments.dropFirst()))
            selected = try options.chapters(from: chapters)
        } catch {
            RunnerOptions.exit(withError: error)
        }
        guard let selected else {
            print("Chapters with examples (run one with `make run CHAPTER=NN`):")
            for c in chapters { print("  \(twoDigits(c.number))  \(c.title)  (\(c.path))") }
            return
        }
        // Line-buffered, so that the output before a trap is not lost.
        setvbuf(stdout, nil, _IOLBF, 0)
        if let directory = getenv(RunnerInvocation.figuresDirectoryVariable) {
            FigureSink.shared.directory = String(cString: directory)
        }
        for chapter in selected {
            if !options.markers { print("━━ \(chapter.title) (\(chapter.path))") }
            chapter.run(ExampleRunner(chapter: chapter, markers: options.markers, runSlow: options.slow,
                                      runsSolutions: options.solutions))
        }
    }
}

/// The runner's command line.
struct RunnerOptions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "BookExamples",
        abstract: "Runs the book's examples, chapter by chapter (`make run CHAPTER=NN`).",
        discussion: "Without a chapter, lists the chapters that have examples.")

    @Argument(help: "The chapter to run: its number (02 or 2), its file name without .md (02-activations), or all.")
    var chapter: String?

    @Flag(name: .customLong(String(RunnerInvocation.markersFlag.dropFirst(2))),
          help: "Print marker lines for `book verify` instead of headers.")
    var markers = false

    @Flag(name: .customLong(String(RunnerInvocation.slowFlag.dropFirst(2))),
          help: "Also run the examples marked slow.")
    var slow = false

    @Flag(name: .customLong(String(RunnerInvocation.solutionsFlag.dropFirst(2))),
          help: "Also run the solutions of the chapter's exercises, after its examples.")
    var solutions = false

    /// The chapters the command line names; nil when it names none (list them).
    func chapters(from all: [ChapterExamples]) throws -> [ChapterExamples]? {
        guard let name = chapter else { return nil }
        if name == "all" { return all }
        let selected = all.filter { $0.slug == name || twoDigits($0.number) == name || "\($0.number)" == name }
        guard !selected.isEmpty else {
            let known = all.map { twoDigits($0.number) }.joined(separator: ", ")
            throw ValidationError("no chapter '\(name)' has examples; the chapters with examples are \(known) (or all)")
        }
        return selected
    }
}

func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
