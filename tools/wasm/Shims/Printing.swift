// EXPERIMENT ONLY (module EmbeddedShims, compiled into every chapter's WebAssembly module): what the
// chapters print with the standard library's `print(_: Any...)` and `"\(array)"`, which Embedded
// Swift lacks (both need `Any` and reflection). The same text as natively: items separated by a space,
// arrays as "[1.0, 2.0]" with strings in quotes. The next session either keeps this as the book's
// `print` for the page or changes the chapters to print one String each.

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
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
extension Substring: BookPrintable {
    public var printed: String { String(self) }
    public var printedInArray: String { String(self).printedInArray }
}
extension Int: BookPrintable {}
extension Int32: BookPrintable {}
extension Int64: BookPrintable {}
extension UInt: BookPrintable {}
extension UInt8: BookPrintable {}
extension UInt32: BookPrintable {}
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

extension String {
    /// Foundation's `padding(toLength:withPad:startingAt:)` for a one-character pad starting at 0:
    /// the text cut or padded on the right to `length` characters.
    public func padding(toLength length: Int, withPad pad: String, startingAt start: Int) -> String {
        precondition(pad.count == 1 && start == 0, "EmbeddedShims' padding pads with one character from 0")
        let characters = Array(self)
        if characters.count >= length { return String(characters[..<length]) }
        return self + String(repeating: pad, count: length - characters.count)
    }

    /// Foundation's `replacingOccurrences(of:with:)`, on Unicode scalars.
    public func replacingOccurrences(of target: String, with replacement: String) -> String {
        let text = Array(unicodeScalars), pattern = Array(target.unicodeScalars)
        guard !pattern.isEmpty else { return self }
        var result = String.UnicodeScalarView(), i = 0
        while i < text.count {
            if i + pattern.count <= text.count && Array(text[i..<(i + pattern.count)]) == pattern {
                result.append(contentsOf: replacement.unicodeScalars)
                i += pattern.count
            } else {
                result.append(text[i])
                i += 1
            }
        }
        return String(result)
    }
}
