import Foundation
import Testing
@testable import BookSource
@testable import BookBuild
@testable import BookWeave

/// A chapter with one example and two exercises, the first solved (a library block, a solution with
/// its output, an explanation), the second not.
let solvedSource = chapterText(
    "# A",                              // 1
    "```swift example",                 // 2
    "let seen = 41",
    "```",                              // 4
    "## Exercises",                     // 5
    "",
    "1. **One more.** Add one.",        // 7
    "",
    "   ```swift solution library",     // 9
    "   func more(_ x: Int) -> Int { x + 1 }",
    "   ```",                           // 11
    "",
    "   ```swift solution",             // 13
    "   print(more(seen))",
    "   ```",                           // 15
    "",
    "   ```output",                     // 17
    "   42",
    "   ```",                           // 19
    "",
    "   Because 41 + 1 = 42.",          // 21
    "2. **Unsolved.** Think.")          // 22

@Suite struct SolutionTests {
    @Test func infoStrings() throws {
        #expect(try parseInfoString("swift solution", file: "f", line: 1) == .solution(library: false, hidden: false, slow: false))
        #expect(try parseInfoString("swift solution library", file: "f", line: 1) == .solution(library: true, hidden: false, slow: false))
        #expect(try parseInfoString("swift solution hidden slow", file: "f", line: 1) == .solution(library: false, hidden: true, slow: true))
        #expect(throws: ChapterError.self) { try parseInfoString("swift solution library hidden", file: "f", line: 1) }
        #expect(throws: ChapterError.self) { try parseInfoString("swift solution fast", file: "f", line: 1) }
    }

    @Test func solutionsBelongToTheExerciseTheyAreIn() throws {
        let chapter = try Chapter(path: "chapters/01-a.md", source: solvedSource)
        #expect(chapter.exercises.map(\.number) == [1, 2] && chapter.exercises.map(\.line) == [7, 22])
        #expect(chapter.examples.map(\.ordinal) == [1, 2] && chapter.examples.map(\.exercise) == [nil, 1])
        #expect(chapter.solutions.first?.output?.fenceLine == 17)
    }

    @Test func aSolutionOutsideAnExerciseIsAnError() {
        let source = chapterText("# A", "```swift solution", "print(1)", "```")
        #expect { try Chapter(path: "chapters/01-a.md", source: source) } throws: { error in
            let errors = (error as? ChapterErrors)?.errors ?? []
            return errors.map(\.line) == [2] && errors[0].message.contains("belongs inside an exercise")
        }
    }

    @Test func solutionsRunAfterTheExamplesEachExerciseInItsOwnScope() throws {
        let chapter = try Chapter(path: "chapters/01-a.md", source: solvedSource)
        let source = Tangle.examplesSource(chapter, imports: [])
        let examples = try #require(source.range(of: "runner.begin(1, line: 2, hidden: false)"))
        let solutions = try #require(source.range(of: "if runner.runsSolutions {\ndo {  // exercise 1\n"))
        #expect(examples.upperBound < solutions.lowerBound)
        #expect(source.contains("line: 10)\nfunc more(_ x: Int) -> Int { x + 1 }\n#sourceLocation()\n"
            + "runner.beginSolution(2, exercise: 1, line: 13, hidden: false)\n"))
        #expect(source.hasSuffix("#sourceLocation()\n}\n}\nrunner.end()\n}\n"))
    }

    func report(requireSolutions: Bool) throws -> ChapterReport {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("solution-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let script = #"printf '\036example 1\n\036example 2\n42\n\036end\n'"#
        try (script + "\n").write(to: root.appendingPathComponent("01-a"), atomically: true, encoding: .utf8)
        let chapter = try Chapter(path: "chapters/01-a.md", source: solvedSource)
        let verifier = Verifier(book: try Book(chapters: [chapter]), runner: "/bin/sh", root: root.path,
                                requireSolutions: requireSolutions)
        return try verifier.verify([chapter])[0]
    }

    @Test func verifyChecksSolutionsAndCountsExercises() throws {
        let lenient = try report(requireSolutions: false)
        #expect(lenient.failures.isEmpty && lenient.checked == 1 && lenient.compiled == 3)
        #expect(lenient.exercises == 2 && lenient.solved == 1)
        #expect(lenient.unsolved.map(\.description)
            == ["chapters/01-a.md:22: warning: exercise 2 has no solution (add a ```swift solution block, indented under the item, and run `make bless`)"])
        let strict = try report(requireSolutions: true)
        #expect(strict.failures.map(\.line) == [22] && strict.failures[0].severity == .error)
    }

    @Test func theHTMLFoldsSolutionsAndThePrintPageCollectsThem() throws {
        let chapter = try Chapter(path: "chapters/01-a.md", source: solvedSource)
        let book = try Book(chapters: [chapter])
        let page = try ChapterPage(chapter: chapter, book: book, symbols: SymbolTable(book: book),
                                   catalog: FigureCatalog(book: book, files: [:]), root: "/nonexistent")
        let html = page.pageBody
        let details = try #require(html.range(of: "<details class=\"solution\"><summary>Show a solution</summary>"))
        let end = try #require(html.range(of: "</details>"))
        let folded = html[details.upperBound..<end.lowerBound]
        #expect(folded.contains("Solution · declarations") && folded.contains("<pre class=\"output\"")
            && folded.contains("Because 41 + 1 = 42."))
        #expect(html[..<details.lowerBound].contains("Add one."))
        let (body, answers) = page.printParts(chapterSlugs: ["01-a"])
        #expect(!body.contains("Because 41") && body.contains("href=\"#01-a--answer-1\""))
        #expect(answers.map(\.exercise) == [1] && answers[0].html.contains("id=\"01-a--answer-1\"")
            && answers[0].html.contains("Because 41 + 1 = 42."))
    }
}
