import Testing
@testable import BookBuild
import BookSource

@Test func wideLinesOfShownSwiftBlocksAreFound() throws {
    let wide = String(repeating: "x", count: 91), fits = String(repeating: "y", count: 90)
    let source = """
        # A

        ```swift library
        let a = "\(fits.dropFirst(10))"
        let b = "\(wide)"
        ```

        ```swift example hidden
        let c = "\(wide)"
        ```

        ```output
        \(wide)
        ```

        - in a list:

          ```swift ignore why="too wide"
          \(wide)
          ```
        """
    let chapter = try Chapter(path: "chapters/01-a.md", source: source)
    let lines = CodeWidth.wideLines(in: chapter)
    // Line 5 (101 columns) and the ignore block's line in the list (2 + 91 columns); not line 4
    // (90 columns), not the hidden example, not the output.
    #expect(lines.map(\.line) == [5, 19])
    #expect(lines.map(\.columns) == [101, 93])
    #expect(CodeWidth.errors(lines).first?.description.hasPrefix("chapters/01-a.md:5: error: a line of 101 columns") == true)
    let warnings = CodeWidth.warnings(lines)
    #expect(warnings.count == 1 && warnings[0].hasPrefix("chapters/01-a.md:5: warning:") && warnings[0].contains("2 such lines"))
}
