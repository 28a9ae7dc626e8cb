import CCmark
import Foundation

/// One chapter rendered to HTML: its body (with placeholders for the parts the chapter's page and
/// the print page show differently: figures, code, hidden code), its sections and its figures.
struct ChapterPage {
    /// A committed SVG figure of the chapter, copied into the site for the print page's images.
    struct Figure {
        /// Path in the site: `figures/04-softmax/ex08-1.svg`.
        var file: String
        /// The SVG as committed.
        var source: String
    }

    /// A piece of the body that the chapter's page and the print page show differently: a figure
    /// (inline SVG or an image) or a code block (highlighted and linked, or in one colour).
    struct Part {
        var page: String
        var print: String
    }

    var chapter: Chapter
    var sections: [(id: String, title: String)] = []
    /// The body, with placeholders for the parts and without the runnable prelude.
    var body = ""
    var parts: [Part] = []
    var figures: [Figure] = []
    /// The `<script>` holding the prelude "copy runnable" puts before the code.
    var prelude = ""

    static let partOpen: Character = "\u{E002}"
    static let partClose: Character = "\u{E003}"

    init(chapter: Chapter, book: Book, symbols: SymbolTable, root: String) throws {
        self.chapter = chapter
        let codeLines = Set(chapter.snippets.flatMap { $0.fenceLine...$0.endLine })
        let math = try MathExtraction(chapter.source, codeLines: codeLines, file: chapter.path)
        let document = MarkdownDocument(PipeTables.convert(math.text, codeLines: codeLines))

        var usedIDs: Set<String> = []
        for heading in document.nodes(ofType: CMARK_NODE_HEADING) where heading.headingLevel >= 2 {
            let text = math.plain(heading.plainText)
            var id = Weave.anchor(text), n = 2
            while usedIDs.contains(id) { id = Weave.anchor(text) + "-\(n)"; n += 1 }
            usedIDs.insert(id)
            if heading.headingLevel == 2 { sections.append((id, text)) }
            let tag = "<h\(heading.headingLevel)"
            heading.replace(withHTML: heading.renderHTML().replacingOccurrences(of: tag + ">", with: tag + " id=\"\(id)\">"))
        }

        let nodes = document.nodes(ofType: CMARK_NODE_CODE_BLOCK)
        precondition(nodes.count == chapter.snippets.count, "libcmark found different code blocks on a second parse")
        let drawn = try figuresByExample(root: root)
        let exampleByLine = Dictionary(uniqueKeysWithValues: chapter.examples.map { ($0.snippet.fenceLine, $0) })
        let seqByLine = Dictionary(uniqueKeysWithValues: Runnable.pieces(chapter).enumerated().map { ($1.fenceLine, $0) })
        let entries = symbols.entries[chapter.slug] ?? []
        let links = symbols.links(for: chapter)

        foldSolutions(nodes)
        for (node, snippet) in zip(nodes, chapter.snippets) {
            let seq = seqByLine[snippet.fenceLine]
            switch snippet.kind {
            case .library(let hidden):
                if hidden { node.replace(withHTML: part(Self.hiddenCode(snippet, seq: seq!), print: "")); continue }
                let defined = entries.filter { $0.snippetLine == snippet.fenceLine }
                let anchors = Dictionary(defined.map { ($0.declaration.offset, $0.anchor) }, uniquingKeysWith: { a, _ in a })
                let definedNames = Set(defined.filter { $0.declaration.parent == nil }.map(\.declaration.name))
                let code = SwiftHighlighter.html(snippet.code, anchors: anchors, links: links.filter { !definedNames.contains($0.key) })
                let plain = SwiftHighlighter.html(snippet.code, anchors: anchors, colored: false)
                let label = "Library · module \(chapter.moduleName ?? "")"
                node.replace(withHTML: part(Self.codeBlock(code, label: label, cls: "library", seq: seq),
                                            print: Self.codeBlock(plain, label: label, cls: "library", seq: nil)))
            case .example(let hidden, let slow):
                let example = exampleByLine[snippet.fenceLine]!
                let pictures = (drawn[example.ordinal] ?? []).joined(separator: "\n")
                if hidden {
                    node.replace(withHTML: (pictures.isEmpty ? "" : pictures + "\n") + part(Self.hiddenCode(snippet, seq: seq!), print: ""))
                    continue
                }
                let label = slow ? "Example · slow: recorded output" : "Example"
                var html = part(Self.codeBlock(SwiftHighlighter.html(snippet.code, links: links), label: label, cls: "example", seq: seq),
                                print: Self.codeBlock(SwiftHighlighter.html(snippet.code, colored: false), label: label, cls: "example", seq: nil))
                if example.output == nil && !pictures.isEmpty { html += "\n" + pictures }
                node.replace(withHTML: html)
            case .solution(let library, let hidden, let slow):
                let pictures = (exampleByLine[snippet.fenceLine].flatMap { drawn[$0.ordinal] } ?? []).joined(separator: "\n")
                if hidden { node.replace(withHTML: pictures); continue }
                let label = library ? "Solution · declarations" : slow ? "Solution · slow: recorded output" : "Solution"
                var html = part(Self.codeBlock(SwiftHighlighter.html(snippet.code, links: links), label: label, cls: "solution", seq: nil),
                                print: Self.codeBlock(SwiftHighlighter.html(snippet.code, colored: false), label: label, cls: "solution", seq: nil))
                if exampleByLine[snippet.fenceLine]?.output == nil && !pictures.isEmpty { html += "\n" + pictures }
                node.replace(withHTML: html)
            case .output:
                let example = chapter.examples.first { $0.output?.fenceLine == snippet.fenceLine }
                let pictures = (example.flatMap { drawn[$0.ordinal] } ?? []).joined(separator: "\n")
                let text = "<pre class=\"output\" aria-label=\"output\"><code>\(escapeHTML(snippet.code))</code></pre>"
                // Under a figure, the text version is folded away on the page and left out of print.
                node.replace(withHTML: pictures.isEmpty ? text
                    : pictures + part("\n<details class=\"terminal\"><summary>The same output as text, as the terminal shows it</summary>\n\(text)</details>", print: ""))
            case .ignored(let why):
                let label = "Not compiled: \(why)"
                node.replace(withHTML: part(Self.codeBlock(SwiftHighlighter.html(snippet.code, links: links), label: label, cls: "ignored", seq: nil),
                                            print: Self.codeBlock(SwiftHighlighter.html(snippet.code, colored: false), label: label, cls: "ignored", seq: nil)))
            case .prose(let language):
                let label = language.isEmpty ? nil : language
                node.replace(withHTML: "<pre class=\"prose\"\(label.map { " data-lang=\"\(escapeHTML($0))\"" } ?? "")><code>\(escapeHTML(snippet.code))</code></pre>")
            }
        }
        // Links between chapters are written to the Markdown files; point them at the pages.
        let slugs = Set(book.chapters.map(\.slug))
        var html = HTMLAttributes.rewrite(math.restore(document.renderHTML())) { name, value in
            guard name == "href", let dot = value.range(of: ".md"), slugs.contains(String(value[..<dot.lowerBound])),
                  dot.upperBound == value.endIndex || value[dot.upperBound] == "#" else { return nil }
            return value[..<dot.lowerBound] + ".html" + value[dot.upperBound...]
        }
        let box = addsBox(symbols.added(by: chapter))
        if !box.isEmpty, let h1 = html.range(of: "</h1>\n") {
            html.insert(contentsOf: box, at: h1.upperBound)
        } else {
            html = box + html
        }
        body = html
        if !Runnable.pieces(chapter).isEmpty {
            prelude = "<script type=\"application/json\" id=\"runnable-prelude\">\(jsonString(Runnable.prelude(chapter, book: book)))</script>\n"
        }
    }

    /// The body for the chapter's own page: figures inline, the runnable prelude at the end.
    var pageBody: String { fill(body) { $0.page } + prelude }

    /// The body whose text the search index holds (the page's, without the prelude).
    var searchableBody: String { fill(body) { $0.page } }

    /// Marks where a solution starts and ends in the print form of the body; the print page moves
    /// what lies between to its answers appendix.
    static let answerOpen: Character = "\u{E010}"
    static let answerNumberEnd: Character = "\u{E011}"
    static let answerClose: Character = "\u{E012}"

    /// Folds each exercise's solutions: from its first `swift solution` block to the end of its list
    /// item (code, output, figures and the explanation after them), in a `<details>` on the page; on
    /// the print page the same stretch is cut out and collected as an answer (see `printParts`).
    mutating func foldSolutions(_ nodes: [MarkdownNode]) {
        var folded: Set<Int> = []
        for (node, snippet) in zip(nodes, chapter.snippets) {
            guard case .solution = snippet.kind, let exercise = chapter.exercise(containing: snippet.fenceLine),
                  folded.insert(exercise.number).inserted else { continue }
            var item = node.parent
            while let candidate = item, candidate.type != CMARK_NODE_ITEM { item = candidate.parent }
            guard let item else { continue }
            node.insertBefore(html: part("<details class=\"solution\"><summary>Show a solution</summary>",
                                         print: "\(Self.answerOpen)\(exercise.number)\(Self.answerNumberEnd)"))
            item.appendChild(html: part("</details>", print: String(Self.answerClose)))
        }
    }

    /// The body for the print page: figures as images, ids prefixed with the chapter's slug, links
    /// to other chapters turned into links within the page, no code for the copy buttons.
    func printBody(chapterSlugs: [String]) -> String {
        printParts(chapterSlugs: chapterSlugs).body
    }

    /// The print body (see `printBody`) with each solution replaced by a link to its answer, and the
    /// answers (exercise number and HTML), ids prefixed like the body's.
    func printParts(chapterSlugs: [String]) -> (body: String, answers: [(exercise: Int, html: String)]) {
        var rest = fill(body) { $0.print }[...], body = "", answers: [(Int, String)] = []
        while let open = rest.firstIndex(of: Self.answerOpen), let numberEnd = rest[open...].firstIndex(of: Self.answerNumberEnd),
              let close = rest[numberEnd...].firstIndex(of: Self.answerClose),
              let number = Int(rest[rest.index(after: open)..<numberEnd]) {
            body += rest[..<open]
            body += "<p class=\"answer-link\"><a href=\"#answer-\(number)\">A solution is in the answers at the end of the book.</a></p>\n"
            answers.append((number, "<div class=\"answer\" id=\"answer-\(number)\">\n<h3>Exercise \(number)</h3>\n"
                + rest[rest.index(after: numberEnd)..<close] + "\n</div>\n"))
            rest = rest[rest.index(after: close)...]
        }
        body += rest
        return (prefixed(body, chapterSlugs: chapterSlugs), answers.map { ($0.0, prefixed($0.1, chapterSlugs: chapterSlugs)) })
    }

    /// Ids prefixed with the chapter's slug, links to other chapters turned into links within the print page.
    func prefixed(_ html: String, chapterSlugs: [String]) -> String {
        let slug = chapter.slug
        let slugs = Set(chapterSlugs)
        return HTMLAttributes.rewrite(html) { name, value in
            switch name {
            case "id":
                return slug + "--" + value
            case "href":
                if value.hasPrefix("#") { return "#\(slug)--" + value.dropFirst() }
                let parts = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts[0].hasSuffix(".html"), slugs.contains(String(parts[0].dropLast(5))) else { return nil }
                return "#" + parts[0].dropLast(5) + (parts.count > 1 ? "--" + parts[1] : "")
            default:
                return nil
            }
        }
    }

    /// A placeholder for a part that the page and the print page show differently.
    mutating func part(_ page: String, print: String) -> String {
        parts.append(Part(page: page, print: print))
        return "\(Self.partOpen)\(parts.count - 1)\(Self.partClose)"
    }

    func fill(_ html: String, _ form: (Part) -> String) -> String {
        guard !parts.isEmpty else { return html }
        var out = "", rest = html[...]
        while let open = rest.firstIndex(of: Self.partOpen), let close = rest[open...].firstIndex(of: Self.partClose),
              let k = Int(rest[rest.index(after: open)..<close]) {
            out += rest[..<open]
            out += form(parts[k])
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    static func codeBlock(_ highlighted: String, label: String, cls: String, seq: Int?) -> String {
        "<figure class=\"code \(cls)\"\(seq.map { " data-seq=\"\($0)\"" } ?? "")><figcaption>\(escapeHTML(label))</figcaption>"
            + "<pre><code class=\"language-swift\">\(highlighted)</code></pre></figure>"
    }

    /// A hidden snippet's code, kept for "copy runnable" but not shown.
    static func hiddenCode(_ snippet: Snippet, seq: Int) -> String {
        "<script type=\"application/json\" class=\"hidden-code\" data-seq=\"\(seq)\">\(jsonString(snippet.code))</script>"
    }

    /// "This chapter adds": the chapter's public types, its functions and values, and what it adds
    /// to earlier chapters' types, each linked to its definition.
    func addsBox(_ entries: [SymbolTable.Entry]) -> String {
        guard !entries.isEmpty, let module = chapter.moduleName else { return "" }
        let groups: [(String, [SymbolTable.Entry])] = [
            ("Types", entries.filter { $0.declaration.isType && $0.declaration.parent == nil }),
            ("Functions and values", entries.filter { !$0.declaration.isType && $0.declaration.parent == nil }),
            ("Added to earlier types", entries.filter { $0.declaration.parent != nil }),
        ]
        var out = "<aside class=\"adds\" aria-label=\"This chapter adds\"><p class=\"adds-title\">This chapter adds to the module <code>\(module)</code></p>\n"
        for (title, group) in groups where !group.isEmpty {
            out += "<ul aria-label=\"\(title)\"><li class=\"group\">\(title):</li>"
            for entry in group {
                let d = entry.declaration
                let kind = "<span class=\"kind\">\(d.keyword)</span>"
                if entry.hidden {
                    out += "<li id=\"\(escapeHTML(entry.anchor))\">\(kind)<code>\(escapeHTML(d.signature))</code> <span class=\"note\">(hidden here; in the chapter’s Markdown)</span></li>"
                } else {
                    out += "<li>\(kind)<a href=\"#\(escapeHTML(entry.anchor))\"><code>\(escapeHTML(d.signature))</code></a></li>"
                }
            }
            out += "</ul>\n"
        }
        return out + "</aside>\n"
    }

    /// The committed SVG figures of the chapter, as part placeholders by example ordinal.
    mutating func figuresByExample(root: String) throws -> [Int: [String]] {
        let directory = root + "/" + Verifier.figureDirectory(chapter)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".svg") }.sorted()
        var result: [Int: [String]] = [:]
        for name in names {
            let ordinal = Verifier.exampleOrdinal(ofFigure: name)
            let svg = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            let stem = chapter.slug + "-" + String(name.dropLast(4))
            let file = "figures/\(chapter.slug)/\(name)"
            let inline = "<figure class=\"plot\" id=\"fig-\(stem)\">\(Self.uniqueIDs(svg, prefix: stem))</figure>"
            let size = ["width", "height"].compactMap { Self.attribute($0, of: svg) }.enumerated()
                .map { " \($0.offset == 0 ? "width" : "height")=\"\($0.element)\"" }.joined()
            let alt = [Self.element("title", of: svg), Self.element("desc", of: svg)].compactMap { $0 }.joined(separator: ". ")
            let image = "<figure class=\"plot\" id=\"fig-\(stem)\"><img src=\"\(file)\" alt=\"\(alt.replacingOccurrences(of: "\"", with: "&quot;"))\"\(size)></figure>"
            result[ordinal, default: []].append(part(inline, print: image))
            figures.append(Figure(file: file, source: svg))
        }
        return result
    }

    /// An attribute of the SVG's root element.
    static func attribute(_ name: String, of svg: String) -> String? {
        guard let open = svg.range(of: "<svg"), let end = svg.range(of: ">", range: open.upperBound..<svg.endIndex),
              let r = svg.range(of: " \(name)=\"", range: open.upperBound..<end.lowerBound) else { return nil }
        return String(svg[r.upperBound...].prefix { $0 != "\"" })
    }

    /// The text of the first `<name ...>...</name>` element (already escaped, as SVG is XML).
    static func element(_ name: String, of svg: String) -> String? {
        guard let open = svg.range(of: "<\(name)"), let start = svg.range(of: ">", range: open.upperBound..<svg.endIndex),
              let end = svg.range(of: "</\(name)>", range: start.upperBound..<svg.endIndex) else { return nil }
        return String(svg[start.upperBound..<end.lowerBound])
    }

    /// Prefixes the ids inside an SVG (and references to them) so several figures can share a page.
    static func uniqueIDs(_ svg: String, prefix: String) -> String {
        var ids: Set<Substring> = []
        _ = HTMLAttributes.rewrite(svg) { name, value in
            if name == "id" { ids.insert(value) }
            return nil
        }
        var result = ids.isEmpty ? svg : HTMLAttributes.rewrite(svg) { name, value in
            switch name {
            case "id":
                return ids.contains(value) ? prefix + "-" + value : nil
            case "aria-labelledby", "aria-describedby":
                return value.split(separator: " ").map { ids.contains($0) ? prefix + "-" + $0 : String($0) }.joined(separator: " ")
            case "href", "xlink:href":
                return value.hasPrefix("#") && ids.contains(value.dropFirst()) ? "#\(prefix)-" + value.dropFirst() : nil
            default:
                guard value.contains("url(#") else { return nil }
                var v = String(value)
                for id in ids { v = v.replacingOccurrences(of: "url(#\(id))", with: "url(#\(prefix)-\(id))") }
                return v
            }
        }
        // An XML declaration is not allowed inside HTML.
        if result.hasPrefix("<?xml"), let end = result.range(of: "?>") { result = String(result[end.upperBound...]) }
        return result
    }
}
