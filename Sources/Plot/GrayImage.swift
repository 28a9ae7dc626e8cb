// The pictures the book shows: small grayscale images, and marks for right and wrong answers.

/// A small grayscale picture, pixels row-major in [0, 1] (0 = background/white paper, 1 = ink/black).
public struct GrayImage: Sendable {
    /// Number of pixel columns.
    public var width: Int
    /// Number of pixel rows.
    public var height: Int
    /// The pixels, row by row, `width * height` of them.
    public var pixels: [Float]

    /// An image from its pixels; `pixels.count` must be `width * height`.
    public init(width: Int, height: Int, pixels: [Float]) {
        precondition(pixels.count == width * height, "GrayImage: \(pixels.count) pixels for \(width)×\(height)")
        (self.width, self.height, self.pixels) = (width, height, pixels)
    }

    /// The pixel at column x, row y, clamped to [0, 1] (NaN counts as paper).
    func ink(_ x: Int, _ y: Int) -> Double {
        let value = Double(pixels[y * width + x])
        return value.isNaN ? 0 : min(1, max(0, value))
    }

    /// The ink quantized to 16 levels, 0 (paper) ... 15 (black).
    func level(_ x: Int, _ y: Int) -> Int {
        Int((ink(x, y) * 15).rounded())
    }
}

/// Whether an image's caption (e.g. a prediction) was right.
public enum Mark: Sendable {
    /// Not judged.
    case none
    /// Right: green in SVG, plain in text.
    case correct
    /// Wrong: red in SVG, followed by "!" in text.
    case wrong

    /// The SVG class that colours the frame and caption, if any.
    var cssClass: String? {
        switch self {
        case .none: nil
        case .correct: "ok"
        case .wrong: "bad"
        }
    }
}
