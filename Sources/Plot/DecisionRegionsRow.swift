// Decision regions of several classifiers side by side on the same plane and points (one network
// before and after training, or one problem under three regularizers), as text and as SVG.

/// `DecisionRegions` panels in a row that share their ranges, classes and legend. The text puts the
/// framed planes next to each other, each under its own title and over its count of points in their
/// own region; the SVG draws compact panels side by side, so that the row fits a page's width.
public struct DecisionRegionsRow: Figure {
    /// Shown above the row.
    public var title: String
    /// The panels, left to right; their own titles label them.
    public var panels: [DecisionRegions]

    /// Columns between two panels in the text.
    static let gap = 3

    /// A row of panels that show the same ranges and classes (the legend and the axes are shared).
    public init(title: String, panels: [DecisionRegions]) {
        precondition(!panels.isEmpty, "DecisionRegionsRow: needs at least one panel")
        let first = panels[0]
        precondition(panels.allSatisfy { $0.xRange == first.xRange && $0.yRange == first.yRange },
                     "DecisionRegionsRow: every panel must show the same x and y ranges")
        precondition(panels.allSatisfy { $0.classNames == first.classNames },
                     "DecisionRegionsRow: every panel must name the same classes")
        (self.title, self.panels) = (title, panels)
    }

    /// The short count under a panel, e.g. "59 of 60 in own region".
    static func count(_ panel: DecisionRegions) -> String {
        "\(panel.pointsInOwnRegion) of \(panel.points.count) in own region"
    }

    /// "x₁ from -1 to 1", as the axes' ends are printed.
    func axisNote(_ label: String, _ range: ClosedRange<Double>, fallback: String) -> String {
        let axis = AxisScale(lower: range.lowerBound, upper: range.upperBound, expand: false, target: 4, log: false)
        return "\(label.isEmpty ? fallback : label) from \(axis.describe(axis.lower)) to \(axis.describe(axis.upper))"
    }

    /// The SVG's alt text: how many panels, then each panel's title and description.
    var altText: String {
        "\(panels.count) panels of decision regions, left to right. "
            + panels.map { "\($0.title): \($0.altText)" }.joined(separator: " ")
    }

    // MARK: - Text

    /// Title; the panels' titles; the framed planes side by side (shades and markers as in
    /// `DecisionRegions`); each panel's count of points in their own region; the axes' ranges; the legend.
    public func ascii() -> String {
        let first = panels[0]
        let canvases = panels.map { $0.shadedCanvas() }
        let widths = zip(panels, canvases).map { panel, canvas in
            max(canvas[0].count + 2, panel.title.count, Self.count(panel).count)
        }
        let height = canvases.map(\.count).max() ?? 0
        func row(_ cells: [String]) -> String {
            zip(cells, widths).map { $0 + String(repeating: " ", count: max(0, $1 - $0.count)) }
                .joined(separator: String(repeating: " ", count: Self.gap))
        }
        var lines = [title, row(panels.map(\.title))]
        let border = canvases.map { "+" + String(repeating: "-", count: $0[0].count) + "+" }
        lines.append(row(border))
        for r in 0..<height {
            lines.append(row(canvases.map { r < $0.count ? "|" + String($0[r]) + "|" : "" }))
        }
        lines.append(row(border))
        lines.append(row(panels.map(Self.count)))
        lines.append("each panel: " + axisNote(first.xLabel, first.xRange, fallback: "x") + " (left to right), "
                     + axisNote(first.yLabel, first.yRange, fallback: "y") + " (bottom to top)")
        lines.append(first.classNames.indices.map { k in
            "\(DecisionRegions.markers[k % DecisionRegions.markers.count]) \(first.classNames[k]) on "
                + "'\(DecisionRegions.shades[k % DecisionRegions.shades.count])'"
        }.joined(separator: "   "))
        return lines.map(trimTrailing).joined(separator: "\n")
    }

    // MARK: - SVG

