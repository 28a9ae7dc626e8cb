import CCmark

/// One fenced code block of a chapter.
public struct Snippet: Equatable, Sendable {
    /// What the block is, from its info string.
    public var kind: SnippetKind
    /// The code, without the fences (libcmark's literal: indentation of a fence in a list is removed).
    public var code: String
    /// Line of the opening fence; the code starts on the next line.
    public var fenceLine: Int
    /// Line of the closing fence.
    public var endLine: Int
    /// Columns of indentation before the fence (inside a list item, for example).
    public var indent: Int

    /// Line of the block's first line of code (the one after the opening fence).
    public var firstCodeLine: Int { fenceLine + 1 }
}

/// An example (or a solution) together with the output block that follows it, if any.
public struct Example: Equatable, Sendable {
    /// 1-based position among the chapter's examples and solutions; names it in markers and figure files.
    public var ordinal: Int
    /// The example's (or solution's) code block.
    public var snippet: Snippet
    /// The `output` block right after it, or nil when it prints nothing.
    public var output: Snippet?
    /// For a `swift solution` block, the number of the exercise it solves; nil for an example.
    public var exercise: Int? = nil

    /// Whether the block is left out of the HTML (`hidden`).
    public var hidden: Bool {
        switch snippet.kind {
        case .example(let hidden, _), .solution(_, let hidden, _): hidden
        default: false
        }
    }
    /// Whether only `make verify-slow` runs it (`slow`).
    public var slow: Bool {
        switch snippet.kind {
        case .example(_, let slow), .solution(_, _, let slow): slow
        default: false
        }
    }
}

/// An exercise: a numbered item of the chapter's `## Exercises` section.
public struct Exercise: Equatable, Sendable {
    /// 1-based, in the order of the section.
    public var number: Int
    /// First and last line of the list item.
    public var line: Int
    /// Last line of the list item.
    public var endLine: Int
}

/// A chapter file: `chapters/NN-topic.md`.
public struct Chapter: Sendable {
    /// Path as written in diagnostics and `#sourceLocation`, e.g. `chapters/01-perceptron.md`.
    public var path: String
    /// The chapter's number, from its file name (0 is the preface, 90–99 appendices).
    public var number: Int
    /// File name without `.md`, e.g. `01-perceptron`.
    public var slug: String
    /// The text of its first `#` heading.
    public var title: String
    /// The Swift module the chapter's code goes into (`Perceptron`), or nil when it has no Swift code.
    /// Validated where the chapter names it (see `ModuleName`): never an arbitrary string.
    public private(set) var module: ModuleName?
    /// Line of the `<!-- module: Name -->` comment, or 0 when the name comes from the file name.
    public private(set) var moduleLine: Int
    /// The module's name as a string, for paths, imports and the manifest (only ever a valid `ModuleName`).
    public var moduleName: String? { module?.name }
    /// Every fenced code block, in order.
    public var snippets: [Snippet]
    /// The examples and solutions, in order, each with its output block.
    public var examples: [Example]
    /// The items of the chapter's `## Exercises` section (empty without one).
    public var exercises: [Exercise]
    /// The captions of the chapter's figures (`Figure {#fig-label}: ...` paragraphs), in order.
    public var captions: [FigureCaption] = []
    /// The chapter's links to figures (`[Figure](#fig-label)`), in order.
    public var figureLinks: [FigureLink] = []
    /// `import X` lines of the chapter's Swift snippets, with their lines.
    public var imports: [(module: String, line: Int)]
    /// The chapter's Markdown text, as read.
    public var source: String

    /// Chapters numbered 90 to 99 are appendices (A, B, ...), after the last chapter.
    public var isAppendix: Bool { number >= 90 }

    /// What the reader sees as the chapter's number: "7", "A" for the first appendix, nil for the preface (0).
    public var numberLabel: String? {
        if number == 0 { return nil }
        if isAppendix { return String(UnicodeScalar(UInt8(ascii: "A") + UInt8(number - 90))) }
        return String(number)
    }

