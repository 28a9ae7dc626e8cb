import BookBuild
import BookSource

/// `index.html`: a way into the book. A few lines on what the reader builds and needs to know, a
/// figure the book itself draws (chapter 11's classifier reading test digits), an obvious link to
/// chapter 1, then the contents.
extension Weave {
    /// The figure the landing page shows: the last one in the book whose title starts so.
    static let landingFigureTitle = "Test images: prediction"

    func landingPage(_ chapters: [ChapterPage], toc: [Page.Entry], catalog: FigureCatalog) throws -> String {
        let figures = chapters.flatMap(\.figures)
        guard let figure = figures.last(where: { ChapterFigures.element("title", of: $0.source)?.hasPrefix(Self.landingFigureTitle) == true })
        else {
            throw ChapterError(file: "chapters/figures", line: 0,
                               "the landing page shows the figure titled \"\(Self.landingFigureTitle)…\" (chapter 11's predictions), "
                               + "and no chapter draws it; change Weave.landingFigureTitle (Sources/BookWeave/LandingPage.swift)")
        }
        var body = "<h1>\(Page.bookTitle)</h1>\n<p class=\"subtitle\">\(Page.bookSubtitle)</p>\n"
        body += "<p class=\"lead\">You build a small neural-network library in Swift, one chapter at a time: a perceptron, "
            + "activation functions, layers, softmax and cross-entropy, backpropagation worked out by hand, gradient descent, "
            + "regularization and a fast matrix product, until chapter 11 trains a 784-512-512-10 network that reads "
            + "handwritten digits, and chapter 12 a convolutional network that reads them better.</p>\n"
        body += "<p>You need to know some Swift (or another C-family language) and high-school mathematics; derivatives, "
            + "vectors and matrices are explained where they are first used. Every code block in the book is compiled, every "
            + "example is run, and every output and figure on these pages is what running it printed or drew "
            + "(<code>make test</code> checks them all again).</p>\n"
        body += "<figure class=\"plot landing-figure\" id=\"fig-landing\"><div class=\"plot-frame\">"
            + "\(ChapterFigures.uniqueIDs(figure.source, prefix: "fig-landing"))</div>"
            + "<figcaption>What the book arrives at: chapter 11’s network reading test digits it never saw in training, "
            + "its answer first and the truth in brackets; a wrong answer would be framed in red\(Self.reference(to: figure, catalog))."
            + "</figcaption></figure>\n"
        if let first = toc.first(where: { $0.chapter.number > 0 && !$0.chapter.isAppendix }) {
            body += "<p class=\"start\"><a class=\"start-link\" href=\"\(first.page)\">Start with chapter \(first.chapter.number): "
                + "\(escapeHTML(first.chapter.title)) →</a></p>\n"
        }
        return body + contents(toc)
    }

    /// " (Figure 11.3)", linked to the figure in its chapter, or "" when the catalog does not list it.
    static func reference(to figure: ChapterFigures.Figure, _ catalog: FigureCatalog) -> String {
        let path = figure.file.split(separator: "/")  // figures/<slug>/<name>
        guard path.count == 3, let entry = catalog.figures[String(path[1])]?.first(where: { $0.file == path[2] }) else { return "" }
        return " (<a href=\"\(path[1]).html#\(entry.id)\">Figure\u{A0}\(entry.number)</a>)"
    }
}
