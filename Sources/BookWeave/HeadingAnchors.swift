import BookSource
import CCmark

/// Weave pass: gives every heading from level 2 down an id made from its text (unique in the
/// chapter: a repeated title gets `-2`, `-3`, …), and lists the level-2 headings as the chapter's
/// sections for the table of contents and the sidebar. A chapter's level-2 headings are numbered
/// ("7.3", "A.2" in an appendix; none in the preface).
enum HeadingAnchors {
    /// Sets the ids in `document`; `plainText` turns a heading's text back into what the reader sees
    /// (math placeholders to their TeX). Returns the sections: (id, title) of each level-2 heading.
    static func apply(to document: MarkdownDocument, chapter: Chapter, plainText: (String) -> String) -> [(id: String, title: String)] {
        var sections: [(id: String, title: String)] = []
        var usedIDs: Set<String> = []
        for heading in document.nodes(ofType: CMARK_NODE_HEADING) where heading.headingLevel >= 2 {
            let text = plainText(heading.plainText)
            var id = anchor(text), n = 2
            while usedIDs.contains(id) { id = anchor(text) + "-\(n)"; n += 1 }
            usedIDs.insert(id)
            var number = ""
            if heading.headingLevel == 2 {
                sections.append((id, text))
                if let label = sectionNumber(chapter, sections.count) { number = "<span class=\"secnum\">\(label)</span> " }
            }
            let tag = "<h\(heading.headingLevel)"
            heading.replace(withHTML: heading.renderHTML().replacingOccurrences(of: tag + ">", with: tag + " id=\"\(id)\">" + number))
        }
        return sections
    }

    /// The number of a chapter's k-th section (1-based), "7.3" ("A.2" in an appendix); the preface's
    /// sections have none.
    static func sectionNumber(_ chapter: Chapter, _ k: Int) -> String? {
        chapter.numberLabel.map { "\($0).\(k)" }
    }

    /// A heading's text as a URL fragment: lowercase words joined by '-'.
    static func anchor(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.isEmpty && out.last != "-" { out.append("-") }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "section" : out
    }
}
