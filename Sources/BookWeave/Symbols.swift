import BookSource
import SwiftLexer

/// The public API each chapter's library snippets introduce, found by a small declaration scanner
/// (not a Swift parser): enough to list "this chapter adds" and to link a name in code to the
/// snippet that defines it.
///
/// It finds, at the top level of a snippet, `public` (or `open`) `struct`, `class`, `enum`,
/// `protocol`, `actor`, `typealias`, `func`, `var` and `let`, and inside an `extension` the `public`
/// members (`func`, `var`, `let`, `init`, `subscript`). Operators are skipped. Comments and string
/// literals are skipped, braces are counted.
public struct Declaration: Equatable, Sendable {
    /// The keyword: `struct`, `class`, `enum`, `protocol`, `actor`, `typealias`, `func`, `var`,
    /// `let`, `init` or `subscript`.
    public var keyword: String
    /// The declared name (`softmax`, `Linear`, `init`).
    public var name: String
    /// For an extension's member, the extended type (`Linear` for `extension Linear { public func backward ... }`).
    public var parent: String?
    /// Character offset of the name in the snippet's code (where the anchor goes).
    public var offset: Int
    /// Argument labels of a function, initializer or subscript: `["_", "temperature"]`.
    public var labels: [String]?

    /// How the book writes it: `softmax(_:temperature:)`, `Linear.backward(_:)`, `Tensor`.
    public var signature: String {
        let base = parent.map { "\($0).\(name)" } ?? name
        guard let labels else { return base }
        return base + "(" + labels.map { $0 + ":" }.joined() + ")"
    }

    /// The HTML id of the anchor on the definition.
    public var anchorBase: String { "sym-" + (parent.map { "\($0)." } ?? "") + name }

    /// Whether the declaration is a type (struct, class, enum, protocol, actor, typealias).
    public var isType: Bool { ["struct", "class", "enum", "protocol", "actor", "typealias"].contains(keyword) }
}

/// Finds the public declarations and the declared names of a snippet, from `SwiftLexer`'s tokens.
public enum DeclarationScanner {
    /// A token of Swift source: an identifier or keyword, `@attribute`, number, `->`, or one character of punctuation.
    struct Token {
        var text: String
        var offset: Int
        var isWord: Bool { text.first.map { $0.isLetter || $0 == "_" || $0 == "`" } ?? false }
    }

    static let typeKeywords: Set<String> = ["struct", "class", "enum", "protocol", "actor"]
    static let modifiers: Set<String> = [
        "public", "open", "internal", "fileprivate", "private", "final", "static", "class", "mutating",
        "nonmutating", "override", "convenience", "required", "lazy", "weak", "unowned", "indirect",
        "nonisolated", "dynamic", "optional", "set", "(", ")",
    ]

    /// Public declarations of one snippet, in order.
    public static func publicDeclarations(in code: String) -> [Declaration] {
        scan(code).declarations
    }

    /// Every name a snippet declares at any level and with any access (let, var, func, types,
    /// parameters, closure and loop variables): such names shadow the book's symbols in that chapter.
    public static func declaredNames(in code: String) -> Set<String> {
        scan(code).declared
    }

