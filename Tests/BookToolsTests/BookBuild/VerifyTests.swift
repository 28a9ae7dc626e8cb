import Foundation
import Testing
@testable import BookBuild
import BookSource
import RunnerProtocol

@Suite struct VerifyTests {
    let source = chapterText(
        "# A",                  // 1
        "```swift example",     // 2
        "print(1)",
        "```",                  // 4
        "",
        "```output",            // 6
        "1",
        "```",                  // 8
        "```swift example",     // 9
        "print(2)",
        "```")                  // 11

    @Test func normalizationIgnoresTrailingSpacesAndBlankLines() {
        #expect(normalizeOutput("a  \nb\t\n\n\n") == "a\nb")
        #expect(normalizeOutput("  a\n\nb") == "  a\n\nb")
    }

    @Test func blessReplacesInsertsAndRemovesOutputBlocks() throws {
        let chapter = try Chapter(path: "chapters/01-a.md", source: source)
        let updated = Verifier.blessed(chapter, outputs: [1: "one", 2: "two\n  indented"])
        #expect(updated == chapterText("# A", "```swift example", "print(1)", "```", "", "```output", "one", "```",
                                       "```swift example", "print(2)", "```", "", "```output", "two", "  indented", "```"))
        let removed = Verifier.blessed(chapter, outputs: [1: "", 2: ""])
        #expect(removed == chapterText("# A", "```swift example", "print(1)", "```", "```swift example", "print(2)", "```"))
        // Outputs containing a fence get a longer one.
        let fenced = Verifier.blessed(chapter, outputs: [1: "```", 2: ""])
        #expect(fenced.contains("````output\n```\n````"))
    }

    /// A stand-in for `BookExamples`: a shell script printing marker lines, to test the verifier alone.
    /// The verifier runs `RUNNER 01-a --markers`; with `/bin/sh` as the runner, that runs the script
    /// saved as `01-a` in the package root (no executable file is written, so no "text file busy").
    func report(_ script: String) throws -> ChapterReport {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("verify-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try (script + "\n").write(to: root.appendingPathComponent("01-a"), atomically: true, encoding: .utf8)
        let chapter = try Chapter(path: "chapters/01-a.md", source: source)
        let book = try Book(chapters: [chapter])
        let verifier = Verifier(book: book, runner: "/bin/sh", root: root.path)
        return try verifier.verify([chapter])[0]
    }

    /// A script printing `lines` (markers as the runner writes them), then doing `then`.
    func printing(_ lines: [String], then: String = "") -> String {
        "printf '%s\\n' " + lines.map { "'\($0)'" }.joined(separator: " ") + (then.isEmpty ? "" : "; " + then)
    }

    @Test func matchingOutputsPass() throws {
        let r = try report(printing([Marker.example(1).line, "1  ", Marker.example(2).line, Marker.end.line]))
        #expect(r.failures.isEmpty)
        #expect(r.ran == 2)
        #expect(r.checked == 1)
        #expect(r.compiled == 2)
    }

    @Test func aDifferentOutputFailsAtTheOutputBlock() throws {
        let r = try report(printing([Marker.example(1).line, "2", Marker.example(2).line, Marker.end.line]))
        #expect(r.failures.map(\.line) == [6])
        #expect(r.failures.first?.message.contains("expected: 1") == true)
        #expect(r.failures.first?.message.contains("actual:   2") == true)
    }

    @Test func printingWithoutAnOutputBlockFails() throws {
        let r = try report(printing([Marker.example(1).line, "1", Marker.example(2).line, "surprise", Marker.end.line]))
        #expect(r.failures.map(\.line) == [9])
        #expect(r.failures.first?.message.contains("shows none") == true)
    }

    @Test func aCrashFailsAtTheExampleThatWasRunning() throws {
        let r = try report(printing([Marker.example(1).line, "1", Marker.example(2).line],
                                then: "echo 'Fatal error: boom: file chapters/01-a.md, line 10' >&2; exit 134"))
        #expect(r.failures.map(\.line) == [9])
        #expect(r.failures.first?.message.contains("did not finish") == true)
        #expect(r.failures.first?.message.contains("chapters/01-a.md, line 10") == true)
    }
}
