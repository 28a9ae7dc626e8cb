// A multilayer perceptron drawn as columns of units, with the sizes of its layers and weight matrices.

/// The layers of a fully connected network as columns of units, left (input) to right (output).
/// A column shows at most `shownUnits` units; a larger layer shows its first ones, "⋮", and its last.
/// Under each column: the layer's size (with a batch dimension, its activations' shape, e.g. "B×784");
/// between two columns: the weight matrix's name and shape, outputs × inputs as the book's `Linear`
/// and PyTorch's `nn.Linear` store it (e.g. "W₁ 512×784").
public struct LayerDiagram: Figure {
    /// One layer: its name (e.g. "hidden 1"), its number of units, and optionally its activation.
    public struct Layer: Sendable {
        /// Shown above the column ("hidden 1").
        public var name: String
        /// Its number of units (at least 1).
        public var size: Int
        /// Its activation function's name, shown under the layer's name; empty for none.
        public var activation: String

        /// A layer of `size` units named `name`, with an optional activation.
        public init(_ name: String, size: Int, activation: String = "") {
            precondition(size > 0, "LayerDiagram: layer \(name) needs at least one unit, got \(size)")
            (self.name, self.size, self.activation) = (name, size, activation)
        }
    }

    /// Shown above the drawing.
    public var title: String
    /// The layers, input first.
    public var layers: [Layer]
    /// The name of the batch dimension ("B"), or empty to show sizes only.
    public var batch: String
    /// At most this many units drawn per column (at least 3).
    public var shownUnits: Int

    /// A diagram of `layers`, input first; `shownUnits` below 3 counts as 3.
    public init(title: String, layers: [Layer], batch: String = "", shownUnits: Int = 5) {
        (self.title, self.layers, self.batch, self.shownUnits) = (title, layers, batch, max(3, shownUnits))
    }

    /// The layers' sizes alone, e.g. [784, 512, 512, 10] with names "input", "hidden 1", …, "output".
    public init(title: String, sizes: [Int], batch: String = "", shownUnits: Int = 5) {
        let layers = sizes.enumerated().map { i, size in
            Layer(i == 0 ? "input" : i == sizes.count - 1 ? "output" : "hidden \(i)", size: size)
        }
        self.init(title: title, layers: layers, batch: batch, shownUnits: shownUnits)
    }

    /// What column i shows, top to bottom: a unit's number (1-based), or nil for "⋮".
    func shown(_ i: Int) -> [Int?] {
        let size = layers[i].size
        if size <= shownUnits { return (1...size).map { $0 } }
        return (1...(shownUnits - 2)).map { $0 } + [nil, size]
    }

    /// Subscript digits, for W₁, W₂, …
    static func subscripted(_ n: Int) -> String {
        String(String(n).map { Character(Unicode.Scalar(0x2080 + UInt32(String($0))!)!) })
    }

    /// Column i's shape label: "784" or "B×784".
    func shape(_ i: Int) -> String { (batch.isEmpty ? "" : batch + "×") + String(layers[i].size) }

    /// The weights between layers i and i+1, `[outputs, inputs]`: "W₁" and "512×784".
    func weights(_ i: Int) -> (name: String, shape: String) {
        ("W" + Self.subscripted(i + 1), "\(layers[i + 1].size)×\(layers[i].size)")
    }

    /// The SVG's alt text, e.g. "A fully connected network with layers input (784 units), …; weights W₁ 512×784, …".
    var altText: String {
        let list = layers.indices.map { i in
            "\(layers[i].name) (\(layers[i].size) unit\(layers[i].size == 1 ? "" : "s")"
                + (layers[i].activation.isEmpty ? "" : ", \(layers[i].activation)") + ")"
        }
        let weightList = layers.indices.dropLast().map { "\(weights($0).name) \(weights($0).shape)" }
        return "A fully connected network drawn as columns of units, with layers " + list.joined(separator: ", ")
            + (weightList.isEmpty ? "" : "; weights " + weightList.joined(separator: ", "))
            + (batch.isEmpty ? "" : "; activations of a batch of \(batch) samples have shape " +
                layers.indices.map(shape).joined(separator: ", ")) + "."
    }

    // MARK: - Text

