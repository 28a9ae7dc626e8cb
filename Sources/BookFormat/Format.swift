// The book's printf: `format("%.4f", x)` writes what `String(format: "%.4f", x)` writes, without
// Foundation, so the chapters print the same digits natively and in WebAssembly (Embedded Swift).

/// One argument of `format`, reduced to what a conversion reads from it.
public enum FormatValue: Sendable, Equatable {
    /// A signed integer, for `%d` and `%i` (and, as its two's-complement bits, `%u`, `%x`, `%o`).
    case signed(Int64)
    /// An unsigned integer, for `%u`, `%x`, `%X`, `%o` and `%d`.
    case unsigned(UInt64)
    /// A `Double`, or a `Float` widened to one exactly (as C's varargs do), for `%f`, `%e`, `%g`.
    case double(Double)
    /// Text, for `%@` and `%s`.
    case text(String)
}

extension FormatValue {
    /// What kind of value this is, for error messages.
    var kind: String {
        switch self {
        case .signed: "a signed integer"
        case .unsigned: "an unsigned integer"
        case .double: "a floating-point number"
        case .text: "text"
        }
    }
}

/// A value `format` can print: the book's numbers and strings.
public protocol FormatArgument {
    /// The value as a conversion reads it.
    var formatValue: FormatValue { get }
}

extension Double: FormatArgument { public var formatValue: FormatValue { .double(self) } }
extension Float: FormatArgument { public var formatValue: FormatValue { .double(Double(self)) } }
extension Int: FormatArgument { public var formatValue: FormatValue { .signed(Int64(self)) } }
extension Int8: FormatArgument { public var formatValue: FormatValue { .signed(Int64(self)) } }
extension Int16: FormatArgument { public var formatValue: FormatValue { .signed(Int64(self)) } }
extension Int32: FormatArgument { public var formatValue: FormatValue { .signed(Int64(self)) } }
extension Int64: FormatArgument { public var formatValue: FormatValue { .signed(self) } }
extension UInt: FormatArgument { public var formatValue: FormatValue { .unsigned(UInt64(self)) } }
extension UInt8: FormatArgument { public var formatValue: FormatValue { .unsigned(UInt64(self)) } }
extension UInt16: FormatArgument { public var formatValue: FormatValue { .unsigned(UInt64(self)) } }
extension UInt32: FormatArgument { public var formatValue: FormatValue { .unsigned(UInt64(self)) } }
extension UInt64: FormatArgument { public var formatValue: FormatValue { .unsigned(self) } }
extension String: FormatArgument { public var formatValue: FormatValue { .text(self) } }
extension Substring: FormatArgument { public var formatValue: FormatValue { .text(String(self)) } }

/// The text of `template` with each `%` directive replaced by the next argument, formatted as C's
/// printf (and Foundation's `String(format:)`) formats it: `format("%5.1f%%", 12.345)` is " 12.3%".
///
/// Directives: `%d %i` (integers), `%u %x %X %o` (integers in base 10, 16, 8), `%f %e %g` and
/// `%F %E %G` (floating point, rounded from the exact binary value with ties to even; see
/// `ConversionSpec.formatFloatingPoint`), `%@ %s` (text), `%%` (a percent sign); flags, width and
/// precision as `ConversionSpec` describes. Floating-point conversions take `Double` and `Float`,
/// integer conversions take the integer types, and text conversions take `String`. A wrong number
/// of arguments, or an argument of the wrong kind, stops the program and names the directive: it is
/// a mistake in the code that calls `format`, which C would answer with garbage.
///
/// There is one `format` for each number of arguments from 0 to 8 (not one variadic function:
/// Embedded Swift, which builds the chapters for the browser, has neither `Any...` nor the
/// iteration over parameter packs that a variadic generic function would need).
public func format(_ template: String) -> String {
    format(template, values: [])
}

/// `format` with 1 argument.
public func format<A>(_ template: String, _ a: A) -> String
where A: FormatArgument {
    format(template, values: [a.formatValue])
}

/// `format` with 2 arguments.
public func format<A, B>(_ template: String, _ a: A, _ b: B) -> String
where A: FormatArgument, B: FormatArgument {
    format(template, values: [a.formatValue, b.formatValue])
}

/// `format` with 3 arguments.
public func format<A, B, C>(_ template: String, _ a: A, _ b: B, _ c: C) -> String
where A: FormatArgument, B: FormatArgument, C: FormatArgument {
    format(template, values: [a.formatValue, b.formatValue, c.formatValue])
}

/// `format` with 4 arguments.
public func format<A, B, C, D>(_ template: String, _ a: A, _ b: B, _ c: C, _ d: D) -> String
where A: FormatArgument, B: FormatArgument, C: FormatArgument, D: FormatArgument {
    format(template, values: [a.formatValue, b.formatValue, c.formatValue, d.formatValue])
}

/// `format` with 5 arguments.
public func format<A, B, C, D, E>(_ template: String, _ a: A, _ b: B, _ c: C, _ d: D, _ e: E) -> String
where A: FormatArgument, B: FormatArgument, C: FormatArgument,
      D: FormatArgument, E: FormatArgument {
    format(template, values: [a.formatValue, b.formatValue, c.formatValue,
                              d.formatValue, e.formatValue])
}

