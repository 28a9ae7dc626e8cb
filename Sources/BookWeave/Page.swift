import BookSource

/// The frame around every page: head (theme chosen before the first paint), header with the
/// table-of-contents button, search box and theme toggle, the sidebar, previous/next links.
///
/// Everything works without JavaScript except search, the theme toggle and the copy buttons, which
/// `book.js` adds (the page is marked `js` when scripts run). The sidebar collapses behind a
/// button on narrow screens; the button is a checkbox label, so it needs no script either. A
/// "skip to content" link is the first stop of the Tab key.
struct Page {
    /// The book's title, on every page and at the top of the contents.
    static let bookTitle = "Neural Networks in Swift"
    /// The line under the title on the contents and print pages.
    static let bookSubtitle = "An executable textbook, from the perceptron to an MNIST classifier"

    /// One chapter in the table of contents.
    struct Entry {
        var chapter: Chapter
        var sections: [(id: String, title: String)]
        var page: String { chapter.slug + ".html" }
        var label: String { chapter.numberedTitle }
    }

    var title: String
    var body: String
    var toc: [Entry]
    /// The chapter this page shows (its sections are listed in the sidebar), if any.
    var current: Chapter?
    var previous: Chapter?
    var next: Chapter?
    /// Extra class on `<body>`: `chapter`, `contents`, `print`.
    var kind: String

    /// Sets the theme the reader chose (stored by the toggle) before anything is drawn, so a dark
    /// page never flashes light; without a stored choice the system setting applies (CSS).
    static let themeScript = "<script>document.documentElement.className='js';"
        + "try{var t=localStorage.getItem('book-theme');if(t==='dark'||t==='light')document.documentElement.setAttribute('data-theme',t)}catch(e){}</script>"

    var html: String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapeHTML(title)) · \(Self.bookTitle)</title>
        \(Self.themeScript)
        <link rel="stylesheet" href="style.css">
        <link rel="icon" href="data:,">
        <script src="book.js" defer></script>
        </head>
        <body class="\(kind)">
        <a class="skip-link" href="#main">Skip to content</a>
        \(header)
        <div class="layout">
        \(sidebar)
        <div class="content">
        \(nav(at: "top"))
        <main id="main">
        \(body)
        </main>
        \(nav(at: "bottom"))
        </div>
        </div>
        </body>
        </html>

        """
    }

    var header: String {
        "<header class=\"book-header\">"
            + "<input type=\"checkbox\" id=\"nav-toggle\" class=\"nav-toggle\" aria-label=\"Show the table of contents\">"
            + "<label for=\"nav-toggle\" class=\"menu-button\" title=\"Table of contents\">☰</label>"
            + "<a class=\"book-title\" href=\"index.html\">\(Self.bookTitle)</a>"
            + "<div class=\"search\" role=\"search\"><input type=\"search\" id=\"search-box\" placeholder=\"Search the book\""
            + " aria-label=\"Search the book\" spellcheck=\"false\"></div>"
            + "<button type=\"button\" id=\"theme-toggle\" class=\"theme-toggle\" title=\"Switch between light and dark\""
            + " aria-label=\"Dark mode\" aria-pressed=\"false\">◐</button>"
            + "</header>"
    }

    var sidebar: String {
        var out = "<nav class=\"sidebar\" aria-label=\"Table of contents\">\n<ol class=\"toc\">\n"
        out += "<li\(kind == "contents" ? " class=\"current\"" : "")><a href=\"index.html\"\(kind == "contents" ? " aria-current=\"page\"" : "")>Contents</a></li>\n"
        for entry in toc {
            let isCurrent = entry.chapter.slug == current?.slug
            out += "<li\(isCurrent ? " class=\"current\"" : "")><a href=\"\(entry.page)\"\(isCurrent ? " aria-current=\"page\"" : "")>"
                + escapeHTML(entry.label) + "</a>"
            if isCurrent && !entry.sections.isEmpty {
                out += "\n<ol>" + entry.sections.enumerated().map { k, section in
                    "<li><a href=\"#\(section.id)\">\(Self.numbered(section.title, entry.chapter, k + 1))</a></li>"
                }.joined() + "</ol>"
            }
            out += "</li>\n"
        }
        out += "<li\(kind == "print" ? " class=\"current\"" : "")><a href=\"print.html\"\(kind == "print" ? " aria-current=\"page\"" : "")>The whole book on one page (print)</a></li>\n"
        return out + "</ol>\n</nav>"
    }

    /// A section's title in the sidebar and contents, after its number ("7.3 Momentum").
    static func numbered(_ title: String, _ chapter: Chapter, _ k: Int) -> String {
        (HeadingAnchors.sectionNumber(chapter, k).map { "<span class=\"secnum\">\($0)</span> " } ?? "") + escapeHTML(title)
    }

    /// The links to the previous and next chapter, above and below the text: two landmarks, each with
    /// a label of its own (`position`), so that a screen reader's list of landmarks tells them apart.
    func nav(at position: String) -> String {
        guard previous != nil || next != nil else { return "" }
        var links: [String] = []
        if let previous { links.append("<a rel=\"prev\" href=\"\(previous.slug).html\">← \(escapeHTML(previous.title))</a>") }
        else if kind == "chapter" { links.append("<a rel=\"prev\" href=\"index.html\">← Contents</a>") }
        if let next { links.append("<a rel=\"next\" href=\"\(next.slug).html\">\(escapeHTML(next.title)) →</a>") }
        return "<nav class=\"chapter-nav\" aria-label=\"Previous and next chapter, \(position)\">" + links.joined(separator: " ") + "</nav>"
    }
}
