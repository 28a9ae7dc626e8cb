// Decision regions: the plane shaded by what a classifier predicts there, with the training points on top.

/// Classes predicted on a regular grid of the plane: `classes[row * columns + column]`, row 0 at the
/// top (the largest y), column 0 at the left; cell (c, r) stands for the point
/// (xLower + c/(columns−1)·xSpan, yUpper − r/(rows−1)·ySpan), so the corners are sampled.
public struct ClassGrid: Sendable, Equatable {
    /// Grid points across (at least 2).
    public var columns: Int
    /// Grid points down (at least 2).
    public var rows: Int
    /// The class (0, 1, 2, ...) predicted at each point, row by row from the top.
    public var classes: [Int]

    /// A grid of `columns`×`rows` predicted classes, row by row from the top.
    public init(columns: Int, rows: Int, classes: [Int]) {
        precondition(columns >= 2 && rows >= 2, "ClassGrid: need at least 2×2 cells, got \(columns)×\(rows)")
        precondition(classes.count == columns * rows, "ClassGrid: \(classes.count) classes for \(columns)×\(rows)")
        precondition(classes.allSatisfy { $0 >= 0 }, "ClassGrid: classes are 0, 1, 2, ...")
        (self.columns, self.rows, self.classes) = (columns, rows, classes)
    }

    /// Samples `classify` at the grid's points over the given ranges.
    init(columns: Int, rows: Int, x: ClosedRange<Double>, y: ClosedRange<Double>,
         classifyAll: ([(x: Double, y: Double)]) -> [Int]) {
        let points = ClassGrid.samplePoints(columns: columns, rows: rows, x: x, y: y)
        let classes = classifyAll(points)
        precondition(classes.count == points.count, "DecisionRegions: \(classes.count) classes for \(points.count) points")
        self.init(columns: columns, rows: rows, classes: classes)
    }

    /// The points a grid of this size samples, row by row from the top.
    static func samplePoints(columns: Int, rows: Int, x: ClosedRange<Double>,
                             y: ClosedRange<Double>) -> [(x: Double, y: Double)] {
        let (xSpan, ySpan) = (x.upperBound - x.lowerBound, y.upperBound - y.lowerBound)
        var points: [(x: Double, y: Double)] = []
        for r in 0..<rows {
            let py = y.upperBound - Double(r) / Double(rows - 1) * ySpan
            for c in 0..<columns { points.append((x.lowerBound + Double(c) / Double(columns - 1) * xSpan, py)) }
        }
        return points
    }

    subscript(column: Int, row: Int) -> Int { classes[row * columns + column] }

    /// The class of the nearest cell to the fraction (fx, fy) of the way across (0...1 each; fy from the top).
    func nearest(_ fx: Double, _ fy: Double) -> Int {
        let c = LinePlot.cell(at: fx, of: columns), r = LinePlot.cell(at: fy, of: rows)
        return self[c, r]
    }

    /// This grid resampled to another size (nearest cell).
    func resampled(columns: Int, rows: Int) -> ClassGrid {
        if columns == self.columns && rows == self.rows { return self }
        let classes = (0..<rows).flatMap { r in
            (0..<columns).map { c in nearest(Double(c) / Double(columns - 1), Double(r) / Double(rows - 1)) }
        }
        return ClassGrid(columns: columns, rows: rows, classes: classes)
    }
}

/// The plane shaded by a classifier's prediction (one shade or tint per class), with the training
/// points drawn on top by their true class, so points in another class's region stand out.
public struct DecisionRegions: Figure {
    /// A training point of the plane with its true class (0, 1, 2, ...).
    public struct Point: Sendable, Equatable {
        /// Its horizontal coordinate.
        public var x: Double
        /// Its vertical coordinate.
        public var y: Double
        /// Its true class (0, 1, 2, ...): the marker's shape and colour.
        public var label: Int

        /// The point (x, y) of class `label`.
        public init(x: Double, y: Double, label: Int) {
            (self.x, self.y, self.label) = (x, y, label)
        }
    }

    /// Shown above the plot.
    public var title: String
    /// Shown under the x axis.
    public var xLabel: String
    /// Shown above the y axis.
    public var yLabel: String
    /// The visible x range.
    public var xRange: ClosedRange<Double>
    /// The visible y range.
    public var yRange: ClosedRange<Double>
    /// The training points, drawn over the regions.
    public var points: [Point]
    /// One name per class, e.g. "class 0"; the legend and the description use them.
    public var classNames: [String]
    /// The prediction sampled for the text rendering: one cell per character.
    let textGrid: ClassGrid
    /// The finer prediction sampled for the SVG.
    let fineGrid: ClassGrid
    /// The class predicted at each training point.
    let predictedAtPoints: [Int]

    /// The shades of the regions in text, by class (cycled): light, so the points stay readable.
    static let shades: [Character] = [" ", ".", ":", "'", "`", ","]
    /// The markers of the points in text, by class (cycled), as in line plots.
    static let markers: [Character] = LinePlot.markers

