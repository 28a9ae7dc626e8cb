import BookBuild
import BookSource
import BookSupport
import CCmark

/// Weave pass: replaces every code block of the parsed chapter with its HTML, by the snippet's
/// kind: library and example code highlighted, with links to the book's symbols and anchors on
/// what a library snippet defines (a part: in one colour on the print page); hidden code kept only
/// for "copy runnable"; a solution like an example, without "copy runnable" (`SolutionFolds` folds it);
/// an output block under the figures its example drew; prose blocks as text.
struct CodeBlocks {
    var chapter: Chapter
    var symbols: SymbolTable
    /// Part placeholders of the chapter's figures, by example ordinal (`ChapterFigures.byExample`).
    var figures: [Int: [String]]

    /// Replaces the code blocks of `document`, which holds `chapter`'s snippets in order.
    func apply(to document: MarkdownDocument, parts: inout PageParts) throws {
        let nodes = document.nodes(ofType: CMARK_NODE_CODE_BLOCK)
        guard nodes.count == chapter.snippets.count else {
            throw ToolError("\(chapter.path): libcmark found \(nodes.count) code blocks when rendering, \(chapter.snippets.count) when reading")
        }
        let exampleByLine = Dictionary(uniqueKeysWithValues: chapter.examples.map { ($0.snippet.fenceLine, $0) })
        let seqByLine = Dictionary(uniqueKeysWithValues: Runnable.pieces(chapter).enumerated().map { ($1.fenceLine, $0) })
        let entries = symbols.entries[chapter.slug] ?? []
        let links = symbols.links(for: chapter)

        for (node, snippet) in zip(nodes, chapter.snippets) {
            let seq = seqByLine[snippet.fenceLine]
            switch snippet.kind {
            case .library(let hidden):
                if hidden { node.replace(withHTML: parts.add(page: Self.hiddenCode(snippet, seq: seq!), print: "")); continue }
                let defined = entries.filter { $0.snippetLine == snippet.fenceLine }
                let anchors = Dictionary(defined.map { ($0.declaration.offset, $0.anchor) }, uniquingKeysWith: { a, _ in a })
                let definedNames = Set(defined.filter { $0.declaration.parent == nil }.map(\.declaration.name))
                let code = SwiftHighlighter.html(snippet.code, anchors: anchors, links: links.filter { !definedNames.contains($0.key) })
                let plain = SwiftHighlighter.html(snippet.code, anchors: anchors, colored: false)
                let label = "Library · module \(chapter.moduleName ?? "")"
                node.replace(withHTML: parts.add(page: Self.codeBlock(code, label: label, cls: "library", seq: seq),
                                            print: Self.codeBlock(plain, label: label, cls: "library", seq: nil)))
            case .example(let hidden, let slow):
                let example = exampleByLine[snippet.fenceLine]!
                let pictures = (figures[example.ordinal] ?? []).joined(separator: "\n")
                if hidden {
                    node.replace(withHTML: (pictures.isEmpty ? "" : pictures + "\n") + parts.add(page: Self.hiddenCode(snippet, seq: seq!), print: ""))
                    continue
                }
                let label = slow ? "Example · slow: recorded output" : "Example"
                var html = parts.add(page: Self.codeBlock(SwiftHighlighter.html(snippet.code, links: links), label: label, cls: "example", seq: seq),
                                print: Self.codeBlock(SwiftHighlighter.html(snippet.code, colored: false), label: label, cls: "example", seq: nil))
                if example.output == nil && !pictures.isEmpty { html += "\n" + pictures }
                node.replace(withHTML: html)
            case .solution(let library, let hidden, let slow):
                let pictures = (exampleByLine[snippet.fenceLine].flatMap { figures[$0.ordinal] } ?? []).joined(separator: "\n")
                if hidden { node.replace(withHTML: pictures); continue }
                let label = library ? "Solution · declarations" : slow ? "Solution · slow: recorded output" : "Solution"
                var html = parts.add(page: Self.codeBlock(SwiftHighlighter.html(snippet.code, links: links), label: label, cls: "solution", seq: nil),
                                     print: Self.codeBlock(SwiftHighlighter.html(snippet.code, colored: false), label: label, cls: "solution", seq: nil))
                if exampleByLine[snippet.fenceLine]?.output == nil && !pictures.isEmpty { html += "\n" + pictures }
                node.replace(withHTML: html)
            case .output:
                let example = chapter.examples.first { $0.output?.fenceLine == snippet.fenceLine }
                let pictures = (example.flatMap { figures[$0.ordinal] } ?? []).joined(separator: "\n")
                let ordinal = example.map { " data-example=\"\($0.ordinal)\"" } ?? ""
                let text = "<pre class=\"output\" aria-label=\"output\"\(ordinal)><code>\(escapeHTML(snippet.code))</code></pre>"
                // Under a figure, the text version is folded away on the page and left out of print.
                node.replace(withHTML: pictures.isEmpty ? text
                    : pictures + parts.add(page: "\n<details class=\"terminal\"><summary>The same output as text, as the terminal shows it</summary>\n\(text)</details>", print: ""))
            case .ignored(let why):
                let label = "Not compiled: \(why)"
                node.replace(withHTML: parts.add(page: Self.codeBlock(SwiftHighlighter.html(snippet.code, links: links), label: label, cls: "ignored", seq: nil),
                                            print: Self.codeBlock(SwiftHighlighter.html(snippet.code, colored: false), label: label, cls: "ignored", seq: nil)))
            case .prose(let language):
                let label = language.isEmpty ? nil : language
                node.replace(withHTML: "<pre class=\"prose\"\(label.map { " data-lang=\"\(escapeHTML($0))\"" } ?? "")><code>\(escapeHTML(snippet.code))</code></pre>")
            }
        }
    }

    static func codeBlock(_ highlighted: String, label: String, cls: String, seq: Int?) -> String {
        "<figure class=\"code \(cls)\"\(seq.map { " data-seq=\"\($0)\"" } ?? "")><figcaption>\(escapeHTML(label))</figcaption>"
            + "<pre><code class=\"language-swift\">\(highlighted)</code></pre></figure>"
    }

    /// A hidden snippet's code, kept for "copy runnable" but not shown.
    static func hiddenCode(_ snippet: Snippet, seq: Int) -> String {
        "<script type=\"application/json\" class=\"hidden-code\" data-seq=\"\(seq)\">\(jsonString(snippet.code))</script>"
    }
}
