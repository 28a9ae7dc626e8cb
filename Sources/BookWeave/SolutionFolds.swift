import BookSource
import CCmark

/// Weave pass (before `CodeBlocks`): folds each exercise's solutions. On the chapter's page,
/// everything from the exercise's first `swift solution` block to the end of its list item (code,
/// output, figures and the explanation after them) goes into a `<details>` ("Show a solution");
/// on the print page the same stretch is marked, and `printParts` moves it to the answers.
enum SolutionFolds {
    /// Start and end of a solution in the print form of the body: open, the exercise's number,
    /// numberEnd, the solution, close.
    static let open: Character = "\u{E010}"
    static let numberEnd: Character = "\u{E011}"
    static let close: Character = "\u{E012}"

    /// Inserts the folds into `document`, whose code blocks are `chapter`'s snippets in order.
    static func apply(to document: MarkdownDocument, chapter: Chapter, parts: inout PageParts) {
        var folded: Set<Int> = []
        for (node, snippet) in zip(document.nodes(ofType: CMARK_NODE_CODE_BLOCK), chapter.snippets) {
            guard case .solution = snippet.kind, let exercise = chapter.exercise(containing: snippet.fenceLine),
                  folded.insert(exercise.number).inserted else { continue }
            var item = node.parent
            while let candidate = item, candidate.type != CMARK_NODE_ITEM { item = candidate.parent }
            guard let item else { continue }
            node.insertBefore(html: parts.add(page: "<details class=\"solution\"><summary>Show a solution</summary>",
                                              print: "\(open)\(exercise.number)\(numberEnd)"))
            item.appendChild(html: parts.add(page: "</details>", print: String(close)))
        }
    }

    /// The print form of a body with each solution replaced by a link to its answer, and the
    /// answers (exercise number and HTML, in a `<div class="answer" id="answer-N">`).
    static func split(_ html: String) -> (body: String, answers: [(exercise: Int, html: String)]) {
        var rest = html[...], body = "", answers: [(Int, String)] = []
        while let start = rest.firstIndex(of: open), let numberEnd = rest[start...].firstIndex(of: numberEnd),
              let end = rest[numberEnd...].firstIndex(of: close),
              let number = Int(rest[rest.index(after: start)..<numberEnd]) {
            body += rest[..<start]
            body += "<p class=\"answer-link\"><a href=\"#answer-\(number)\">A solution is in the answers at the end of the book.</a></p>\n"
            answers.append((number, "<div class=\"answer\" id=\"answer-\(number)\">\n<h3>Exercise \(number)</h3>\n"
                + rest[rest.index(after: numberEnd)..<end] + "\n</div>\n"))
            rest = rest[rest.index(after: end)...]
        }
        return (body + rest, answers)
    }
}
