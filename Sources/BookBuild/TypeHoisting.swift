import BookSource

/// Tangle's placement of the classes examples declare: at file scope of the examples module, not
/// inside its function. A class declared inside a function cannot be specialized across modules by
/// Embedded Swift ("cannot specialize 'Identity' because class definition is not available"), which
/// builds the chapters for the page (tools/wasm); at file scope it can. A local class captures nothing,
/// so the move changes no meaning.
///
/// A class moves when its declaration starts a line of an example or solution (`class Name` or
/// `final class Name`, the line ending with `{`) and ends at the next line that is a lone `}`; its lines
/// stay in the function as blank lines, so every other line keeps its number. A name declared again by
/// a later snippet stays local there (two solutions may each write their own `Identity`).
enum TypeHoisting {
    /// A class that moves: the snippet it is in, and its lines as offsets into the snippet's code.
    struct Hoisted {
        var fenceLine: Int
        var lines: ClosedRange<Int>
    }

    /// The classes of `chapter`'s examples and solutions that move to file scope, in order.
    static func hoisted(_ chapter: Chapter) -> [Hoisted] {
        var seen: Set<String> = []
        var result: [Hoisted] = []
        for snippet in chapter.snippets {
            switch snippet.kind {
            case .example, .solution: break
            default: continue
            }
            let lines = snippet.code.split(separator: "\n", omittingEmptySubsequences: false)
            var i = 0
            while i < lines.count {
                if let name = className(declaredBy: lines[i]), !seen.contains(name),
                   let end = lines[i...].firstIndex(of: "}") {
                    seen.insert(name)
                    result.append(Hoisted(fenceLine: snippet.fenceLine, lines: i...end))
                    i = end
                }
                i += 1
            }
        }
        return result
    }

    /// The name a line declares at column 0 (`class Name ... {` or `final class Name ... {`), else nil.
    static func className(declaredBy line: Substring) -> String? {
        guard line.hasSuffix("{") else { return nil }  // first: most lines end otherwise (and splitting costs)
        let words = line.split(separator: " ")
        guard let keyword = words.firstIndex(of: "class"),
              keyword == words.startIndex || (keyword == 1 && words[0] == "final"),
              words.count > keyword + 1 else { return nil }
        let name = words[keyword + 1].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }

    /// The offsets of `snippet`'s lines that moved to file scope.
    static func movedLines(_ snippet: Snippet, in chapter: Chapter) -> Set<Int> {
        // Only a snippet with a line that declares a class can have moved lines: looking at its own
        // lines first keeps the chapter's scan (`hoisted`) for the few snippets that have one.
        guard snippet.code.split(separator: "\n", omittingEmptySubsequences: false)
            .contains(where: { className(declaredBy: $0) != nil }) else { return [] }
        return Set(hoisted(chapter).filter { $0.fenceLine == snippet.fenceLine }.flatMap { Array($0.lines) })
    }

    /// The moved classes as file-scope Swift, each under a `#sourceLocation` naming its chapter line.
    static func fileScope(_ chapter: Chapter) -> String {
        let byLine = Dictionary(chapter.snippets.map { ($0.fenceLine, $0) }, uniquingKeysWith: { first, _ in first })
        return hoisted(chapter).compactMap { moved -> String? in
            guard let snippet = byLine[moved.fenceLine] else { return nil }
            let lines = snippet.code.split(separator: "\n", omittingEmptySubsequences: false)[moved.lines]
            return "#sourceLocation(file: \"\(chapter.path)\", line: \(snippet.firstCodeLine + moved.lines.lowerBound))\n"
                + lines.joined(separator: "\n") + "\n#sourceLocation()\n"
        }.joined()
    }
}
