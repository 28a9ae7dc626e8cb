/// Swift syntax highlighting at build time: code in, HTML with `<span class="...">` out, so a page
/// needs no JavaScript to show coloured code. Classes: `kw` keyword, `ty` type name, `str` string,
/// `num` number, `com` comment, `at` attribute or directive. Everything is HTML-escaped.
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

    public static func html(_ code: String) -> String {
        let chars = Array(code)
        var out = ""
        var i = 0
        func span(_ cls: String, _ text: String) { out += "<span class=\"\(cls)\">\(escapeHTML(text))</span>" }
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
                if c == "@" || c == "#" { span("at", word) }
                else if keywords.contains(word) { span("kw", word) }
                else if c.isUppercase { span("ty", word) }
                else { out += escapeHTML(word) }
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
