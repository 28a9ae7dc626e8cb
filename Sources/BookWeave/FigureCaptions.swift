import BookBuild
import BookSource
import CCmark

/// Weave pass (before `ChapterFigures`): figure captions and links to figures. A link to a figure
/// whose text is `Figure` reads "Figure 6.2" (the number from `FigureCatalog`); each caption
/// paragraph (`Figure {#fig-label}: ...`, see `FigureCaption`) leaves the prose, and its HTML is
/// kept for the figure's `<figcaption>`.
enum FigureCaptions {
    /// Numbers the figure links of `document` (`chapter`'s parse) and removes its caption paragraphs;
    /// returns each caption's HTML by label, passed through `finish` (which puts math back and
    /// points links at pages, as for the rest of the chapter: a caption becomes a page part).
    static func apply(to document: MarkdownDocument, chapter: Chapter, catalog: FigureCatalog,
                      finish: (String) -> String) -> [String: String] {
        for link in document.nodes(ofType: CMARK_NODE_LINK) {
            guard let (_, label) = CaptionSyntax.figureLink(link.url), let found = catalog.figure(labelled: label),
                  let text = link.firstChild, text.type == CMARK_NODE_TEXT, text.next == nil, text.literal == "Figure" else { continue }
            text.setLiteral("Figure\u{A0}" + found.figure.number)
        }
        let labels = Set(chapter.captions.map(\.label))
        var captions: [String: String] = [:]
        for paragraph in document.nodes(ofType: CMARK_NODE_PARAGRAPH) {
            guard let label = CaptionSyntax.label(ofParagraph: paragraph), labels.contains(label) else { continue }
            CaptionSyntax.removeOpening(of: paragraph)
            var html = Substring(paragraph.renderHTML())
            while html.last?.isWhitespace == true { html = html.dropLast() }
            if html.hasPrefix("<p>") && html.hasSuffix("</p>") { html = html.dropFirst(3).dropLast(4) }
            captions[label] = finish(String(html))
            paragraph.remove()
        }
        return captions
    }

    /// The `<figcaption>` of a figure: "Figure 7.3: " and its caption, or the number alone; its id
    /// (`captionID`) names the figure for screen readers (`aria-labelledby`: Chromium does not take
    /// a figure's name from its figcaption by itself).
    static func figcaption(_ figure: FigureCatalog.Figure, html: String?) -> String {
        let open = "<figcaption id=\"\(captionID(figure))\"><span class=\"figure-number\">Figure \(figure.number)"
        guard let html else { return open + "</span></figcaption>" }
        return open + ":</span> \(html)</figcaption>"
    }

    /// The id of a figure's `<figcaption>`: `fig-spiral-regions-caption`.
    static func captionID(_ figure: FigureCatalog.Figure) -> String { figure.id + "-caption" }
}
