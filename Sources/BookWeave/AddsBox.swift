import BookSource

/// Weave pass: the "this chapter adds" box under a chapter's title, listing what its module adds.
enum AddsBox {
    /// "This chapter adds": the chapter's public types, its functions and values, and what it adds
    /// to earlier chapters' types, each linked to its definition; a folded <details> box.
    static func html(_ entries: [SymbolTable.Entry], chapter: Chapter) -> String {
        guard !entries.isEmpty, let module = chapter.moduleName else { return "" }
        let groups: [(String, [SymbolTable.Entry])] = [
            ("Types", entries.filter { $0.declaration.isType && $0.declaration.parent == nil }),
            ("Functions and values", entries.filter { !$0.declaration.isType && $0.declaration.parent == nil }),
            ("Added to earlier types", entries.filter { $0.declaration.parent != nil }),
        ]
        // Folded: a line saying what the module gains, opened to read the list.
        let names = ["Types": ("type", "types"), "Functions and values": ("function or value", "functions and values"),
                     "Added to earlier types": ("addition to earlier types", "additions to earlier types")]
        let counts = groups.filter { !$0.1.isEmpty }.map { title, group in
            "\(group.count) " + (group.count == 1 ? names[title]?.0 ?? title : names[title]?.1 ?? title)
        }.joined(separator: ", ")
        var out = "<details class=\"adds\"><summary class=\"adds-title\">This chapter adds to the module <code>\(module)</code>"
            + " <span class=\"adds-count\">(\(counts))</span></summary>\n"
        for (title, group) in groups where !group.isEmpty {
            out += "<ul><li class=\"group\">\(title):</li>"
            for entry in group {
                let d = entry.declaration
                let kind = "<span class=\"kind\">\(d.keyword)</span>"
                if entry.hidden {
                    out += "<li id=\"\(escapeHTML(entry.anchor))\">\(kind)<code>\(escapeHTML(d.signature))</code> <span class=\"note\">(hidden here; in the chapter’s Markdown)</span></li>"
                } else {
                    out += "<li>\(kind)<a href=\"#\(escapeHTML(entry.anchor))\"><code>\(escapeHTML(d.signature))</code></a></li>"
                }
            }
            out += "</ul>\n"
        }
        return out + "</details>\n"
    }

    /// `html` with the box for `entries` after its `<h1>` (or at the top when there is none).
    static func insert(_ entries: [SymbolTable.Entry], chapter: Chapter, into html: String) -> String {
        let box = Self.html(entries, chapter: chapter)
        var html = html
        if !box.isEmpty, let h1 = html.range(of: "</h1>\n") {
            html.insert(contentsOf: box, at: h1.upperBound)
        } else {
            html = box + html
        }
        return html
    }
}
