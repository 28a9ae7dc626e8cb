// The SVG rendering of decision regions: tinted cells per class, framed with ticks, points on top.

extension DecisionRegions {
    /// Title, a legend (each class's marker and tint), the plane as tinted rectangles (one per run of
    /// equal class along a grid row), a frame with ticks and labels, and the points as markers whose
    /// shape and colour give their true class (circle, square, triangle, diamond, then again).
    public func svg() -> String {
        let aspect = Self.aspect(xRange, yRange)
        let (plotWidth, plotHeight) = aspect >= 1 ? (400 / aspect, 400.0) : (400.0, 400 * aspect)
        let left = 64.0
        var svg = SVGWriter()

        // Legend under the title, wrapping onto more rows when needed.
        let legendWidth = classNames.map { 56 + 7 * Double($0.count) }.reduce(0, +)
        let width = figureWidth(content: max(left + plotWidth + 24, min(640, left + legendWidth)), title: title)
        svg.text(title, x: width / 2, y: 24, anchor: "middle", cls: "title")
        let legendY = drawLegend(into: &svg, left: left, width: width)
        let top = legendY + 16, bottom = top + plotHeight, right = left + plotWidth
        let height = bottom + 56

        drawRegions(into: &svg, left: left, top: top, width: plotWidth, height: plotHeight)
        drawFrame(into: &svg, left: left, top: top, width: plotWidth, height: plotHeight, ticks: 5)
        if !xLabel.isEmpty { svg.text(xLabel, x: (left + right) / 2, y: height - 12, anchor: "middle") }
        if !yLabel.isEmpty {
            svg.text(yLabel, x: 0, y: 0, anchor: "middle",
                     extra: [("transform", attributeText("translate(16 \(formatNumber((top + bottom) / 2))) rotate(-90)"))])
        }
        drawPoints(into: &svg, left: left, top: top, width: plotWidth, height: plotHeight)
        return svg.document(width: width, height: height, title: title, description: altText, css: Self.css)
    }

    /// The style rules of a regions figure: a fill per class, light tints, framed markers.
    static let css = Palette.series.enumerated().map { index, style in ".s\(index){fill:\(style.color)}" } + [
        ".region{fill-opacity:.22}",
        ".pt{stroke:currentColor;stroke-width:.75}",
        ".axis{stroke:currentColor}",
        ".frame{fill:none;stroke:currentColor}",
    ]

    /// The legend from (left, 48): each class's tint with its marker and name, wrapping onto more
    /// rows of 20 px before `width`. Returns the baseline of its last row.
    func drawLegend(into svg: inout SVGWriter, left: Double, width: Double) -> Double {
        var (legendX, legendY) = (left, 48.0)
        for (k, name) in classNames.enumerated() {
            let itemWidth = 56 + 7 * Double(name.count)
            if legendX > left && legendX + itemWidth > width - 8 { (legendX, legendY) = (left, legendY + 20) }
            svg.element("rect", [("x", attributeText(legendX)), ("y", attributeText(legendY - 12)), ("width", attributeText(24.0)), ("height", attributeText(14.0)),
                                 ("class", attributeText("region " + LinePlot.seriesClass(k)))])
            Self.drawMarker(k, at: (legendX + 12, legendY - 5), into: &svg)
            svg.text(name, x: legendX + 30, y: legendY)
            legendX += itemWidth
        }
        return legendY
    }

