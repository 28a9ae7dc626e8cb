// Grids of small grayscale pictures (e.g. MNIST digits) with captions and right/wrong marks.

/// Images side by side in rows, each with a caption under it.
public struct ImageGrid: Figure {
    /// Shown above the grid.
    public var title: String
    /// The pictures, in reading order.
    public var images: [GrayImage]
    /// One caption per image (may be empty strings), e.g. "7 (7)".
    public var captions: [String]
    /// One mark per image.
    public var marks: [Mark]
    /// Images per row in SVG, and at most that many in text (see `ascii()`).
    public var columns: Int

    /// The shades of the text rendering, from paper to ink.
    static let shades: [Character] = Array(" .:-=+*#%@")
    /// Text lines are kept within this many characters.
    static let maxTextWidth = 90

    /// A grid; missing captions are empty and missing marks are `.none`.
    public init(title: String, images: [GrayImage], captions: [String]? = nil, marks: [Mark]? = nil,
                columns: Int = 10) {
        precondition(captions == nil || captions!.count == images.count, "ImageGrid: one caption per image")
        precondition(marks == nil || marks!.count == images.count, "ImageGrid: one mark per image")
        (self.title, self.images, self.columns) = (title, images, max(1, columns))
        self.captions = captions ?? Array(repeating: "", count: images.count)
        self.marks = marks ?? Array(repeating: .none, count: images.count)
    }

    /// The text caption: a wrong one is followed by " !".
    private func textCaption(_ i: Int) -> String {
        marks[i] == .wrong ? (captions[i].isEmpty ? "!" : captions[i] + " !") : captions[i]
    }

    /// Title line, then the images with two pixel rows per text row (a 28×28 image takes 28 columns
    /// × 14 rows), shaded with " .:-=+*#%@", each caption centred under its image (no caption line
    /// when a row has no captions). A row holds `columns` images, or fewer so that no line exceeds
    /// 90 characters (3 MNIST digits: the width of the book's code column); a blank line separates
    /// rows. A legend line explains "!" when any image is marked.
    public func ascii() -> String {
        let cellWidth = (images.map { $0.width } + images.indices.map { textCaption($0).count }).max() ?? 0
        let perRow = max(1, min(columns, (Self.maxTextWidth + 2) / (cellWidth + 2)))
        var lines = [title]
        for start in stride(from: 0, to: images.count, by: perRow) {
            let row = Array(start..<min(start + perRow, images.count))
            if start > 0 { lines.append("") }
            let textRows = row.map { (images[$0].height + 1) / 2 }.max() ?? 0
            for r in 0..<textRows {
                lines.append(row.map { center(shadedRow(images[$0], r), cellWidth) }.joined(separator: "  "))
            }
            if row.contains(where: { !textCaption($0).isEmpty }) {
                lines.append(row.map { center(textCaption($0), cellWidth) }.joined(separator: "  "))
            }
        }
        let judged = marks.filter { $0 != .none }.count
        if judged > 0 {
            lines.append("! = wrong (\(marks.filter { $0 == .wrong }.count) of \(judged) checked)")
        }
        return lines.map(trimTrailing).joined(separator: "\n")
    }

    /// Text row r of an image: the mean of pixel rows 2r and 2r+1 as shades (blank below the image).
    private func shadedRow(_ image: GrayImage, _ r: Int) -> String {
        guard 2 * r < image.height else { return String(repeating: " ", count: image.width) }
        return String((0..<image.width).map { x in
            let pair = 2 * r + 1 < image.height ? [2 * r, 2 * r + 1] : [2 * r]
            let mean = pair.map { image.ink(x, $0) }.reduce(0, +) / Double(pair.count)
            return Self.shades[Int((mean * Double(Self.shades.count - 1)).rounded())]
        })
    }

    /// `text` centred in `width` columns (extra space goes right).
    private func center(_ text: String, _ width: Int) -> String {
        let left = max(0, (width - text.count) / 2), right = max(0, width - left - text.count)
        return String(repeating: " ", count: left) + text + String(repeating: " ", count: right)
    }

