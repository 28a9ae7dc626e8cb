// The book's tool: turns the chapters into Swift modules (tangle), checks that every example prints
// what its chapter says (verify, bless) and renders the HTML (weave). The Makefile drives it;
// `book --help` and `book <command> --help` list the commands and their options.
//
// Options are parsed by swift-argument-parser: an unknown option, a missing value or a stray
// argument is an error (exit 64) that names it, and nothing is written.
import ArgumentParser
import BookBuild
import BookSource
import BookSupport
import BookWeave
import Foundation
import Synchronization

struct BookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "Extract, verify and render the executable book in chapters/.",
        discussion: """
            Every command reads chapters/*.md under --root first and stops with `file:line: error:` \
            messages (exit 1) when a chapter is malformed.
            """,
        subcommands: [TangleCommand.self, VerifyCommand.self, BlessCommand.self, WeaveCommand.self, RunnableCommand.self])

    /// `book` alone names no command: the help, as an error.
    func run() throws {
        printError(Self.helpMessage())
        throw ExitCode(64)
    }
}

/// Options every command takes.
struct RootOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The package root, which holds chapters/ and Package.swift.", valueName: "dir"))
    var root = "."

    /// Enters the root and reads the book; every failure is a `BookFailure` with a human message.
    func loadBook() throws -> Book {
        try enter(root)
        return try reporting { try Book.load(directory: "chapters") }
    }
}

struct TangleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tangle",
        abstract: "Write Sources/Generated and Package.swift's chapter list from the chapters.")

    @OptionGroup var common: RootOptions
    @Flag(help: "Write nothing; exit 1 if the generated sources differ from what the chapters give.")
    var check = false

    func run() throws {
        let book = try common.loadBook()
        let changed = try reporting(check ? "cannot read" : "cannot write") { try Tangle.write(book, root: ".", dryRun: check) }
        if check {
            guard changed.isEmpty else {
                print("generated sources are stale; run `make tangle` and commit:\n" + changed.map { "  " + $0 }.joined(separator: "\n"))
                throw ExitCode(1)
            }
            print("tangle: generated sources match the chapters")
        } else {
            print("tangle: \(book.chapters.count) chapters, \(book.codeChapters.count) chapter modules; "
                  + (changed.isEmpty ? "nothing changed" : "wrote " + changed.joined(separator: ", ")))
        }
    }
}

