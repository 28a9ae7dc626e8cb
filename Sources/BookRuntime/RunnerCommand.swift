// The command line of `BookExamples` (generated: it lists the chapters and calls `ExampleRunner.main`):
//
//     BookExamples                 list the chapters
//     BookExamples 02              run chapter 2's examples, with a header before each
//     BookExamples 02 --markers    the same for `book verify`: a marker line before each example
//     BookExamples 02 --slow       also run the examples marked slow
//     BookExamples 02 --solutions  also run the solutions of the exercises, after the examples
//
// Figures go as SVG files to the directory `book verify` names (Plot's `FigureSink`). Native only:
// the page runs a chapter through tools/wasm/Runtime/PageEntry.swift instead.
import ArgumentParser
import Plot
import RunnerProtocol
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

extension ExampleRunner {
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
            run(chapter, markers: options.markers, slow: options.slow, solutions: options.solutions) { ordinal in
                FigureSink.shared.begin { FigureFile.name(example: ordinal, index: $0) }
            }
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
