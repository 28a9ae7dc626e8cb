// The protocol between the examples runner (`BookExamples`, built on BookRuntime) and `book verify`:
// what the verifier puts on the runner's command line and in its environment, and what the runner
// prints and draws in return. Takes in nothing but numbers and names; gives out the strings both
// sides agree on, each written next to the function that reads it back.
//
//     book verify  ──  BookExamples 02-activations --markers [--slow]
//                      BOOK_FIGURES_DIR=/tmp/…/figures
//     BookExamples ──  "\u{1E}example 1"  output of example 1 …
//                      "\u{1E}skipped 7"  (a slow example, not run)
//                      "\u{1E}end"        (the chapter ran to its end)
//                      figures ex01-1.svg, ex01-2.svg, ex03-1.svg … in BOOK_FIGURES_DIR

/// A line the runner prints (with `--markers`) to tell the verifier where it is.
public enum Marker: Equatable, Sendable {
    /// Example `ordinal` starts: what follows, up to the next marker, is its output.
    case example(Int)
    /// Example `ordinal` is slow and was not run.
    case skipped(Int)
    /// The chapter's examples ran to their end.
    case end

    /// Starts every marker line; a character no example prints (ASCII record separator).
    public static let prefix: Character = "\u{1E}"

    /// The line the runner prints (without the newline).
    public var line: String {
        switch self {
        case .example(let ordinal): "\(Self.prefix)example \(ordinal)"
        case .skipped(let ordinal): "\(Self.prefix)skipped \(ordinal)"
        case .end: "\(Self.prefix)end"
        }
    }

    /// What a line of the runner's output is: example output, a marker, or a marker line this
    /// protocol does not know (it still ends the output before it).
    public enum Line: Equatable, Sendable {
        case output
        case marker(Marker)
        case unknownMarker
    }

    /// Reads back a line written by `line` (or any other line of output).
    public static func parse(_ text: some StringProtocol) -> Line {
        guard text.first == prefix else { return .output }
        let words = text.dropFirst().split(separator: " ")
        switch (words.first, words.count == 2 ? Int(words[1]) : nil) {
        case ("example"?, let n?): return .marker(.example(n))
        case ("skipped"?, let n?): return .marker(.skipped(n))
        case ("end"?, nil) where words.count == 1: return .marker(.end)
        default: return .unknownMarker
        }
    }
}

/// The SVG files an example's figures are written to: `ex03-1.svg`, `ex03-2.svg`, … for example 3.
public enum FigureFile {
    /// What the names of example `ordinal`'s figures start with: `ex03`.
    public static func prefix(example ordinal: Int) -> String {
        "ex" + (ordinal < 10 ? "0\(ordinal)" : "\(ordinal)")
    }

    /// The name of the `index`-th figure (from 1) of example `ordinal`: `ex03-1.svg`.
    public static func name(example ordinal: Int, index: Int) -> String {
        prefix(example: ordinal) + "-\(index).svg"
    }

    /// The example that drew a figure file: `ex03-1.svg` → 3; nil for a name not in that form.
    public static func example(ofFigure name: String) -> Int? {
        guard name.hasPrefix("ex"), name.hasSuffix(".svg") else { return nil }
        let stem = name.dropFirst(2).dropLast(4)
        let parts = stem.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count >= 2, let ordinal = Int(parts[0]), Int(parts[1]) != nil else { return nil }
        return ordinal
    }
}

/// How the verifier starts the runner.
public enum RunnerInvocation {
    /// The flag that makes the runner print `Marker` lines instead of headers for a reader.
    public static let markersFlag = "--markers"
    /// The flag that makes the runner also run the examples marked slow.
    public static let slowFlag = "--slow"
    /// The flag that makes the runner also run the exercises' solutions, after the examples.
    public static let solutionsFlag = "--solutions"
    /// The environment variable naming the directory the runner writes figure files into.
    public static let figuresDirectoryVariable = "BOOK_FIGURES_DIR"

    /// The runner's arguments for checking one chapter (named by its slug).
    public static func arguments(chapter slug: String, slow: Bool, solutions: Bool = false) -> [String] {
        [slug, markersFlag] + (slow ? [slowFlag] : []) + (solutions ? [solutionsFlag] : [])
    }
}
