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
    // Line 5 (101 columns), the output line (91 characters) and the ignore block's line in the list
    // (2 + 91 columns); not line 4 (90 columns), not the hidden example.
    #expect(lines.map(\.line) == [5, 13, 19])
    #expect(lines.map(\.columns) == [101, 91, 93])
    #expect(lines.map(\.kind) == [.swift, .output, .swift])
    #expect(CodeWidth.errors(lines).first?.description.hasPrefix("chapters/01-a.md:5: error: a line of 101 columns") == true)
    #expect(CodeWidth.errors(lines)[1].description.hasPrefix("chapters/01-a.md:13: error: an output line of 91 characters") == true)
    let warnings = CodeWidth.warnings(lines)
    #expect(warnings.count == 2 && warnings[0].hasPrefix("chapters/01-a.md:5: warning:") && warnings[0].contains("2 such lines"))
    #expect(warnings[1].hasPrefix("chapters/01-a.md:13: warning: an output line of 91 characters"))
}

@Test func outputLinesCountCharactersNotBytes() throws {
    // 90 block characters (3 bytes each in UTF-8) fit; 91 box-drawing ones do not.
    let fits = String(repeating: "█", count: 90), wide = String(repeating: "─", count: 91)
    let source = "# A\n\n```swift example\nprint(1)\n```\n\n```output\n\(fits)\n\(wide)\n```\n"
    let lines = CodeWidth.wideLines(in: try Chapter(path: "chapters/01-a.md", source: source))
    #expect(lines == [CodeWidth.WideLine(file: "chapters/01-a.md", line: 9, columns: 91, kind: .output)])
}
