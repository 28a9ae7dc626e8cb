// The two renderings of a graph diagram: text with box-drawing lines, and SVG.

extension GraphDiagram {
    /// The text of a node: "[label]" when boxed, else the label.
    private func text(_ n: Int) -> String { nodes[n].boxed ? "[" + nodes[n].label + "]" : nodes[n].label }

    /// Where an edge's label goes in text: by the source when the source has one outgoing edge, else by
    /// the target when the target has one incoming edge, else nowhere (the SVG and alt text still have it).
    private func labelSide(_ e: Int) -> (left: Bool, right: Bool) {
        guard !edges[e].label.isEmpty else { return (false, false) }
        if edges.filter({ $0.from == edges[e].from }).count == 1 { return (true, false) }
        return (false, edges.filter { $0.to == edges[e].to }.count == 1)
    }

    /// Title, then one text line per layout row: nodes in columns, edges as box-drawing lines that
    /// leave a node to the right, turn in the gap between two columns and end in ">" at the target.
    /// Each label sits on its edge's horizontal piece (see `labelSide`).
    public func ascii() -> String {
        let layout = self.layout
        let index = lastValueByKey(nodes.enumerated().map { ($1.id, $0) })
        let columnWidth = layout.columns.map { $0.map { item -> Int in
            if case .node(let n) = item.item { return text(n).count }
            return 1
        }.max() ?? 1 }
        // The gap after column c: left labels, the turning column, right labels, the arrow.
        var leftLabel = [Int](repeating: 0, count: columnWidth.count)
        var rightLabel = leftLabel
        for (e, path) in layout.paths.enumerated() {
            let side = labelSide(e)
            if side.left { leftLabel[path[0].column] = max(leftLabel[path[0].column], edges[e].label.count) }
            if side.right {
                let c = path[path.count - 2].column
                rightLabel[c] = max(rightLabel[c], edges[e].label.count)
            }
        }
        var start = [0]
        for c in columnWidth.indices.dropLast() {
            start.append(start[c] + columnWidth[c] + leftLabel[c] + rightLabel[c] + 6)
        }
        let width = (start.last ?? 0) + (columnWidth.last ?? 0)
        let turn = columnWidth.indices.map { start[$0] + columnWidth[$0] + leftLabel[$0] + 2 }

        var lines = BoxCanvas(width: width, height: layout.rowCount)
        for column in layout.columns {
            for (item, row) in column {
                if case .node(let n) = item { lines.write(text(n), x: start[layout.nodeColumn[n]], y: row) }
            }
        }
        for (e, path) in layout.paths.enumerated() {
            for (a, b) in zip(path, path.dropFirst()) {
                let isSource = a.column == path[0].column
                let from = isSource ? start[a.column] + text(index[edges[e].from]!).count : start[a.column]
                lines.horizontal(y: a.row, from: from, to: turn[a.column])
                lines.vertical(x: turn[a.column], from: a.row, to: b.row)
                let isTarget = b.column == path.last!.column
                lines.horizontal(y: b.row, from: turn[a.column], to: start[b.column] - (isTarget ? 1 : -1))
                if isTarget { lines.write(">", x: start[b.column] - 1, y: b.row) }
            }
        }
        for (e, path) in layout.paths.enumerated() {
            let side = labelSide(e)
            if side.left {
                lines.write(edges[e].label, x: start[path[0].column] + columnWidth[path[0].column] + 1, y: path[0].row)
            }
            if side.right {
                let c = path[path.count - 2].column
                lines.write(edges[e].label, x: turn[c] + 2, y: path.last!.row)
            }
        }
        return ([title] + lines.rendered()).map(trimTrailing).joined(separator: "\n")
    }

