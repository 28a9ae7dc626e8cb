import Testing
@testable import Plot

/// Every kind of SVG figure, made with a given title.
let titledKinds: [(kind: String, make: @Sendable (String) -> any Figure)] = [
    ("ImageGrid", { ImageGrid(title: $0, images: [ring, bar]) }),
    ("PixelValues", { PixelValues(title: $0, image: bar) }),
    ("LayerDiagram", { LayerDiagram(title: $0, sizes: [3, 2]) }),
    ("GraphDiagram", { var graph = perceptronDiagram(); graph.title = $0; return graph }),
    ("DecisionRegions", { var regions = leftOrRight(); regions.title = $0; return regions }),
    ("DecisionRegionsRow", { var row = splitRow(); row.title = $0; return row }),
    ("LinePlot", { var plot = activations(); plot.title = $0; return plot }),
]

/// The width of an SVG document's viewBox.
func viewBoxWidth(_ svg: String) -> Int? {
    guard let start = svg.range(of: "viewBox=\"0 0 ") else { return nil }
    return Int(svg[start.upperBound...].prefix { $0 != " " })
}

@Suite struct TextWidthTests {
    @Test func advancesAreDejaVuSansBold16AndRegular12() {
        // "Wm" is 17.75 + 16.75 px in bold 16 px DejaVu Sans (the widest common sans face), where
        // the old estimate of 8 px a character gave 16.
        #expect(TextStyle.title.width("Wm") == 34.5)
        #expect(TextStyle.title.width("λ = 0.01") == 10.25 + 5.75 + 13.5 + 5.75 + 11.25 + 6.25 + 11.25 + 11.25)
        #expect(TextStyle.title.width("−9") == 13.5 + 11.25, "the minus sign is measured, not counted as a W")
        #expect(TextStyle.label.width("Wm") == 12 + 11.75)
        #expect(TextStyle.label.width("Linear₁") == 6.75 + 3.5 + 7.75 + 7.5 + 7.5 + 5 + 5)
        #expect(TextStyle.label.width("∂L/∂W₂") == 6.25 + 6.75 + 4.25 + 6.25 + 12 + 5)
        for style in [TextStyle.title, TextStyle.label] {
            #expect(style.ascii.count == 126 - 32 + 1 && style.symbols.count == TextStyle.symbols.count)
            #expect(style.width("\u{1F600}") == style.width("W"), "an unknown character counts as the widest letter")
            #expect(style.width("") == 0)
        }
        #expect(figureWidth(content: 300, title: "Wm") == 300)
        #expect(figureWidth(content: 30, title: "Wm") == 16 + 34.5, "8 px of margin each side of the title")
    }

    @Test(arguments: titledKinds.indices)
    func aShortTitleKeepsTheDrawingsWidthAndALongOneWidensTheFigure(index: Int) throws {
        let (kind, make) = titledKinds[index]
        let untitled = try #require(viewBoxWidth(make("").svg()), "\(kind)")
        #expect(viewBoxWidth(make("Short").svg()) == untitled, "\(kind): a short title leaves the width to the drawing")

        let long = String(repeating: "Weights W ", count: 10) + "(−1…1)"
        let needed = 16 + TextStyle.title.width(long)
        #expect(needed > Double(untitled) && needed > 16 + 8 * Double(long.count) + 150,
                "\(kind): the long title is wider than the drawing and than the old 8 px a character")
        let svg = make(long).svg()
        #expect(viewBoxWidth(svg) == Int(needed.rounded(.up)), "\(kind): \(svg.prefix(160))")
        #expect(svg.contains("<text x=\"\(formatNumber(needed / 2))\" y=\"24\" text-anchor=\"middle\" class=\"title\">"),
                "\(kind): the title is centred on the widened figure")
        #expect(wellFormednessProblems(svg) == [])
    }

    @Test func aGraphsBoxesAreAsWideAsTheirMeasuredLabels() {
        let graph = GraphDiagram(title: "Boxes", nodes: [.init("in", boxed: false), .init("step"), .init("WWWW"), .init("Σ")],
                                 edges: [.init("in", "step"), .init("step", "WWWW"), .init("WWWW", "Σ")])
        let svg = graph.svg()
        // "step" is 26.5 px in 12 px DejaVu Sans: 8 px each side. Four W's are 48 px, wider than the
        // old estimate of 8 px a character; a one-letter box keeps the minimum of 36 px.
        #expect(svg.contains("width=\"42.5\" height=\"28\""))
        #expect(svg.contains("width=\"64\" height=\"28\""))
        #expect(svg.contains("width=\"36\" height=\"28\""))
        // A long edge label widens the gap between its columns (at least 72 px).
        let plain = GraphDiagram(title: "Gap", nodes: [.init("a"), .init("b")], edges: [.init("a", "b")])
        var labelled = plain
        labelled.edges = [.init("a", "b", label: "WWWWWWWW")]
        let widths = [plain, labelled].map { viewBoxWidth($0.svg()) ?? 0 }
        #expect(widths == [24 + 36 + 72 + 36 + 24, 24 + 36 + (16 + 96) + 36 + 24],
                 "eight W's are 96 px: with 8 px each side, 40 px more than the least gap")
    }
}
