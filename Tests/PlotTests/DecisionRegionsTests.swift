import Testing
@testable import Plot

/// Two points of class 0 (one of them on the right, in class 1's region) and one of class 1.
let sidePoints = [DecisionRegions.Point(x: -0.5, y: 0.5, label: 0), DecisionRegions.Point(x: 0.5, y: -0.5, label: 1),
                  DecisionRegions.Point(x: 0.5, y: 0.5, label: 0)]

/// The plane split at x = 0: class 1 on the right.
func leftOrRight(textSize: (columns: Int, rows: Int) = (13, 5)) -> DecisionRegions {
    DecisionRegions(title: "Left or right", points: sidePoints, xRange: -1...1, yRange: -1...1,
                    textSize: textSize) { x, _ in x > 0 ? 1 : 0 }
}

@Suite struct DecisionRegionsTests {
    @Test func textShadesRegionsAndDrawsPointsOnTop() {
        #expect(leftOrRight().ascii() == """
            Left or right
            x₂
               ++-----+-----++
             1 +       ......+
               |   *   ..*...|
             0 +       ......+
               |       ..o...|
            -1 +       ......+
               ++-----+-----++
               -1     0     1
                     x₁
            * class 0 on ' '   o class 1 on '.'
            2 of 3 points lie in the region of their own class
            """)
        #expect(leftOrRight().pointsInOwnRegion == 2)
    }

    @Test func aGridGivesTheSamePictureAsTheClassifierItWasSampledFrom() {
        let classes = (0..<5).flatMap { _ in (0..<13).map { $0 > 6 ? 1 : 0 } }
        let fromGrid = DecisionRegions(title: "Left or right", points: sidePoints, xRange: -1...1, yRange: -1...1,
                                       grid: ClassGrid(columns: 13, rows: 5, classes: classes), textSize: (13, 5))
        #expect(fromGrid.ascii() == leftOrRight().ascii())
        #expect(fromGrid.pointsInOwnRegion == 2)
    }

    @Test func aBatchClassifierIsCalledOncePerGridAndOnceForThePoints() {
        var calls: [Int] = []
        let regions = DecisionRegions(title: "Batches", points: sidePoints, textSize: (10, 4), svgColumns: 20) { batch in
            calls.append(batch.count)
            return batch.map { $0.y > 0 ? 0 : 1 }
        }
        #expect(calls == [40, 400, 3])  // text grid, SVG grid (square: 20 × 20), the points
        #expect(regions.xRange == -0.5...0.5 && regions.yRange == -0.5...0.5)  // the points' extent, nice ticks
        #expect(regions.pointsInOwnRegion == 3)
    }

    @Test func svgHasTintedRunsMarkersAndSaysWhatItShows() {
        let svg = leftOrRight().svg()
        // 96 × 96 grid split in the middle: one run per class per row.
        #expect(svg.components(separatedBy: "<rect x=").count - 1 >= 2 * 96)
        #expect(svg.contains("<g class=\"region s0\">") && svg.contains("<g class=\"region s1\">"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3)  // two points and the legend's
        #expect(svg.contains("class=\"pt s1\""))
        #expect(svg.contains("Decision regions of 2 classes over x₁ from -1 to 1 and x₂ from -1 to 1; "
            + "share of the plane predicted as class 0 50%, class 1 50%; 2 of 3 points lie in the region of their own class."))
        #expect(wellFormednessProblems(svg) == [])
    }

    @Test func classNamesAndManyClassesCycleShadesAndMarkers() {
        let names = ["zero", "one", "two", "three"]
        let regions = DecisionRegions(title: "Quadrants", points: [DecisionRegions.Point(x: 1, y: 1, label: 3)], classNames: names,
                                      xRange: -2...2, yRange: -2...2, textSize: (8, 4)) { x, y in
            (x > 0 ? 1 : 0) + (y > 0 ? 2 : 0)
        }
        let text = regions.ascii()
        #expect(text.hasSuffix("* zero on ' '   o one on '.'   + two on ':'   x three on '''\n"
            + "1 of 1 points lie in the region of their own class"))
        #expect(regions.svg().contains("points=\"")  // class 3's marker is a diamond polygon
            && wellFormednessProblems(regions.svg()) == [])
    }
}
