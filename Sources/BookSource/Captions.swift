import CCmark

/// A figure's caption as a chapter writes it: a paragraph right after the output block of the
/// example that draws the figure (or after the example, when it prints nothing), one paragraph per
/// figure the example draws, in order, each opening with the figure's label:
///
///     Figure {#fig-spiral-regions}: After training, the network's regions follow both arms of the spiral.
///
/// In the Markdown it stays an ordinary paragraph; the weave moves it under its figure as
/// "Figure 6.2: After training, …". Labels start with `fig-`, then lowercase letters, digits and
/// dashes, and are unique in the book (`FigureCatalog` checks that, and the rest, against the figures).
public struct FigureCaption: Equatable, Sendable {
    /// The figure's label, its id in the page: `fig-spiral-regions`.
    public var label: String
    /// The paragraph's first line.
    public var line: Int
    /// The ordinal of the example (or solution) whose figures the caption follows: the last one
    /// shown before it, with only its output block, hidden examples or other captions in between;
    /// nil when prose, a heading or other code comes between (the caption has no figure before it).
    public var example: Int?
}

/// A link to a figure: `[Figure](#fig-label)` in the same chapter, or another chapter's
/// `[Figure](06-backpropagation.html#fig-label)` (`.md` works too, as for links to sections). The
/// weave makes a link whose text is `Figure` read "Figure 6.2".
public struct FigureLink: Equatable, Sendable {
    /// The label linked to.
    public var label: String
    /// The chapter the link names (`06-backpropagation`); nil for the chapter it is in.
    public var chapter: String?
    /// The line of the link's destination.
    public var line: Int
}

/// The caption grammar: which paragraphs are captions, which links point at figures.
public enum CaptionSyntax {
    /// What a caption paragraph starts with.
    public static let opening = "Figure {#"

    /// A valid label: `fig-`, then lowercase ASCII letters and digits in dash-separated words.
    public static func isLabel(_ label: Substring) -> Bool {
        guard label.hasPrefix("fig-") else { return false }
        let words = label.dropFirst(4).split(separator: "-", omittingEmptySubsequences: false)
        return !words.isEmpty && words.allSatisfy { word in
            !word.isEmpty && word.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) }
        }
    }

    /// The caption's label and the length of its opening (`Figure {#label}:` and the spaces after
    /// it), when `text` (a paragraph's source, from its first character) starts a caption; nil when
    /// the paragraph is not one; an error message when it starts like one but breaks the grammar.
    static func parse(_ text: Substring) -> Result<(label: String, openingLength: Int), CaptionSyntaxError>? {
        guard text.hasPrefix(opening) else { return nil }
        let afterOpening = text.dropFirst(opening.count)
        guard let close = afterOpening.firstIndex(of: "}") else {
            return .failure(CaptionSyntaxError("a figure caption's label ends with `}`: `Figure {#fig-label}: what the figure shows`"))
        }
        let label = afterOpening[..<close]
        guard isLabel(label) else {
            return .failure(CaptionSyntaxError("figure label '#\(label)' is not a label: `fig-`, then lowercase letters, digits "
                + "and dashes (`Figure {#fig-spiral-regions}: ...`)"))
        }
        let rest = afterOpening[afterOpening.index(after: close)...]
        guard rest.first == ":" else {
            return .failure(CaptionSyntaxError("a figure caption's label is followed by a colon and the caption: "
                + "`Figure {#\(label)}: what the figure shows`"))
        }
        let caption = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        return .success((String(label), opening.count + label.count + 2 + (rest.count - 1 - caption.count)))
    }

    /// The chapter (nil: the same page) and label of a link destination that points at a figure:
    /// `#fig-x`, `06-backpropagation.html#fig-x` or `06-backpropagation.md#fig-x`; nil for other links.
    public static func figureLink(_ url: String) -> (chapter: String?, label: String)? {
        guard let hash = url.firstIndex(of: "#") else { return nil }
        let fragment = url[url.index(after: hash)...], page = url[..<hash]
        guard fragment.hasPrefix("fig-") else { return nil }
        if page.isEmpty { return (nil, String(fragment)) }
        for suffix in [".html", ".md"] where page.hasSuffix(suffix) {
            let slug = page.dropLast(suffix.count)
            if Chapter.splitFileName(slug + ".md") != nil { return (String(slug), String(fragment)) }
        }
        return nil
    }

    /// The label of a caption paragraph, read from its first text node (`Figure {#label}: ...`), or nil
    /// for any other paragraph. (The weave finds captions this way, not by line: its passes before the
    /// parse, such as pipe tables, may change the lines.)
    public static func label(ofParagraph paragraph: MarkdownNode) -> String? {
        guard paragraph.type == CMARK_NODE_PARAGRAPH, let text = paragraph.firstChild, text.type == CMARK_NODE_TEXT,
              case .success(let parsed)? = parse(Substring(text.literal)) else { return nil }
        return parsed.label
    }

    /// Removes a caption paragraph's opening (`Figure {#label}: `) from its first text node, leaving
    /// the caption's own text; the weave renders what is left under the figure.
    public static func removeOpening(of paragraph: MarkdownNode) {
        guard let text = paragraph.firstChild, text.type == CMARK_NODE_TEXT,
              case .success(let parsed)? = parse(Substring(text.literal)) else { return }
        text.setLiteral(String(text.literal.dropFirst(parsed.openingLength)))
    }
}

