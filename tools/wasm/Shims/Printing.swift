// The page's `print` (module EmbeddedShims, compiled into every chapter's WebAssembly module and
// imported implicitly by the chapters' modules there, never natively): what the chapters print with
// the standard library's `print(_: Any...)` and `"\(array)"`, which Embedded Swift lacks (both need
// `Any` and reflection). The same text as natively: items separated by a space, arrays as
// "[1.0, 2.0]" with strings in quotes. The chapters keep printing as Swift programs do; build.sh
// makes the types they print (`CustomStringConvertible` ones) `BookPrintable`.

/// A value the examples print: its text as `print` writes it, and as an array element.
public protocol BookPrintable {
    /// What `print(value)` writes.
    var printed: String { get }
    /// What `print([value])` writes for it inside the brackets (strings get quotes).
    var printedInArray: String { get }
}

extension BookPrintable {
    public var printedInArray: String { printed }
}

extension BookPrintable where Self: CustomStringConvertible {
    public var printed: String { description }
}

extension String: BookPrintable {
    public var printed: String { self }
    public var printedInArray: String {
        var text = "\""
        for scalar in unicodeScalars {
            if let escaped = Self.escapedInArray[scalar] {
                text += escaped
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    /// How `print([text])` writes these characters inside the quotes, as Swift's `debugDescription` does.
    static let escapedInArray: [Unicode.Scalar: String] = ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\t": "\\t"]
}
extension Substring: BookPrintable {
    public var printed: String { String(self) }
    public var printedInArray: String { String(self).printedInArray }
}
extension Int: BookPrintable {}
extension UInt64: BookPrintable {}
extension Float: BookPrintable {}
extension Double: BookPrintable {}
extension Bool: BookPrintable {}
extension Array: BookPrintable where Element: BookPrintable {
    public var printed: String {
        var text = "["
        for (i, element) in enumerated() {
            if i > 0 { text += ", " }
            text += element.printedInArray
        }
        return text + "]"
    }
}
extension Optional: BookPrintable where Wrapped: BookPrintable {
    public var printed: String {
        switch self {
        case .some(let value): "Optional(\(value.printedInArray))"
        case .none: "nil"
        }
    }
}

extension DefaultStringInterpolation {
    /// `"\(array)"`, as natively.
    public mutating func appendInterpolation<T: BookPrintable>(_ value: [T]) {
        appendLiteral(value.printed)
    }
}

/// `print(a, b, ...)` for 1 to 8 items, separated by `separator`, ended by `terminator`.
public func print<A: BookPrintable>(_ a: A, separator: String = " ", terminator: String = "\n") {
    Swift.print(a.printed + terminator, terminator: "")
}
public func print<A: BookPrintable, B: BookPrintable>(
    _ a: A, _ b: B, separator: String = " ", terminator: String = "\n"
) {
    Swift.print([a.printed, b.printed].joined(separator: separator) + terminator,
          terminator: "")
}
public func print<A: BookPrintable, B: BookPrintable, C: BookPrintable>(
    _ a: A, _ b: B, _ c: C, separator: String = " ", terminator: String = "\n"
) {
    Swift.print([a.printed, b.printed, c.printed].joined(separator: separator) + terminator,
          terminator: "")
}
public func print<A: BookPrintable, B: BookPrintable, C: BookPrintable, D: BookPrintable>(
    _ a: A, _ b: B, _ c: C, _ d: D, separator: String = " ", terminator: String = "\n"
) {
    Swift.print([a.printed, b.printed, c.printed, d.printed].joined(separator: separator) + terminator,
          terminator: "")
}
public func print<A: BookPrintable, B: BookPrintable, C: BookPrintable, D: BookPrintable, E: BookPrintable>(
    _ a: A, _ b: B, _ c: C, _ d: D, _ e: E, separator: String = " ", terminator: String = "\n"
) {
    Swift.print([a.printed, b.printed, c.printed, d.printed, e.printed].joined(separator: separator) + terminator,
          terminator: "")
}
public func print<A: BookPrintable, B: BookPrintable, C: BookPrintable, D: BookPrintable, E: BookPrintable, F: BookPrintable>(
    _ a: A, _ b: B, _ c: C, _ d: D, _ e: E, _ f: F, separator: String = " ", terminator: String = "\n"
) {
    Swift.print([a.printed, b.printed, c.printed, d.printed, e.printed, f.printed].joined(separator: separator) + terminator,
          terminator: "")
}
public func print<A: BookPrintable, B: BookPrintable, C: BookPrintable, D: BookPrintable, E: BookPrintable, F: BookPrintable, G: BookPrintable>(
    _ a: A, _ b: B, _ c: C, _ d: D, _ e: E, _ f: F, _ g: G, separator: String = " ", terminator: String = "\n"
) {
    Swift.print([a.printed, b.printed, c.printed, d.printed, e.printed, f.printed, g.printed].joined(separator: separator) + terminator,
          terminator: "")
}
public func print<A: BookPrintable, B: BookPrintable, C: BookPrintable, D: BookPrintable, E: BookPrintable, F: BookPrintable, G: BookPrintable, H: BookPrintable>(
    _ a: A, _ b: B, _ c: C, _ d: D, _ e: E, _ f: F, _ g: G, _ h: H, separator: String = " ", terminator: String = "\n"
) {
    Swift.print([a.printed, b.printed, c.printed, d.printed, e.printed, f.printed, g.printed, h.printed].joined(separator: separator) + terminator,
          terminator: "")
}

/// `print(label, set)`, as natively: "[a, b]" in the set's own order (which depends on the hash seed:
/// only a set of one element prints the same in every run).
public func print<A: BookPrintable, T: BookPrintable & Hashable>(_ a: A, _ set: Set<T>) {
    Swift.print(a.printed + " " + Array(set).printed)
}
