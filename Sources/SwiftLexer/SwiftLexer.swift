// One lexer for the Swift in the book's chapters, shared by the weave's syntax highlighting and
// its declaration scanner. Takes in source text; gives out every character of it exactly once, as
// tokens: whitespace, comments (nested `/* */` included), string literals (raw `#"…"#`,
// multi-line `"""`, and interpolations with strings inside), numbers, identifiers, `@`/`#`
// attributes and directives, and punctuation. It is not a parser: it knows no grammar.

/// A piece of Swift source: what kind it is and where it is.
public struct SwiftToken: Equatable, Sendable {
    /// What a token is.
    public enum Kind: Equatable, Sendable {
        /// Spaces, tabs and newlines.
        case whitespace
        /// `// …` to the end of the line, or `/* … */` (nested ones included).
        case comment
        /// A string literal, interpolations included: `"a\(b)"`, `"""…"""`, `#"…"#`.
        case string
        /// A number literal: `42`, `0.5`, `1_000`, `0x1F`.
        case number
        /// A name or keyword: `let`, `Tensor`, `_x`, or a name in backticks.
        case identifier
        /// An attribute or compiler directive: `@inlinable`, `#if`, `#sourceLocation`.
        case attribute
        /// One punctuation character, or `->`.
        case punctuation
    }

    /// What the token is.
    public var kind: Kind
    /// Where it is: offsets of `Character`s in the source.
    public var range: Range<Int>

    /// A token of `kind` over `range`.
    public init(_ kind: Kind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// Splits Swift source into `SwiftToken`s that cover it end to end.
public enum SwiftLexer {
    /// The tokens of `code`, in order; together their ranges cover every character once.
    public static func tokens(in code: [Character]) -> [SwiftToken] {
        var tokens: [SwiftToken] = []
        var i = 0
        func at(_ k: Int) -> Character? { k < code.count ? code[k] : nil }
        while i < code.count {
            let start = i
            let c = code[i], next = at(i + 1)
            let kind: SwiftToken.Kind
            if c.isWhitespace {
                while i < code.count && code[i].isWhitespace { i += 1 }
                kind = .whitespace
            } else if c == "/" && next == "/" {
                while i < code.count && code[i] != "\n" { i += 1 }
                kind = .comment
            } else if c == "/" && next == "*" {
                i = endOfBlockComment(code, from: i)
                kind = .comment
            } else if c == "\"" || (c == "#" && startsRawString(code, at: i)) {
                i = endOfString(code, from: i)
                kind = .string
            } else if c.isNumber {
                while i < code.count && (code[i].isNumber || code[i].isLetter || code[i] == "_"
                      || (code[i] == "." && at(i + 1)?.isNumber == true)) { i += 1 }
                kind = .number
            } else if c.isLetter || c == "_" || c == "@" || c == "#" {
                i += 1
                while i < code.count && (code[i].isLetter || code[i].isNumber || code[i] == "_") { i += 1 }
                kind = c == "@" || c == "#" ? .attribute : .identifier
            } else if c == "`", let close = code[(i + 1)...].firstIndex(where: { $0 == "`" || $0 == "\n" }), code[close] == "`",
                      close > i + 1 {
                i = close + 1
                kind = .identifier
            } else if c == "-" && next == ">" {
                i += 2
                kind = .punctuation
            } else {
                i += 1
                kind = .punctuation
            }
            tokens.append(SwiftToken(kind, start..<i))
        }
        return tokens
    }

    /// Whether `#`s at `i` open a raw string (`#"`, `##"`).
    static func startsRawString(_ code: [Character], at i: Int) -> Bool {
        var j = i
        while j < code.count && code[j] == "#" { j += 1 }
        return j < code.count && code[j] == "\""
    }

    /// The index after a `/* … */` comment starting at `start`, nested comments included (or the end).
    static func endOfBlockComment(_ code: [Character], from start: Int) -> Int {
        var i = start, depth = 0
        while i < code.count {
            if code[i] == "/" && i + 1 < code.count && code[i + 1] == "*" { depth += 1; i += 2; continue }
            if code[i] == "*" && i + 1 < code.count && code[i + 1] == "/" { depth -= 1; i += 2; if depth == 0 { return i }; continue }
            i += 1
        }
        return i
    }

    /// The index after a string literal starting at `start` (`"…"`, `"""…"""`, `#"…"#`): escapes
    /// and interpolations (with strings inside them) are skipped. A one-line literal left open ends
    /// at the end of its line.
    static func endOfString(_ code: [Character], from start: Int) -> Int {
        var i = start, hashes = 0
        while i < code.count && code[i] == "#" { hashes += 1; i += 1 }
        let triple = i + 2 < code.count && code[i + 1] == "\"" && code[i + 2] == "\""
        i += triple ? 3 : 1
        while i < code.count {
            let c = code[i]
            if c == "\\" && hashes == 0 && i + 1 < code.count && code[i + 1] == "(" {
                // An interpolation: skip past its closing parenthesis.
                var depth = 0
                i += 1
                while i < code.count {
                    if code[i] == "(" { depth += 1 }
                    if code[i] == ")" { depth -= 1; if depth == 0 { break } }
                    if code[i] == "\"" { i = endOfString(code, from: i); continue }
                    i += 1
                }
                i += 1; continue
            }
            if c == "\\" && hashes == 0 { i += 2; continue }
            if c == "\n" && !triple { return i }
            if c == "\"" {
                let closes = triple ? (i + 2 < code.count && code[i + 1] == "\"" && code[i + 2] == "\"") : true
                if closes {
                    var j = i + (triple ? 3 : 1), h = 0
                    while h < hashes && j < code.count && code[j] == "#" { h += 1; j += 1 }
                    if h == hashes { return j }
                }
            }
            i += 1
        }
        return min(i, code.count)
    }
}
