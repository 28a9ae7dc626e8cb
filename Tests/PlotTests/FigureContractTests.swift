import Testing
import Plot

/// One of each kind of figure, including empty and odd ones.
let allKinds: [any Figure] = [
    activations(), brokenLoss(logY: true), LinePlot(title: "empty", xLabel: "", yLabel: ""),
    LinePlot(title: "one point", xLabel: "x", yLabel: "y", series: [Series("p", x: [1], y: [2])]),
    LinePlot(title: "all NaN", xLabel: "x", yLabel: "y", series: [Series("missing", y: [.nan, .nan])]),
    ImageGrid(title: "Plain", images: [ring, bar]), ImageGrid(title: "No images", images: []),
    ImageGrid(title: "Captions only below some", images: [ring, bar, ring], captions: ["", "b", ""], columns: 2),
    PixelValues(title: "Bar", image: bar),
    leftOrRight(), perceptronDiagram(), skipGraph, tutorialNetwork, LayerDiagram(title: "One unit", sizes: [1]),
    DecisionRegions(title: "No points", points: []) { _, _ in 0 }, splitRow(),
]

@Suite struct FigureContract {
    @Test(arguments: allKinds.indices)
    func textAndSVGFollowTheContract(index: Int) {
        let figure = allKinds[index]
        let text = figure.ascii()
        #expect(text == figure.ascii() && figure.svg() == figure.svg())
        #expect(text.hasPrefix(figure.title) && !text.hasSuffix("\n"))
        #expect(!text.split(separator: "\n", omittingEmptySubsequences: false).contains { $0.hasSuffix(" ") })
        let svg = figure.svg()
        #expect(svg.hasPrefix("<svg ") && svg.hasSuffix("</svg>") && svg.contains("role=\"img\""))
        #expect(svg.contains("<title id=") && svg.contains("<desc id="))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        #expect(wellFormednessProblems(svg) == [])
    }
}
