// BookWeave, the HTML: takes in a `Book`, the committed figures and the `theme/` assets, and gives
// out the site (`Site`: file name → contents) that `book weave` writes to book/. Each chapter goes
// through named passes over one libcmark parse (listed in ChapterPage.swift); nothing is run.
import BookBuild
import BookSource
import Foundation

/// Renders the chapters to HTML pages that work offline: code highlighted at build time, hidden
/// snippets left out, outputs styled as output, the verified figures inlined as SVG and the math
/// turned into MathML. Nothing is run: outputs come from the chapters and figures from
/// `chapters/figures`, both checked by `book verify`.
///
/// The site: one page per chapter, `index.html` (the landing page and contents), `print.html` (the whole book on one
/// page, figures as images from `figures/`), `search-index.js`, and `book.js` and `style.css` copied
/// from `theme/`.
public struct Weave {
    /// The chapters to render.
    public var book: Book
    /// The package root: `chapters/figures` and `theme/` are read from it.
    public var root: String

    /// A weave of `book`, reading figures and assets under `root`.
    public init(book: Book, root: String) {
        self.book = book
        self.root = root
    }

    /// Renders every page, the search index and the assets; writes nothing.
    public func render() throws -> Site {
        var site = Site()
        site.files.merge(try Theme(root: root).files) { _, asset in asset }
        let symbols = SymbolTable(book: book)
        // Captions and links to figures are checked first: a wrong one stops the weave (book verify says the same).
        let catalog = FigureCatalog(book: book, files: FigureCatalog.committedFiles(book, root: root))
        if !catalog.errors.isEmpty { throw ChapterErrors(catalog.errors) }
        let chapters = try book.chapters.map { try ChapterPage(chapter: $0, book: book, symbols: symbols, catalog: catalog, root: root) }
        let toc = chapters.map { Page.Entry(chapter: $0.chapter, sections: $0.sections) }
        for (index, chapter) in chapters.enumerated() {
            let page = Page(title: chapter.chapter.title, body: chapter.pageBody, toc: toc, current: chapter.chapter,
                            previous: index > 0 ? chapters[index - 1].chapter : nil,
                            next: index + 1 < chapters.count ? chapters[index + 1].chapter : nil, kind: "chapter")
            site.files[chapter.chapter.slug + ".html"] = page.html
            for figure in chapter.figures { site.files[figure.file] = figure.source }
        }
        site.files["index.html"] = Page(title: "Contents", body: try landingPage(chapters, toc: toc, catalog: catalog), toc: toc, current: nil,
                                        previous: nil, next: chapters.first?.chapter, kind: "contents").html
        site.files["print.html"] = printPage(chapters, toc: toc)
        site.files["search-index.js"] = searchIndex(chapters).javascript()
        return site
    }

    /// The table of contents: every chapter and its numbered sections.
    func contents(_ toc: [Page.Entry]) -> String {
        var body = "<h2 id=\"contents\">Contents</h2>\n<ol class=\"toc\">\n"
        for entry in toc {
            let number = entry.chapter.numberLabel.map { "<span class=\"number\">\($0)</span> " } ?? ""
            body += "<li>\(number)<a href=\"\(entry.page)\">\(escapeHTML(entry.chapter.title))</a>"
            if !entry.sections.isEmpty {
                body += "\n<ol>" + entry.sections.enumerated().map { k, section in
                    "<li><a href=\"\(entry.page)#\(section.id)\">\(Page.numbered(section.title, entry.chapter, k + 1))</a></li>"
                }.joined() + "</ol>"
            }
            body += "</li>\n"
        }
        body += "</ol>\n<p>To print the book or save it as PDF, use <a href=\"print.html\">the whole book on one page</a>.</p>\n"
        return body
    }

    /// Every chapter on one page, ids prefixed with the chapter (`04-softmax--temperature`) so they
    /// stay unique, links between chapters pointing within the page, figures as images.
    func printPage(_ chapters: [ChapterPage], toc: [Page.Entry]) -> String {
        var body = "<h1>\(Page.bookTitle)</h1>\n<p class=\"subtitle\">\(Page.bookSubtitle)</p>\n"
        body += "<p class=\"print-note\">The whole book on one page, for printing or saving as PDF."
            + " <button type=\"button\" id=\"print-button\" class=\"print-button\">Print…</button></p>\n"
        body += "<ol class=\"toc\">\n" + toc.map { entry in
            let number = entry.chapter.numberLabel.map { "<span class=\"number\">\($0)</span> " } ?? ""
            return "<li>\(number)<a href=\"#\(entry.chapter.slug)\">\(escapeHTML(entry.chapter.title))</a></li>\n"
        }.joined() + "</ol>\n"
        let slugs = chapters.map(\.chapter.slug)
        var answers = ""
        for chapter in chapters {
            let (chapterBody, chapterAnswers) = chapter.printParts(chapterSlugs: slugs)
            body += "<section class=\"print-chapter\" id=\"\(chapter.chapter.slug)\">\n" + chapterBody + "\n</section>\n"
            guard !chapterAnswers.isEmpty else { continue }
            answers += "<h2 id=\"answers-\(chapter.chapter.slug)\">\(chapter.chapter.number) · \(escapeHTML(chapter.chapter.title))</h2>\n"
                + chapterAnswers.map(\.html).joined()
        }
        if !answers.isEmpty {
            body += "<section class=\"print-chapter answers\" id=\"answers\">\n<h1>Answers to the exercises</h1>\n"
                + "<p>Every solution here was compiled and run when the book was made, and its output checked.</p>\n"
                + answers + "</section>\n"
        }
        return Page(title: "The whole book", body: body, toc: toc, current: nil, previous: nil, next: nil, kind: "print").html
    }

    /// One document per section of every chapter.
    func searchIndex(_ chapters: [ChapterPage]) -> SearchIndex {
        var sections: [SearchIndex.Section] = []
        for chapter in chapters {
            let label = chapter.chapter.numberedTitle
            for part in HTMLText.sections(of: chapter.searchableBody) {
                let href = chapter.chapter.slug + ".html" + (part.id.map { "#" + $0 } ?? "")
                sections.append(SearchIndex.Section(href: href, chapter: label, title: part.id == nil ? chapter.chapter.title : part.title,
                                                    text: part.text))
            }
        }
        return SearchIndex(sections: sections)
    }
}
