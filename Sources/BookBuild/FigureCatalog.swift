import BookSource
import Foundation

/// The book's figures, numbered and matched with their captions and the links to them.
///
/// A chapter's figures are the SVGs its examples drew (committed under `chapters/figures/<slug>/`,
/// `exNN-K.svg`: example NN's K-th figure), numbered in the order the examples run: "7.1", "7.2",
/// ... ("A.1" in appendix A). Each example's figures take, in order, the caption paragraphs right
/// after it (see `FigureCaption`). `book verify` reports the problems and `book weave` refuses to
/// render with an error among them:
///   - a label used twice in the book;
///   - a caption paragraph with no figure before it, or more of them after an example than it draws;
///   - a link to a figure label that no figure of the named chapter has;
///   - a figure without a caption: a warning, an error with `requireCaptions`.
public struct FigureCatalog: Sendable {
    /// One figure of a chapter.
    public struct Figure: Equatable, Sendable {
        /// The file name under the chapter's figure directory: `ex06-2.svg`.
        public var file: String
        /// The example (or solution) that drew it, and which of its figures it is (from 1).
        public var example: Int
        public var index: Int
        /// What the reader sees: "7.3" ("A.1" in an appendix, "0.1" in the preface).
        public var number: String
        /// Its caption, if the chapter gives one.
        public var caption: FigureCaption?
        /// Its id in the page: the caption's label, or `fig-<slug>-exNN-K` without a caption.
        public var id: String
    }

    /// Every chapter's figures in order, by chapter slug.
    public private(set) var figures: [String: [Figure]] = [:]
    /// What is wrong, at chapter lines, in book order: errors, and missing captions as warnings
    /// (as errors with `requireCaptions`).
    public private(set) var problems: [ChapterError] = []

    /// The errors among the problems.
    public var errors: [ChapterError] { problems.filter { $0.severity == .error } }

    /// Numbers `book`'s figures, given the figure files of each chapter (by slug), and checks the
    /// captions and links against them.
    public init(book: Book, files: [String: [String]], requireCaptions: Bool = false) {
        var labels: [String: (chapter: Chapter, figure: Figure)] = [:]
        var firstUse: [String: (file: String, line: Int)] = [:]
        for chapter in book.chapters {
            let drawn = (files[chapter.slug] ?? []).compactMap { name in Self.parse(name).map { (name, $0.example, $0.index) } }
                .sorted { ($0.1, $0.2) < ($1.1, $1.2) }
            var captionsByExample: [Int: [FigureCaption]] = [:]
            for caption in chapter.captions {
                if let earlier = firstUse[caption.label] {
                    problems.append(ChapterError(file: chapter.path, line: caption.line,
                        "figure label \(caption.label) is already used at \(earlier.file):\(earlier.line); labels are unique in the book"))
                    continue
                }
                firstUse[caption.label] = (chapter.path, caption.line)
                guard let example = caption.example else {
                    problems.append(ChapterError(file: chapter.path, line: caption.line,
                        "figure caption \(caption.label) has no figure before it: a caption paragraph comes right after the output "
                        + "block of the example that draws the figure (one paragraph per figure, in order)"))
                    continue
                }
                captionsByExample[example, default: []].append(caption)
            }
            var list: [Figure] = []
            for (k, (name, example, index)) in drawn.enumerated() {
                let caption = captionsByExample[example].flatMap { index <= $0.count ? $0[index - 1] : nil }
                let number = (chapter.numberLabel ?? "0") + ".\(k + 1)"
                let figure = Figure(file: name, example: example, index: index, number: number, caption: caption,
                                    id: caption?.label ?? "fig-\(chapter.slug)-\(name.dropLast(4))")
                list.append(figure)
                if let caption { labels[caption.label] = (chapter, figure) }
            }
            figures[chapter.slug] = list
            for (example, captions) in captionsByExample.sorted(by: { $0.key < $1.key }) {
                let count = drawn.filter { $0.1 == example }.count
                guard captions.count > count else { continue }
                let line = chapter.examples.first { $0.ordinal == example }?.snippet.fenceLine ?? 0
                for extra in captions[count...] {
                    problems.append(ChapterError(file: chapter.path, line: extra.line,
                        "figure caption \(extra.label) has no figure: the example at line \(line) draws \(count) "
                        + (count == 1 ? "figure" : "figures") + " and is followed by \(captions.count) caption paragraphs"))
                }
            }
            for figure in list where figure.caption == nil {
                let example = chapter.examples.first { $0.ordinal == figure.example }
                let line = example?.output?.endLine ?? example?.snippet.endLine ?? 0
                problems.append(ChapterError(file: chapter.path, line: line,
                    "figure \(figure.number) (\(chapter.figureDirectory)/\(figure.file)) has no caption: after this line, add a "
                    + "paragraph `Figure {#fig-some-label}: what the reader should see`", severity: requireCaptions ? .error : .warning))
            }
        }
        let slugs = Set(book.chapters.map(\.slug))
        for chapter in book.chapters {
            for link in chapter.figureLinks {
                let target = link.chapter ?? chapter.slug
                let found = labels[link.label]
                if link.chapter != nil && !slugs.contains(target) {
                    problems.append(ChapterError(file: chapter.path, line: link.line,
                        "a link to figure \(link.label) of chapter \(target), which is not a chapter of the book"))
                } else if let found, found.chapter.slug != target {
                    problems.append(ChapterError(file: chapter.path, line: link.line,
                        "figure \(link.label) is in \(found.chapter.path), not in \(target): link to "
                        + "\(found.chapter.slug).html#\(link.label)"))
                } else if found == nil {
                    problems.append(ChapterError(file: chapter.path, line: link.line,
                        "a link to figure \(link.label), but no caption in \(target) has that label "
                        + "(a figure's label is the one in its caption, `Figure {#\(link.label)}: ...`)"))
                }
            }
        }
        problems.sort { a, b in (a.file, a.line) < (b.file, b.line) }
    }

    /// The figure with `label`, and the slug of its chapter.
    public func figure(labelled label: String) -> (chapter: String, figure: Figure)? {
        for (slug, list) in figures { if let figure = list.first(where: { $0.caption?.label == label }) { return (slug, figure) } }
        return nil
    }

    /// The figure files (`exNN-K.svg`) committed under `root` for each of the book's chapters, by slug.
    public static func committedFiles(_ book: Book, root: String) -> [String: [String]] {
        var files: [String: [String]] = [:]
        for chapter in book.chapters {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + chapter.figureDirectory)) ?? []
            files[chapter.slug] = names.filter { parse($0) != nil }.sorted()
        }
        return files
    }

    /// `ex06-2.svg` → example 6, figure 2; nil for any other name.
    static func parse(_ name: String) -> (example: Int, index: Int)? {
        guard name.hasPrefix("ex"), name.hasSuffix(".svg") else { return nil }
        let parts = name.dropFirst(2).dropLast(4).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let example = Int(parts[0]), let index = Int(parts[1]), index >= 1 else { return nil }
        return (example, index)
    }
}
