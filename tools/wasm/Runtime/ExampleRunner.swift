// BookRuntime for WebAssembly: what the generated examples call (`runner.begin(...)`, ...), printing
// the same headers or `book verify` markers as the native runner, with no command line to parse:
// the host calls the module's `book_run(markers, solutions)` export.
import Plot
import RunnerProtocol

/// Tells the host which example runs now, so that it names that example's figures.
@_extern(wasm, module: "book", name: "begin_example")
@_extern(c)
func hostBeginExample(_ ordinal: Int)

/// One chapter's examples, as the generated `book_run` hands them over.
public struct ChapterExamples {
    public var path: String
    public var title: String
    public var run: (ExampleRunner) -> Void

    public init(path: String, title: String, run: @escaping (ExampleRunner) -> Void) {
        (self.path, self.title, self.run) = (path, title, run)
    }
}

/// Marks where each example starts, for a reader or for the verifier.
public final class ExampleRunner {
    let chapter: ChapterExamples
    let markers: Bool
    /// Whether the chapter's solutions run after its examples.
    public let runsSolutions: Bool

    init(chapter: ChapterExamples, markers: Bool, runsSolutions: Bool) {
        (self.chapter, self.markers, self.runsSolutions) = (chapter, markers, runsSolutions)
    }

    /// Called before example `ordinal`, which starts at `line` of the chapter.
    public func begin(_ ordinal: Int, line: Int, hidden: Bool) {
        hostBeginExample(ordinal)
        if markers {
            print(Marker.example(ordinal).line)
        } else if !hidden {
            print("\n── Example \(ordinal) · \(chapter.path):\(line) " + String(repeating: "─", count: 20))
        }
    }

    /// Called before solution `ordinal` (numbered with the examples) of exercise `exercise`.
    public func beginSolution(_ ordinal: Int, exercise: Int, line: Int, hidden: Bool) {
        hostBeginExample(ordinal)
        if markers {
            print(Marker.example(ordinal).line)
        } else if !hidden {
            print("\n── Solution of exercise \(exercise) · \(chapter.path):\(line) " + String(repeating: "─", count: 20))
        }
    }

    /// Called before a slow example: in the page, slow examples are never run.
    public func beginSlow(_ ordinal: Int, line: Int) -> Bool {
        if markers {
            print(Marker.skipped(ordinal).line)
        } else {
            print("\n── Example \(ordinal) · \(chapter.path):\(line) is slow: skipped in the page")
        }
        return false
    }

    /// Called after the last example.
    public func end() {
        if markers { print(Marker.end.line) }
    }

    /// Runs `chapter`'s examples (and solutions when asked).
    public static func run(_ chapter: ChapterExamples, markers: Bool, solutions: Bool) {
        if !markers { print("━━ \(chapter.title) (\(chapter.path))") }
        chapter.run(ExampleRunner(chapter: chapter, markers: markers, runsSolutions: solutions))
    }
}