/// What `verify` and `bless` share: the examples runner and the chapters to run.
struct RunOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The examples runner built from Sources/Generated (.build/debug/BookExamples).", valueName: "path"))
    var runner: String
    @Flag(help: "Also run the examples marked slow (chapter 11's 50-epoch record: minutes).")
    var slow = false
    @Argument(help: ArgumentHelp("Chapters to run, by number (03) or name (03-layers); all by default.", valueName: "chapter"))
    var chapters: [String] = []

    /// The runner must be an executable file: say so before anything runs.
    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: runner, isDirectory: &isDirectory) else {
            throw ValidationError("--runner \(runner): no such file (`swift build` builds it; `make verify` does both)")
        }
        guard !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: runner) else {
            throw ValidationError("--runner \(runner): \(isDirectory.boolValue ? "a directory" : "not executable"), not the examples runner")
        }
    }

    func select(in book: Book) throws -> [Chapter] {
        try chapters.isEmpty ? book.codeChapters : chapters.map { key in
            guard let chapter = book.chapter(matching: key) else { throw BookFailure(noChapter(key, in: book)) }
            guard chapter.moduleName != nil else { throw BookFailure("\(chapter.path) has no Swift code to run") }
            return chapter
        }
    }
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run the examples; compare their output and figures with the chapters; print a summary.")

    @OptionGroup var common: RootOptions
    @OptionGroup var examples: RunOptions
    @Flag(help: "Report a line of a swift or output block wider than the page's code column (90 columns) as an error, not a warning.")
    var strictWidth = false
    @Flag(help: "Report an exercise without a solution as an error, not a warning.")
    var requireSolutions = false
    @Flag(help: "Report a figure without a caption as an error, not a warning.")
    var requireCaptions = false

    func run() throws {
        let book = try common.loadBook()
        let chapters = try examples.select(in: book)
        let verifier = Verifier(book: book, runner: examples.runner, root: ".", runSlow: examples.slow,
                                requireSolutions: requireSolutions, requireCaptions: requireCaptions)
        let reports = try reporting { try verifier.verify(chapters) }
        var failed = 0
        print("\nverify: every snippet compiled; examples run and their outputs checked")
        print(pad("chapter", 22) + pad("compiled", 10) + pad("run", 6) + pad("outputs", 9) + pad("figures", 9)
              + pad("solutions", 11) + pad("captions", 10) + pad("seconds", 9) + "result")
        for r in reports {
            let result = r.failures.isEmpty ? "ok" : "FAILED (\(r.failures.count))"
            let slowNote = r.slowSkipped > 0 ? "  (\(r.slowSkipped) slow skipped)" : ""
            print(pad(r.chapter.slug, 22) + pad("\(r.compiled)", 10) + pad("\(r.ran)", 6) + pad("\(r.checked)", 9)
                  + pad("\(r.figuresChecked)", 9) + pad("\(r.solved)/\(r.exercises)", 11) + pad("\(r.captioned)/\(r.figures)", 10)
                  + pad(String(format: "%.1f", r.seconds), 9) + result + slowNote)
            failed += r.failures.count
        }
        let t = reports.reduce(into: (0, 0, 0, 0)) { $0.0 += $1.compiled; $0.1 += $1.ran; $0.2 += $1.checked; $0.3 += $1.figuresChecked }
        let (solved, exercises) = (reports.map(\.solved).reduce(0, +), reports.map(\.exercises).reduce(0, +))
        let (captioned, figures) = (reports.map(\.captioned).reduce(0, +), reports.map(\.figures).reduce(0, +))
        print(pad("total", 22) + pad("\(t.0)", 10) + pad("\(t.1)", 6) + pad("\(t.2)", 9) + pad("\(t.3)", 9)
              + pad("\(solved)/\(exercises)", 11) + pad("\(captioned)/\(figures)", 10))
        print("(solutions: exercises with a solution / exercises; `--require-solutions` makes a missing one an error)")
        print("(captions: figures with a caption / figures; `--require-captions` makes a missing one an error)")
        print("(seconds: wall-clock time of the chapter's examples; chapters run side by side, one per core)")
        let unsolved = reports.flatMap(\.unsolved)
        if !unsolved.isEmpty { print("\(unsolved.count) exercises have no solution yet, e.g. \(unsolved[0])") }
        let uncaptioned = reports.flatMap(\.uncaptioned)
        if !uncaptioned.isEmpty { print("\(uncaptioned.count) figures have no caption yet, e.g. \(uncaptioned[0])") }
        for r in reports { for f in r.failures { print(f.description) } }
        // Chapters without code run nothing, but may link to figures: with no chapter named, check them too.
        if examples.chapters.isEmpty {
            let others = Set(book.chapters.filter { $0.moduleName == nil }.map(\.path))
            let problems = verifier.figureCatalog().errors.filter { others.contains($0.file) }
            problems.forEach { print($0.description) }
            failed += problems.count
        }
        // Swift and output lines wider than the page's code column: warnings until --strict-width makes them errors.
        let wide = chapters.flatMap(CodeWidth.wideLines)
        if strictWidth {
            CodeWidth.errors(wide).forEach { print($0.description) }
            failed += wide.count
        } else {
            CodeWidth.warnings(wide).forEach { print($0) }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

struct BlessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bless",
        abstract: "Rerun the examples and rewrite the chapters' output blocks and figures to match.")

    @OptionGroup var common: RootOptions
    @OptionGroup var examples: RunOptions

    func run() throws {
        let book = try common.loadBook()
        let chapters = try examples.select(in: book)
        let verifier = Verifier(book: book, runner: examples.runner, root: ".", runSlow: examples.slow)
        let (changed, failures) = try reporting { try verifier.bless(chapters) }
        print(changed.isEmpty ? "bless: every output already matches" : "bless: updated\n" + changed.map { "  " + $0 }.joined(separator: "\n"))
        failures.forEach { printError($0.description) }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}

struct WeaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weave",
        abstract: "Render the book to HTML.")

    @OptionGroup var common: RootOptions
    @Option(help: ArgumentHelp("Where the HTML goes (relative to --root).", valueName: "dir"))
    var out = "book"
    @Flag(help: "Write nothing; exit 1 if the HTML in --out differs from what the chapters render.")
    var check = false

    func validate() throws {
        guard !out.isEmpty else { throw ValidationError("--out needs a directory") }
    }

    func run() throws {
        let book = try common.loadBook()
        // An output directory that cannot be made fails now, not after the whole book is rendered
        // (one made here is removed again if the rendering fails: a failed weave leaves nothing).
        let made = !check && !FileManager.default.fileExists(atPath: out)
        if !check {
            try reporting("cannot write") { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
        }
        let site: Site
        do {
            site = try reporting { try Weave(book: book, root: ".").render() }
        } catch {
            if made { try? FileManager.default.removeItem(atPath: out) }
            throw error
        }
        if check {
            let stale = try reporting { try site.staleFiles(in: out) }
            guard stale.isEmpty else {
                print("the HTML in \(out)/ is stale; run `make book` and commit:\n" + stale.map { "  " + $0 }.joined(separator: "\n"))
                throw ExitCode(1)
            }
            print("weave: \(out)/ matches the chapters")
        } else {
            let changed = try reporting("cannot write") { try site.write(to: out) }
            print("weave: \(site.files.count) files in \(out)/ (\(changed.count) changed)")
        }
    }
}

