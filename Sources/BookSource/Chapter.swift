import CCmark

/// One fenced code block of a chapter.
public struct Snippet: Equatable, Sendable {
    public var kind: SnippetKind
    /// The code, without the fences (libcmark's literal: indentation of a fence in a list is removed).
    public var code: String
    /// Line of the opening fence; the code starts on the next line.
    public var fenceLine: Int
    /// Line of the closing fence.
    public var endLine: Int
    /// Columns of indentation before the fence (inside a list item, for example).
    public var indent: Int

    public var firstCodeLine: Int { fenceLine + 1 }
}

/// An example (or a solution) together with the output block that follows it, if any.
public struct Example: Equatable, Sendable {
    /// 1-based position among the chapter's examples and solutions; names it in markers and figure files.
    public var ordinal: Int
    public var snippet: Snippet
    public var output: Snippet?
    /// For a `swift solution` block, the number of the exercise it solves; nil for an example.
    public var exercise: Int? = nil

    public var hidden: Bool {
        switch snippet.kind {
        case .example(let hidden, _), .solution(_, let hidden, _): hidden
        default: false
        }
    }
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
    public var endLine: Int
}

/// A chapter file: `chapters/NN-topic.md`.
public struct Chapter: Sendable {
    /// Path as written in diagnostics and `#sourceLocation`, e.g. `chapters/01-perceptron.md`.
    public var path: String
    public var number: Int
    /// File name without `.md`, e.g. `01-perceptron`.
    public var slug: String
    public var title: String
    /// The Swift module the chapter's code goes into (`Perceptron`), or nil when it has no Swift code.
    public var moduleName: String?
    public var snippets: [Snippet]
    public var examples: [Example]
    /// The items of the chapter's `## Exercises` section (empty without one).
    public var exercises: [Exercise]
    /// `import X` lines of the chapter's Swift snippets, with their lines.
    public var imports: [(module: String, line: Int)]
    public var source: String

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
    public init(path: String, source: String) throws(ChapterErrors) {
        let fileName = String(path.split(separator: "/").last ?? Substring(path))
        guard let (number, topic) = Self.splitFileName(fileName) else {
            throw ChapterErrors([ChapterError(file: path, line: 0,
                "chapter file names look like NN-topic.md (two digits, then lowercase words joined by '-')")])
        }
        self.path = path
        self.number = number
        self.slug = String(fileName.dropLast(3))
        self.source = source

        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
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

        let swiftSnippets = snippets.filter {
            switch $0.kind { case .library, .example, .solution: true; default: false }
        }
        imports = swiftSnippets.flatMap { Self.imports(in: $0) }
        let override = lines.lazy.compactMap(Self.moduleOverride).first
        moduleName = swiftSnippets.isEmpty ? nil : (override ?? Self.moduleName(fromTopic: topic))

        if !errors.isEmpty { throw ChapterErrors(errors) }
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

    /// `<!-- module: MNISTData -->` on a line of its own names the module explicitly.
    static func moduleOverride(_ line: String) -> String? {
        guard line.contains("<!--") else { return nil }
        let t = line.trimmingSpaces()
        guard t.hasPrefix("<!-- module:"), t.hasSuffix("-->") else { return nil }
        return String(t.dropFirst("<!-- module:".count).dropLast(3)).trimmingSpaces()
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
