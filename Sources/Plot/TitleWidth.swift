// How wide a figure's title is drawn, so the figure is made wide enough to hold it.

/// The width of a title in the SVGs' title style (`.title`: bold, 16 px, `system-ui, sans-serif`),
/// from the advance of each character in DejaVu Sans Bold, measured in Chromium: the font
/// `system-ui` resolves to on the book's Linux machines, and one of the widest sans-serif faces
/// (Arial, Liberation Sans and Noto Sans set the same titles about 15% narrower), so the title fits
/// wherever it is drawn. Characters outside the table count as the widest letter, W.
enum TitleWidth {
    /// Advances in px of the printable ASCII characters, space (32) to tilde (126), rounded up to
    /// a quarter pixel.
    static let ascii: [Double] = [
        5.75, 7.5, 8.5, 13.5, 11.25, 16.25, 14, 5, 7.5, 7.5, 8.5, 13.5, 6.25, 6.75, 6.25, 6,
        11.25, 11.25, 11.25, 11.25, 11.25, 11.25, 11.25, 11.25, 11.25, 11.25, 6.5, 6.5, 13.5, 13.5, 13.5, 9.5,
        16, 12.5, 12.25, 11.75, 13.5, 11, 11, 13.25, 13.5, 6, 6, 12.5, 10.25, 16, 13.5, 13.75,
        11.75, 13.75, 12.5, 11.75, 11, 13, 12.5, 17.75, 12.5, 11.75, 11.75, 7.5, 6, 7.5, 13.5, 8,
        8, 11, 11.5, 9.5, 11.5, 11, 7, 11.5, 11.5, 5.5, 5.5, 10.75, 5.5, 16.75, 11.5, 11,
        11.5, 11.5, 8, 9.75, 7.75, 11.5, 10.5, 15, 10.5, 10.5, 9.5, 11.5, 6, 11.5, 13.5,
    ]

    /// The advance of one character (px), the symbols the book's titles use measured too.
    static func advance(_ scalar: Unicode.Scalar) -> Double {
        let v = Int(scalar.value)
        if v >= 32 && v <= 126 { return ascii[v - 32] }
        switch v {
        case 0x2019, 0x00B7: return 6.25                     // ’ ·
        case 0x00B2, 0x2081, 0x2082: return 7.25             // ² ₁ ₂
        case 0x2013: return 8                                // –
        case 0x03B5: return 9                                // ε
        case 0x03BB: return 10.25                            // λ
        case 0x03B1, 0x03B8: return 11                       // α θ
        case 0x2207: return 11.25                            // ∇
        case 0x03B2, 0x03B7: return 11.5                     // β η
        case 0x03BC: return 12                               // μ
        case 0x03C3: return 12.5                             // σ
        case 0x00D7, 0x2264, 0x2265, 0x2192, 0x2190: return 13.5   // × ≤ ≥ → ←
        case 0x2014, 0x2026: return 16                       // — …
        default: return 17.75                                // as wide as W
        }
    }

    /// The width of `title` drawn in the title style, in px.
    static func of(_ title: String) -> Double {
        title.unicodeScalars.reduce(0) { $0 + advance($1) }
    }
}