struct RunnableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runnable",
        abstract: "Print what \"copy runnable\" copies, or type-check every chapter's runnable program.",
        discussion: """
            `book runnable 04 182` prints the program for the snippet of chapter 04 at (or last before) \
            line 182; without a line, for the chapter's last snippet. `book runnable --all` prints every \
            chapter's program (for its last snippet) as one JSON object, {"01": "...", ...}, for the browser \
            test (one process, not one per chapter). `book runnable --check` type-checks every chapter's \
            whole program as a main.swift against the modules in --build.
            """)

    @OptionGroup var common: RootOptions
    @Flag(help: "Type-check every chapter's runnable program instead of printing one.")
    var check = false
    @Flag(help: "Print every chapter's program, for its last snippet, as one JSON object keyed by chapter number.")
    var all = false
    @Option(help: ArgumentHelp("With --check: the build directory holding the modules.", valueName: "dir"))
    var build: String?
    @Argument(help: ArgumentHelp("The chapter, by number (04) or name (04-softmax).", valueName: "chapter"))
    var chapter: String?
    @Argument(help: ArgumentHelp("A line of the chapter: the snippet at or last before it (default: the last).", valueName: "line"))
    var line: Int?

    func validate() throws {
        if check && all { throw ValidationError("--check and --all: choose one") }
        if all {
            guard chapter == nil else { throw ValidationError("--all prints every chapter; it takes no chapter argument") }
            guard build == nil else { throw ValidationError("--build is for --check only") }
        } else if check {
            guard chapter == nil else { throw ValidationError("--check checks every chapter; it takes no chapter argument") }
        } else {
            guard chapter != nil else { throw ValidationError("name a chapter (book runnable 04 [LINE]), or use --check") }
            guard build == nil else { throw ValidationError("--build is for --check only") }
        }
        if let line, line < 1 { throw ValidationError("<line> is a line number, 1 or more (not \(line))") }
    }

    func run() throws {
        let book = try common.loadBook()
        if check {
            if try checkRunnable(book, build: build ?? ".build/debug") != 0 { throw ExitCode(1) }
            return
        }
        if all {
            var programs: [String: String] = [:]
            for chapter in book.chapters {
                let pieces = Runnable.pieces(chapter)
                guard !pieces.isEmpty else { continue }
                programs[String(chapter.slug.prefix(2))] = Runnable.text(chapter, book: book, upTo: pieces.count - 1)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(programs), as: UTF8.self))
            return
        }
        let key = chapter ?? ""
        guard let chapter = book.chapter(matching: key) else { throw BookFailure(noChapter(key, in: book)) }
        let pieces = Runnable.pieces(chapter)
        guard !pieces.isEmpty else { throw BookFailure("\(chapter.path) has no Swift code") }
        var index = pieces.count - 1
        if let line {
            guard let last = pieces.lastIndex(where: { $0.fenceLine <= line }) else {
                throw BookFailure("no Swift snippet of \(chapter.path) starts at or before line \(line) "
                                  + "(the first starts on line \(pieces[0].fenceLine))")
            }
            index = last
        }
        print(Runnable.text(chapter, book: book, upTo: index), terminator: "")
    }
}

