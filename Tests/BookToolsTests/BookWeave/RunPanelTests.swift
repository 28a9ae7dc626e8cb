import Foundation
import Testing
import BookSource
import BookSupport
@testable import BookWeave

/// The Run button's part of the weave: which chapters get it, where it goes, and the hash run.js
/// computes of a figure it draws (the same FNV-1a, so that a figure compares equal in the page).
@Suite struct RunPanelTests {
    @Test func theHashIsFNV1aOfTheUTF8Bytes() {
        // The published FNV-1a 32-bit test vectors.
        #expect(RunPanel.hash("") == "811c9dc5")
        #expect(RunPanel.hash("a") == "e40c292c")
        #expect(RunPanel.hash("foobar") == "bf9cf968")
        #expect(RunPanel.hash("σ") != RunPanel.hash("s"))
    }

    @Test func theListNamesChaptersByNumber() throws {
        let root = try scratchDirectory("run-panel-test")
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(RunPanel.chapters(root: root).isEmpty)
        try writeAtomically("# a comment\n01\n03 layers\n\nx\n", to: root + "/" + RunPanel.listFile)
        #expect(RunPanel.chapters(root: root) == [1, 3])
    }

    @Test func thePanelGoesUnderTheTitle() throws {
        let chapter = try Chapter(path: "chapters/03-layers.md", source: "# Layers\n\nText.\n")
        let panel = RunPanel.html(chapter)
        #expect(panel.contains(#"data-chapter="03-layers""#) && panel.contains(#"<script src="run.js" defer>"#))
        #expect(RunPanel.insert(panel, into: "<h1>Layers</h1>\n<p>Text.</p>") == "<h1>Layers</h1>\n" + panel + "<p>Text.</p>")
        #expect(RunPanel.insert("", into: "<h1>Layers</h1>\n") == "<h1>Layers</h1>\n")
    }
}
