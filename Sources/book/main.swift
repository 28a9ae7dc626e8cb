// The book's tool: turns the chapters into Swift modules (tangle), checks that every example prints
// what its chapter says (verify, bless) and renders the HTML (weave). The Makefile drives it:
//
//     book tangle [--check]                 write Sources/Generated and Package.swift's chapter list
//     book verify --runner PATH [NN...]     run the examples, compare outputs and figures, print a summary
//     book bless --runner PATH [NN...]      rerun the examples and rewrite their output blocks and figures
//     book weave [--out DIR] [--check]      render the book to HTML
//     book runnable NN [LINE]               print what "copy runnable" copies for the snippet at (or
//                                           last before) LINE of chapter NN; the whole chapter without LINE
//     book runnable --check [--build DIR]   type-check every chapter's whole runnable text as a main.swift
//                                           against the modules in DIR (default .build/debug)
//
// Options: --root DIR (package root, default .), --slow (also run examples marked slow).
import BookBuild
import BookSource
import BookSupport
import BookWeave
import Foundation
import Synchronization

struct Usage: Error {}

func option(_ name: String, in arguments: inout [String]) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    let value = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
    return value
}

func flag(_ name: String, in arguments: inout [String]) -> Bool {
    guard let i = arguments.firstIndex(of: name) else { return false }
    arguments.remove(at: i)
    return true
}

func selectChapters(_ keys: [String], in book: Book) throws -> [Chapter] {
    let chapters = keys.isEmpty ? book.codeChapters : try keys.map { key in
        guard let chapter = book.chapter(matching: key) else { throw ToolError("no chapter '\(key)'") }
        return chapter
    }
    return chapters.filter { $0.moduleName != nil }
}

func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }

