// The SVG rendering of a line plot: 640 × 400 (wider when its title needs it), styled with classes so it
// follows the page's colours.

extension LinePlot {
    /// Title, legend, light grid, axes with tick labels, axis labels and one `<polyline>` per visible
    /// piece of each series (a `<circle>` for a lone point).
    public func svg() -> String {
        let (width, height) = (figureWidth(content: 640, title: title), 400.0)
        let (left, right, bottom) = (64.0, width - 16, height - 56)
        var svg = SVGWriter()
        svg.text(title, x: width / 2, y: 24, anchor: "middle", cls: "title")

        // Legend under the title, wrapping onto more rows when needed.
        var (legendX, legendY) = (left, 48.0)
        for (index, s) in series.enumerated() {
            let itemWidth = 52 + 7 * Double(s.name.count)
            if legendX > left && legendX + itemWidth > right { (legendX, legendY) = (left, legendY + 18) }
            svg.line(legendX, legendY - 4, legendX + 28, legendY - 4, cls: "line " + Self.seriesClass(index))
            svg.text(s.name, x: legendX + 34, y: legendY)
            legendX += itemWidth
        }
        let top = series.isEmpty ? 40 : legendY + 16

        let (xs, ys) = scales(xTarget: 8, yTarget: 6)
        let px = { (x: Double) in left + (x - xs.lower) / xs.span * (right - left) }
        let py = { (y: Double) in bottom - (y - ys.lower) / ys.span * (bottom - top) }
        for (x, label) in zip(xs.ticks, xs.labels) {
            svg.line(px(x), top, px(x), bottom, cls: "grid")
            svg.line(px(x), bottom, px(x), bottom + 5, cls: "axis")
            svg.text(label, x: px(x), y: bottom + 19, anchor: "middle")
        }
        for (y, label) in zip(ys.ticks, ys.labels) {
            svg.line(left, py(y), right, py(y), cls: "grid")
            svg.line(left - 5, py(y), left, py(y), cls: "axis")
            svg.text(label, x: left - 8, y: py(y) + 4, anchor: "end")
        }
        if !logY && ys.lower < 0 && ys.upper > 0 { svg.line(left, py(0), right, py(0), cls: "zero") }
        svg.line(left, top, left, bottom, cls: "axis")
        svg.line(left, bottom, right, bottom, cls: "axis")
        if !xLabel.isEmpty { svg.text(xLabel, x: (left + right) / 2, y: height - 12, anchor: "middle") }
        if !yLabel.isEmpty {
            svg.text(yLabel, x: 0, y: 0, anchor: "middle",
                     extra: [("transform", attributeText("translate(16 \(formatNumber((top + bottom) / 2))) rotate(-90)"))])
        }

        let box = Box(xMin: xs.lower, xMax: xs.upper, yMin: ys.lower, yMax: ys.upper)
        for (index, s) in series.enumerated() {
            for run in s.visibleRuns(in: box, logY: logY) {
                if run.count == 1 {
                    svg.element("circle", [("cx", attributeText(px(run[0].x))), ("cy", attributeText(py(run[0].y))), ("r", attributeText(2.5)),
                                           ("class", attributeText(Self.seriesClass(index)))])
                } else {
                    svg.element("polyline", [("points", attributeText(SVGWriter.points(run.map { (px($0.x), py($0.y)) }))),
                                             ("class", attributeText("line " + Self.seriesClass(index)))])
                }
            }
        }
        let seriesCSS = Palette.series.enumerated().map { index, style in
            let dash = style.dash.map { ";stroke-dasharray:" + $0 } ?? ""
            return ".s\(index){stroke:\(style.color);fill:\(style.color)\(dash)}"
        }
        let css = seriesCSS + [
            ".line{fill:none;stroke-width:2;stroke-linejoin:round}",
            ".axis{stroke:currentColor}",
            ".grid{stroke:currentColor;stroke-opacity:.12}",
            ".zero{stroke:currentColor;stroke-opacity:.45}",
        ]
        return svg.document(width: width, height: height, title: title, description: altText, css: css)
    }

    /// The CSS class of the index-th series (colours and dashes cycle after six).
    static func seriesClass(_ index: Int) -> String {
        "s\(index % Palette.series.count)"
    }
}