    /// The side of a panel's plotted square (the longer side when the plane is not square), in pixels.
    static let panelSide = 210.0

    /// Title, the shared legend, then each panel: its title, the tinted plane with ticks and the points
    /// (markers as in `DecisionRegions.svg()`), and its count under it.
    public func svg() -> String {
        let first = panels[0]
        let aspect = DecisionRegions.aspect(first.xRange, first.yRange)
        let (plotWidth, plotHeight) = aspect >= 1 ? (Self.panelSide / aspect, Self.panelSide)
                                                  : (Self.panelSide, Self.panelSide * aspect)
        let (marginLeft, marginRight, gap) = (40.0, 12.0, 20.0)
        let panelWidth = marginLeft + plotWidth + marginRight
        let width = max(16 + Double(panels.count) * panelWidth + Double(panels.count - 1) * gap,
                        16 + 8 * Double(title.count))
        var svg = SVGWriter()
        svg.text(title, x: width / 2, y: 24, anchor: "middle", cls: "title")

        // The shared legend, wrapping onto more rows when needed.
        var (legendX, legendY) = (16.0, 48.0)
        for (k, name) in first.classNames.enumerated() {
            let itemWidth = 56 + 7 * Double(name.count)
            if legendX > 16 && legendX + itemWidth > width - 8 { (legendX, legendY) = (16, legendY + 20) }
            svg.element("rect", [("x", legendX), ("y", legendY - 12), ("width", 24.0), ("height", 14.0),
                                 ("class", "region " + LinePlot.seriesClass(k))])
            DecisionRegions.drawMarker(k, at: (legendX + 12, legendY - 5), into: &svg)
            svg.text(name, x: legendX + 30, y: legendY)
            legendX += itemWidth
        }

        let top = legendY + 40, bottom = top + plotHeight
        for (i, panel) in panels.enumerated() {
            let left = 8 + Double(i) * (panelWidth + gap) + marginLeft
            svg.text(panel.title, x: left + plotWidth / 2, y: top - 10, anchor: "middle", cls: "panel")
            panel.drawPlane(into: &svg, left: left, top: top, width: plotWidth, height: plotHeight)
            svg.text(Self.count(panel), x: left + plotWidth / 2, y: bottom + 38, anchor: "middle")
        }
        let labelsY = bottom + 58
        if !first.xLabel.isEmpty || !first.yLabel.isEmpty {
            svg.text("each panel: " + axisNote(first.xLabel, first.xRange, fallback: "x") + " across, "
                     + axisNote(first.yLabel, first.yRange, fallback: "y") + " up",
                     x: width / 2, y: labelsY, anchor: "middle")
        }
        let css = Palette.series.enumerated().map { index, style in ".s\(index){fill:\(style.color)}" } + [
            ".region{fill-opacity:.22}", ".pt{stroke:currentColor;stroke-width:.75}",
            ".axis{stroke:currentColor}", ".frame{fill:none;stroke:currentColor}",
            ".panel{font-size:13px;font-weight:bold}",
        ]
        return svg.document(width: Int(width.rounded(.up)), height: Int((labelsY + 12).rounded(.up)),
                            title: title, description: altText, css: css)
    }
}

