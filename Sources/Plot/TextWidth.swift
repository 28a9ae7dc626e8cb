// How wide the SVG figures' text is drawn, so that a figure is made wide enough for its title and a
// diagram's box for its label.

/// One style of the SVGs' text with the advance of each character in it, in px. The advances are
/// DejaVu Sans's (the font `system-ui` and `sans-serif` resolve to on the book's Linux machines, and
/// one of the widest sans-serif faces: Arial, Liberation Sans and Noto Sans set the same text about
/// 15% narrower, so text measured here fits wherever it is drawn), read from the font's `hmtx`
/// table, rounded up to a quarter pixel, and checked against what headless Chromium draws (each
/// character's `getComputedTextLength()` in the style, and whole titles and labels of the book,
/// which Chromium draws no wider than the sum of their characters' advances: kerning only narrows).
/// A character outside the tables counts as the style's widest letter, W.
struct TextStyle {
    /// Advances of the printable ASCII characters, space (32) to tilde (126).
    let ascii: [Double]
    /// Advances of `TextStyle.symbols`, in their order.
    let symbols: [Double]

    /// The other characters the book's figures draw: ’ · ² ₀…₉ – ε λ η α θ ∇ β μ σ × ≤ ≥ → ← — … − Σ ŷ ∂ ′ ⋮
    static let symbols: [Unicode.Scalar] = [
        "\u{2019}", "\u{B7}", "\u{B2}", "\u{2080}", "\u{2081}", "\u{2082}", "\u{2083}", "\u{2084}",
        "\u{2085}", "\u{2086}", "\u{2087}", "\u{2088}", "\u{2089}", "\u{2013}", "\u{3B5}", "\u{3BB}",
        "\u{3B7}", "\u{3B1}", "\u{3B8}", "\u{2207}", "\u{3B2}", "\u{3BC}", "\u{3C3}", "\u{D7}",
        "\u{2264}", "\u{2265}", "\u{2192}", "\u{2190}", "\u{2014}", "\u{2026}", "\u{2212}", "\u{3A3}",
        "\u{177}", "\u{2202}", "\u{2032}", "\u{22EE}",
    ]

    /// The advance of one character (px).
    func advance(_ scalar: Unicode.Scalar) -> Double {
        let v = Int(scalar.value)
        if v >= 32 && v <= 126 { return ascii[v - 32] }
        if let i = Self.symbols.firstIndex(of: scalar) { return symbols[i] }
        return ascii[Int(("W" as Unicode.Scalar).value) - 32]
    }

    /// The width of `text` drawn in this style, in px: the sum of its characters' advances.
    func width(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + advance($1) }
    }

    /// A figure's title (`.title`): DejaVu Sans Bold, 16 px.
    static let title = TextStyle(ascii: [
        5.75, 7.5, 8.5, 13.5, 11.25, 16.25, 14, 5, 7.5, 7.5, 8.5, 13.5, 6.25, 6.75, 6.25, 6,
        11.25, 11.25, 11.25, 11.25, 11.25, 11.25, 11.25, 11.25, 11.25, 11.25, 6.5, 6.5, 13.5, 13.5, 13.5, 9.5,
        16, 12.5, 12.25, 11.75, 13.5, 11, 11, 13.25, 13.5, 6, 6, 12.5, 10.25, 16, 13.5, 13.75,
        11.75, 13.75, 12.5, 11.75, 11, 13, 12.5, 17.75, 12.5, 11.75, 11.75, 7.5, 6, 7.5, 13.5, 8,
        8, 11, 11.5, 9.5, 11.5, 11, 7, 11.5, 11.5, 5.5, 5.5, 10.75, 5.5, 16.75, 11.5, 11,
        11.5, 11.5, 8, 9.75, 7.75, 11.5, 10.5, 15, 10.5, 10.5, 9.5, 11.5, 6, 11.5, 13.5,
    ], symbols: [
        6.25, 6.25, 7.25, 7.25, 7.25, 7.25, 7.25, 7.25, 7.25, 7.25, 7.25, 7.25, 7.25, 8, 9, 10.25,
        11.5, 11, 11, 11.25, 11.5, 12, 12.5, 13.5, 13.5, 13.5, 13.5, 13.5, 16, 16, 13.5, 11,
        10.5, 8.75, 4.25, 16,
    ])

    /// Labels (the SVGs' default text): DejaVu Sans, 12 px. Its oblique face, which italic labels
    /// use, has the same advances.
    static let label = TextStyle(ascii: [
        4, 5, 5.75, 10.25, 7.75, 11.5, 9.5, 3.5, 4.75, 4.75, 6, 10.25, 4, 4.5, 4, 4.25,
        7.75, 7.75, 7.75, 7.75, 7.75, 7.75, 7.75, 7.75, 7.75, 7.75, 4.25, 4.25, 10.25, 10.25, 10.25, 6.5,
        12, 8.25, 8.25, 8.5, 9.25, 7.75, 7, 9.5, 9.25, 3.75, 3.75, 8, 6.75, 10.5, 9, 9.5,
        7.25, 9.5, 8.5, 7.75, 7.5, 9, 8.25, 12, 8.25, 7.5, 8.25, 4.75, 4.25, 4.75, 10.25, 6,
        6, 7.5, 7.75, 6.75, 7.75, 7.5, 4.25, 7.75, 7.75, 3.5, 3.5, 7, 3.5, 11.75, 7.75, 7.5,
        7.75, 7.75, 5, 6.5, 4.75, 7.75, 7.25, 10, 7.25, 7.25, 6.5, 7.75, 4.25, 7.75, 10.25,
    ], symbols: [
        4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6.5, 7.25,
        7.75, 8, 7.5, 8.25, 7.75, 7.75, 7.75, 10.25, 10.25, 10.25, 10.25, 10.25, 12, 12, 10.25, 7.75,
        7.25, 6.25, 2.75, 12,
    ])
}

/// The width of a figure (px) whose drawing needs `content` px and whose title is centred above it:
/// the drawing's width, or the title's with 8 px of margin each side when that is wider. Every SVG
/// figure sizes itself for its title with this.
func figureWidth(content: Double, title: String) -> Double {
    max(content, 16 + TextStyle.title.width(title))
}
