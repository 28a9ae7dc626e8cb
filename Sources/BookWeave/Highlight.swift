import SwiftLexer

/// Swift syntax highlighting at build time: code in, HTML with `<span class="...">` out, so a page
/// needs no JavaScript to show coloured code. Classes: `kw` keyword, `ty` type name, `str` string,
/// `num` number, `com` comment, `at` attribute or directive. Everything is HTML-escaped.
///
/// Names of the book's public symbols can be linked to their definitions (`links`, name → href), and
/// the names a snippet defines can carry the anchors those links point to (`anchors`, offset → id).
public enum SwiftHighlighter {
    static let keywords: Set<String> = [
        "associatedtype", "as", "async", "await", "break", "case", "catch", "class", "continue", "default",
        "defer", "deinit", "do", "else", "enum", "extension", "fallthrough", "false", "fileprivate", "for",
        "func", "guard", "if", "import", "in", "init", "inout", "internal", "is", "let", "mutating", "nil",
        "nonisolated", "open", "operator", "private", "protocol", "public", "repeat", "rethrows", "return",
        "self", "Self", "some", "any", "static", "struct", "subscript", "super", "switch", "throw", "throws",
        "true", "try", "typealias", "var", "where", "while", "final", "lazy", "weak", "override", "convenience",
        "indirect", "consuming", "borrowing", "sending",
    ]

    /// Keywords after which a name is being declared (or is a module), not used: it is never linked there.
    static let declaring: Set<String> = ["func", "let", "var", "struct", "class", "enum", "protocol", "typealias", "case", "actor", "import"]

    /// With `colored: false` only the anchors are marked (the print page sets code in one colour).
    public static func html(_ code: String, anchors: [Int: String] = [:], links: [String: String] = [:], colored: Bool = true) -> String {
        let chars = Array(code)
        var out = ""
        var lastWord = "", lastWordEnd = -1
        func span(_ cls: String, _ text: String) {
            out += colored ? "<span class=\"\(cls)\">\(escapeHTML(text))</span>" : escapeHTML(text)
        }
        for token in SwiftLexer.tokens(in: chars) {
            let i = token.range.lowerBound, j = token.range.upperBound
            let text = String(chars[token.range])
            switch token.kind {
            case .comment: span("com", text)
            case .string: span("str", text)
            case .number: span("num", text)
            case .whitespace, .punctuation: out += escapeHTML(text)
            case .attribute:
                span("at", text)
                lastWord = text; lastWordEnd = j
            case .identifier:
                let c = chars[i]
                let afterSpace = chars[(lastWordEnd >= 0 ? lastWordEnd : i)..<i].allSatisfy { $0 == " " }
                let declared = afterSpace && lastWordEnd >= 0 && declaring.contains(lastWord)
                let previous = chars[..<i].last { $0 != " " }
                let following = chars[j...].first { $0 != " " }
                if keywords.contains(text) { span("kw", text) }
                else if let id = anchors[i] {
                    out += "<span class=\"\(c.isUppercase ? "ty" : "def")\" id=\"\(escapeHTML(id))\">\(escapeHTML(text))</span>"
                } else if let href = links[text], !declared, previous != ".", c.isUppercase || following == "(" {
                    out += "<a class=\"sym\" href=\"\(escapeHTML(href))\">"
                    if c.isUppercase { span("ty", text) } else { out += escapeHTML(text) }
                    out += "</a>"
                }
                else if c.isUppercase { span("ty", text) }
                else { out += escapeHTML(text) }
                lastWord = text; lastWordEnd = j
            }
        }
        return out
    }
}

/// Escapes `&`, `<`, `>` and `"` for HTML text and attribute values.
public func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(ch)
        }
    }
    return out
}