    /// The tinted plane in the rectangle at (left, top): one rectangle per run of equal class along
    /// each row of the fine grid, the cell of sample (c, r) reaching halfway to its neighbours.
    func drawRegions(into svg: inout SVGWriter, left: Double, top: Double, width: Double, height: Double) {
        let (columns, rows) = (fineGrid.columns, fineGrid.rows)
        let edgeX = { (c: Double) in left + min(1, max(0, (c - 0.5) / Double(columns - 1))) * width }
        let edgeY = { (r: Double) in top + min(1, max(0, (r - 0.5) / Double(rows - 1))) * height }
        var byClass = [Int: [String]]()
        for r in 0..<rows {
            var c = 0
            while c < columns {
                let k = fineGrid[c, r]
                var end = c + 1
                while end < columns && fineGrid[end, r] == k { end += 1 }
                let (x0, x1) = (edgeX(Double(c)), edgeX(Double(end)))
                let (y0, y1) = (edgeY(Double(r)), edgeY(Double(r + 1)))
                byClass[k, default: []].append("<rect" + SVGWriter.attributes(
                    [("x", attributeText(x0)), ("y", attributeText(y0)), ("width", attributeText(x1 - x0)), ("height", attributeText(y1 - y0))]) + "/>")
                c = end
            }
        }
        svg.add("<g shape-rendering=\"crispEdges\">")
        for k in byClass.keys.sorted() {
            svg.add("<g class=\"region \(LinePlot.seriesClass(k))\">" + byClass[k]!.joined() + "</g>")
        }
        svg.add("</g>")
    }

    /// The axes' scales for a plot area, with about `ticks` ticks each.
    func scales(ticks: Int) -> (x: AxisScale, y: AxisScale) {
        (AxisScale(lower: xRange.lowerBound, upper: xRange.upperBound, expand: false, target: ticks, log: false),
         AxisScale(lower: yRange.lowerBound, upper: yRange.upperBound, expand: false, target: ticks, log: false))
    }

    /// Tick marks and labels under and left of the rectangle at (left, top), then its frame.
    func drawFrame(into svg: inout SVGWriter, left: Double, top: Double, width: Double, height: Double,
                   ticks: Int) {
        let (xs, ys) = scales(ticks: ticks)
        let bottom = top + height
        let px = { (x: Double) in left + (x - xs.lower) / xs.span * width }
        let py = { (y: Double) in bottom - (y - ys.lower) / ys.span * height }
        for (x, label) in zip(xs.ticks, xs.labels) {
            svg.line(px(x), bottom, px(x), bottom + 5, cls: "axis")
            svg.text(label, x: px(x), y: bottom + 19, anchor: "middle")
        }
        for (y, label) in zip(ys.ticks, ys.labels) {
            svg.line(left - 5, py(y), left, py(y), cls: "axis")
            svg.text(label, x: left - 8, y: py(y) + 4, anchor: "end")
        }
        svg.element("rect", [("x", attributeText(left)), ("y", attributeText(top)), ("width", attributeText(width)), ("height", attributeText(height)), ("class", attributeText("frame"))])
    }

    /// The training points inside the ranges, as markers of their true class, over the rectangle at (left, top).
    func drawPoints(into svg: inout SVGWriter, left: Double, top: Double, width: Double, height: Double) {
        let (xs, ys) = scales(ticks: 5)
        let px = { (x: Double) in left + (x - xs.lower) / xs.span * width }
        let py = { (y: Double) in top + height - (y - ys.lower) / ys.span * height }
        for p in points where p.x.isFinite && p.y.isFinite && xRange.contains(p.x) && yRange.contains(p.y) {
            Self.drawMarker(p.label, at: (px(p.x), py(p.y)), into: &svg)
        }
    }

    /// The marker of class k centred at `at`: a circle, square, triangle or diamond (cycled), 7 px across.
    static func drawMarker(_ k: Int, at: (x: Double, y: Double), into svg: inout SVGWriter) {
        let cls = "pt " + LinePlot.seriesClass(k)
        let (x, y) = at
        func polygon(_ corners: [(Double, Double)]) {
            svg.element("polygon", [("points", attributeText(SVGWriter.points(corners.map { (x + $0.0, y + $0.1) }))), ("class", attributeText(cls))])
        }
        switch k % 4 {
        case 0: svg.element("circle", [("cx", attributeText(x)), ("cy", attributeText(y)), ("r", attributeText(3.5)), ("class", attributeText(cls))])
        case 1: svg.element("rect", [("x", attributeText(x - 3)), ("y", attributeText(y - 3)), ("width", attributeText(6.0)), ("height", attributeText(6.0)), ("class", attributeText(cls))])
        case 2: polygon([(0, -4), (3.8, 3), (-3.8, 3)])
        default: polygon([(0, -4.2), (4.2, 0), (0, 4.2), (-4.2, 0)])
        }
    }
}