/// Type-checks the whole runnable text of every chapter, as "copy runnable" would give it for the
/// chapter's last snippet, with the arguments its comment tells the reader to use.
func checkRunnable(_ book: Book, build: String) throws -> Int32 {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: build + "/Modules", isDirectory: &isDirectory), isDirectory.boolValue else {
        throw BookFailure("--build \(build): no Modules directory there (build first: `swift build`)")
    }
    let chapters = book.codeChapters
    let failures = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: chapters.count) { k in
        let chapter = chapters[k]
        let directory = "\(build)/runnable/\(chapter.slug)"
        let file = directory + "/main.swift"
        let text = Runnable.text(chapter, book: book, upTo: Runnable.pieces(chapter).count - 1)
        do {
            try writeAtomically(text, to: file)
            // The reader's command, without linking: -o, main.swift and the object files go.
            var arguments = Runnable.swiftcArguments(chapter, book: book, build: build)
            arguments = Array(arguments.prefix { $0 != "-o" }).filter { $0 != "-lz" }
            let (passed, output) = try Runnable.typecheck(file, arguments: arguments)
            if !passed { failures.withLock { $0.append("\(file):\n\(output)") } }
        } catch {
            failures.withLock { $0.append("\(file): \(humanMessage(error))") }
        }
    }
    let failed = failures.withLock { $0 }
    failed.forEach { print($0) }
    print("runnable: \(chapters.count - failed.count) of \(chapters.count) chapters' \"copy runnable\" code type-checks as a main.swift")
    return failed.isEmpty ? 0 : 1
}

// MARK: Errors a person can read

/// A failure the tool reports as one line, `book: <message>`, with exit status 1.
struct BookFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body`, turning chapter errors, tool errors and Foundation's file errors into a `BookFailure`
/// whose message names the file and the cause (the system's words: "No such file or directory").
func reporting<T>(_ verb: String? = nil, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as BookFailure {
        throw error
    } catch let error as ChapterErrors {
        throw error
    } catch {
        throw BookFailure(humanMessage(error, verb: verb))
    }
}

/// One line for any error: chapter errors as they are, Foundation's file errors as "cannot read
/// PATH: cause" with the cause from strerror, anything else by its description.
func humanMessage(_ error: any Error, verb: String? = nil) -> String {
    if let error = error as? ChapterErrors { return error.description }
    if let error = error as? ToolError { return error.description }
    let ns = error as NSError
    guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return "\(error)" }
    let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
    let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError
    let cause: String
    if ns.domain == NSPOSIXErrorDomain {
        cause = String(cString: strerror(Int32(ns.code)))
    } else if let underlying, underlying.domain == NSPOSIXErrorDomain {
        cause = String(cString: strerror(Int32(underlying.code)))
    } else {
        cause = cocoaCause(ns.code)
    }
    let verb = verb ?? ((256..<512).contains(ns.code) ? "cannot read" : (512..<1024).contains(ns.code) ? "cannot write" : "cannot use")
    return path.map { "\(verb) \($0): \(cause)" } ?? "\(verb): \(cause)"
}

/// Words for the Foundation file error codes that come without an errno.
func cocoaCause(_ code: Int) -> String {
    switch CocoaError.Code(rawValue: code) {
    case .fileNoSuchFile, .fileReadNoSuchFile: String(cString: strerror(ENOENT))
    case .fileReadNoPermission, .fileWriteNoPermission: String(cString: strerror(EACCES))
    case .fileWriteOutOfSpace: String(cString: strerror(ENOSPC))
    case .fileWriteVolumeReadOnly: String(cString: strerror(EROFS))
    case .fileWriteFileExists: String(cString: strerror(EEXIST))
    case .fileReadInapplicableStringEncoding, .fileReadCorruptFile: "not valid text in the expected encoding"
    default: "Foundation error \(code)"
    }
}

func noChapter(_ key: String, in book: Book) -> String {
    let numbers = book.chapters.map { String(format: "%02d", $0.number) }
    return "no chapter \(key) (chapters: \(numbers.first ?? "none")–\(numbers.last ?? "none"), by number or name like 03-layers)"
}

func enter(_ root: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
        throw BookFailure("--root \(root): \(String(cString: strerror(ENOENT)))")
    }
    guard isDirectory.boolValue, FileManager.default.changeCurrentDirectoryPath(root) else {
        throw BookFailure("--root \(root): cannot enter it (\(isDirectory.boolValue ? String(cString: strerror(EACCES)) : "not a directory"))")
    }
    guard FileManager.default.fileExists(atPath: "chapters") else {
        throw BookFailure("--root \(root): no chapters/ directory there (run from the book's directory or pass --root)")
    }
}

func printError(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }

func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }

// ArgumentParser prints usage errors itself (exit 64); a `BookFailure` is printed here, exit 1.
do {
    var command = try BookCommand.parseAsRoot()
    do {
        try command.run()
    } catch let failure as BookFailure {
        printError("book: \(failure.description)")
        exit(1)
    } catch let error as ChapterErrors {
        printError(error.description)
        exit(1)
    }
} catch {
    BookCommand.exit(withError: error)
}
