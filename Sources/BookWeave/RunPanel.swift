import BookSource
import Foundation

/// Weave pass: the Run button of a chapter whose examples run in the page (issue 16). The chapters
/// are those `tools/wasm/page-chapters` lists, the same list `tools/wasm/build.sh` builds WebAssembly
/// modules for (`make book` writes them to `book/wasm/NN-slug.js`). The button's script, `run.js`,
/// loads the module only when pressed, runs it in a Worker, puts each example's output under the
/// recorded one (`<pre class="output" data-example="N">`, `CodeBlocks`) and compares its figures
/// with the committed ones by their hash (`data-hash` on each figure, `ChapterFigures`).
enum RunPanel {
    /// The list of chapters whose examples run in the page, relative to the package root.
    static let listFile = "tools/wasm/page-chapters"

    /// The chapter numbers `root/tools/wasm/page-chapters` lists (lines starting with two digits).
    static func chapters(root: String) -> Set<Int> {
        guard let text = try? String(contentsOfFile: root + "/" + listFile, encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").compactMap { line in
            line.count >= 2 && line.prefix(2).allSatisfy(\.isNumber) ? Int(line.prefix(2)) : nil
        })
    }

    /// The panel under the chapter's title: the button, the seed field (0: the book's seeds; another
    /// seed becomes chapter 1's `SplitMix64.readerSeed` in the page), a status line, and the script
    /// behind them.
    static func html(_ chapter: Chapter) -> String {
        "<div class=\"run-panel\" id=\"run-panel\" data-chapter=\"\(escapeHTML(chapter.slug))\">"
            + "<button type=\"button\" id=\"run-button\">Run the examples</button>"
            + " <label for=\"run-seed\">with seed</label> <input type=\"text\" id=\"run-seed\" value=\"0\""
            + " inputmode=\"numeric\" autocomplete=\"off\" spellcheck=\"false\" size=\"10\""
            + " aria-describedby=\"run-seed-range\"> <span id=\"run-seed-range\">0 is the book’s seeds;"
            + " any other whole number up to 4294967295 makes every random generator draw other numbers.</span>"
            + " <span id=\"run-status\" role=\"status\">Runs this chapter’s examples and solutions in your browser"
            + " (WebAssembly, loaded when you press the button) and compares each output with the book’s.</span>"
            + "</div>\n<link rel=\"stylesheet\" href=\"run.css\">\n<script src=\"run.js\" defer></script>\n"
    }

    /// `html` with the panel after its `<h1>` (or at the top when there is none).
    static func insert(_ panel: String, into html: String) -> String {
        guard !panel.isEmpty else { return html }
        var html = html
        if let h1 = html.range(of: "</h1>\n") {
            html.insert(contentsOf: panel, at: h1.upperBound)
        } else {
            html = panel + html
        }
        return html
    }

    /// The 32-bit FNV-1a hash of `text`'s UTF-8 bytes, in hexadecimal: `run.js` computes the same
    /// of a figure the page drew, to tell whether it is the committed one.
    static func hash(_ text: String) -> String {
        var h: UInt32 = 0x811c_9dc5
        for byte in text.utf8 {
            h ^= UInt32(byte)
            h = h &* 0x0100_0193
        }
        return String(h, radix: 16)
    }
}