extension DecisionRegions {
    /// The text grid as characters: each cell shaded by its predicted class, each point drawn over it
    /// with its true class's marker (row 0 at the top).
    func shadedCanvas() -> [[Character]] {
        let (width, height) = (textGrid.columns, textGrid.rows)
        var canvas = (0..<height).map { r in
            (0..<width).map { c in Self.shades[textGrid[c, r] % Self.shades.count] }
        }
        for p in points where p.x.isFinite && p.y.isFinite {
            let fx = (p.x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
            let fy = (yRange.upperBound - p.y) / (yRange.upperBound - yRange.lowerBound)
            guard (0...1).contains(fx) && (0...1).contains(fy) else { continue }
            canvas[LinePlot.cell(at: fy, of: height)][LinePlot.cell(at: fx, of: width)] =
                Self.markers[p.label % Self.markers.count]
        }
        return canvas
    }

    /// Draws the tinted plane (runs of equal class along each row of the fine grid), its frame with
    /// ticks and tick labels, and the points, into the rectangle at (left, top) of the given size.
    func drawPlane(into svg: inout SVGWriter, left: Double, top: Double, width: Double, height: Double) {
        let (columns, rows) = (fineGrid.columns, fineGrid.rows)
        let edgeX = { (c: Int) in left + min(1, max(0, (Double(c) - 0.5) / Double(columns - 1))) * width }
        let edgeY = { (r: Int) in top + min(1, max(0, (Double(r) - 0.5) / Double(rows - 1))) * height }
        var byClass = [Int: [String]]()
        for r in 0..<rows {
            var c = 0
            while c < columns {
                let k = fineGrid[c, r]
                var end = c + 1
                while end < columns && fineGrid[end, r] == k { end += 1 }
                byClass[k, default: []].append("<rect" + SVGWriter.attributes(
                    [("x", edgeX(c)), ("y", edgeY(r)), ("width", edgeX(end) - edgeX(c)),
                     ("height", edgeY(r + 1) - edgeY(r))]) + "/>")
                c = end
            }
        }
        svg.add("<g shape-rendering=\"crispEdges\">")
        for k in byClass.keys.sorted() {
            svg.add("<g class=\"region \(LinePlot.seriesClass(k))\">" + byClass[k]!.joined() + "</g>")
        }
        svg.add("</g>")
        let xs = AxisScale(lower: xRange.lowerBound, upper: xRange.upperBound, expand: false, target: 3, log: false)
        let ys = AxisScale(lower: yRange.lowerBound, upper: yRange.upperBound, expand: false, target: 3, log: false)
        let px = { (x: Double) in left + (x - xs.lower) / xs.span * width }
        let py = { (y: Double) in top + height - (y - ys.lower) / ys.span * height }
        for (x, label) in zip(xs.ticks, xs.labels) {
            svg.line(px(x), top + height, px(x), top + height + 5, cls: "axis")
            svg.text(label, x: px(x), y: top + height + 18, anchor: "middle")
        }
        for (y, label) in zip(ys.ticks, ys.labels) {
            svg.line(left - 5, py(y), left, py(y), cls: "axis")
            svg.text(label, x: left - 8, y: py(y) + 4, anchor: "end")
        }
        svg.element("rect", [("x", left), ("y", top), ("width", width), ("height", height), ("class", "frame")])
        for p in points where p.x.isFinite && p.y.isFinite && xRange.contains(p.x) && yRange.contains(p.y) {
            Self.drawMarker(p.label, at: (px(p.x), py(p.y)), into: &svg)
        }
    }

    /// The marker of class k centred at `at`: a circle, square, triangle or diamond (cycled), as in
    /// `svg()`.
    static func drawMarker(_ k: Int, at: (x: Double, y: Double), into svg: inout SVGWriter) {
        let cls = "pt " + LinePlot.seriesClass(k)
        let (x, y) = at
        func polygon(_ corners: [(Double, Double)]) {
            let list = corners.map { formatNumber(x + $0.0) + "," + formatNumber(y + $0.1) }.joined(separator: " ")
            svg.element("polygon", [("points", list), ("class", cls)])
        }
        switch k % 4 {
        case 0: svg.element("circle", [("cx", x), ("cy", y), ("r", 3.5), ("class", cls)])
        case 1: svg.element("rect", [("x", x - 3), ("y", y - 3), ("width", 6.0), ("height", 6.0), ("class", cls)])
        case 2: polygon([(0, -4), (3.8, 3), (-3.8, 3)])
        default: polygon([(0, -4.2), (4.2, 0), (0, 4.2), (-4.2, 0)])
        }
    }
}
