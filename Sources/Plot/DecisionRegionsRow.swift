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
        let height = canvases.map { $0.count }.max() ?? 0
        func row(_ cells: [String]) -> String {
            zip(cells, widths).map { $0 + String(repeating: " ", count: max(0, $1 - $0.count)) }
                .joined(separator: String(repeating: " ", count: Self.gap))
        }
        var lines = [title, row(panels.map { $0.title })]
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
        let width = figureWidth(content: 16 + Double(panels.count) * panelWidth + Double(panels.count - 1) * gap,
                                title: title)
        var svg = SVGWriter()
        svg.text(title, x: width / 2, y: 24, anchor: "middle", cls: "title")

        let legendY = first.drawLegend(into: &svg, left: 16, width: width)
        let top = legendY + 40, bottom = top + plotHeight
        for (i, panel) in panels.enumerated() {
            let left = 8 + Double(i) * (panelWidth + gap) + marginLeft
            svg.text(panel.title, x: left + plotWidth / 2, y: top - 10, anchor: "middle", cls: "panel")
            panel.drawRegions(into: &svg, left: left, top: top, width: plotWidth, height: plotHeight)
            panel.drawFrame(into: &svg, left: left, top: top, width: plotWidth, height: plotHeight, ticks: 3)
            panel.drawPoints(into: &svg, left: left, top: top, width: plotWidth, height: plotHeight)
            svg.text(Self.count(panel), x: left + plotWidth / 2, y: bottom + 38, anchor: "middle")
        }
        let labelsY = bottom + 58
        if !first.xLabel.isEmpty || !first.yLabel.isEmpty {
            svg.text("each panel: " + axisNote(first.xLabel, first.xRange, fallback: "x") + " across, "
                     + axisNote(first.yLabel, first.yRange, fallback: "y") + " up",
                     x: width / 2, y: labelsY, anchor: "middle")
        }
        return svg.document(width: width, height: labelsY + 12, title: title, description: altText,
                            css: DecisionRegions.css + [".panel{font-size:13px;font-weight:bold}"])
    }
}