func run() throws -> Int32 {
    var arguments = Array(CommandLine.arguments.dropFirst())
    guard !arguments.isEmpty else { throw Usage() }
    let command = arguments.removeFirst()
    let root = option("--root", in: &arguments) ?? "."
    guard FileManager.default.changeCurrentDirectoryPath(root) else { throw ToolError("cannot enter \(root)") }
    let book = try Book.load(directory: "chapters")

    switch command {
    case "tangle":
        let check = flag("--check", in: &arguments)
        let changed = try Tangle.write(book, root: ".", dryRun: check)
        if check {
            guard changed.isEmpty else {
                print("generated sources are stale; run `make tangle` and commit:\n" + changed.map { "  " + $0 }.joined(separator: "\n"))
                return 1
            }
            print("tangle: generated sources match the chapters")
        } else {
            let modules = book.codeChapters.count
            print("tangle: \(book.chapters.count) chapters, \(modules) chapter modules; "
                  + (changed.isEmpty ? "nothing changed" : "wrote " + changed.joined(separator: ", ")))
        }
    case "verify", "bless":
        guard let runner = option("--runner", in: &arguments) else { throw Usage() }
        let slow = flag("--slow", in: &arguments)
        let requireSolutions = flag("--require-solutions", in: &arguments)
        let chapters = try selectChapters(arguments, in: book)
        let verifier = Verifier(book: book, runner: runner, root: ".", runSlow: slow, requireSolutions: requireSolutions)
        if command == "bless" {
            let (changed, failures) = try verifier.bless(chapters)
            print(changed.isEmpty ? "bless: every output already matches" : "bless: updated\n" + changed.map { "  " + $0 }.joined(separator: "\n"))
            failures.forEach { FileHandle.standardError.write(Data(($0.description + "\n").utf8)) }
            return failures.isEmpty ? 0 : 1
        }
        let reports = try verifier.verify(chapters)
        var failed = 0
        print("\nverify: every snippet compiled; examples run and their outputs checked")
        print(pad("chapter", 22) + pad("compiled", 10) + pad("run", 6) + pad("outputs", 9) + pad("figures", 9)
              + pad("solutions", 11) + "result")
        for r in reports {
            let result = r.failures.isEmpty ? "ok" : "FAILED (\(r.failures.count))"
            let slowNote = r.slowSkipped > 0 ? "  (\(r.slowSkipped) slow skipped)" : ""
            print(pad(r.chapter.slug, 22) + pad("\(r.compiled)", 10) + pad("\(r.ran)", 6) + pad("\(r.checked)", 9)
                  + pad("\(r.figuresChecked)", 9) + pad("\(r.solved)/\(r.exercises)", 11) + result + slowNote)
            failed += r.failures.count
        }
        let t = reports.reduce(into: (0, 0, 0, 0)) { $0.0 += $1.compiled; $0.1 += $1.ran; $0.2 += $1.checked; $0.3 += $1.figuresChecked }
        let (solved, exercises) = (reports.map(\.solved).reduce(0, +), reports.map(\.exercises).reduce(0, +))
        print(pad("total", 22) + pad("\(t.0)", 10) + pad("\(t.1)", 6) + pad("\(t.2)", 9) + pad("\(t.3)", 9)
              + pad("\(solved)/\(exercises)", 11))
        print("(solutions: exercises with a solution / exercises; `--require-solutions` makes a missing one an error)")
        let unsolved = reports.flatMap(\.unsolved)
        if !unsolved.isEmpty { print("\(unsolved.count) exercises have no solution yet, e.g. \(unsolved[0])") }
        for r in reports { for f in r.failures { print(f.description) } }
        return failed == 0 ? 0 : 1
    case "weave":
        let out = option("--out", in: &arguments) ?? "book"
        let check = flag("--check", in: &arguments)
        let site = try Weave(book: book, root: ".").render()
        if check {
            let stale = try site.staleFiles(in: out)
            guard stale.isEmpty else {
                print("the HTML in \(out)/ is stale; run `make book` and commit:\n" + stale.map { "  " + $0 }.joined(separator: "\n"))
                return 1
            }
            print("weave: \(out)/ matches the chapters")
        } else {
            let changed = try site.write(to: out)
            print("weave: \(site.files.count) files in \(out)/ (\(changed.count) changed)")
        }
    case "runnable" where flag("--check", in: &arguments):
        let build = option("--build", in: &arguments) ?? ".build/debug"
        return try checkRunnable(book, build: build)
    case "runnable":
        guard let key = arguments.first, let chapter = book.chapter(matching: key) else { throw Usage() }
        let pieces = Runnable.pieces(chapter)
        guard !pieces.isEmpty else { throw ToolError("\(chapter.path) has no Swift code") }
        var index = pieces.count - 1
        if arguments.count > 1 {
            guard let line = Int(arguments[1]), let last = pieces.lastIndex(where: { $0.fenceLine <= line }) else {
                throw ToolError("no Swift snippet of \(chapter.path) starts at or before line \(arguments[1])")
            }
            index = last
        }
        print(Runnable.text(chapter, book: book, upTo: index), terminator: "")
    default:
        throw Usage()
    }
    return 0
}

/// Type-checks the whole runnable text of every chapter, as "copy runnable" would give it for the
/// chapter's last snippet, with the arguments its comment tells the reader to use.
func checkRunnable(_ book: Book, build: String) throws -> Int32 {
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
            failures.withLock { $0.append("\(file): \(error)") }
        }
    }
    let failed = failures.withLock { $0 }
    failed.forEach { print($0) }
    print("runnable: \(chapters.count - failed.count) of \(chapters.count) chapters' \"copy runnable\" code type-checks as a main.swift")
    return failed.isEmpty ? 0 : 1
}

do {
    exit(try run())
} catch let error as ChapterErrors {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(1)
} catch is Usage {
    FileHandle.standardError.write(Data("usage: book tangle|verify|bless|weave|runnable [options] (see Sources/book/main.swift)\n".utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("book: \(error)\n".utf8))
    exit(1)
}
