import Testing
@testable import BookBuild
import BookSource
@testable import BookWeave

@Suite struct WeaveTests {
    @Test func pipeTablesBecomeHTMLTables() {
        let source = chapterText("# T", "", "| layer | `params` |", "| --- | ---: |", "| 1 | 401,920 |", "| 2 | *5* |", "", "after")
        let html = PipeTables.convert(source, codeLines: [])
        #expect(html.contains("<thead><tr><th>layer</th><th style=\"text-align:right\"><code>params</code></th></tr></thead>"))
        #expect(html.contains("<tr><td>1</td><td style=\"text-align:right\">401,920</td></tr>"))
        #expect(html.contains("<td style=\"text-align:right\"><em>5</em></td>"))
        #expect(html.hasSuffix("\n\nafter\n"))
    }

    @Test func tablesInsideCodeAreLeftAlone() {
        let source = chapterText("```text", "| a | b |", "| - | - |", "```")
        #expect(PipeTables.convert(source, codeLines: [1, 2, 3, 4]) == source)
    }

    @Test func notATableWithoutADelimiterRow() {
        let source = chapterText("a | b", "c | d")
        #expect(PipeTables.convert(source, codeLines: []) == source)
    }

    @Test func highlighterMarksKeywordsTypesStringsAndComments() {
        let html = SwiftHighlighter.html("let x: Float = 1.5 // one\nprint(\"a<b\")")
        #expect(html == "<span class=\"kw\">let</span> x: <span class=\"ty\">Float</span> = <span class=\"num\">1.5</span> "
                + "<span class=\"com\">// one</span>\nprint(<span class=\"str\">&quot;a&lt;b&quot;</span>)")
    }

    @Test func importsWithCommentsAreImports() {
        #expect(Chapter.importedModule("import Perceptron  // SplitMix64") == "Perceptron")
        #expect(Chapter.importedModule("import\tFoundation") == "Foundation")
        #expect(Chapter.importedModule("// import Foundation") == nil)
        #expect(Chapter.importedModule("let important = 1") == nil)
        #expect(Chapter.importedModule("    import Foundation") == "Foundation")
        #expect(Chapter.importedModule("imports Foundation") == nil)
    }
}
