import BookSource
import BookSupport
import Foundation

/// What a snippet's "copy runnable" button copies:
///
///     // a comment naming the chapter
///     import Foundation          the chapter's own imports (of libraries, not of chapters),
///     import Plot                the plotting module examples use,
///     import Layers              and every earlier chapter module its examples can see;
///     <library and example code of the chapter, in order, hidden snippets included,
///      from the first snippet up to and including this one; their import lines are above>
///
/// Pasted into the `main.swift` of an executable target that depends on the book's modules, it
/// compiles and runs: the chapter's library code becomes top-level declarations and its examples
/// top-level statements, in the order the chapter runs them. Later snippets are left out, so an
/// example runs with exactly the code the reader has seen (or skipped) so far.
///
/// The page carries the pieces once (hidden ones as JSON, visible ones in the page) and `book.js`
/// concatenates them; `book runnable` prints the same text from the command line.
public enum Runnable {
    /// The Swift snippets "copy runnable" concatenates, in chapter order.
    public static func pieces(_ chapter: Chapter) -> [Snippet] {
        chapter.snippets.filter {
            switch $0.kind { case .library, .example: true; default: false }
        }
    }

    /// The modules the runnable text imports: the chapter's imports of libraries that are not
    /// chapters (Foundation, CZlib), Plot, and every earlier chapter module its examples can see.
    public static func modules(_ chapter: Chapter, book: Book) -> [String] {
        let chapterModules = Set(book.codeChapters.compactMap(\.moduleName))
        var modules: [String] = []
        func add(_ module: String) {
            if module != chapter.moduleName && !modules.contains(module) { modules.append(module) }
        }
        for piece in pieces(chapter) {
            for (module, _) in Chapter.imports(in: piece) where !chapterModules.contains(module) { add(module) }
        }
        add("Plot")
        book.importClosure(of: chapter).forEach(add)
        return modules
    }

    /// Arguments for `swiftc` that build the runnable text as `main.swift` against the modules
    /// `make build` compiled into `build` (`.build/debug`), from the book's directory. The module
    /// name is the chapter's, because chapter code may name its own module (`Activations.sigmoid`).
    public static func swiftcArguments(_ chapter: Chapter, book: Book, build: String = ".build/debug") -> [String] {
        let modules = modules(chapter, book: book)
        let chapterModules = Set(book.codeChapters.compactMap(\.moduleName))
        let linked = modules.filter { ["Plot", "BookFormat", "BookMath"].contains($0) || chapterModules.contains($0) }
        var arguments = ["-module-name", chapter.moduleName ?? "Main", "-I", build + "/Modules"]
        // A C library is needed when this chapter or any chapter it sees imports it (MNIST uses zlib).
        let seen = book.codeChapters.filter { $0.slug == chapter.slug || modules.contains($0.moduleName ?? "") }
        if seen.contains(where: { book.packageDependencies(of: $0).contains("CZlib") }) {
            arguments += ["-I", "Sources/CZlib", "-lz"]
        }
        arguments += ["-o", "main", "main.swift"] + linked.map { "\(build)/\($0).build/*.o" }
        return arguments
    }

    /// The comment and imports that come first.
    public static func prelude(_ chapter: Chapter, book: Book) -> String {
        let number = chapter.number == 0 ? "" : "Chapter \(chapter.number), "
        var command = "swiftc", lines: [String] = []
        for argument in swiftcArguments(chapter, book: book) {
            if command.count + argument.count > 92 { lines.append(command + " \\"); command = "    " }
            command += (command.hasSuffix(" ") ? "" : " ") + argument
        }
        lines.append(command + " && ./main")
        return "// \(number)\(chapter.title) (\(chapter.path)): the chapter's\n"
            + "// Swift code up to the snippet copied, hidden parts included, as one main.swift.\n"
            + "// To run it, from the book's directory after `make build`:\n"
            + lines.map { "//   " + $0 + "\n" }.joined()
            + modules(chapter, book: book).map { "import \($0)\n" }.joined()
    }

    /// A piece's code without its import lines (they are in the prelude) and without blank lines
    /// at either end, ending in a newline.
    public static func body(_ code: String) -> String {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { Chapter.importedModule(String($0)) == nil }
        func blank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }
        while let first = lines.first, blank(first) { lines.removeFirst() }
        while let last = lines.last, blank(last) { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The runnable text for the piece at `index` of `pieces(chapter)`.
    public static func text(_ chapter: Chapter, book: Book, upTo index: Int) -> String {
        prelude(chapter, book: book) + pieces(chapter).prefix(index + 1).map { "\n" + body($0.code) }.joined()
    }
}

extension Runnable {
    /// Runs `swiftc -typecheck` with `arguments` on `file` and returns whether it passed and what the
    /// compiler printed (standard output and error together).
    public static func typecheck(_ file: String, arguments: [String] = []) throws -> (passed: Bool, output: String) {
        let result = try runProgram("/usr/bin/env", ["swiftc", "-typecheck"] + arguments + [file])
        return (result.status == 0, result.output)
    }
}
