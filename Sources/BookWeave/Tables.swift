import BookSource
import CCmark

/// GitHub-style pipe tables for the HTML. libcmark implements plain CommonMark, which has no tables,
/// so before rendering, the weave turns each table into an HTML `<table>` block:
///
///     | layer | parameters |      a header row,
///     | --- | ---: |              a delimiter row (`:` sets the alignment),
///     | 1 | 401,920 |            and body rows, up to a line without `|`.
///
/// Cells are rendered as Markdown inlines (code, emphasis, links). Code blocks are left alone.
enum PipeTables {
    static func convert(_ source: String, codeLines: Set<Int>) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        var i = 0
        while i < lines.count {
            let lineNumber = i + 1
            if !codeLines.contains(lineNumber), i + 1 < lines.count, !codeLines.contains(lineNumber + 1),
               lines[i].contains("|"), let alignments = delimiterRow(lines[i + 1]),
               cells(lines[i]).count == alignments.count {
                var rows = [cells(lines[i])]
                var j = i + 2
                while j < lines.count, !codeLines.contains(j + 1), lines[j].contains("|"),
                      !lines[j].trimmingSpaces().isEmpty {
                    rows.append(cells(lines[j]))
                    j += 1
                }
                out.append(html(rows, alignments))
                out.append("")
                i = j
            } else {
                out.append(lines[i])
                i += 1
            }
        }
        return out.joined(separator: "\n")
    }

    /// The cells of a row, without the outer pipes; `\|` stays a literal pipe.
    static func cells(_ line: String) -> [String] {
        var body = line.trimmingSpaces()
        if body.hasPrefix("|") { body.removeFirst() }
        if body.hasSuffix("|") && !body.hasSuffix("\\|") { body.removeLast() }
        var cells: [String] = [], current = "", escaped = false
        for ch in body {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; current.append(ch); continue }
            if ch == "|" { cells.append(current); current = "" } else { current.append(ch) }
        }
        cells.append(current)
        return cells.map { $0.trimmingSpaces().replacingOccurrences(of: "\\|", with: "|") }
    }

    /// The alignments of a delimiter row such as `| --- | :---: | ---: |`, or nil if it is not one.
    static func delimiterRow(_ line: String) -> [String?]? {
        let parts = cells(line)
        guard !parts.isEmpty else { return nil }
        var result: [String?] = []
        for part in parts {
            let dashes = part.trimmingCharacters(in: ":")
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (part.hasPrefix(":"), part.hasSuffix(":")) {
            case (true, true): result.append("center")
            case (false, true): result.append("right")
            case (true, false): result.append("left")
            default: result.append(nil)
            }
        }
        return result
    }

    static func html(_ rows: [[String]], _ alignments: [String?]) -> String {
        func cell(_ tag: String, _ text: String, _ k: Int) -> String {
            let align = k < alignments.count ? alignments[k].map { " style=\"text-align:\($0)\"" } ?? "" : ""
            return "<\(tag)\(align)>\(inline(text))</\(tag)>"
        }
        var html = "<table>\n<thead><tr>" + rows[0].enumerated().map { cell("th", $1, $0) }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows.dropFirst() {
            let padded = row + Array(repeating: "", count: max(0, alignments.count - row.count))
            html += "<tr>" + padded.prefix(alignments.count).enumerated().map { cell("td", $1, $0) }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>"
    }

    /// Markdown inlines rendered by libcmark, without the paragraph around them.
    static func inline(_ text: String) -> String {
        var html = MarkdownDocument(text).renderHTML().trimmingSpaces()
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        String(drop(while: { $0 == set }).reversed().drop(while: { $0 == set }).reversed())
    }
}
