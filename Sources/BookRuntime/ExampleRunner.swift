// The runtime of the chapters' examples: `book tangle` turns each chapter's `swift example`
// snippets into one function that calls `begin` before each example; `BookExamples` (generated)
// lists the chapters and hands the command line to `ExampleRunner.main`.
//
//     BookExamples                 list the chapters
//     BookExamples 02              run chapter 2's examples, with a header before each
//     BookExamples 02 --markers    the same for `book verify`: a marker line before each example
//     BookExamples 02 --slow       also run the examples marked slow
//     BookExamples 02 --solutions  also run the solutions of the exercises, after the examples
import Plot
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// One chapter's examples, as the generated runner lists them.
public struct ChapterExamples {
    public var number: Int
    public var slug: String
    public var path: String
    public var title: String
    public var run: (ExampleRunner) -> Void

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
    /// Starts the verifier's marker lines; a character no example prints.
    public static let markerPrefix = "\u{1E}"

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
        FigureSink.shared.begin(prefix: "ex" + twoDigits(ordinal))
        if markers {
            print("\(Self.markerPrefix)example \(ordinal)")
        } else if !hidden {
            print("\n── Example \(ordinal) · \(chapter.path):\(line) " + String(repeating: "─", count: 20))
        }
    }

    /// Called before solution `ordinal` (numbered with the examples) of exercise `exercise`.
    public func beginSolution(_ ordinal: Int, exercise: Int, line: Int, hidden: Bool) {
        FigureSink.shared.begin(prefix: "ex" + twoDigits(ordinal))
        if markers {
            print("\(Self.markerPrefix)example \(ordinal)")
        } else if !hidden {
            print("\n── Solution of exercise \(exercise) · \(chapter.path):\(line) " + String(repeating: "─", count: 20))
        }
    }

    /// Called before a slow example; says whether to run it.
    public func beginSlow(_ ordinal: Int, line: Int) -> Bool {
        if runSlow {
            begin(ordinal, line: line, hidden: false)
        } else if markers {
            print("\(Self.markerPrefix)skipped \(ordinal)")
        } else {
            print("\n── Example \(ordinal) · \(chapter.path):\(line) is slow: skipped (add --slow to run it)")
        }
        return runSlow
    }

    /// Called after the last example: the verifier knows the chapter ran to its end.
    public func end() {
        if markers { print("\(Self.markerPrefix)end") }
    }

    /// Parses the command line and runs what it asks for; exits with status 2 on a usage error.
    public static func main(_ chapters: [ChapterExamples]) {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let flags = Set(arguments.filter { $0.hasPrefix("--") })
        let names = arguments.filter { !$0.hasPrefix("--") }
        guard flags.isSubset(of: ["--markers", "--slow", "--solutions"]), names.count <= 1 else {
            fail("usage: BookExamples [NN|slug|all] [--slow] [--solutions] [--markers]")
        }
        guard let name = names.first else {
            print("Chapters with examples (run one with `make run CHAPTER=NN`):")
            for c in chapters { print("  \(twoDigits(c.number))  \(c.title)  (\(c.path))") }
            return
        }
        let selected = name == "all" ? chapters : chapters.filter {
            $0.slug == name || twoDigits($0.number) == name || "\($0.number)" == name
        }
        guard !selected.isEmpty else { fail("no chapter '\(name)' has examples; run BookExamples to list them") }

        // Line-buffered, so that the output before a trap is not lost.
        setvbuf(stdout, nil, _IOLBF, 0)
        if let directory = getenv("BOOK_FIGURES_DIR") { FigureSink.shared.directory = String(cString: directory) }
        for chapter in selected {
            if !flags.contains("--markers") { print("━━ \(chapter.title) (\(chapter.path))") }
            chapter.run(ExampleRunner(chapter: chapter, markers: flags.contains("--markers"),
                                      runSlow: flags.contains("--slow"), runsSolutions: flags.contains("--solutions")))
        }
    }

    static func fail(_ message: String) -> Never {
        fputs(message + "\n", stderr)
        exit(2)
    }
}

func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
