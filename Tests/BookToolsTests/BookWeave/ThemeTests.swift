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
        // The Run button's assets are theme files too.
        let runButton = ["run.js": "// run", "run.css": ".run {}", "wasm-host.js": "// host"]
        for (name, contents) in runButton { try writeAtomically(contents, to: root + "/theme/" + name) }
        #expect(try Theme(root: root).files == ["book.js": "// js", "style.css": "body {}"].merging(runButton) { a, _ in a })
    }
}
