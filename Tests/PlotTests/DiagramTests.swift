import Testing
@testable import Plot

/// The perceptron of chapter 1.
func perceptronDiagram() -> GraphDiagram {
    GraphDiagram(title: "A perceptron", summary: "Three inputs and a bias feed a weighted sum, then a step",
                 nodes: [.init("x1", label: "x₁", boxed: false), .init("x2", label: "x₂", boxed: false),
                         .init("x3", label: "x₃", boxed: false), .init("one", label: "1", boxed: false),
                         .init("sum", label: "Σ"), .init("step"), .init("y", label: "ŷ", boxed: false)],
                 edges: [.init("x1", "sum", label: "w₁"), .init("x2", "sum", label: "w₂"), .init("x3", "sum", label: "w₃"),
                         .init("one", "sum", label: "b"), .init("sum", "step", label: "z"), .init("step", "y")])
}

/// A graph with an edge that skips two columns.
let skipGraph = GraphDiagram(title: "Skip", nodes: [.init("a", boxed: false), .init("f"), .init("g"), .init("h")],
                             edges: [.init("a", "f"), .init("f", "g"), .init("g", "h"), .init("a", "h", label: "skip")])

/// The tutorial's network with a batch dimension.
let tutorialNetwork = LayerDiagram(title: "The tutorial's network", layers: [
    .init("input", size: 784), .init("hidden 1", size: 512, activation: "ReLU"),
    .init("hidden 2", size: 512, activation: "ReLU"), .init("output", size: 10),
], batch: "B")

@Suite struct GraphDiagramTests {
    @Test func perceptronText() {
        #expect(perceptronDiagram().ascii() == """
            A perceptron
            x₁─w₁─┐
            x₂─w₂─┼──>[Σ]─z────>[step]─────>ŷ
            x₃─w₃─┤
            1──b──┘
            """)
    }

    @Test func aLongEdgePassesThroughTheColumnsBetween() {
        let layout = skipGraph.layout
        #expect(layout.nodeColumn == [0, 1, 2, 3])
        #expect(layout.paths[3].map(\.column) == [0, 1, 2, 3] && layout.paths[3].map(\.row) == [0, 1, 1, 0])
        // The label has no place in text (a has two edges out, h two in), but the SVG and its description keep it.
        #expect(skipGraph.ascii() == "Skip\na──┬──>[f]─────>[g]──┬──>[h]\n   └─────────────────┘")
        #expect(skipGraph.svg().contains(">skip</text>"))
        #expect(skipGraph.altText == "Graph of 4 nodes. Edges: a → f; f → g; g → h; a → h (skip).")
    }

    @Test func parametersSitNextToTheirConsumer() {
        let graph = GraphDiagram(title: "z = xW + b", nodes: [
            .init("x", boxed: false), .init("W", boxed: false), .init("mm", label: "matmul"),
            .init("b", boxed: false), .init("add", label: "+"), .init("z", boxed: false),
        ], edges: [.init("x", "mm"), .init("W", "mm"), .init("mm", "add"), .init("b", "add"), .init("add", "z")])
        #expect(graph.layout.nodeColumn == [0, 0, 1, 1, 2, 3])
        #expect(graph.ascii() == """
            z = xW + b
            x──┬──>[matmul]──┬──>[+]─────>z
            W──┘   b─────────┘
            """)
    }

    @Test func svgDrawsBoxesEdgesAndArrowheads() {
        let svg = perceptronDiagram().svg()
        #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == 2)  // Σ and step are boxed
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == 6)
        #expect(svg.components(separatedBy: "class=\"head\"").count - 1 == 6)
        #expect(svg.contains("class=\"elabel\">w₁</text>"))
        #expect(svg.contains("Three inputs and a bias feed a weighted sum, then a step. Edges: x₁ → Σ (w₁);"))
        #expect(wellFormednessProblems(svg) == [])
    }

    @Test func junctionsFollowTheLinesThatMeet() {
        var canvas = BoxCanvas(width: 5, height: 3)
        canvas.horizontal(y: 1, from: 0, to: 4)
        canvas.vertical(x: 2, from: 0, to: 2)
        canvas.horizontal(y: 0, from: 0, to: 2)
        canvas.write("A", x: 4, y: 2)
        #expect(canvas.rendered() == ["──┐  ", "──┼──", "  │ A"])
    }
}

@Suite struct LayerDiagramTests {
    @Test func smallNetworkText() {
        let net = LayerDiagram(title: "XOR net", layers: [.init("input", size: 2), .init("hidden", size: 2, activation: "sigmoid"),
                                                          .init("output", size: 1, activation: "sigmoid")])
        #expect(net.ascii() == """
            XOR net
             input         hidden          output
                           sigmoid         sigmoid
               o     W₁       o      W₂       o
               o    ────>     o     ────>
               2     2×2      2      1×2      1
            """)
    }

    @Test func largeLayersShowAFewUnitsAndTheirShapes() {
        #expect(tutorialNetwork.shown(0) == [1, 2, 3, nil, 784] && tutorialNetwork.shown(3) == [1, 2, 3, nil, 10])
        let lines = tutorialNetwork.ascii().split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix(" input") && lines[2].contains("ReLU"))
        #expect(lines.last == " B×784              B×512                B×512               B×10")
        // Weights are outputs × inputs, as `Linear` stores them.
        #expect(lines.contains { $0.contains("512×784") && $0.contains("512×512") && $0.contains("10×512") })
        #expect(lines.filter { $0.contains("⋮") }.count == 1)
        let fromSizes = LayerDiagram(title: "t", sizes: [784, 512, 512, 10])
        #expect(fromSizes.layers.map(\.name) == ["input", "hidden 1", "hidden 2", "output"])
    }

    @Test func svgDrawsEveryShownUnitAndEdge() {
        let svg = tutorialNetwork.svg()
        #expect(svg.components(separatedBy: "class=\"unit\"").count - 1 == 16)  // 4 drawn units per column
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == 3 * 16)
        #expect(svg.contains(">W₁ 512×784</text>") && svg.contains(">B×10</text>"))
        #expect(svg.contains("with layers input (784 units), hidden 1 (512 units, ReLU), hidden 2 (512 units, ReLU), "
            + "output (10 units); weights W₁ 512×784, W₂ 512×512, W₃ 10×512; activations of a batch of B samples "
            + "have shape B×784, B×512, B×512, B×10."))
        #expect(wellFormednessProblems(svg) == [])
    }
}