/// `format` with 6 arguments.
public func format<A, B, C, D, E, F>(
    _ template: String, _ a: A, _ b: B, _ c: C, _ d: D, _ e: E, _ f: F
) -> String
where A: FormatArgument, B: FormatArgument, C: FormatArgument,
      D: FormatArgument, E: FormatArgument, F: FormatArgument {
    format(template, values: [a.formatValue, b.formatValue, c.formatValue,
                              d.formatValue, e.formatValue, f.formatValue])
}

/// `format` with 7 arguments.
public func format<A, B, C, D, E, F, G>(
    _ template: String, _ a: A, _ b: B, _ c: C, _ d: D, _ e: E, _ f: F, _ g: G
) -> String
where A: FormatArgument, B: FormatArgument, C: FormatArgument, D: FormatArgument,
      E: FormatArgument, F: FormatArgument, G: FormatArgument {
    format(template, values: [a.formatValue, b.formatValue, c.formatValue, d.formatValue,
                              e.formatValue, f.formatValue, g.formatValue])
}

/// `format` with 8 arguments.
public func format<A, B, C, D, E, F, G, H>(
    _ template: String, _ a: A, _ b: B, _ c: C, _ d: D, _ e: E, _ f: F, _ g: G, _ h: H
) -> String
where A: FormatArgument, B: FormatArgument, C: FormatArgument, D: FormatArgument,
      E: FormatArgument, F: FormatArgument, G: FormatArgument, H: FormatArgument {
    format(template, values: [a.formatValue, b.formatValue, c.formatValue, d.formatValue,
                              e.formatValue, f.formatValue, g.formatValue, h.formatValue])
}

/// `format(template, arguments...)` with the arguments already reduced to `FormatValue`s.
public func format(_ template: String, values: [FormatValue]) -> String {
    var output: [UInt8] = []
    var next = 0
    for piece in FormatTemplate(template).pieces {
        switch piece {
        case .text(let bytes):
            output += bytes
        case .directive(let spec):
            precondition(next < values.count,
                         "format: \"\(template)\" has more directives than the \(values.count) arguments given")
            output += spec.format(values[next], argument: next + 1, of: template)
            next += 1
        }
    }
    precondition(next == values.count,
                 "format: \"\(template)\" has \(next) directives but \(values.count) arguments were given")
    return String(decoding: output, as: UTF8.self)
}

extension ConversionSpec {
    /// What this directive writes for `value` (argument number `argument` of `template`).
    func format(_ value: FormatValue, argument: Int, of template: String) -> [UInt8] {
        let kind = String(decoding: [conversion], as: UTF8.self)
        switch (conversion, value) {
        case (UInt8(ascii: "f"), .double(let x)), (UInt8(ascii: "F"), .double(let x)),
             (UInt8(ascii: "e"), .double(let x)), (UInt8(ascii: "E"), .double(let x)),
             (UInt8(ascii: "g"), .double(let x)), (UInt8(ascii: "G"), .double(let x)):
            return formatFloatingPoint(x)
        case (UInt8(ascii: "s"), .text(let text)), (UInt8(ascii: "@"), .text(let text)):
            return formatText(text)
        case (UInt8(ascii: "s"), _), (UInt8(ascii: "@"), _), (_, .text):
            break
        case (UInt8(ascii: "d"), .signed(let n)), (UInt8(ascii: "i"), .signed(let n)):
            return formatInteger(negative: n < 0, magnitude: n.magnitude)
        case (_, .signed(let n)) where !isFloatingPoint:  // %u %x %o read the bits as unsigned
            return formatInteger(negative: false, magnitude: UInt64(bitPattern: n))
        case (_, .unsigned(let n)) where !isFloatingPoint:
            return formatInteger(negative: false, magnitude: n)
        default:
            break
        }
        preconditionFailure(
            "format: argument \(argument) of \"\(template)\" is \(value.kind), which %\(kind) cannot print")
    }

    /// `%@` and `%s`: the text, cut to `precision` characters and padded to `width` characters, where
    /// a character is a Unicode scalar (for the book's labels, "η", "∂", "x₁", that is what Foundation
    /// counts too): `format("%-6@|", "η = 1")` is "η = 1 |". Unlike C's `%s`, which counts bytes.
    func formatText(_ text: String) -> [UInt8] {
        var scalars = Array(text.unicodeScalars)
        if let precision, precision < scalars.count { scalars = Array(scalars[..<precision]) }
        var body: [UInt8] = []
        for scalar in scalars { body += Array(String(scalar).utf8) }
        let missing = width - scalars.count
        guard missing > 0 else { return body }
        let fill = [UInt8](repeating: UInt8(ascii: " "), count: missing)
        return leftAligned ? body + fill : fill + body
    }

    /// Whether the conversion is one of f F e E g G.
    var isFloatingPoint: Bool { Array("fFeEgG".utf8).contains(conversion) }
}
