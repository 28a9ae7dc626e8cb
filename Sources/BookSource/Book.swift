// BookSource, the book's source model: takes in the chapters' Markdown (`chapters/NN-topic.md`,
// parsed with libcmark) and gives out a checked `Book` of `Chapter`s, each with its snippets by kind
// (library, example, output, ignored, prose), its examples paired with their output blocks, its
// imports and its module name; or every problem found, as `file:line: error:` diagnostics.
import Foundation

/// All chapters of the book, in order, checked against each other.
public struct Book: Sendable {
    /// The chapters, by number.
    public var chapters: [Chapter]

    /// C libraries (system-library targets in Package.swift) a chapter may import; an `import` of one
    /// becomes a dependency of the chapter's module.
    public static let systemModules: Set<String> = ["CZlib"]

    /// Module names the book's own hand-written targets use; a chapter may not take them.
    public static let reservedModules: Set<String> = Set([
        "CCmark", "book", "Plot", "BookRuntime", "BookExamples", "BookSource", "BookBuild", "BookWeave", "BookSupport",
        "RunnerProtocol", "SwiftLexer", "ArgumentParser", "NeuralNetworksBook",
    ])
        .union(systemModules)

    /// Checks the chapters as a whole: unique numbers and modules, imports only of earlier chapters.
    public init(chapters: [Chapter]) throws(ChapterErrors) {
        let sorted = chapters.sorted { $0.number < $1.number }
        var errors: [ChapterError] = []
        var byNumber: [Int: Chapter] = [:]
        var byModule: [String: Chapter] = [:]
        for chapter in sorted {
            if let other = byNumber[chapter.number] {
                errors.append(ChapterError(file: chapter.path, line: 0,
                    "chapter number \(chapter.number) is also used by \(other.path)"))
            }
            byNumber[chapter.number] = chapter
            guard let module = chapter.moduleName else { continue }
            if let other = byModule[module] {
                errors.append(ChapterError(file: chapter.path, line: chapter.moduleLine,
                    "module name \(module) is also the module of \(other.path); rename one (<!-- module: Name -->)"))
            } else if Self.reservedModules.contains(module) || module.hasSuffix("Examples") {
                errors.append(ChapterError(file: chapter.path, line: chapter.moduleLine,
                    "module name \(module) is reserved for the book's own tools; rename it (<!-- module: Name -->)"))
            }
            byModule[module] = chapter
        }
        for chapter in sorted {
            for (module, line) in chapter.imports {
                guard let defining = byModule[module] else { continue }
                if defining.number >= chapter.number {
                    let what = defining.number == chapter.number ? "its own module" : "a later chapter (\(defining.path))"
                    errors.append(ChapterError(file: chapter.path, line: line,
                        "imports \(module), which is \(what); a chapter may import only earlier chapters"))
                }
            }
        }
        if !errors.isEmpty { throw ChapterErrors(errors) }
        self.chapters = sorted
    }

    /// Reads every `NN-topic.md` in `directory` (relative paths are kept relative, for diagnostics).
    public static func load(directory: String) throws -> Book {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".md") }.sorted()
        var chapters: [Chapter] = []
        var errors: [ChapterError] = []
        for name in names {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                errors.append(ChapterError(file: path, line: 0, "cannot read the file"))
                continue
            }
            do throws(ChapterErrors) {
                chapters.append(try Chapter(path: path, bytes: [UInt8](data)))
            } catch {
                errors += error.errors
            }
        }
        if !errors.isEmpty { throw ChapterErrors(errors) }
        return try Book(chapters: chapters)
    }

    /// Chapters that have Swift code, hence a module.
    public var codeChapters: [Chapter] { chapters.filter { $0.moduleName != nil } }

    /// The chapter modules a chapter imports directly.
    public func chapterImports(of chapter: Chapter) -> [String] {
        let modules = Set(codeChapters.compactMap(\.moduleName))
        var seen: Set<String> = []
        return chapter.imports.map(\.module).filter { modules.contains($0) && seen.insert($0).inserted }
    }

    /// What the chapter's module depends on in Package.swift: its chapter imports and the system libraries it imports.
    public func packageDependencies(of chapter: Chapter) -> [String] {
        var seen: Set<String> = []
        let system = chapter.imports.map(\.module).filter { Self.systemModules.contains($0) && seen.insert($0).inserted }
        return chapterImports(of: chapter) + system
    }

    /// Direct and indirect chapter imports, in chapter order: what an example of this chapter can see.
    public func importClosure(of chapter: Chapter) -> [String] {
        var result: Set<String> = []
        var stack = chapterImports(of: chapter)
        while let module = stack.popLast() {
            guard result.insert(module).inserted,
                  let defining = codeChapters.first(where: { $0.moduleName == module }) else { continue }
            stack += chapterImports(of: defining)
        }
        return codeChapters.compactMap(\.moduleName).filter(result.contains)
    }

    /// The chapter a command line names: its slug (`04-softmax`), `04` or `4`.
    public func chapter(matching key: String) -> Chapter? {
        chapters.first { $0.slug == key || String(format: "%02d", $0.number) == key || "\($0.number)" == key }
    }
}
