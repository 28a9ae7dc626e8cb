// One image shown as numbers: every pixel's value written in its cell, like a spreadsheet.

/// Draws one image large with every pixel's value written in its cell (like a spreadsheet of the digit). Title + grid.
public struct PixelValues: Figure {
    /// Shown above the grid.
    public var title: String
    /// The picture.
    public var image: GrayImage
    /// The value written for full ink; pixels show round(value × scale).
    public var scale: Int

    /// A table of `image`'s pixels as integers 0...scale.
    public init(title: String, image: GrayImage, scale: Int = 255) {
        precondition(scale > 0, "PixelValues: scale must be positive")
        (self.title, self.image, self.scale) = (title, image, scale)
    }

    /// The integer written for the pixel at column x, row y.
    func number(_ x: Int, _ y: Int) -> Int {
        Int((image.ink(x, y) * Double(scale)).rounded())
    }

    /// Text lines are kept within this many characters (the width of the book's code column).
    static let maxTextWidth = 90

    /// Title line, then one line per pixel row: each value right-aligned in the width of `scale`
    /// (3 for 255) and separated by a space; 0 is shown as "." so the ink stands out. An image too
    /// wide for 90 characters is folded into bands of equally many columns, one under the other,
    /// each headed "columns a–b" (a 28-pixel MNIST digit: two bands of 14).
    public func ascii() -> String {
        let width = String(scale).count
        let fits = max(1, (Self.maxTextWidth + 1) / (width + 1))
        let bands = (image.width + fits - 1) / fits
        let perBand = bands == 0 ? 0 : (image.width + bands - 1) / bands
        var lines = [title]
        for start in stride(from: 0, to: image.width, by: max(1, perBand)) {
            let columns = start..<min(start + perBand, image.width)
            if bands > 1 {
                if start > 0 { lines.append("") }
                lines.append("columns \(columns.lowerBound)–\(columns.upperBound - 1)")
            }
            for y in 0..<image.height {
                lines.append(columns.map { x in
                    padLeft(number(x, y) == 0 ? "." : String(number(x, y)), width)
                }.joined(separator: " "))
            }
        }
        return lines.map(trimTrailing).joined(separator: "\n")
    }

    /// A 24-pixel cell per pixel, shaded by its value, with the number written in it
    /// (black on light cells, white on dark ones, grey for 0). The switch from black to white is
    /// where both have 4.5:1 contrast with the cell: ink 0.54, cell grey #757575.
    public func svg() -> String {
        let cell = 24.0
        let width = figureWidth(content: 16 + Double(image.width) * cell, title: title)
        let height = 48 + Double(image.height) * cell
        let left = (width - Double(image.width) * cell) / 2
        var svg = SVGWriter()
        svg.text(title, x: width / 2, y: 24, anchor: "middle", cls: "title")
        svg.element("rect", [("x", attributeText(left)), ("y", attributeText(40.0)), ("width", attributeText(Double(image.width) * cell)),
                             ("height", attributeText(Double(image.height) * cell)), ("class", attributeText("paper"))])
        for y in 0..<image.height {
            for x in 0..<image.width {
                let (cx, cy) = (left + Double(x) * cell, 40 + Double(y) * cell)
                let ink = image.ink(x, y)
                if ink > 0 {
                    let grey = String(255 - Int((ink * 255).rounded()), radix: 16)
                    let hex = String(repeating: "0", count: 2 - grey.count) + grey
                    svg.element("rect", [("x", attributeText(cx)), ("y", attributeText(cy)), ("width", attributeText(cell)), ("height", attributeText(cell)),
                                         ("fill", attributeText("#" + String(repeating: hex, count: 3)))])
                }
                let cls = number(x, y) == 0 ? "zero" : ink > 0.54 ? "dark" : "light"
                svg.text(String(number(x, y)), x: cx + cell / 2, y: cy + cell / 2 + 3, anchor: "middle", cls: cls)
            }
        }
        let css = [
            ".paper{fill:#fff;stroke:currentColor;stroke-opacity:.3}",
            "text.light,text.dark,text.zero{font-size:11px}",
            "text.light{fill:#000}", "text.dark{fill:#fff}", "text.zero{fill:#767676}",
        ]
        let description = "Pixel values of a \(image.width)×\(image.height) grayscale image, "
            + "one number per pixel from 0 (paper) to \(scale) (ink), cells shaded to match."
        return svg.document(width: Int(width.rounded(.up)), height: Int(height), title: title,
                            description: description, css: css)
    }
}
