import Testing
@testable import Plot

/// Two panels over the same plane and points: split at x = 0, and split at y = 0.
func splitRow() -> DecisionRegionsRow {
    let byX = DecisionRegions(title: "By x", points: sidePoints, xRange: -1...1, yRange: -1...1,
                              textSize: (9, 4), svgColumns: 20) { x, _ in x > 0 ? 1 : 0 }
    let byY = DecisionRegions(title: "By y", points: sidePoints, xRange: -1...1, yRange: -1...1,
                              textSize: (9, 4), svgColumns: 20) { _, y in y > 0 ? 0 : 1 }
    return DecisionRegionsRow(title: "Two splits", panels: [byX, byY])
}

@Suite struct DecisionRegionsRowTests {
    @Test func textPutsPanelsSideBySideWithOneLegend() {
        #expect(splitRow().ascii() == """
            Two splits
            By x                   By y
            +---------+            +---------+
            |     ....|            |         |
            |  *  .*..|            |  *   *  |
            |     .o..|            |......o..|
            |     ....|            |.........|
            +---------+            +---------+
            2 of 3 in own region   3 of 3 in own region
            each panel: x₁ from -1 to 1 (left to right), x₂ from -1 to 1 (bottom to top)
            * class 0 on ' '   o class 1 on '.'
            """)
    }

    @Test func svgDrawsEveryPanelAndDescribesEach() {
        let svg = splitRow().svg()
        // Each panel tints both classes; the legend has a tinted swatch per class.
        #expect(svg.components(separatedBy: "<g class=\"region s0\">").count - 1 == 2)
        #expect(svg.components(separatedBy: "<g class=\"region s1\">").count - 1 == 2)
        #expect(svg.components(separatedBy: "class=\"frame\"").count - 1 == 2)
        // Three points per panel and one legend marker per class.
        #expect(svg.components(separatedBy: "class=\"pt ").count - 1 == 2 * 3 + 2)
        #expect(svg.contains(">2 of 3 in own region</text>") && svg.contains(">3 of 3 in own region</text>"))
        #expect(svg.contains("2 panels of decision regions, left to right. By x: Decision regions of 2 classes"))
        #expect(svg.contains("By y: Decision regions of 2 classes"))
        #expect(wellFormednessProblems(svg) == [])
    }

    @Test func theRowFollowsTheFigureContract() {
        let row = splitRow()
        #expect(row.ascii().hasPrefix(row.title) && !row.ascii().contains(" \n"))
        #expect(row.svg().hasPrefix("<svg ") && row.svg().contains("role=\"img\"") && row.svg() == row.svg())
    }
}
