import BookBuild
import BookSource
import Foundation

/// One chapter rendered to HTML: its body (with placeholders for the parts the chapter's page and
/// the print page show differently: figures, code, hidden code), its sections and its figures.
///
/// The chapter goes through the weave's passes in order, over one parse of its Markdown:
///
///     MathExtraction   $…$ and $$…$$ out of the prose (placeholders), TeX to MathML
///     PipeTables       pipe tables to HTML tables
///     MarkdownDocument the one libcmark parse
///     HeadingAnchors   ids on headings; the sections
///     FigureCaptions   caption paragraphs out of the prose (kept for the figures); figure links numbered
///     ChapterFigures   the committed SVGs, numbered and captioned, as parts by example
///     SolutionFolds    each exercise's solutions in a <details> (moved to the answers in print)
///     CodeBlocks       every code block to HTML, by kind
///     render; MathExtraction.restore puts the MathML back
///     ChapterLinks     links to NN-topic.md point at the pages
///     AddsBox          "this chapter adds" under the title
///     RunnablePrelude  the code "copy runnable" puts first
struct ChapterPage {
    var chapter: Chapter
    var sections: [(id: String, title: String)] = []
    /// The body, with placeholders for the parts and without the runnable prelude.
    var body = ""
    var parts = PageParts()
    var figures: [ChapterFigures.Figure] = []
    /// The `<script>` holding the prelude "copy runnable" puts before the code.
    var prelude = ""
    /// The Run button under the title (`RunPanel`), or "" for a chapter that does not run in the page.
    var runPanel = ""

    init(chapter: Chapter, book: Book, symbols: SymbolTable, catalog: FigureCatalog, root: String) throws {
        self.chapter = chapter
        let codeLines = Set(chapter.snippets.flatMap { $0.fenceLine...$0.endLine })
        let math = try MathExtraction(chapter.source, codeLines: codeLines, file: chapter.path)
        let document = MarkdownDocument(PipeTables.convert(math.text, codeLines: codeLines))
        sections = HeadingAnchors.apply(to: document, chapter: chapter, plainText: math.plain)
        let slugs = Set(book.chapters.map(\.slug))
        let captions = FigureCaptions.apply(to: document, chapter: chapter, catalog: catalog) {
            ChapterLinks.toPages(math.restore($0), chapterSlugs: slugs)
        }
        let drawn = try ChapterFigures(chapter: chapter, root: root, catalog: catalog, captions: captions, parts: &parts)
        figures = drawn.figures
        SolutionFolds.apply(to: document, chapter: chapter, parts: &parts)
        try CodeBlocks(chapter: chapter, symbols: symbols, figures: drawn.byExample).apply(to: document, parts: &parts)
        let html = ChapterLinks.toPages(math.restore(document.renderHTML()), chapterSlugs: slugs)
        body = AddsBox.insert(symbols.added(by: chapter), chapter: chapter, into: html)
        prelude = RunnablePrelude.html(chapter, book: book)
        runPanel = RunPanel.chapters(root: root).contains(chapter.number) ? RunPanel.html(chapter) : ""
    }

    /// The body for the chapter's own page: the Run button, figures inline, the runnable prelude at the end.
    var pageBody: String { RunPanel.insert(runPanel, into: parts.fill(body) { $0.page }) + prelude }

    /// The body whose text the search index holds (the page's, without the prelude).
    var searchableBody: String { parts.fill(body) { $0.page } }

    /// The body for the print page: figures as images, ids prefixed with the chapter's slug, links
    /// to other chapters turned into links within the page, no code for the copy buttons.
    func printBody(chapterSlugs: [String]) -> String {
        printParts(chapterSlugs: chapterSlugs).body
    }

    /// The print body (see `printBody`) with each solution replaced by a link to its answer, and the
    /// answers (exercise number and HTML), ids prefixed like the body's.
    func printParts(chapterSlugs: [String]) -> (body: String, answers: [(exercise: Int, html: String)]) {
        let (body, answers) = SolutionFolds.split(parts.fill(self.body) { $0.print })
        let forPrint = { (html: String) in ChapterLinks.forPrint(html, slug: chapter.slug, chapterSlugs: Set(chapterSlugs)) }
        return (forPrint(body), answers.map { ($0.exercise, forPrint($0.html)) })
    }
}

/// Weave pass: the code "copy runnable" puts before a chapter's snippets (its imports and what
/// earlier chapters define), as a JSON `<script>` the page's script reads; empty for a chapter without Swift.
enum RunnablePrelude {
    /// The `<script type="application/json" id="runnable-prelude">` element, or "".
    static func html(_ chapter: Chapter, book: Book) -> String {
        guard !Runnable.pieces(chapter).isEmpty else { return "" }
        return "<script type=\"application/json\" id=\"runnable-prelude\">\(jsonString(Runnable.prelude(chapter, book: book)))</script>\n"
    }
}