    /// Each image as a PNG in 16 greys (`GrayPNG`, inline as a `data:` URI) drawn with its pixels as
    /// squares (`image-rendering: pixelated`), its caption under it; correct ones framed and
    /// captioned in green, wrong ones in red.
    public func svg() -> String {
        let maxWidth = images.map { $0.width }.max() ?? 1, maxHeight = images.map { $0.height }.max() ?? 1
        let scale = max(1, min(16, 84 / max(maxWidth, maxHeight)))
        let captionWidth = 7 * Double(captions.map { $0.count }.max() ?? 0)
        let cellWidth = max(Double(maxWidth * scale), captionWidth) + 16
        let cellHeight = Double(maxHeight * scale) + 30
        let perRow = max(1, min(columns, images.count))
        let rows = (images.count + perRow - 1) / perRow
        let width = figureWidth(content: 16 + Double(perRow) * cellWidth, title: title)
        let height = 44 + Double(rows) * cellHeight

        var svg = SVGWriter()
        svg.text(title, x: width / 2, y: 24, anchor: "middle", cls: "title")
        for (i, image) in images.enumerated() {
            let cellX = 8 + Double(i % perRow) * cellWidth, cellY = 40 + Double(i / perRow) * cellHeight
            let (w, h) = (Double(image.width * scale), Double(image.height * scale))
            let (x, y) = (cellX + (cellWidth - w) / 2, cellY)
            if image.width > 0 && image.height > 0 {
                svg.element("image", [("x", attributeText(x)), ("y", attributeText(y)), ("width", attributeText(w)), ("height", attributeText(h)), ("href", attributeText(Self.dataURI(image)))])
            }
            let markClass = marks[i].cssClass
            svg.element("rect", [("x", attributeText(x - 1)), ("y", attributeText(y - 1)), ("width", attributeText(w + 2)), ("height", attributeText(h + 2)),
                                 ("class", attributeText(markClass.map { "frame " + $0 } ?? "frame"))])
            svg.text(captions[i], x: cellX + cellWidth / 2, y: y + h + 18, anchor: "middle", cls: markClass)
        }
        let css = [
            "image{image-rendering:crisp-edges;image-rendering:pixelated}",
            ".frame{fill:none;stroke:currentColor;stroke-opacity:.3}",
            ".frame.ok{stroke:\(Palette.correct);stroke-opacity:1;stroke-width:2}",
            ".frame.bad{stroke:\(Palette.wrong);stroke-opacity:1;stroke-width:2}",
            "text.ok{fill:\(Palette.correct)}",
            "text.bad{fill:\(Palette.wrong);font-weight:bold}",
        ]
        return svg.document(width: Int(width.rounded(.up)), height: Int(height), title: title,
                            description: altText, css: css)
    }

    /// An image as a PNG `data:` URI, its 16 ink levels as greys: paper (level 0) white, full ink black.
    static func dataURI(_ image: GrayImage) -> String {
        var greys: [UInt8] = []
        greys.reserveCapacity(image.width * image.height)
        for y in 0..<image.height {
            for x in 0..<image.width { greys.append(UInt8(15 - image.level(x, y))) }
        }
        return GrayPNG.dataURI(width: image.width, height: image.height, greys: greys)
    }

    /// The SVG's alt text, e.g. "Grid of 20 grayscale 28×28 images with captions 7 (7), 2 (2), …;
    /// 18 marked correct (green), 2 wrong (red)."
    var altText: String {
        let sizes = Set(images.map { "\($0.width)×\($0.height)" })
        var text = "Grid of \(images.count) grayscale " + (sizes.count == 1 ? sizes.first! + " " : "") + "images"
        if captions.contains(where: { !$0.isEmpty }) { text += " with captions " + captions.joined(separator: ", ") }
        let judged = marks.filter { $0 != .none }.count
        if judged > 0 {
            let wrong = marks.filter { $0 == .wrong }.count
            text += "; \(judged - wrong) marked correct (green), \(wrong) wrong (red)"
        }
        return text + "."
    }
}