/// Why a paragraph that starts like a caption is not one.
struct CaptionSyntaxError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

extension Chapter {
    /// The chapter's caption paragraphs and links to figures (see `FigureCaption`), found in the
    /// parse of the chapter: a caption follows the last shown example or solution before it when only
    /// its output block, hidden examples and other captions stand between them.
    static func captionsAndLinks(in document: MarkdownDocument, lines: [String], snippets: [Snippet], examples: [Example],
                                 path: String) -> (captions: [FigureCaption], links: [FigureLink], errors: [ChapterError]) {
        let snippetByLine = Dictionary(snippets.map { ($0.fenceLine, $0) }, uniquingKeysWith: { a, _ in a })
        let ordinalByLine = Dictionary(examples.map { ($0.snippet.fenceLine, $0.ordinal) }, uniquingKeysWith: { a, _ in a })
        var captions: [FigureCaption] = [], links: [FigureLink] = [], errors: [ChapterError] = []
        var current: Int?  // the example whose figures a caption here would follow
        for node in MarkdownNode(pointer: document.root).descendants {
            switch node.type {
            case CMARK_NODE_CODE_BLOCK:
                switch snippetByLine[node.startLine]?.kind {
                case .example(hidden: false, _)?, .solution(library: false, hidden: false, _)?:
                    current = ordinalByLine[node.startLine]
                case .example(hidden: true, _)?, .solution(_, hidden: true, _)?, .library(hidden: true)?, .output?:
                    break
                default:
                    current = nil
                }
            case CMARK_NODE_PARAGRAPH:
                let line = node.startLine
                let text = line - 1 < lines.count ? lines[line - 1].dropFirst(max(0, node.startColumn - 1)) : ""
                switch CaptionSyntax.parse(text) {
                case nil:
                    current = nil
                case .failure(let error)?:
                    errors.append(ChapterError(file: path, line: line, error.message))
                case .success(let parsed)?:
                    let rest = node.plainText.dropFirst(parsed.openingLength)
                    if rest.allSatisfy({ $0 == " " || $0 == "\n" }) {
                        errors.append(ChapterError(file: path, line: line,
                            "figure caption \(parsed.label) is empty: say what the reader should see in the figure"))
                    }
                    captions.append(FigureCaption(label: parsed.label, line: line, example: current))
                }
            case CMARK_NODE_HEADING, CMARK_NODE_THEMATIC_BREAK:
                current = nil
            case CMARK_NODE_LINK:
                guard let (chapter, label) = CaptionSyntax.figureLink(node.url) else { continue }
                links.append(FigureLink(label: label, chapter: chapter, line: Self.line(of: node, lines: lines)))
            default:
                continue
            }
        }
        return (captions, links, errors)
    }

    /// The line of an inline node: libcmark numbers blocks only, so the first line of the enclosing
    /// block that holds the link's destination (its block's first line when none does).
    static func line(of link: MarkdownNode, lines: [String]) -> Int {
        var block = link.parent
        while let b = block, b.startLine == 0 { block = b.parent }
        guard let block else { return 0 }
        let destination = "](" + link.url
        for line in block.startLine...max(block.startLine, block.endLine) where line - 1 < lines.count {
            if lines[line - 1].contains(destination) { return line }
        }
        return block.startLine
    }
}
