/// What a fenced code block in a chapter is, read from its info string.
///
/// Grammar (words separated by spaces; a value with spaces is written in double quotes):
///
///     info    := "swift" kind attr*  |  "output" attr*  |  other-language anything
///     kind    := "library" | "example" | "ignore" | "solution" ["library"]
///     attr    := "hidden" | "slow" | "why=" value
///
/// - `swift library`: declarations compiled into the chapter's module (`hidden` keeps it out of the HTML).
/// - `swift example`: statements run in order by the chapter's example runner (`hidden`, `slow`).
/// - `output`: what the example just before it prints, checked on every run.
/// - `swift ignore why="..."`: shown but deliberately not compiled; `why` is required.
/// - `swift solution`: a solution to the exercise (list item of the Exercises section) it is in; run
///   after the chapter's examples, in a scope of its own (`hidden`, `slow`). `swift solution library`:
///   declarations for that exercise's solutions, in the same scope.
/// - any other language (`text`, `sh`, none): prose, neither compiled nor checked.
public enum SnippetKind: Equatable, Sendable {
    case library(hidden: Bool)
    case example(hidden: Bool, slow: Bool)
    case output
    case ignored(why: String)
    case solution(library: Bool, hidden: Bool, slow: Bool)
    case prose(language: String)
}

/// Parses an info string. `line` is only used for error messages.
public func parseInfoString(_ info: String, file: String, line: Int) throws(ChapterError) -> SnippetKind {
    let words = try splitInfoWords(info, file: file, line: line)
    guard let language = words.first else { return .prose(language: "") }
    func fail(_ message: String) -> ChapterError { ChapterError(file: file, line: line, message) }

    switch language {
    case "swift":
        guard words.count >= 2 else {
            throw fail("a swift block needs a kind: write ```swift library, ```swift example, ```swift solution or ```swift ignore why=\"...\"")
        }
        let kind = words[1]
        let attributes = Array(words.dropFirst(2))
        switch kind {
        case "library":
            let a = try Attributes(attributes, allowed: ["hidden"], kind: kind, fail: fail)
            return .library(hidden: a.flags.contains("hidden"))
        case "example":
            let a = try Attributes(attributes, allowed: ["hidden", "slow"], kind: kind, fail: fail)
            return .example(hidden: a.flags.contains("hidden"), slow: a.flags.contains("slow"))
        case "ignore":
            let a = try Attributes(attributes, allowed: ["why="], kind: kind, fail: fail)
            guard let why = a.values["why"], !why.trimmingSpaces().isEmpty else {
                throw fail("```swift ignore needs a reason: why=\"what is wrong with this code\"")
            }
            return .ignored(why: why)
        case "solution":
            let a = try Attributes(attributes, allowed: ["library", "hidden", "slow"], kind: kind, fail: fail)
            if a.flags.contains("library") && a.flags.count > 1 {
                throw fail("a ```swift solution library block takes no other attribute (it runs nothing)")
            }
            return .solution(library: a.flags.contains("library"), hidden: a.flags.contains("hidden"), slow: a.flags.contains("slow"))
        default:
            throw fail("unknown snippet kind '\(kind)' (expected library, example, solution or ignore)")
        }
    case "output":
        _ = try Attributes(Array(words.dropFirst()), allowed: [], kind: "output", fail: fail)
        return .output
    default:
        return .prose(language: language)
    }
}

/// Flags (`hidden`) and key=value pairs (`why="..."`) after the kind.
private struct Attributes {
    var flags: Set<String> = []
    var values: [String: String] = [:]

    /// `allowed` lists flags by name and valued attributes with a trailing `=`.
    init(_ words: [String], allowed: [String], kind: String,
         fail: (String) -> ChapterError) throws(ChapterError) {
        let expected = allowed.isEmpty ? "none" : allowed.map { $0.hasSuffix("=") ? $0 + "\"...\"" : $0 }
            .joined(separator: ", ")
        for word in words {
            if let eq = word.firstIndex(of: "=") {
                let key = String(word[..<eq])
                guard allowed.contains(key + "=") else {
                    throw fail("unknown attribute '\(key)' for \(kind) (allowed: \(expected))")
                }
                guard values[key] == nil else { throw fail("attribute '\(key)' given twice") }
                values[key] = String(word[word.index(after: eq)...])
            } else {
                guard allowed.contains(word) else {
                    throw fail("unknown attribute '\(word)' for \(kind) (allowed: \(expected))")
                }
                guard !flags.contains(word) else { throw fail("attribute '\(word)' given twice") }
                flags.insert(word)
            }
        }
    }
}

/// Splits on spaces, keeping `key="a b"` together and removing the quotes.
func splitInfoWords(_ info: String, file: String, line: Int) throws(ChapterError) -> [String] {
    var words: [String] = []
    var current = ""
    var inQuotes = false
    var started = false
    for ch in info {
        if ch == "\"" {
            inQuotes.toggle()
            started = true
        } else if ch == " " && !inQuotes {
            if started { words.append(current) }
            current = ""
            started = false
        } else {
            current.append(ch)
            started = true
        }
    }
    if inQuotes { throw ChapterError(file: file, line: line, "unclosed quote in info string '\(info)'") }
    if started { words.append(current) }
    return words
}

extension StringProtocol {
    /// The text without leading spaces and tabs and without trailing spaces, tabs and newlines.
    public func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" }).reversed())
    }
}