    /// Nodes in columns (boxed ones in rounded frames), edges as lines with arrowheads, passing
    /// through the columns they skip; labels above the first piece of their edge. A node is as wide
    /// as its label (measured in `TextStyle.label`) with 8 px each side, at least 36 px; the gap
    /// between columns fits the widest edge label the same way, at least 72 px.
    public func svg() -> String {
        let layout = self.layout
        let boxWidth = nodes.map { max(36, 16 + TextStyle.label.width($0.label)) }
        let columnWidth = layout.columns.map { column in
            column.map { item -> Double in
                if case .node(let n) = item.item { return boxWidth[n] }
                return 0
            }.max() ?? 0
        }
        let gap = max(72, 16 + (edges.map { TextStyle.label.width($0.label) }.max() ?? 0))
        var x = [24.0]
        for c in columnWidth.indices.dropLast() { x.append(x[c] + columnWidth[c] + gap) }
        let center = { (c: Int) in x[c] + columnWidth[c] / 2 }
        let rowY = { (r: Int) in 64 + 48 * Double(r) }
        let width = figureWidth(content: (x.last ?? 0) + (columnWidth.last ?? 0) + 24, title: title)
        let height = rowY(layout.rowCount - 1) + 40

        var svg = SVGWriter()
        svg.text(title, x: width / 2, y: 24, anchor: "middle", cls: "title")
        let index = lastValueByKey(nodes.enumerated().map { ($1.id, $0) })
        // Edges into the same node arrive spread over its left side, in the order of the rows they come from.
        var arrival = [Int: Double]()
        for n in nodes.indices {
            let into = layout.paths.indices.filter { index[edges[$0].to]! == n }
                .sorted { (layout.paths[$0].dropLast().last!.row, $0) < (layout.paths[$1].dropLast().last!.row, $1) }
            let step = into.count > 1 ? min(8, 20 / Double(into.count - 1)) : 0
            for (i, e) in into.enumerated() { arrival[e] = (Double(i) - Double(into.count - 1) / 2) * step }
        }
        for (e, path) in layout.paths.enumerated() {
            let (source, target) = (index[edges[e].from]!, index[edges[e].to]!)
            var points = path.map { (center($0.column), rowY($0.row)) }
            points[0].0 += boxWidth[source] / 2
            points[points.count - 1].0 -= boxWidth[target] / 2 + 2
            points[points.count - 1].1 += arrival[e]!
            svg.element("polyline", [("points", attributeText(SVGWriter.points(points))), ("class", attributeText("edge"))])
            svg.add(Self.arrowhead(from: points[points.count - 2], to: points[points.count - 1]))
            if !edges[e].label.isEmpty {
                let (a, b) = (points[0], points[1])
                svg.text(edges[e].label, x: a.0 + (b.0 - a.0) * 0.4, y: a.1 + (b.1 - a.1) * 0.4 - 6,
                         anchor: "middle", cls: "elabel")
            }
        }
        for column in layout.columns {
            for (item, row) in column {
                guard case .node(let n) = item else { continue }
                let cx = center(layout.nodeColumn[n]), cy = rowY(row)
                if nodes[n].boxed {
                    svg.element("rect", [("x", attributeText(cx - boxWidth[n] / 2)), ("y", attributeText(cy - 14)), ("width", attributeText(boxWidth[n])),
                                         ("height", attributeText(28.0)), ("rx", attributeText(6.0)), ("class", attributeText("node"))])
                }
                svg.text(nodes[n].label, x: cx, y: cy + 4, anchor: "middle")
            }
        }
        let css = [
            ".node{fill:none;stroke:currentColor;stroke-width:1.5}",
            ".edge{fill:none;stroke:currentColor;stroke-opacity:.7}",
            ".head{fill:currentColor;fill-opacity:.7}",
            ".elabel{font-style:italic}",
        ]
        return svg.document(width: width, height: height, title: title, description: altText, css: css)
    }

    /// A filled triangle pointing from `a` to `b`, its tip at `b`.
    static func arrowhead(from a: (Double, Double), to b: (Double, Double)) -> String {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1)
        let length = max(1e-9, (dx * dx + dy * dy).squareRoot())
        let (ux, uy) = (dx / length, dy / length)
        let corners = [(b.0, b.1), (b.0 - 8 * ux - 4 * uy, b.1 - 8 * uy + 4 * ux), (b.0 - 8 * ux + 4 * uy, b.1 - 8 * uy - 4 * ux)]
        return "<polygon points=\"\(SVGWriter.points(corners))\" class=\"head\"/>"
    }
}

/// A grid of characters on which lines are drawn as box-drawing characters: each cell remembers
/// which of its four sides lines leave by, so crossings and branches get the right junction.
struct BoxCanvas {
    private var text: [[Character]]
    private var sides: [[UInt8]]  // bits: 1 up, 2 down, 4 right, 8 left
    private static let glyphs: [UInt8: Character] = [
        1: "│", 2: "│", 3: "│", 4: "─", 8: "─", 12: "─", 6: "┌", 10: "┐", 5: "└", 9: "┘",
        7: "├", 11: "┤", 14: "┬", 13: "┴", 15: "┼",
    ]

    init(width: Int, height: Int) {
        text = [[Character]](repeating: [Character](repeating: " ", count: max(0, width)), count: max(0, height))
        sides = [[UInt8]](repeating: [UInt8](repeating: 0, count: max(0, width)), count: max(0, height))
    }

    /// Writes `string` from column x of row y (over any line), clipped to the canvas.
    mutating func write(_ string: String, x: Int, y: Int) {
        for (i, c) in string.enumerated() where x + i >= 0 && x + i < text[y].count {
            text[y][x + i] = c
            sides[y][x + i] = 0
        }
    }

    /// A line along row y from column `from` to column `to` (inclusive), open at both ends.
    mutating func horizontal(y: Int, from: Int, to: Int) {
        guard from < to else { return }
        for x in from...to where x >= 0 && x < sides[y].count {
            sides[y][x] |= (x > from ? 8 : 0) | (x < to ? 4 : 0)
        }
    }

    /// A line along column x from row `from` to row `to` (either order).
    mutating func vertical(x: Int, from: Int, to: Int) {
        let (top, bottom) = (min(from, to), max(from, to))
        guard top < bottom else { return }
        for y in top...bottom { sides[y][x] |= (y > top ? 1 : 0) | (y < bottom ? 2 : 0) }
    }

    /// The rows as strings: written text, else the line glyph, else a space.
    func rendered() -> [String] {
        zip(text, sides).map { chars, bits in
            String(zip(chars, bits).map { c, b in b == 0 ? c : Self.glyphs[b] ?? c })
        }
    }
}