    /// Title, the layer names (and activations), the columns of units as "o" (with "⋮" for the units
    /// not drawn), every column's shape under it, and between columns the weights' name, an arrow
    /// and their shape.
    public func ascii() -> String {
        let tallest = layers.indices.map { shown($0).count }.max() ?? 0
        let hasActivation = layers.contains { !$0.activation.isEmpty }
        let unitTop = hasActivation ? 2 : 1
        let rows = unitTop + tallest + 1
        let mid = unitTop + tallest / 2
        var cells = [String](repeating: "", count: rows)
        func append(_ column: [String], width: Int) {
            for r in 0..<rows { cells[r] += centred(column[r], width) }
        }
        for i in layers.indices {
            var column = [String](repeating: "", count: rows)
            column[0] = layers[i].name
            if hasActivation { column[1] = layers[i].activation }
            let units = shown(i)
            let offset = unitTop + (tallest - units.count) / 2
            for (k, unit) in units.enumerated() { column[offset + k] = unit == nil ? "⋮" : "o" }
            column[rows - 1] = shape(i)
            append(column, width: column.map { $0.count }.max()! + 2)
            if i + 1 < layers.count {
                let (name, shape) = weights(i)
                let width = max(name.count, shape.count) + 4
                var gap = [String](repeating: "", count: rows)
                (gap[mid - 1], gap[mid], gap[mid + 1]) = (name, String(repeating: "─", count: width - 3) + ">", shape)
                append(gap, width: width)
            }
        }
        return ([title] + cells).map(trimTrailing).joined(separator: "\n")
    }

    /// `text` centred in `width` columns.
    private func centred(_ text: String, _ width: Int) -> String {
        let left = max(0, (width - text.count) / 2)
        return String(repeating: " ", count: left) + text + String(repeating: " ", count: max(0, width - left - text.count))
    }

    // MARK: - SVG

    /// Columns of circles joined by every edge between drawn units, "⋮" for the units left out,
    /// names above, shapes below, the weights' names and shapes between columns.
    public func svg() -> String {
        let tallest = Double(layers.indices.map { shown($0).count }.max() ?? 0)
        let spacing = 32.0, columnGap = 150.0
        let hasActivation = layers.contains { !$0.activation.isEmpty }
        let top = hasActivation ? 84.0 : 68.0
        let width = figureWidth(content: 64 + columnGap * Double(max(0, layers.count - 1)) + 64, title: title)
        let left = (width - columnGap * Double(max(0, layers.count - 1))) / 2
        let height = top + tallest * spacing + 40
        let unitY = { (i: Int, k: Int) in
            top + (tallest - Double(self.shown(i).count)) * spacing / 2 + Double(k) * spacing + spacing / 2
        }
        var svg = SVGWriter()
        svg.text(title, x: width / 2, y: 24, anchor: "middle", cls: "title")
        for i in layers.indices.dropLast() {
            let (x0, x1) = (left + columnGap * Double(i), left + columnGap * Double(i + 1))
            for (a, ua) in shown(i).enumerated() where ua != nil {
                for (b, ub) in shown(i + 1).enumerated() where ub != nil {
                    svg.line(x0 + 10, unitY(i, a), x1 - 10, unitY(i + 1, b), cls: "edge")
                }
            }
            let (name, shape) = weights(i)
            svg.text(name + " " + shape, x: (x0 + x1) / 2, y: top - 6, anchor: "middle", cls: "weights")
        }
        for i in layers.indices {
            let x = left + columnGap * Double(i)
            svg.text(layers[i].name, x: x, y: 48, anchor: "middle")
            if hasActivation { svg.text(layers[i].activation, x: x, y: 64, anchor: "middle", cls: "act") }
            for (k, unit) in shown(i).enumerated() {
                if unit == nil {
                    svg.text("⋮", x: x, y: unitY(i, k) + 5, anchor: "middle", cls: "more")
                } else {
                    svg.element("circle", [("cx", attributeText(x)), ("cy", attributeText(unitY(i, k))), ("r", attributeText(10.0)), ("class", attributeText("unit"))])
                }
            }
            svg.text(shape(i), x: x, y: height - 14, anchor: "middle")
        }
        let css = [
            ".unit{fill:none;stroke:currentColor;stroke-width:1.5}",
            ".edge{stroke:currentColor;stroke-opacity:.25}",
            ".weights{font-size:11px}", ".act{font-style:italic}", ".more{font-size:18px}",
        ]
        return svg.document(width: width, height: height, title: title, description: altText, css: css)
    }
}