    static func scan(_ code: String) -> (declarations: [Declaration], declared: Set<String>) {
        let tokens = tokenize(Array(code))
        enum Scope { case type(String, isPublic: Bool), extension_(String), other }
        var scopes: [Scope] = []
        var pending: Scope?   // what the next `{` opens
        var declarations: [Declaration] = []
        var declared: Set<String> = []
        var k = 0
        func word(_ j: Int) -> String? { j < tokens.count && tokens[j].isWord ? tokens[j].text : nil }
        while k < tokens.count {
            let t = tokens[k].text
            switch t {
            case "{":
                scopes.append(pending ?? .other); pending = nil
                // Closure parameters: `{ a, b in` or `{ (a, b) in`.
                var j = k + 1, names: [String] = []
                while j < tokens.count, tokens[j].isWord || [",", "(", ")"].contains(tokens[j].text), tokens[j].text != "in" {
                    if tokens[j].isWord { names.append(tokens[j].text) }
                    j += 1
                }
                if word(j) == "in" { declared.formUnion(names) }
                k += 1; continue
            case "}":
                if !scopes.isEmpty { scopes.removeLast() }
                pending = nil
                k += 1; continue
            case "for":
                var j = k + 1
                while j < tokens.count, tokens[j].text != "in", tokens[j].text != "{" {
                    if tokens[j].isWord && tokens[j].text != "case" && tokens[j].text != "let" && tokens[j].text != "var" { declared.insert(tokens[j].text) }
                    j += 1
                }
                k = j; continue
            default: break
            }
            guard tokens[k].isWord else { k += 1; continue }
            let isDeclaration = typeKeywords.contains(t) || ["typealias", "func", "var", "let", "init", "subscript", "extension", "case"].contains(t)
            // `class func` / `class var`: `class` is a modifier there.
            if !isDeclaration || (t == "class" && ["func", "var", "let"].contains(word(k + 1) ?? "")) { k += 1; continue }

            // Modifiers before the keyword, read backwards: is it public?
            var j = k - 1, isPublic = false
            while j >= 0, modifiers.contains(tokens[j].text) || tokens[j].text.hasPrefix("@") {
                if tokens[j].text == "public" || tokens[j].text == "open" { isPublic = true }
                j -= 1
            }
            let depth = scopes.count
            let scope = scopes.last
            var name: String?, nameOffset = 0
            var next = k + 1
            if t == "init" || t == "subscript" {
                name = t; nameOffset = tokens[k].offset
            } else if let w = word(k + 1) {
                name = w.trimmingCharacters(in: "`"); nameOffset = tokens[k + 1].offset; next = k + 2
            } else if t == "let" || t == "var" || t == "case", k + 1 < tokens.count, tokens[k + 1].text == "(" {
                // A tuple pattern: let (a, b) = ...
                var m = k + 2
                while m < tokens.count, tokens[m].text != ")" { if tokens[m].isWord { declared.insert(tokens[m].text) }; m += 1 }
                k = m; continue
            }
            guard let name else { k += 1; continue }   // an operator function, for example
            if t != "extension" { declared.insert(name) }

            if t == "extension" {
                var extended = name, m = next
                while m + 1 < tokens.count, tokens[m].text == ".", let w = word(m + 1) { extended += "." + w; m += 2 }
                pending = .extension_(extended)
                k = m; continue
            }
            var labels: [String]?
            if t == "func" || t == "init" || t == "subscript" {
                let (parsed, parameters, end) = parameterList(tokens, from: next)
                labels = parsed
                declared.formUnion(parameters)
                next = end
            }
            if typeKeywords.contains(t) { pending = .type(name, isPublic: isPublic) } else if t != "case" { pending = .other }
            if isPublic && t != "case" {
                switch (depth, scope) {
                case (0, nil) where t != "init" && t != "subscript":
                    declarations.append(Declaration(keyword: t, name: name, parent: nil, offset: nameOffset, labels: labels))
                case (1, .extension_(let extended)?):
                    declarations.append(Declaration(keyword: t, name: name, parent: extended, offset: nameOffset, labels: labels))
                default: break
                }
            }
            k = max(next, k + 1)
        }
        return (declarations, declared)
    }

    /// The argument labels and parameter names of `(...)` after a function's name (generic
    /// parameters skipped), and the token index after the `)`.
    static func parameterList(_ tokens: [Token], from start: Int) -> (labels: [String], names: [String], end: Int) {
        var k = start
        if k < tokens.count, tokens[k].text == "<" {
            var depth = 0
            while k < tokens.count {
                if tokens[k].text == "<" { depth += 1 }
                if tokens[k].text == ">" { depth -= 1; if depth == 0 { k += 1; break } }
                k += 1
            }
        }
        guard k < tokens.count, tokens[k].text == "(" else { return ([], [], k) }
        var labels: [String] = [], names: [String] = []
        var depth = 0, atStart = true, words: [String] = []
        while k < tokens.count {
            let t = tokens[k].text
            if ["(", "[", "<"].contains(t) { depth += 1 }
            if [")", "]", ">"].contains(t) { depth -= 1 }
            if depth == 0 { k += 1; break }
            if depth == 1 && t == "," { atStart = true; words = []; k += 1; continue }
            if depth == 1 && atStart {
                if tokens[k].isWord { words.append(t) }
                if t == ":" {
                    if let label = words.first { labels.append(label) }
                    names += words.filter { $0 != "_" }
                    atStart = false
                }
            }
            k += 1
        }
        return (labels, names, k)
    }

