// The one protocol every figure of the book conforms to.

/// Anything that can be drawn both as text and as SVG.
///
/// Both renderings are deterministic: the same figure always gives the same bytes,
/// so examples' text output can be verified and their SVG files diffed.
public protocol Figure: Sendable {
    /// The figure's title, shown first in both renderings.
    var title: String { get }
    /// Deterministic text rendering, lines separated by "\n", no trailing spaces on any line, no trailing newline.
    func ascii() -> String
    /// Deterministic standalone SVG document (`<svg xmlns=... viewBox=... role="img" aria-labelledby=...>`
    /// with `<title>` and `<desc>` (alt text) children first).
    func svg() -> String
}
