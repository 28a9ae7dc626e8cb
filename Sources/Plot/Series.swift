// The data of a line plot, and how it is cut into the pieces that fall inside the plot area.

/// One named curve of a line plot: points (x[i], y[i]) joined in order.
public struct Series: Sendable {
    /// The name shown in the legend.
    public var name: String
    /// The x coordinates.
    public var x: [Double]
    /// The y coordinates, one per x.
    public var y: [Double]

    /// A series from its coordinates; `x` and `y` must have the same length.
    public init(_ name: String, x: [Double], y: [Double]) {
        precondition(x.count == y.count, "Series \(name): \(x.count) x values but \(y.count) y values")
        (self.name, self.x, self.y) = (name, x, y)
    }

    /// Samples f at `samples` evenly spaced points of `domain` (both ends included).
    public init(_ name: String, over domain: ClosedRange<Double>, samples: Int = 121, _ f: (Double) -> Double) {
        precondition(samples >= 2, "Series \(name): need at least 2 samples")
        let (a, b) = (domain.lowerBound, domain.upperBound)
        let xs = (0..<samples).map { i in i == samples - 1 ? b : a + (b - a) * Double(i) / Double(samples - 1) }
        self.init(name, x: xs, y: xs.map(f))
    }

    /// y against its index 1...n (e.g. loss per epoch).
    public init(_ name: String, y: [Double]) {
        self.init(name, x: y.indices.map { Double($0 + 1) }, y: y)
    }
}

/// A point in plot coordinates (y already log10 on a log axis).
struct Point: Equatable {
    var x: Double
    var y: Double
}

/// The visible rectangle of a plot, in plot coordinates.
struct Box {
    var xMin, xMax, yMin, yMax: Double

    /// Clips the segment p→q to the box (Liang–Barsky); nil when no part of it is inside.
    func clip(_ p: Point, _ q: Point) -> (Point, Point)? {
        let (dx, dy) = (q.x - p.x, q.y - p.y)
        // A tolerance of a billionth of the box keeps points exactly on the edge inside.
        let (ex, ey) = ((xMax - xMin) * 1e-9, (yMax - yMin) * 1e-9)
        var (t0, t1) = (0.0, 1.0)
        let sides = [(-dx, p.x - xMin + ex), (dx, xMax + ex - p.x), (-dy, p.y - yMin + ey), (dy, yMax + ey - p.y)]
        for (direction, distance) in sides {
            if direction == 0 {
                if distance < 0 { return nil }  // parallel to this side and outside it
                continue
            }
            let t = distance / direction
            if direction < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            if t0 > t1 { return nil }
        }
        let start = t0 == 0 ? p : Point(x: p.x + t0 * dx, y: p.y + t0 * dy)
        let end = t1 == 1 ? q : Point(x: p.x + t1 * dx, y: p.y + t1 * dy)
        return (start, end)
    }
}

extension Series {
    /// Points in plot coordinates; non-finite ones (and non-positive y on a log axis) become nil.
    /// Coordinates are clamped to ±1e300 so that differences between them stay finite.
    func points(logY: Bool) -> [Point?] {
        zip(x, y).map { x, y in
            let py = logY ? (y > 0 ? base10Log(y) : .nan) : y
            guard x.isFinite && py.isFinite else { return nil }
            return Point(x: min(max(x, -1e300), 1e300), y: min(max(py, -1e300), 1e300))
        }
    }

    /// The visible pieces of the curve: polylines inside `box`, broken at missing points and
    /// wherever the curve leaves the box. A lone visible point is a piece of one point.
    func visibleRuns(in box: Box, logY: Bool) -> [[Point]] {
        var runs: [[Point]] = [], current: [Point] = []
        func finish() {
            if !current.isEmpty { runs.append(current) }
            current = []
        }
        var previous: Point? = nil
        for point in points(logY: logY) {
            defer { previous = point }
            guard let point else { finish(); continue }
            guard let previous else {
                if let (a, _) = box.clip(point, point) { current = [a] }
                continue
            }
            guard let (a, b) = box.clip(previous, point) else { finish(); continue }
            if current.last != a { finish(); current = [a] }
            current.append(b)
        }
        finish()
        return runs
    }
}
