/// Weave pass: the links of a chapter's HTML. Chapters link to each other by their Markdown files
/// (`04-softmax.md#temperature`), which work on GitHub and in an editor; on the site they point at
/// the pages, and on the print page (every chapter on one page) within that page, with every id
/// prefixed by its chapter's slug so that ids stay unique.
enum ChapterLinks {
    /// `html` with links to the book's chapters (`NN-topic.md`, with or without a fragment) pointing at their pages.
    static func toPages(_ html: String, chapterSlugs slugs: Set<String>) -> String {
        HTMLAttributes.rewrite(html) { name, value in
            guard name == "href", let dot = value.range(of: ".md"), slugs.contains(String(value[..<dot.lowerBound])),
                  dot.upperBound == value.endIndex || value[dot.upperBound] == "#" else { return nil }
            return value[..<dot.lowerBound] + ".html" + value[dot.upperBound...]
        }
    }

    /// Chapter `slug`'s page HTML for the print page: ids (and references to them) prefixed with `slug--`, and links within
    /// the chapter or to another chapter's page turned into links within the print page.
    static func forPrint(_ html: String, slug: String, chapterSlugs slugs: Set<String>) -> String {
        HTMLAttributes.rewrite(html) { name, value in
            switch name {
            case "id":
                return slug + "--" + value
            case "aria-labelledby", "aria-describedby":
                return value.split(separator: " ").map { slug + "--" + $0 }.joined(separator: " ")
            case "href":
                if value.hasPrefix("#") { return "#\(slug)--" + value.dropFirst() }
                let parts = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts[0].hasSuffix(".html"), slugs.contains(String(parts[0].dropLast(5))) else { return nil }
                return "#" + parts[0].dropLast(5) + (parts.count > 1 ? "--" + parts[1] : "")
            default:
                return nil
            }
        }
    }
}