    /// Regions from a classifier that takes many points at once (e.g. one forward pass of a network
    /// over a batch): `classifyAll` gets points (x, y) and returns one class per point.
    /// Ranges default to the points' extent widened to nice ticks; `textSize` is the text plot area in
    /// characters (a character is about twice as tall as wide), `svgColumns` the SVG grid's columns.
    public init(title: String, xLabel: String = "x₁", yLabel: String = "x₂", points: [Point],
                classNames: [String]? = nil, xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
                textSize: (columns: Int, rows: Int) = (60, 20), svgColumns: Int = 96,
                classifyAll: ([(x: Double, y: Double)]) -> [Int]) {
        let (x, y) = Self.ranges(points, xRange, yRange)
        let text = ClassGrid(columns: max(2, textSize.columns), rows: max(2, textSize.rows), x: x, y: y,
                             classifyAll: classifyAll)
        let fineColumns = max(2, svgColumns)
        let fineRows = max(2, Int((Double(fineColumns) * Self.aspect(x, y)).rounded()))
        let fine = ClassGrid(columns: fineColumns, rows: fineRows, x: x, y: y, classifyAll: classifyAll)
        let atPoints = points.isEmpty ? [] : classifyAll(points.map { ($0.x, $0.y) })
        self.init(title, xLabel, yLabel, x, y, points, classNames, text, fine, atPoints)
    }

    /// Regions from a classifier of one point at a time.
    public init(title: String, xLabel: String = "x₁", yLabel: String = "x₂", points: [Point],
                classNames: [String]? = nil, xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
                textSize: (columns: Int, rows: Int) = (60, 20), svgColumns: Int = 96,
                classify: (Double, Double) -> Int) {
        self.init(title: title, xLabel: xLabel, yLabel: yLabel, points: points, classNames: classNames,
                  xRange: xRange, yRange: yRange, textSize: textSize, svgColumns: svgColumns,
                  classifyAll: { $0.map { classify($0.x, $0.y) } })
    }

    /// Regions from classes already computed on a grid over `xRange` × `yRange` (see `ClassGrid`);
    /// both renderings resample it (nearest cell), and each point takes the class of its nearest cell.
    public init(title: String, xLabel: String = "x₁", yLabel: String = "x₂", points: [Point],
                classNames: [String]? = nil, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                grid: ClassGrid, textSize: (columns: Int, rows: Int) = (60, 20)) {
        let (x, y) = Self.ranges(points, xRange, yRange)
        let fine = grid.resampled(columns: max(grid.columns, 2),
                                  rows: max(2, Int((Double(grid.columns) * Self.aspect(x, y)).rounded())))
        let atPoints = points.map { grid.nearest(($0.x - x.lowerBound) / (x.upperBound - x.lowerBound),
                                                 (y.upperBound - $0.y) / (y.upperBound - y.lowerBound)) }
        self.init(title, xLabel, yLabel, x, y, points, classNames,
                  grid.resampled(columns: max(2, textSize.columns), rows: max(2, textSize.rows)), fine, atPoints)
    }

    private init(_ title: String, _ xLabel: String, _ yLabel: String, _ x: ClosedRange<Double>,
                 _ y: ClosedRange<Double>, _ points: [Point], _ names: [String]?, _ text: ClassGrid,
                 _ fine: ClassGrid, _ atPoints: [Int]) {
        precondition(points.allSatisfy { $0.label >= 0 }, "DecisionRegions: labels are 0, 1, 2, ...")
        precondition(atPoints.count == points.count && atPoints.allSatisfy { $0 >= 0 },
                     "DecisionRegions: the classifier must give one class (0, 1, ...) per point")
        let classCount = ([1] + points.map { $0.label + 1 } + text.classes.map { $0 + 1 }
            + fine.classes.map { $0 + 1 } + atPoints.map { $0 + 1 }).max()!
        precondition(names == nil || names!.count >= classCount,
                     "DecisionRegions: \(names!.count) class names for \(classCount) classes")
        (self.title, self.xLabel, self.yLabel, self.xRange, self.yRange) = (title, xLabel, yLabel, x, y)
        (self.points, self.textGrid, self.fineGrid, self.predictedAtPoints) = (points, text, fine, atPoints)
        classNames = names ?? (0..<classCount).map { "class \($0)" }
    }

    /// The given ranges, or the points' extent widened to nice ticks (−1...1 without points).
    static func ranges(_ points: [Point], _ x: ClosedRange<Double>?,
                       _ y: ClosedRange<Double>?) -> (ClosedRange<Double>, ClosedRange<Double>) {
        func range(_ fixed: ClosedRange<Double>?, _ values: [Double]) -> ClosedRange<Double> {
            if let fixed {
                precondition(fixed.upperBound > fixed.lowerBound && fixed.lowerBound.isFinite && fixed.upperBound.isFinite,
                             "DecisionRegions: a range must be finite and not empty, got \(fixed)")
                return fixed
            }
            let finite = values.filter { $0.isFinite }
            let axis = AxisScale(lower: finite.min() ?? -1, upper: finite.max() ?? 1, expand: true, target: 4, log: false)
            return axis.lower...axis.upper
        }
        return (range(x, points.map { $0.x }), range(y, points.map { $0.y }))
    }