    /// The chapter's title after its number, as in the contents: "7 · Gradient descent", "Appendix A · ...".
    public var numberedTitle: String {
        guard let label = numberLabel else { return title }
        return (isAppendix ? "Appendix \(label)" : label) + " · " + title
    }

    /// The `swift library` blocks (hidden ones too), which make the chapter's module.
    public var librarySnippets: [Snippet] {
        snippets.filter { if case .library = $0.kind { true } else { false } }
    }

    /// The chapter's solutions (a subset of `examples`).
    public var solutions: [Example] { examples.filter { $0.exercise != nil } }

    /// The exercise whose list item contains `line`.
    public func exercise(containing line: Int) -> Exercise? {
        exercises.first { $0.line <= line && line <= $0.endLine }
    }
}

extension Chapter {
    /// Parses a chapter's Markdown. `path` is used in diagnostics; its file name must be `NN-topic.md`.
    /// Line endings must be LF (`\n`): a CR (`\r`, alone or in CR LF) is an error naming its line,
    /// so that the line numbers here, libcmark's and the compiler's (`#sourceLocation`) always agree.
    public init(path: String, source: String) throws(ChapterErrors) {
        let fileName = String(path.split(separator: "/").last ?? Substring(path))
        guard let (number, topic) = Self.splitFileName(fileName) else {
            throw ChapterErrors([ChapterError(file: path, line: 0,
                "chapter file names look like NN-topic.md (two digits, then lowercase words joined by '-')")])
        }
        if let error = Self.carriageReturnError(in: source, path: path) { throw ChapterErrors([error]) }
        self.path = path
        self.number = number
        self.slug = String(fileName.dropLast(3))
        self.source = source

        let lines = Self.lines(of: source)
        let document = MarkdownDocument(source)
        var errors: [ChapterError] = []

        title = document.nodes(ofType: CMARK_NODE_HEADING).first { $0.headingLevel == 1 }?.plainText ?? slug
        snippets = []
        for node in document.nodes(ofType: CMARK_NODE_CODE_BLOCK) {
            do throws(ChapterError) {
                snippets.append(try Self.snippet(node, lines: lines, path: path))
            } catch {
                errors.append(error)
            }
        }

        exercises = Self.exercises(in: document)
        // Pair each output block with the example (or solution) right before it.
        examples = []
        var previous: Snippet?
        for snippet in snippets {
            switch snippet.kind {
            case .example:
                examples.append(Example(ordinal: examples.count + 1, snippet: snippet, output: nil))
            case .solution(let library, _, _):
                let exercise = exercises.first { $0.line <= snippet.fenceLine && snippet.fenceLine <= $0.endLine }
                guard let exercise else {
                    errors.append(ChapterError(file: path, line: snippet.fenceLine,
                        "a ```swift solution block belongs inside an exercise: indent it under a numbered item of the "
                        + "chapter's `## Exercises` section"))
                    break
                }
                if !library {
                    examples.append(Example(ordinal: examples.count + 1, snippet: snippet, output: nil, exercise: exercise.number))
                }
            case .output:
                if Self.takesOutput(previous?.kind), examples.last?.output == nil,
                   examples.last?.snippet.fenceLine == previous?.fenceLine {
                    examples[examples.count - 1].output = snippet
                } else {
                    errors.append(ChapterError(file: path, line: snippet.fenceLine,
                        "an output block must come right after a ```swift example (or ```swift solution) block (the code block before it is "
                        + (previous.map { Self.describe($0.kind) } ?? "missing") + ")"))
                }
            default: break
            }
            previous = snippet
        }

        let figures = Self.captionsAndLinks(in: document, lines: lines, snippets: snippets, examples: examples, path: path)
        (captions, figureLinks) = (figures.captions, figures.links)
        errors += figures.errors

        let swiftSnippets = snippets.filter {
            switch $0.kind { case .library, .example, .solution: true; default: false }
        }
        imports = swiftSnippets.flatMap { Self.imports(in: $0) }

        // The module: named by a `<!-- module: Name -->` comment, else by the file name; validated either way.
        let directives = document.nodes(ofType: CMARK_NODE_HTML_BLOCK).compactMap { node in
            Self.moduleOverride(node.literal).map { (name: $0, line: node.startLine) }
        }
        for extra in directives.dropFirst() {
            errors.append(ChapterError(file: path, line: extra.line,
                "a second <!-- module: ... --> comment (the first is on line \(directives[0].line)); a chapter has one module"))
        }
        module = nil
        moduleLine = directives.first?.line ?? 0
        if let directive = directives.first {
            do throws(ModuleNameError) {
                module = try ModuleName(validating: directive.name)
            } catch {
                errors.append(ChapterError(file: path, line: directive.line, error.description))
            }
        } else if !swiftSnippets.isEmpty {
            let derived = Self.moduleName(fromTopic: topic)
            do throws(ModuleNameError) {
                module = try ModuleName(validating: derived)
            } catch {
                errors.append(ChapterError(file: path, line: 0, "the file name gives the module name '\(derived)', but "
                    + error.description + "; name the module in a line <!-- module: Name -->"))
            }
        }
        if swiftSnippets.isEmpty { module = nil }

        if !errors.isEmpty { throw ChapterErrors(errors) }
    }

