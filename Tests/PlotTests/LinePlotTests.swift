import Foundation
import Testing
import Plot

/// The chapter 1 figure: two activation functions.
func activations() -> LinePlot {
    LinePlot(title: "Sigmoid and tanh", xLabel: "x", yLabel: "activation", series: [
        Series("sigmoid", over: -6...6) { 1 / (1 + exp(-$0)) },
        Series("tanh", over: -6...6) { tanh($0) },
    ])
}

/// Plots of every shape the contract tests run over.
let samplePlots = [
    activations(), brokenLoss(logY: false), brokenLoss(logY: true), LinePlot(title: "empty", xLabel: "", yLabel: ""),
]

/// A loss curve with gaps: NaN, infinity and a non-positive value.
func brokenLoss(logY: Bool) -> LinePlot {
    var plot = LinePlot(title: "Loss <with gaps> & more", xLabel: "epoch", yLabel: "loss")
    plot.add(Series("train", y: [2.3, 1.1, .nan, 0.4, 0.2, .infinity, 0.05, 0, 0.01]))
    plot.add(Series("test", y: [2.4, 1.5, 0.9, 0.7, 0.65, 0.6, 0.6, 0.62, 0.65]))
    plot.logY = logY
    return plot
}

@Suite struct LinePlotText {
    @Test func straightLine() {
        var plot = LinePlot(title: "y = x", xLabel: "x", yLabel: "y", series: [Series("y=x", x: [0, 4], y: [0, 4])])
        plot.width = 20
        plot.height = 5
        #expect(plot.ascii() == """
            y = x
            y
            4 +                 ***
              |            *****
            2 +        ****
              |   *****
            0 +***
              ++---------+--------+
               0         2        4
                        x
            * y=x
            """)
    }

    @Test(arguments: samplePlots)
    func deterministicTidyAndNarrow(plot: LinePlot) {
        let text = plot.ascii()
        #expect(text == plot.ascii())
        #expect(!text.hasSuffix("\n"))
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(!line.hasSuffix(" "), "trailing space in \(line)")
            #expect(line.count <= 80, "too wide: \(line)")
        }
    }

    @Test func layoutOfTheActivationPlot() {
        let lines = activations().ascii().split(separator: "\n").map(String.init)
        #expect(lines[0] == "Sigmoid and tanh")
        #expect(lines[1] == "activation")
        #expect(lines[2].hasPrefix("   1 +"))  // y ticks -1 ... 1 in steps of 0.5
        #expect(lines.contains { $0.hasPrefix("-0.5 +") })
        #expect(lines.last == "* sigmoid   o tanh")
        #expect(lines[lines.count - 3] == "     -6        -4        -2         0        2         4         6")
        // tanh is drawn over sigmoid, and the y = 0 line under both.
        #expect(lines.contains { $0.hasPrefix("   0 +") && $0.contains("---") && $0.contains("o") })
    }

    @Test func unitStepIsAVerticalJump() {
        let step = Series("step", over: -1...1, samples: 41) { $0 < 0 ? 0 : 1 }
        var plot = LinePlot(title: "step", xLabel: "x", yLabel: "y", series: [step])
        plot.height = 6
        let rows = plot.ascii().split(separator: "\n").dropFirst(2).prefix(6).map(String.init)
        // Flat at 0 and at 1, and in between a single marker per row: a vertical jump, no gap.
        #expect(rows.first!.filter { $0 == "*" }.count >= 29 && rows.last!.filter { $0 == "*" }.count >= 29)
        #expect(rows.dropFirst().dropLast().allSatisfy { $0.filter { $0 == "*" }.count == 1 })
    }

    @Test func extremeDataStaysReadable() {
        let plots = [
            LinePlot(title: "huge", xLabel: "x", yLabel: "y", series: [Series("h", y: [1e308, -1e308, 5])]),
            LinePlot(title: "tiny", xLabel: "x", yLabel: "y",
                     series: [Series("t", x: [1, 1 + 1e-12], y: [1e-300, 2e-300])]),
            LinePlot(title: "flat", xLabel: "x", yLabel: "y", series: [Series("f", y: [3, 3, 3])], xRange: 2...2),
        ]
        for plot in plots {
            #expect(plot.ascii().split(separator: "\n").allSatisfy { $0.count <= 80 })
            #expect(wellFormednessProblems(plot.svg()) == [])
        }
        #expect(plots[0].ascii().contains("-1e300 +"))
    }

    @Test func fixedRangesClipTheData() {
        let plot = LinePlot(title: "clipped", xLabel: "x", yLabel: "y",
                            series: [Series("x²", over: -3...3) { $0 * $0 }], xRange: -1...1, yRange: 0...1)
        let text = plot.ascii()
        #expect(text.contains("1 +*"))  // the parabola leaves through the top corners
        #expect(text.split(separator: "\n").count == 2 + 16 + 4)
    }
}

@Suite struct LinePlotSVG {
    @Test(arguments: samplePlots)
    func wellFormed(plot: LinePlot) {
        let svg = plot.svg()
        #expect(svg == plot.svg())
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains("viewBox=\"0 0 640 400\""))
        #expect(svg.contains("<title id=") && svg.contains("<desc id="))
        #expect(!svg.lowercased().contains("nan") && !svg.lowercased().contains("inf"))
        #expect(wellFormednessProblems(svg) == [])
    }

    @Test func altTextDescribesThePlot() {
        let svg = activations().svg()
        #expect(svg.contains(">Line plot of sigmoid and tanh against x from -6 to 6; activation from -1 to 1.</desc>"))
        #expect(svg.contains(">Sigmoid and tanh</title>"))
    }

    @Test func seriesArePolylinesBrokenAtGaps() {
        let svg = brokenLoss(logY: false).svg()
        #expect(svg.contains("Loss &lt;with gaps&gt; &amp; more"))
        // train: [2.3, 1.1] · [0.4, 0.2] · [0.05, 0, 0.01]; test: one piece.
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 4)
        #expect(svg.contains("class=\"line s0\"") && svg.contains("class=\"line s1\""))
        // On a log axis 0 is skipped too, leaving 0.05 and 0.01 as lone dots.
        let log = brokenLoss(logY: true).svg()
        #expect(log.components(separatedBy: "<polyline").count - 1 == 3)
        #expect(log.components(separatedBy: "<circle").count - 1 == 2)
        #expect(log.contains("loss from 0.01 to 10 (log scale).</desc>"))
    }

    @Test func differentFiguresGetDifferentIDs() {
        let id = { (svg: String) in svg.components(separatedBy: "aria-labelledby=\"")[1].prefix(20) }
        #expect(id(activations().svg()) != id(brokenLoss(logY: false).svg()))
    }
}
