/// The pieces of a chapter's HTML that its own page and the print page show differently: a figure
/// (inline SVG, or an image) or a code block (highlighted and linked, or in one colour). The passes
/// leave a placeholder (`Placeholder.partOpen` k `Placeholder.partClose`) in the HTML; a page fills
/// each with the form it shows.
struct PageParts {
    /// One piece in both its forms.
    struct Part {
        var page: String
        var print: String
    }

    private(set) var parts: [Part] = []

    /// Records a part and returns the placeholder that stands for it.
    mutating func add(page: String, print: String) -> String {
        parts.append(Part(page: page, print: print))
        return Placeholder.numbered(parts.count - 1, open: Placeholder.partOpen, close: Placeholder.partClose)
    }

    /// `html` with every placeholder replaced by `form` of its part.
    func fill(_ html: String, _ form: (Part) -> String) -> String {
        guard !parts.isEmpty else { return html }
        var out = "", rest = html[...]
        while let open = rest.firstIndex(of: Placeholder.partOpen), let close = rest[open...].firstIndex(of: Placeholder.partClose),
              let k = Int(rest[rest.index(after: open)..<close]) {
            out += rest[..<open]
            out += form(parts[k])
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