    /// The chapter read from a file's bytes: they must be UTF-8 (an error names the line of the first
    /// byte that is not), then as `init(path:source:)`.
    public init(path: String, bytes: [UInt8]) throws(ChapterErrors) {
        // The standard library's check first (fast even in a debug build); the line only when it fails.
        guard let source = String(validating: bytes, as: UTF8.self) else {
            throw ChapterErrors([ChapterError(file: path, line: Self.firstInvalidUTF8Line(bytes) ?? 1,
                "not UTF-8 text: the first byte that is not valid UTF-8 is on this line (save the file as UTF-8)")])
        }
        try self.init(path: path, source: source)
    }

    /// The 1-based line of the first byte that is not part of valid UTF-8, or nil when all of it is valid.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") { line += 1 }
            case .error:
                return line
            case .emptyInput:
                return nil
            }
        }
    }

    /// An error at the first line holding a carriage return, or nil when the text has none.
    /// (libcmark ends a line at LF, CR LF or a lone CR; Swift treats CR LF as one character. Refusing
    /// CR keeps one numbering for both, and a chapter's generated code byte for byte what it shows.)
    static func carriageReturnError(in source: String, path: String) -> ChapterError? {
        var line = 1
        var iterator = source.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "\n") { line += 1; continue }
            guard byte == UInt8(ascii: "\r") else { continue }
            let style = iterator.next() == UInt8(ascii: "\n") ? "Windows line endings (CR LF)" : "a carriage return (CR) without a line feed"
            let more = source.utf8.lazy.filter { $0 == UInt8(ascii: "\r") }.count - 1
            return ChapterError(file: path, line: line, "\(style); chapters use LF (\\n) line endings only"
                + (more > 0 ? " (\(more) more CR in the file)" : "")
                + ": convert the file, e.g. `sed -i 's/\\r$//' \(path)` or your editor's line-ending setting")
        }
        return nil
    }

    /// The text's lines, split at LF only (the text has no CR: see `carriageReturnError`).
    static func lines(of source: String) -> [String] {
        source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(Substring($0)) }
    }

    /// Whether an output block may follow a block of this kind (an example or a runnable solution).
    static func takesOutput(_ kind: SnippetKind?) -> Bool {
        switch kind {
        case .example?, .solution(library: false, _, _)?: true
        default: false
        }
    }

    /// The numbered items of the top-level lists under the `## Exercises` heading (up to the next
    /// heading of level 1 or 2).
    static func exercises(in document: MarkdownDocument) -> [Exercise] {
        var exercises: [Exercise] = [], inSection = false
        for node in document.topLevelNodes {
            if node.type == CMARK_NODE_HEADING, node.headingLevel <= 2 {
                inSection = node.headingLevel == 2 && node.plainText.trimmingSpaces() == "Exercises"
            } else if inSection && node.type == CMARK_NODE_LIST {
                for item in node.children {
                    exercises.append(Exercise(number: exercises.count + 1, line: item.startLine, endLine: item.endLine))
                }
            }
        }
        return exercises
    }

    /// `01-perceptron.md` → (1, "perceptron").
    static func splitFileName(_ name: String) -> (Int, String)? {
        guard name.hasSuffix(".md") else { return nil }
        let stem = name.dropLast(3)
        let parts = stem.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 2, let number = Int(parts[0]),
              parts[1].allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }),
              parts[1].first?.isLetter == true
        else { return nil }
        return (number, String(parts[1]))
    }

    /// `mnist-data` → `MnistData`.
    static func moduleName(fromTopic topic: String) -> String {
        topic.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The name in an HTML block `<!-- module: MNISTData -->` (the comment alone in its block), else nil.
    /// The name is returned as written, unvalidated: `ModuleName(validating:)` decides.
    static func moduleOverride(_ block: String) -> String? {
        let t = block.trimmingSpaces()
        guard t.hasPrefix("<!--"), t.hasSuffix("-->") else { return nil }
        let body = t.dropFirst(4).dropLast(3).trimmingSpaces()
        guard body.hasPrefix("module:") else { return nil }
        return String(body.dropFirst("module:".count)).trimmingSpaces()
    }

    private static func snippet(_ node: MarkdownNode, lines: [String], path: String) throws(ChapterError) -> Snippet {
        let start = node.startLine, end = node.endLine
        let opening = start - 1 < lines.count ? lines[start - 1] : ""
        let fence = fencePrefix(opening)
        if let fence {
            // libcmark lets an unclosed fence run to the end of the file; that is always a mistake here.
            let closing = end - 1 < lines.count ? lines[end - 1] : ""
            if end == start || !isClosingFence(closing, for: fence) {
                throw ChapterError(file: path, line: start,
                    "code fence opened here is never closed (it runs to the end of the file)")
            }
        }
        let kind: SnippetKind = fence == nil
            ? .prose(language: "")
            : try parseInfoString(node.fenceInfo, file: path, line: start)
        return Snippet(kind: kind, code: node.literal, fenceLine: start, endLine: end,
                       indent: max(0, node.startColumn - 1))
    }

    /// The run of ``` or ~~~ that opens a fenced block on this line, or nil for an indented code block.
    static func fencePrefix(_ line: String) -> String? {
        let body = line.drop(while: { $0 == " " })
        guard let first = body.first, first == "`" || first == "~" else { return nil }
        let run = body.prefix(while: { $0 == first })
        return run.count >= 3 ? String(run) : nil
    }

    static func isClosingFence(_ line: String, for fence: String) -> Bool {
        let body = line.trimmingSpaces()
        return body.count >= fence.count && body.allSatisfy { $0 == fence.first }
    }

    /// `import Activations` lines (line numbers in the Markdown file).
    public static func imports(in snippet: Snippet) -> [(module: String, line: Int)] {
        snippet.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { offset, line in
            importedModule(String(line)).map { ($0, snippet.firstCodeLine + offset) }
        }
    }

    /// The module of a plain `import X` line (a trailing `//` comment allowed), else nil.
    public static func importedModule(_ line: String) -> String? {
        // Most lines are not imports: the cheap test first (the first word must be `import`).
        guard line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("import") else { return nil }
        let code = line.range(of: "//").map { line[..<$0.lowerBound] } ?? line[...]
        let words = code.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2, words[0] == "import" else { return nil }
        return String(words[1])
    }

    static func describe(_ kind: SnippetKind) -> String {
        switch kind {
        case .library: "a library block"
        case .example: "an example that already has its output"
        case .output: "another output block"
        case .ignored: "an ignored block"
        case .solution(let library, _, _): library ? "a solution library block" : "a solution that already has its output"
        case .prose(let language): language.isEmpty ? "a plain code block" : "a \(language) block"
        }
    }
}
