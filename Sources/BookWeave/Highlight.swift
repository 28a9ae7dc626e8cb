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
        var i = 0
        var lastWord = "", lastWordEnd = -1
        func span(_ cls: String, _ text: String) {
            out += colored ? "<span class=\"\(cls)\">\(escapeHTML(text))</span>" : escapeHTML(text)
        }
        while i < chars.count {
            let c = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            if c == "/" && next == "/" {
                var j = i
                while j < chars.count && chars[j] != "\n" { j += 1 }
                span("com", String(chars[i..<j])); i = j
            } else if c == "/" && next == "*" {
                var j = i + 2
                while j + 1 < chars.count && !(chars[j] == "*" && chars[j + 1] == "/") { j += 1 }
                j = min(chars.count, j + 2)
                span("com", String(chars[i..<j])); i = j
            } else if c == "\"" {
                let triple = i + 2 < chars.count && chars[i + 1] == "\"" && chars[i + 2] == "\""
                var j = i + (triple ? 3 : 1)
                while j < chars.count {
                    if chars[j] == "\\" { j += 2; continue }
                    if triple {
                        if j + 2 < chars.count && chars[j] == "\"" && chars[j + 1] == "\"" && chars[j + 2] == "\"" { j += 3; break }
                    } else if chars[j] == "\"" || chars[j] == "\n" { j += 1; break }
                    j += 1
                }
                j = min(j, chars.count)
                span("str", String(chars[i..<j])); i = j
            } else if c.isNumber {
                var j = i
                while j < chars.count && (chars[j].isNumber || chars[j].isLetter || chars[j] == "_"
                      || (chars[j] == "." && j + 1 < chars.count && chars[j + 1].isNumber)) { j += 1 }
                span("num", String(chars[i..<j])); i = j
            } else if c.isLetter || c == "_" || c == "@" || c == "#" {
                var j = i + 1
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") { j += 1 }
                let word = String(chars[i..<j])
                let afterSpace = chars[(lastWordEnd >= 0 ? lastWordEnd : i)..<i].allSatisfy { $0 == " " }
                let declared = afterSpace && lastWordEnd >= 0 && declaring.contains(lastWord)
                let previous = chars[..<i].last { $0 != " " }
                let following = chars[j...].first { $0 != " " }
                if c == "@" || c == "#" { span("at", word) }
                else if keywords.contains(word) { span("kw", word) }
                else if let id = anchors[i] {
                    out += "<span class=\"\(c.isUppercase ? "ty" : "def")\" id=\"\(escapeHTML(id))\">\(escapeHTML(word))</span>"
                } else if let href = links[word], !declared, previous != ".", c.isUppercase || following == "(" {
                    out += "<a class=\"sym\" href=\"\(escapeHTML(href))\">"
                    if c.isUppercase { span("ty", word) } else { out += escapeHTML(word) }
                    out += "</a>"
                }
                else if c.isUppercase { span("ty", word) }
                else { out += escapeHTML(word) }
                lastWord = word; lastWordEnd = j
                i = j
            } else {
                out += escapeHTML(String(c)); i += 1
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
