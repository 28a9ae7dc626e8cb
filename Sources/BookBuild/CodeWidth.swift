import BookSource

/// The widest line a code or output block shown in the book may have. The HTML gives code a column
/// that holds this many columns of the code font at desktop widths (see theme/style.css: 52rem); a
/// longer line scrolls sideways. A Swift line over it is wrapped in the chapter; an output line over
/// it means the example should print narrower (fewer columns, folded tables, shorter labels).
public enum CodeWidth {
    public static let limit = 90

    /// One line over the limit.
    public struct WideLine: Equatable, Sendable {
        /// A line of Swift code, or a line an example printed (an output block's, ASCII plots included).
        public enum Kind: Sendable { case swift, output }
        public var file: String
        public var line: Int
        public var columns: Int
        public var kind: Kind = .swift
    }

    /// The lines of the chapter's shown Swift blocks (library, example, solution and ignore blocks
    /// that are not hidden) and output blocks wider than `limit` columns, in file order. Columns are
    /// characters as the reader sees them (`Character`s, not bytes: `█`, `─` and `σ` are one each); a
    /// Swift line counts the indentation of its block in the Markdown, an output line only what the
    /// example printed (the HTML and the terminal show it without the indentation).
    public static func wideLines(in chapter: Chapter) -> [WideLine] {
        var wide: [WideLine] = []
        for snippet in chapter.snippets {
            let kind: WideLine.Kind
            if case .output = snippet.kind { kind = .output } else if isShownSwift(snippet) { kind = .swift } else { continue }
            let indent = kind == .swift ? snippet.indent : 0
            let lines = snippet.code.split(separator: "\n", omittingEmptySubsequences: false)
            for (offset, line) in lines.enumerated() where indent + line.count > limit {
                wide.append(WideLine(file: chapter.path, line: snippet.firstCodeLine + offset, columns: indent + line.count, kind: kind))
            }
        }
        return wide
    }

    static func isShownSwift(_ snippet: Snippet) -> Bool {
        switch snippet.kind {
        case .library(let hidden): !hidden
        case .example(let hidden, _): !hidden
        case .solution(_, let hidden, _): !hidden
        case .ignored: true
        case .output, .prose: false
        }
    }

    /// Every wide line as an error (`file:line: error: ...`), for `book verify --strict-width`.
    public static func errors(_ lines: [WideLine]) -> [ChapterError] {
        lines.map { ChapterError(file: $0.file, line: $0.line, message($0)) }
    }

    /// One warning per chapter and kind (Swift, output), at its first wide line, counting the others:
    /// the check is advisory until the chapters fit (`--strict-width` lists every line as an error).
    public static func warnings(_ lines: [WideLine]) -> [String] {
        var groups: [(file: String, kind: WideLine.Kind, lines: [WideLine])] = []
        for line in lines {
            if let k = groups.firstIndex(where: { $0.file == line.file && $0.kind == line.kind }) {
                groups[k].lines.append(line)
            } else {
                groups.append((line.file, line.kind, [line]))
            }
        }
        return groups.map { _, kind, lines in
            let first = lines[0], longest = lines.map(\.columns).max() ?? 0
            let unit = kind == .swift ? "columns" : "characters"
            return "\(first.file):\(first.line): warning: \(message(first))"
                + (lines.count > 1 ? " (this chapter has \(lines.count) such lines, the longest \(longest) \(unit))" : "")
        }
    }

    static func message(_ line: WideLine) -> String {
        switch line.kind {
        case .swift:
            "a line of \(line.columns) columns in a swift block, over the \(limit) the book's code column holds; wrap it"
        case .output:
            "an output line of \(line.columns) characters, over the \(limit) the book's code column holds; make the example "
                + "print narrower (fewer columns, folded tables, shorter labels)"
        }
    }
}
