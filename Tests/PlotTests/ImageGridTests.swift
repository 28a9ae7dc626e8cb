import Foundation
import Testing
@testable import Plot

/// A ring and a bar, 4×4.
let ring = GrayImage(width: 4, height: 4, pixels: [0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0])
let bar = GrayImage(width: 4, height: 4, pixels: [0, 0.5, 1, 0, 0, 0.25, 1, 0, 0, 0, 1, 0, 0, 0.75, 1, 0.1])

/// A 28×28 picture of a diagonal stroke.
func digit(_ k: Int) -> GrayImage {
    GrayImage(width: 28, height: 28, pixels: (0..<784).map { i in abs(i / 28 - i % 28 + k % 5) < 2 ? 1 : 0 })
}

@Suite struct ImageGridTests {
    @Test func tinyGridText() {
        let grid = ImageGrid(title: "Two tiny digits", images: [ring, bar], captions: ["0 (0)", "1 (7)"],
                             marks: [.correct, .wrong])
        #expect(grid.ascii() == """
            Two tiny digits
             ++++      -@
             ++++      -@
             0 (0)   1 (7) !
            ! = wrong (1 of 2 checked)
            """)
    }

    @Test func marksAreColouredInSVG() {
        let grid = ImageGrid(title: "Marks", images: [ring, bar, ring], captions: ["0", "1", "2"],
                             marks: [.correct, .wrong, .none])
        let svg = grid.svg()
        #expect(svg.contains("class=\"frame ok\"") && svg.contains("class=\"ok\">0</text>"))
        #expect(svg.contains("class=\"frame bad\"") && svg.contains("class=\"bad\">1</text>"))
        #expect(svg.contains("text.ok{fill:var(--plot-correct, #1a7f37)}") && svg.contains("text.bad{fill:var(--plot-wrong, #cf222e)"))
        #expect(svg.contains("text-anchor=\"middle\">2</text>"))  // unmarked: no colour
        #expect(svg.contains("1 marked correct (green), 1 wrong (red)."))
        #expect(wellFormednessProblems(svg) == [])
    }

    @Test func unmarkedGridHasNoLegend() {
        let text = ImageGrid(title: "Plain", images: [ring, bar]).ascii()
        #expect(text == "Plain\n++++   -@\n++++   -@")  // no captions: no caption line, no legend
    }

    @Test func eachImageIsOnePNGAndTheAltTextSaysWhatItIs() {
        let svg = ImageGrid(title: "Ring", images: [ring]).svg()
        #expect(svg.components(separatedBy: "<image ").count - 1 == 1)
        #expect(svg.contains("href=\"data:image/png;base64,iVBORw0KGgo"))  // the PNG signature
        #expect(svg.contains("Grid of 1 grayscale 4×4 images."))
    }

    @Test func mnistSizedGridWrapsAtThreePerLine() {
        let images = (0..<10).map(digit)
        let grid = ImageGrid(title: "Digits", images: images, captions: images.indices.map { "\($0) (\($0))" },
                             marks: images.indices.map { $0 == 3 ? .wrong : .correct })
        let text = grid.ascii()
        #expect(text == grid.ascii())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Title, 4 rows of (14 text rows + caption) with blank lines between, legend.
        #expect(lines.count == 1 + 4 * 15 + 3 + 1)
        #expect(lines.allSatisfy { $0.count <= 90 && !$0.hasSuffix(" ") })
        let captions = "           0 (0)                         1 (1)                         2 (2)"
        #expect(lines[15] == captions)
        #expect(lines[31].hasPrefix(String(repeating: " ", count: 10) + "3 (3) !   "))
        #expect(lines.last == "! = wrong (1 of 10 checked)")
        let svg = grid.svg()
        #expect(svg.contains("viewBox=\"0 0 1016 158\""))  // 10 columns of 100 px, one row
        #expect(wellFormednessProblems(svg) == [])
    }

}

@Suite struct PixelValuesTests {
    @Test func text() {
        #expect(PixelValues(title: "A tiny one", image: bar).ascii() == """
            A tiny one
              . 128 255   .
              .  64 255   .
              .   . 255   .
              . 191 255  26
            """)
        #expect(PixelValues(title: "Out of 9", image: bar, scale: 9).ascii().hasSuffix("\n. 7 9 1"))
    }

    @Test func wideImageFoldsIntoBandsWithin90Columns() {
        let text = PixelValues(title: "A digit", image: digit(0)).ascii()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Title, then two bands of 14 columns: a header and 28 rows each, a blank line between.
        #expect(lines.count == 1 + 2 * (1 + 28) + 1)
        #expect(lines[1] == "columns 0–13" && lines[31] == "columns 14–27" && lines[30] == "")
        #expect(lines.allSatisfy { $0.count <= 90 })
        // Row 0 of the stroke: ink in columns 0 and 1.
        #expect(lines[2] == "255 255" + String(repeating: "   .", count: 12))
        // Narrow images are not folded.
        #expect(!PixelValues(title: "A tiny one", image: bar).ascii().contains("columns"))
    }

    @Test func svgShadesCellsAndFlipsTextColour() {
        let svg = PixelValues(title: "A tiny one", image: bar).svg()
        #expect(svg.contains("fill=\"#000000\""))  // full ink
        #expect(svg.contains("class=\"dark\">255</text>") && svg.contains("class=\"light\">64</text>"))
        #expect(svg.contains("class=\"zero\">0</text>"))
        #expect(svg.hasSuffix("</svg>") && wellFormednessProblems(svg) == [])
    }
}
