// The runtime of the chapters' examples: `book tangle` turns each chapter's `swift example`
// snippets into one function that calls `begin` before each example. Takes in a chapter's example
// function; gives out the examples' output, with headers for a reader or the `RunnerProtocol` markers
// for `book verify`, and says when each example starts (so that its figures get its name).
//
// This file builds in both worlds: natively, where `BookExamples` hands it the command line
// (RunnerCommand.swift), and in WebAssembly with Embedded Swift, where the page calls the module's
// `book_run` export (tools/wasm/Runtime/PageEntry.swift).
import RunnerProtocol

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
    /// Called as an example or solution starts, with its ordinal: names the figures it draws.
    let starting: (Int) -> Void

    init(chapter: ChapterExamples, markers: Bool, runSlow: Bool, runsSolutions: Bool, starting: @escaping (Int) -> Void) {
        self.chapter = chapter
        self.markers = markers
        self.runSlow = runSlow
        self.runsSolutions = runsSolutions
        self.starting = starting
    }

    /// Called before example `ordinal`, which starts at `line` of the chapter.
    public func begin(_ ordinal: Int, line: Int, hidden: Bool) {
        starting(ordinal)
        if markers {
            print(Marker.example(ordinal).line)
        } else if !hidden {
            print("\n── Example \(ordinal) · \(chapter.path):\(line) " + String(repeating: "─", count: 20))
        }
    }

    /// Called before solution `ordinal` (numbered with the examples) of exercise `exercise`.
    public func beginSolution(_ ordinal: Int, exercise: Int, line: Int, hidden: Bool) {
        starting(ordinal)
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

    /// Runs `chapter`'s examples (the slow ones when `slow`, the solutions when `solutions`), after a
    /// title line for a reader; `starting` hears the ordinal of each example as it starts.
    public static func run(_ chapter: ChapterExamples, markers: Bool, slow: Bool, solutions: Bool,
                           starting: @escaping (Int) -> Void) {
        if !markers { print("━━ \(chapter.title) (\(chapter.path))") }
        chapter.run(ExampleRunner(chapter: chapter, markers: markers, runSlow: slow, runsSolutions: solutions,
                                  starting: starting))
    }
}