    /// The tokens the scanner reads: the lexer's, without whitespace, comments and string
    /// literals; every number reads as `0`.
    static func tokenize(_ chars: [Character]) -> [Token] {
        SwiftLexer.tokens(in: chars).compactMap { token in
            switch token.kind {
            case .whitespace, .comment, .string: nil
            case .number: Token(text: "0", offset: token.range.lowerBound)
            case .identifier, .attribute, .punctuation: Token(text: String(chars[token.range]), offset: token.range.lowerBound)
            }
        }
    }
}

/// The book's public symbols: where each is defined, for "this chapter adds" and for links in code.
public struct SymbolTable: Sendable {
    /// A declaration in a chapter's library snippet.
    public struct Entry: Sendable {
        /// What is declared.
        public var declaration: Declaration
        /// The chapter whose library snippet declares it.
        public var chapter: Chapter
        /// Fence line of the defining snippet.
        public var snippetLine: Int
        /// Whether the defining snippet is hidden on the page.
        public var hidden: Bool
        /// The HTML id of the anchor (unique in the chapter's page).
        public var anchor: String
    }

    /// Per chapter slug, the declarations of its library snippets, in order.
    public var entries: [String: [Entry]] = [:]
    /// Per chapter slug, the names its code declares (they hide earlier chapters' symbols there).
    var localNames: [String: Set<String>] = [:]
    let order: [String]

    /// Scans every chapter's library and example snippets.
    public init(book: Book) {
        order = book.chapters.map(\.slug)
        for chapter in book.chapters {
            var used: [String: Int] = [:]
            var list: [Entry] = []
            var local: Set<String> = []
            for snippet in chapter.snippets {
                switch snippet.kind {
                case .library(let hidden):
                    for d in DeclarationScanner.publicDeclarations(in: snippet.code) {
                        used[d.anchorBase, default: 0] += 1
                        let n = used[d.anchorBase]!
                        list.append(Entry(declaration: d, chapter: chapter, snippetLine: snippet.fenceLine, hidden: hidden,
                                          anchor: n == 1 ? d.anchorBase : d.anchorBase + "-\(n)"))
                    }
                    let publicNames = Set(DeclarationScanner.publicDeclarations(in: snippet.code).map(\.name))
                    local.formUnion(DeclarationScanner.declaredNames(in: snippet.code).subtracting(publicNames))
                case .example:
                    local.formUnion(DeclarationScanner.declaredNames(in: snippet.code))
                default: break
                }
            }
            entries[chapter.slug] = list
            localNames[chapter.slug] = local
        }
    }

    /// What a chapter's "this chapter adds" box lists: its types, functions and top-level values, and
    /// the members it adds to types of earlier chapters. Members of its own types belong to the type.
    public func added(by chapter: Chapter) -> [Entry] {
        let list = entries[chapter.slug] ?? []
        let ownTypes = Set(list.filter { $0.declaration.isType && $0.declaration.parent == nil }.map(\.declaration.name))
        return list.filter { entry in
            guard let parent = entry.declaration.parent else { return true }
            return !ownTypes.contains(parent)
        }
    }

    /// Links for names in a chapter's code: a top-level symbol of this chapter or an earlier one
    /// (this chapter's own definitions first, then the latest earlier chapter), unless the chapter
    /// declares that name itself. Values are `page.html#anchor` (or `#anchor` on the same page).
    public func links(for chapter: Chapter) -> [String: String] {
        let local = localNames[chapter.slug] ?? []
        var links: [String: String] = [:]
        for slug in order {
            var first: [String: String] = [:]
            for entry in entries[slug] ?? [] where entry.declaration.parent == nil && first[entry.declaration.name] == nil {
                first[entry.declaration.name] = (slug == chapter.slug ? "" : slug + ".html") + "#" + entry.anchor
            }
            for (name, href) in first { links[name] = href }
            if slug == chapter.slug { break }
        }
        return links.filter { !local.contains($0.key) || $0.value.hasPrefix("#") }
    }
}