    /// Height over width of the plotted rectangle, kept between 1/3 and 3.
    static func aspect(_ x: ClosedRange<Double>, _ y: ClosedRange<Double>) -> Double {
        min(3, max(1.0 / 3, (y.upperBound - y.lowerBound) / (x.upperBound - x.lowerBound)))
    }

    /// How many training points lie in the region of their own class.
    public var pointsInOwnRegion: Int {
        zip(points, predictedAtPoints).filter { $0.label == $1 }.count
    }

    /// The share of the (finely sampled) plane each class is predicted on, by class.
    var shares: [Double] {
        let counts = fineGrid.classes.reduce(into: [Int](repeating: 0, count: classNames.count)) { $0[$1] += 1 }
        return counts.map { Double($0) / Double(fineGrid.classes.count) }
    }

    /// The summary under both renderings, e.g. "291 of 300 points lie in the region of their own class".
    var pointSummary: String {
        "\(pointsInOwnRegion) of \(points.count) points lie in the region of their own class"
    }

    /// The SVG's alt text: what is plotted, how much of the plane each class gets, how many points fit.
    var altText: String {
        let x = AxisScale(lower: xRange.lowerBound, upper: xRange.upperBound, expand: false, target: 4, log: false)
        let y = AxisScale(lower: yRange.lowerBound, upper: yRange.upperBound, expand: false, target: 4, log: false)
        let parts = zip(classNames, shares).map { "\($0) \(formatNumber(100 * $1, decimals: 0))%" }
        return "Decision regions of \(classNames.count) classes over \(xLabel.isEmpty ? "x" : xLabel) from "
            + "\(x.describe(x.lower)) to \(x.describe(x.upper)) and \(yLabel.isEmpty ? "y" : yLabel) from "
            + "\(y.describe(y.lower)) to \(y.describe(y.upper)); share of the plane predicted as "
            + parts.joined(separator: ", ") + "; " + pointSummary + "."
    }

    // MARK: - Text

    /// Title, y label, the framed plane (each character shaded by the class predicted there, a point
    /// drawn with its class's marker over it), tick labels, the x label, a legend line pairing each
    /// class's marker with its shade, and the summary line.
    public func ascii() -> String {
        let width = textGrid.columns
        let canvas = shadedCanvas()
        var lines = [title]
        if !yLabel.isEmpty { lines.append(yLabel) }
        let (frame, left) = framed(canvas)
        lines += frame
        if !xLabel.isEmpty {
            lines.append(String(repeating: " ", count: max(0, left + (width - xLabel.count) / 2)) + xLabel)
        }
        lines.append(classNames.indices.map { k in
            "\(Self.markers[k % Self.markers.count]) \(classNames[k]) on '\(Self.shades[k % Self.shades.count])'"
        }.joined(separator: "   "))
        if !points.isEmpty { lines.append(pointSummary) }
        return lines.map(trimTrailing).joined(separator: "\n")
    }

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

    /// The canvas with "|" edges and "+" ticks left and right, axis lines above and below, and the x tick
    /// labels; `left` is the column where the canvas starts.
    private func framed(_ canvas: [[Character]]) -> (lines: [String], left: Int) {
        let (width, height) = (textGrid.columns, textGrid.rows)
        let xs = AxisScale(lower: xRange.lowerBound, upper: xRange.upperBound, expand: false,
                           target: max(2, width / 12), log: false)
        let ys = AxisScale(lower: yRange.lowerBound, upper: yRange.upperBound, expand: false,
                           target: max(2, height / 5), log: false)
        let tickRows = lastValueByKey(Array(zip(ys.ticks.map { LinePlot.cell(at: (ys.upper - $0) / ys.span, of: height) }, ys.labels)))
        let tickColumns = xs.ticks.map { LinePlot.cell(at: ($0 - xs.lower) / xs.span, of: width) }
        let labelWidth = ys.labels.map { $0.count }.max() ?? 0
        var border = [Character](repeating: "-", count: width)
        for c in tickColumns { border[c] = "+" }
        let pad = String(repeating: " ", count: labelWidth + 1)
        var lines = [pad + "+" + String(border) + "+"]
        for (r, cells) in canvas.enumerated() {
            let edge = tickRows[r] == nil ? "|" : "+"
            lines.append(padLeft(tickRows[r] ?? "", labelWidth) + " " + edge + String(cells) + edge)
        }
        lines.append(pad + "+" + String(border) + "+")
        var labelLine = ""
        for (c, label) in zip(tickColumns, xs.labels) {
            let start = max(0, labelWidth + 2 + c - label.count / 2)
            guard labelLine.isEmpty || start > labelLine.count else { continue }
            labelLine += String(repeating: " ", count: start - labelLine.count) + label
        }
        lines.append(labelLine)
        return (lines, labelWidth + 2)
    }
}
