// A tiny SVG writer: elements as text, numbers through `formatNumber`, and a document wrapper
// with accessible <title>/<desc> and ids derived from the content (deterministic, yet distinct
// for different figures inlined in the same HTML page).

/// Attribute names and values, in the order they are written.
typealias Attributes = [(String, String)]

/// Collects SVG elements and wraps them into a standalone document.
struct SVGWriter {
    private(set) var elements: [String] = []

    /// Appends raw markup.
    mutating func add(_ markup: String) {
        elements.append(markup)
    }

    /// Appends `<name attributes/>`; numeric attributes go through `formatNumber`.
    mutating func element(_ name: String, _ attributes: Attributes) {
        elements.append("<\(name)\(Self.attributes(attributes))/>")
    }

    /// Appends `<text ...>escaped</text>`.
    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start", cls: String? = nil,
                       extra: Attributes = []) {
        var attributes: Attributes = [("x", attributeText(x)), ("y", attributeText(y))]
        if anchor != "start" { attributes.append(("text-anchor", attributeText(anchor))) }
        if let cls { attributes.append(("class", attributeText(cls))) }
        elements.append("<text\(Self.attributes(attributes + extra))>\(escapeXML(content))</text>")
    }

    /// Appends a line from (x1, y1) to (x2, y2) with the given class.
    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cls: String) {
        element("line", [("x1", attributeText(x1)), ("y1", attributeText(y1)), ("x2", attributeText(x2)), ("y2", attributeText(y2)), ("class", attributeText(cls))])
    }

    /// `x1,y1 x2,y2 …`: the `points` attribute of a polyline or polygon, numbers through `formatNumber`.
    static func points(_ points: [(Double, Double)]) -> String {
        points.map { formatNumber($0.0) + "," + formatNumber($0.1) }.joined(separator: " ")
    }

    /// ` name="value"` for each attribute, doubles and ints formatted, strings escaped.
    static func attributes(_ attributes: Attributes) -> String {
        attributes.map { name, value in " \(name)=\"\(value)\"" }.joined()
    }

    /// The standalone document: `<svg>` with `<title>`, `<desc>` and `<style>` first, then the elements.
    /// Every rule of `css` is scoped to `svg.plot` so inlined figures leave the page alone.
    func document(width: Int, height: Int, title: String, description: String, css: [String]) -> String {
        let body = elements.joined(separator: "\n")
        let id = "fig-" + Self.hash(title + "\n" + description + "\n" + body)
        let rules = (Self.baseCSS + css).map { "svg.plot " + $0 }.joined(separator: "\n")
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="plot" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="\(id)-title" aria-describedby="\(id)-desc">
            <title id="\(id)-title">\(escapeXML(title))</title>
            <desc id="\(id)-desc">\(escapeXML(description))</desc>
            <style>
            \(rules)
            </style>
            \(body)
            </svg>
            """
    }

    /// The document of a figure laid out in fractional pixels: its size rounded up to whole pixels.
    func document(width: Double, height: Double, title: String, description: String, css: [String]) -> String {
        document(width: Int(width.rounded(.up)), height: Int(height.rounded(.up)), title: title,
                 description: description, css: css)
    }

    /// Text is drawn in the page's colour (`currentColor`), so it reads in light and dark mode.
    static let baseCSS = [
        "text{fill:currentColor;font-family:system-ui,sans-serif;font-size:12px}",
        ".title{font-size:16px;font-weight:bold}",
    ]

    /// 64-bit FNV-1a of the text, as 16 hex digits.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}


/// Escapes the five XML special characters.
func escapeXML(_ text: String) -> String {
    let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;"]
    return text.reduce(into: "") { out, c in out += entities[c] ?? String(c) }
}

/// Colours that read on the book's light and dark backgrounds; marks of image grids.
enum Palette {
    /// One colour and dash pattern per series (distinct in greyscale too), cycled. Each has at least
    /// 3:1 contrast (WCAG's for graphics) on the light page (#fdfdfb) and on the dark one (#15171a).
    static let series: [(color: String, dash: String?)] = [
        ("#1f77b4", nil), ("#e6550d", "8 4"), ("#2ca02c", "2 3"),
        ("#9467bd", "10 3 2 3"), ("#b8860b", "14 5"), ("#d35fb7", "4 2 1 2"),
    ]
    /// Right and wrong marks, also used for text: 4.5:1 on the light page. The page's stylesheet
    /// gives lighter ones for its dark theme through these custom properties (a standalone SVG file,
    /// read without the page, uses the light ones).
    static let correct = "var(--plot-correct, #1a7f37)"
    static let wrong = "var(--plot-wrong, #cf222e)"
}

/// The SVG text of an attribute value, written deterministically: a number through
/// `formatNumber`, text escaped. (Attributes are `(String, String)` pairs, not values of a
/// protocol: Embedded Swift, which builds Plot for the page, has no existentials of a protocol
/// that is not class-bound.)
func attributeText(_ value: Double) -> String { formatNumber(value) }
func attributeText(_ value: Int) -> String { String(value) }
func attributeText(_ value: String) -> String { escapeXML(value) }

/// A dictionary from pairs, the last value winning for a repeated key.
func lastValueByKey<K: Hashable, V>(_ pairs: [(K, V)]) -> [K: V] {
    var result: [K: V] = [:]
    for (key, value) in pairs { result[key] = value }
    return result
}
