// One `%…` directive of a format string, as C's printf reads it: flags, width, precision, conversion.

/// A conversion directive such as `%+8.3f`: `%` [flags] [width] [`.` precision] [length] conversion.
///
/// Flags: `-` pads on the right, `+` writes a plus sign on non-negative numbers, a space writes a
/// space there instead, `0` pads numbers with zeros after the sign, `#` keeps the decimal point (and,
/// for `%g`, trailing zeros). Length modifiers (`l`, `ll`, `h`, `hh`, `z`, `j`, `t`, `q`, `L`) are
/// read and ignored: every integer argument is formatted at its full width.
public struct ConversionSpec: Equatable, Sendable {
    /// `-`: pad on the right instead of the left.
    public var leftAligned = false
    /// `+`: write `+` before a non-negative number.
    public var plusSign = false
    /// ` `: write a space before a non-negative number (`+` wins over it).
    public var spaceSign = false
    /// `0`: pad a number with zeros after its sign (ignored with `-`, and for nan and inf).
    public var zeroPadded = false
    /// `#`: always write the decimal point; `%g` keeps its trailing zeros; `%x` gets `0x`.
    public var alternate = false
    /// The minimum field width in characters (0: none).
    public var width = 0
    /// The precision after `.` (nil: the conversion's default; a lone `.` is 0).
    public var precision: Int?
    /// The conversion character, as its ASCII code: one of d i u x X o f F e E g G s @.
    public var conversion: UInt8

    /// A directive with no flags, width or precision, e.g. `ConversionSpec("f")` for `%f`.
    public init(_ conversion: Unicode.Scalar) {
        self.conversion = UInt8(ascii: conversion)
    }

    /// The conversions `format` knows, as ASCII codes.
    static let conversions = Array("diuxXofFeEgGs@".utf8)
}

/// A format string cut into literal text and directives.
struct FormatTemplate {
    enum Piece: Equatable {
        case text([UInt8])
        case directive(ConversionSpec)
    }
    var pieces: [Piece] = []

    /// Parses `template`; `%%` is a literal percent sign. A directive that is cut off or names an
    /// unknown conversion stops the program with the template and the position: a misspelt format
    /// string is a bug in the calling code, never data.
    init(_ template: String) {
        let bytes = Array(template.utf8)
        var text: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "%") else {
                text.append(bytes[i])
                i += 1
                continue
            }
            if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "%") {
                text.append(bytes[i])
                i += 2
                continue
            }
            if !text.isEmpty { pieces.append(.text(text)) }
            text = []
            let start = i
            i += 1
            guard let spec = Self.directive(in: bytes, at: &i) else {
                preconditionFailure("format: the directive at byte \(start) of \"\(template)\" is cut off "
                    + "or has an unknown conversion (known: d i u x X o f F e E g G s @, and %% for %)")
            }
            pieces.append(.directive(spec))
        }
        if !text.isEmpty { pieces.append(.text(text)) }
    }

    /// Reads one directive from just after its `%`, leaving `i` after it; nil when it is malformed.
    static func directive(in bytes: [UInt8], at i: inout Int) -> ConversionSpec? {
        var spec = ConversionSpec("?")
        flags: while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "-"): spec.leftAligned = true
            case UInt8(ascii: "+"): spec.plusSign = true
            case UInt8(ascii: " "): spec.spaceSign = true
            case UInt8(ascii: "0"): spec.zeroPadded = true
            case UInt8(ascii: "#"): spec.alternate = true
            default: break flags
            }
            i += 1
        }
        spec.width = number(in: bytes, at: &i) ?? 0
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            spec.precision = number(in: bytes, at: &i) ?? 0
        }
        let modifiers = Array("lhzjtqL".utf8)
        while i < bytes.count && modifiers.contains(bytes[i]) { i += 1 }
        guard i < bytes.count, ConversionSpec.conversions.contains(bytes[i]) else { return nil }
        spec.conversion = bytes[i]
        i += 1
        return spec
    }

    /// Reads a run of decimal digits; nil when there is none.
    static func number(in bytes: [UInt8], at i: inout Int) -> Int? {
        var value: Int?
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
            value = (value ?? 0) * 10 + Int(bytes[i] - UInt8(ascii: "0"))
            i += 1
        }
        return value
    }
}
