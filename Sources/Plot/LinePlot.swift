// Line plots of one or more series, such as activation functions or loss curves.

/// A line plot of one or more series against a shared x axis.
public struct LinePlot: Figure {
    /// Shown above the plot.
    public var title: String
    /// Shown centred under the x axis.
    public var xLabel: String
    /// Shown above the y axis.
    public var yLabel: String
    /// The curves, drawn in order (later ones over earlier ones).
    public var series: [Series]
    /// The visible x range; nil = from the data, widened to nice ticks.
    public var xRange: ClosedRange<Double>?
    /// The visible y range; nil = from the data (non-finite values are skipped), widened to nice ticks.
    public var yRange: ClosedRange<Double>?
    /// Width of the ASCII plot area in characters.
    public var width: Int = 60
    /// Height of the ASCII plot area in rows.
    public var height: Int = 16
    /// A log10 y axis (useful for vanishing gradients); non-positive values are skipped,
    /// and a `yRange` that is not all positive is ignored.
    public var logY: Bool = false

    /// The characters marking the series in ASCII, in order.
    static let markers: [Character] = ["*", "o", "+", "x", "#", "@"]

    /// A plot with the given labels and (optionally) series and ranges.
    public init(title: String, xLabel: String, yLabel: String, series: [Series] = [],
                xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil) {
        (self.title, self.xLabel, self.yLabel, self.series) = (title, xLabel, yLabel, series)
        (self.xRange, self.yRange) = (xRange, yRange)
    }

    /// Appends a series, drawn over the existing ones.
    public mutating func add(_ s: Series) {
        series.append(s)
    }

    /// The two axes: fixed ranges as given, otherwise the data's extent widened to nice ticks.
    func scales(xTarget: Int, yTarget: Int) -> (x: AxisScale, y: AxisScale) {
        let points = series.flatMap { $0.points(logY: logY) }.compactMap { $0 }
        let xs = points.map { $0.x }
        let x = axis(fixed: xRange, data: xs, target: xTarget, log: false)
        // With a fixed x range, only the points inside it decide the y range.
        let ys = points.filter { $0.x >= x.lower && $0.x <= x.upper }.map { $0.y }
        var fixedY = yRange
        if logY, let r = yRange {
            fixedY = r.lowerBound > 0 ? base10Log(r.lowerBound)...base10Log(r.upperBound) : nil
        }
        return (x, axis(fixed: fixedY, data: ys, target: yTarget, log: logY))
    }

    private func axis(fixed: ClosedRange<Double>?, data: [Double], target: Int, log: Bool) -> AxisScale {
        if let fixed {
            return AxisScale(lower: fixed.lowerBound, upper: fixed.upperBound, expand: false, target: target, log: log)
        }
        return AxisScale(lower: data.min() ?? 0, upper: data.max() ?? 1, expand: true, target: target, log: log)
    }

    /// A sentence describing the plot, used as the SVG's alt text.
    var altText: String {
        let (x, y) = scales(xTarget: 8, yTarget: 6)
        let names = series.map { $0.name }
        let list = names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
        return "Line plot of \(list.isEmpty ? "nothing" : list) against \(xLabel.isEmpty ? "x" : xLabel) "
            + "from \(x.describe(x.lower)) to \(x.describe(x.upper)); \(yLabel.isEmpty ? "y" : yLabel) "
            + "from \(y.describe(y.lower)) to \(y.describe(y.upper))" + (logY ? " (log scale)." : ".")
    }

    // MARK: - Text

    /// Title, y label, the framed plot area with tick labels, the x label and a legend line.
    public func ascii() -> String {
        let (width, height) = (max(2, self.width), max(2, self.height))
        let (xs, ys) = scales(xTarget: max(2, width / 10), yTarget: max(2, height / 4))
        let column = { (x: Double) in Self.cell(at: (x - xs.lower) / xs.span, of: width) }
        let row = { (y: Double) in Self.cell(at: (ys.upper - y) / ys.span, of: height) }

        var canvas = [[Character]](repeating: [Character](repeating: " ", count: width), count: height)
        if !logY && ys.lower < 0 && ys.upper > 0 {
            canvas[row(0)] = [Character](repeating: "-", count: width)
        }
        let box = Box(xMin: xs.lower, xMax: xs.upper, yMin: ys.lower, yMax: ys.upper)
        for (index, s) in series.enumerated() {
            let marker = Self.markers[index % Self.markers.count]
            for run in s.visibleRuns(in: box, logY: logY) {
                let cells = run.map { (column($0.x), row($0.y)) }
                for (a, b) in zip(cells, cells.dropFirst()) { Self.drawSegment(a, b, marker, on: &canvas) }
                if cells.count == 1 { canvas[cells[0].1][cells[0].0] = marker }
            }
        }

        // Left of the plot: tick labels right-aligned, then the y axis with "+" at each tick.
        let tickRows = lastValueByKey(Array(zip(ys.ticks.map(row), ys.labels)))
        let labelWidth = ys.labels.map { $0.count }.max() ?? 0
        var lines = [title]
        if !yLabel.isEmpty { lines.append(yLabel) }
        for (r, cells) in canvas.enumerated() {
            let label = padLeft(tickRows[r] ?? "", labelWidth)
            lines.append(label + " " + (tickRows[r] == nil ? "|" : "+") + String(cells))
        }
        // Below: the x axis with "+" at each tick, the tick labels centred on them, the x label.
        let left = labelWidth + 2
        let tickColumns = xs.ticks.map(column)
        var axis = [Character](repeating: "-", count: width)
        for c in tickColumns { axis[c] = "+" }
        lines.append(String(repeating: " ", count: left - 1) + "+" + String(axis))
        var labelLine = ""
        for (c, label) in zip(tickColumns, xs.labels) {
            let start = max(0, left + c - label.count / 2)
            // Skip a label that would touch the previous one.
            guard labelLine.isEmpty || start > labelLine.count else { continue }
            labelLine += String(repeating: " ", count: start - labelLine.count) + label
        }
        lines.append(labelLine)
        if !xLabel.isEmpty {
            lines.append(String(repeating: " ", count: max(0, left + (width - xLabel.count) / 2)) + xLabel)
        }
        if !series.isEmpty {
            let entries = series.enumerated().map { "\(Self.markers[$0 % Self.markers.count]) \($1.name)" }
            lines.append(entries.joined(separator: "   "))
        }
        return lines.map(trimTrailing).joined(separator: "\n")
    }

    /// The cell (of `count`) nearest to `fraction` (0...1) of the way along, clamped to the area.
    static func cell(at fraction: Double, of count: Int) -> Int {
        min(count - 1, max(0, Int((fraction * Double(count - 1)).rounded())))
    }

    /// Marks every cell on the way from a to b (column, row), so the curve has no gaps.
    static func drawSegment(_ a: (Int, Int), _ b: (Int, Int), _ marker: Character, on canvas: inout [[Character]]) {
        let (dc, dr) = (b.0 - a.0, b.1 - a.1)
        let steps = max(abs(dc), abs(dr), 1)
        for i in 0...steps {
            let c = a.0 + Int((Double(dc * i) / Double(steps)).rounded())
            let r = a.1 + Int((Double(dr * i) / Double(steps)).rounded())
            canvas[r][c] = marker
        }
    }
}
