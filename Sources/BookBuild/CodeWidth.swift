import BookSource

/// The widest line a Swift block shown in the book may have. The HTML gives code a column that holds
/// this many columns of the code font at desktop widths (see theme/style.css: 52rem); a longer line
/// scrolls sideways. Output blocks are the program's own: an example that prints wider lines should
/// print narrower (the browser test lists those).
public enum CodeWidth {
    public static let limit = 90

    /// One line over the limit.
    public struct WideLine: Equatable, Sendable {
        public var file: String
        public var line: Int
        public var columns: Int
    }

    /// The lines of the chapter's shown Swift blocks (library, example and ignore blocks that are
    /// not hidden) wider than `limit` columns (characters as the reader sees them), in file order.
    public static func wideLines(in chapter: Chapter) -> [WideLine] {
        var wide: [WideLine] = []
        for snippet in chapter.snippets where isShownSwift(snippet) {
            let lines = snippet.code.split(separator: "\n", omittingEmptySubsequences: false)
            for (offset, line) in lines.enumerated() where snippet.indent + line.count > limit {
                wide.append(WideLine(file: chapter.path, line: snippet.firstCodeLine + offset, columns: snippet.indent + line.count))
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

    /// One warning per chapter, at its first wide line, counting the others: the check is advisory
    /// until the chapters fit (`--strict-width` lists every line as an error).
    public static func warnings(_ lines: [WideLine]) -> [String] {
        var byFile: [(file: String, lines: [WideLine])] = []
        for line in lines {
            if byFile.last?.file == line.file { byFile[byFile.count - 1].lines.append(line) } else { byFile.append((line.file, [line])) }
        }
        return byFile.map { file, lines in
            let first = lines[0], longest = lines.map(\.columns).max() ?? 0
            return "\(file):\(first.line): warning: \(message(first))"
                + (lines.count > 1 ? " (this chapter has \(lines.count) such lines, the longest \(longest) columns)" : "")
        }
    }

    static func message(_ line: WideLine) -> String {
        "a line of \(line.columns) columns in a swift block, over the \(limit) the book's code column holds; wrap it"
    }
}
