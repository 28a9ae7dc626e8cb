import Foundation
import Testing
import BookSupport
@testable import BookWeave

@Suite struct ThemeTests {
    @Test func aMissingThemeFileIsAnErrorNamingIt() throws {
        let root = try scratchDirectory("theme-test")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeAtomically("body {}", to: root + "/theme/style.css")
        #expect(throws: ToolError.self) { try Theme(root: root) }
        do { _ = try Theme(root: root) } catch { #expect("\(error)".contains("theme/book.js")) }
        try writeAtomically("// js", to: root + "/theme/book.js")
        #expect(try Theme(root: root).files == ["book.js": "// js", "style.css": "body {}"])
    }
}
