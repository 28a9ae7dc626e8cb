import CCmark
import Foundation

/// The rendered book: file name (relative to the output directory) → contents.
public struct Site {
    public var files: [String: String] = [:]

    /// Writes files whose contents changed; removes `.html` files no chapter produces. Returns the changed names.
    public func write(to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var changed: [String] = []
        for (name, contents) in files.sorted(by: { $0.key < $1.key }) {
            let path = directory + "/" + name
            if (try? String(contentsOfFile: path, encoding: .utf8)) == contents { continue }
            try writeAtomically(contents, to: path)
            changed.append(name)
        }
        for name in try stray(in: directory) {
            try FileManager.default.removeItem(atPath: directory + "/" + name)
            changed.append(name)
        }
        return changed
    }

    /// Files that differ from what the chapters render, or that no chapter renders any more.
    public func staleFiles(in directory: String) throws -> [String] {
        let differing = files.keys.sorted().filter {
            (try? String(contentsOfFile: directory + "/" + $0, encoding: .utf8)) != files[$0]
        }
        return differing + (try stray(in: directory))
    }

    private func stray(in directory: String) throws -> [String] {
        let present = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return present.filter { ($0.hasSuffix(".html") || $0.hasSuffix(".css")) && files[$0] == nil }.sorted()
    }
}

/// Renders the chapters to HTML pages that work offline: code highlighted at build time, hidden
/// snippets left out, outputs styled as output and the verified figures inlined as SVG.
/// Nothing is run: outputs come from the chapters and figures from `chapters/figures`, both checked by `book verify`.
public struct Weave {
    public var book: Book
    public var root: String
    public static let bookTitle = "Neural Networks in Swift"
    public static let bookSubtitle = "An executable textbook, from the perceptron to an MNIST classifier"

    public init(book: Book, root: String) {
        self.book = book
        self.root = root
    }

    public func render() throws -> Site {
        var site = Site()
        site.files["style.css"] = Self.stylesheet
        let chapters = book.chapters
        var toc: [(chapter: Chapter, sections: [(id: String, title: String)])] = []
        for (index, chapter) in chapters.enumerated() {
            let (body, sections) = try renderChapter(chapter)
            toc.append((chapter, sections))
            let previous = index > 0 ? chapters[index - 1] : nil
            let next = index + 1 < chapters.count ? chapters[index + 1] : nil
            site.files[chapter.slug + ".html"] = page(title: chapter.title, body: body, previous: previous, next: next)
        }
        site.files["index.html"] = indexPage(toc)
        return site
    }

    static func pageName(_ chapter: Chapter) -> String { chapter.slug + ".html" }

    func nav(previous: Chapter?, next: Chapter?) -> String {
        var links = ["<a href=\"index.html\">Contents</a>"]
        if let previous { links.insert("<a rel=\"prev\" href=\"\(Self.pageName(previous))\">← \(escapeHTML(previous.title))</a>", at: 0) }
        if let next { links.append("<a rel=\"next\" href=\"\(Self.pageName(next))\">\(escapeHTML(next.title)) →</a>") }
        return "<nav class=\"chapter-nav\">" + links.joined(separator: " ") + "</nav>"
    }

    func page(title: String, body: String, previous: Chapter?, next: Chapter?) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapeHTML(title)) · \(Self.bookTitle)</title>
        <link rel="stylesheet" href="style.css">
        </head>
        <body>
        <header class="book-header"><a href="index.html">\(Self.bookTitle)</a></header>
        \(nav(previous: previous, next: next))
        <main>
        \(body)
        </main>
        \(nav(previous: previous, next: next))
        </body>
        </html>

        """
    }

    func indexPage(_ toc: [(chapter: Chapter, sections: [(id: String, title: String)])]) -> String {
        var body = "<h1>\(Self.bookTitle)</h1>\n<p class=\"subtitle\">\(Self.bookSubtitle)</p>\n"
        body += "<p>Every code block in this book is compiled, every example is run and every output and figure you see was produced by running it (<code>make test</code> checks them all).</p>\n"
        body += "<h2>Contents</h2>\n<ol class=\"toc\">\n"
        for (chapter, sections) in toc {
            let number = chapter.number == 0 ? "" : "<span class=\"number\">\(chapter.number)</span> "
            body += "<li>\(number)<a href=\"\(Self.pageName(chapter))\">\(escapeHTML(chapter.title))</a>"
            if !sections.isEmpty {
                body += "\n<ol>" + sections.map {
                    "<li><a href=\"\(Self.pageName(chapter))#\($0.id)\">\(escapeHTML($0.title))</a></li>"
                }.joined() + "</ol>"
            }
            body += "</li>\n"
        }
        body += "</ol>\n"
        return page(title: "Contents", body: body, previous: nil, next: toc.first?.chapter)
    }

    /// One chapter's HTML body and its level-2 sections (for the table of contents).
    func renderChapter(_ chapter: Chapter) throws -> (String, [(id: String, title: String)]) {
        let codeLines = Set(chapter.snippets.flatMap { $0.fenceLine...$0.endLine })
        let document = MarkdownDocument(PipeTables.convert(chapter.source, codeLines: codeLines))
        var sections: [(id: String, title: String)] = []
        var usedIDs: Set<String> = []
        for heading in document.nodes(ofType: CMARK_NODE_HEADING) where heading.headingLevel >= 2 {
            var id = Self.anchor(heading.plainText), n = 2
            while usedIDs.contains(id) { id = Self.anchor(heading.plainText) + "-\(n)"; n += 1 }
            usedIDs.insert(id)
            if heading.headingLevel == 2 { sections.append((id, heading.plainText)) }
            let tag = "<h\(heading.headingLevel)"
            let html = heading.renderHTML().replacingOccurrences(of: tag + ">", with: tag + " id=\"\(id)\">")
            heading.replace(withHTML: html)
        }

        let nodes = document.nodes(ofType: CMARK_NODE_CODE_BLOCK)
        precondition(nodes.count == chapter.snippets.count, "libcmark found different code blocks on a second parse")
        let figures = try figureFiles(chapter)
        let exampleByLine = Dictionary(uniqueKeysWithValues: chapter.examples.map { ($0.snippet.fenceLine, $0) })
        for (node, snippet) in zip(nodes, chapter.snippets) {
            switch snippet.kind {
            case .library(let hidden):
                if hidden { node.remove() } else {
                    node.replace(withHTML: codeBlock(snippet.code, label: "Library · module \(chapter.moduleName ?? "")", cls: "library"))
                }
            case .example(let hidden, let slow):
                let example = exampleByLine[snippet.fenceLine]!
                let drawn = figures[example.ordinal] ?? []
                if hidden {
                    if drawn.isEmpty { node.remove() } else { node.replace(withHTML: drawn.joined(separator: "\n")) }
                    continue
                }
                var html = codeBlock(snippet.code, label: slow ? "Example · slow: recorded output" : "Example", cls: "example")
                if example.output == nil { html += drawn.joined(separator: "\n") }
                node.replace(withHTML: html)
            case .output:
                let example = chapter.examples.first { $0.output?.fenceLine == snippet.fenceLine }
                let drawn = example.flatMap { figures[$0.ordinal] } ?? []
                let text = "<pre class=\"output\" aria-label=\"output\"><code>\(escapeHTML(snippet.code))</code></pre>"
                node.replace(withHTML: drawn.isEmpty ? text
                    : drawn.joined(separator: "\n") + "\n<details class=\"terminal\"><summary>The same output as text, as the terminal shows it</summary>\n\(text)</details>")
            case .ignored(let why):
                node.replace(withHTML: codeBlock(snippet.code, label: "Not compiled: \(why)", cls: "ignored"))
            case .prose(let language):
                let label = language.isEmpty ? nil : language
                node.replace(withHTML: "<pre class=\"prose\"\(label.map { " data-lang=\"\(escapeHTML($0))\"" } ?? "")><code>\(escapeHTML(snippet.code))</code></pre>")
            }
        }
        var html = document.renderHTML()
        // Links between chapters are written to the Markdown files; point them at the pages.
        for other in book.chapters {
            html = html.replacingOccurrences(of: "href=\"\(other.slug).md", with: "href=\"\(other.slug).html")
        }
        return (html, sections)
    }

    func codeBlock(_ code: String, label: String, cls: String) -> String {
        "<figure class=\"code \(cls)\"><figcaption>\(escapeHTML(label))</figcaption>"
            + "<pre><code class=\"language-swift\">\(SwiftHighlighter.html(code))</code></pre></figure>"
    }

    /// The committed SVG figures of a chapter, by example ordinal, each wrapped for the page.
    func figureFiles(_ chapter: Chapter) throws -> [Int: [String]] {
        let directory = root + "/" + Verifier.figureDirectory(chapter)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".svg") }.sorted()
        var result: [Int: [String]] = [:]
        for name in names {
            let ordinal = Int(name.dropFirst(2).prefix(while: \.isNumber)) ?? 0
            let svg = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            let stem = chapter.slug + "-" + String(name.dropLast(4))
            result[ordinal, default: []].append("<figure class=\"plot\" id=\"fig-\(stem)\">\(Self.uniqueIDs(svg, prefix: stem))</figure>")
        }
        return result
    }

    /// Prefixes the ids inside an SVG (and references to them) so several figures can share a page.
    static func uniqueIDs(_ svg: String, prefix: String) -> String {
        var result = svg
        var ids: [String] = []
        var rest = svg[...]
        while let r = rest.range(of: " id=\"") {
            let after = rest[r.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            ids.append(String(after[..<end]))
            rest = after[end...]
        }
        for id in ids {
            let new = prefix + "-" + id
            result = result.replacingOccurrences(of: "id=\"\(id)\"", with: "id=\"\(new)\"")
                .replacingOccurrences(of: "#\(id))", with: "#\(new))")
                .replacingOccurrences(of: "\"#\(id)\"", with: "\"#\(new)\"")
                .replacingOccurrences(of: "aria-labelledby=\"\(id)", with: "aria-labelledby=\"\(new)")
                .replacingOccurrences(of: "aria-describedby=\"\(id)", with: "aria-describedby=\"\(new)")
                .replacingOccurrences(of: " \(id)\"", with: " \(new)\"")
        }
        // An XML declaration is not allowed inside HTML.
        if result.hasPrefix("<?xml"), let end = result.range(of: "?>") { result = String(result[end.upperBound...]) }
        return result
    }

    /// A heading's text as a URL fragment: lowercase words joined by '-'.
    static func anchor(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.isEmpty && out.last != "-" { out.append("-") }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "section" : out
    }
}
