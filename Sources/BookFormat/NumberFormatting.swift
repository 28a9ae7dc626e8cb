// The conversions themselves: a number or a string to the bytes printf writes for one directive.

extension ConversionSpec {
    /// `%f`, `%e` and `%g` (and `%F`, `%E`, `%G`) of `value`, exactly as C's printf writes them:
    ///
    /// - `%.pf`: the value rounded to p decimals (default 6), at least one digit before the point.
    /// - `%.pe`: one digit, the point, p digits, `e`, the exponent's sign and at least two digits:
    ///   `1.5e-07`.
    /// - `%.pg`: p significant digits (default 6; 0 counts as 1). With X the decimal exponent of
    ///   the value rounded to p digits, `%e` style when X < -4 or X ≥ p, else `%f` style with p − 1 − X
    ///   decimals; then trailing zeros and a trailing point go, unless the `#` flag is set.
    ///
    /// Rounding starts from the exact binary value (`DecimalExpansion`), to the nearest, and an exact
    /// tie to an even last digit: 0.125 at `%.2f` is "0.12", 2.5 at `%.0f` is "2", but 2.675 at `%.2f`
    /// is "2.67" because the double nearest 2.675 is 2.67499999999999982236431605997495353221893310546875.
    /// The sign is written whenever the sign bit is set, so -0.0 and -0.00001 at `%.2f` give "-0.00".
    /// Infinity and NaN are "inf", "-inf", "nan" and "-nan" (upper case for `%F`, `%E`, `%G`), padded
    /// with spaces even under the `0` flag.
    func formatFloatingPoint(_ value: Double) -> [UInt8] {
        let upper = Array("FEG".utf8).contains(conversion)
        guard value.isFinite else {
            let word = value.isNaN ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf")
            return padded(sign: sign(negative: value.sign == .minus), body: Array(word.utf8), zeros: false)
        }
        let expansion = DecimalExpansion(value)
        let body: [UInt8]
        switch conversion {
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            body = fixed(expansion, decimals: precision ?? 6)
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            body = scientific(expansion, decimals: precision ?? 6, upper: upper)
        default:
            body = general(expansion, significant: max(precision ?? 6, 1), upper: upper)
        }
        return padded(sign: sign(negative: value.sign == .minus), body: body, zeros: zeroPadded)
    }

    /// `%f` without sign or padding: the integer digits, then a point and `decimals` digits.
    func fixed(_ expansion: DecimalExpansion, decimals: Int) -> [UInt8] {
        let digits = expansion.rounded(from: max(expansion.leadingExponent, 0), to: -decimals)
        var body = digits[..<(digits.count - decimals)].map { $0 + UInt8(ascii: "0") }
        if decimals > 0 || alternate { body.append(UInt8(ascii: ".")) }
        body += digits[(digits.count - decimals)...].map { $0 + UInt8(ascii: "0") }
        return body
    }

    /// The leading digit's exponent and `decimals + 1` significant digits, rounded (zero: exponent 0).
    func significantDigits(_ expansion: DecimalExpansion, decimals: Int) -> (exponent: Int, digits: [UInt8]) {
        var exponent = expansion.leadingExponent
        var digits = expansion.rounded(from: exponent, to: exponent - decimals)
        if digits.count > decimals + 1 {  // 9.99… rounded up to 10.0…
            exponent += 1
            digits.removeLast()
        }
        return (exponent, digits)
    }

    /// `%e` without sign or padding: d.ddd…e±XX.
    func scientific(_ expansion: DecimalExpansion, decimals: Int, upper: Bool) -> [UInt8] {
        let (exponent, digits) = significantDigits(expansion, decimals: decimals)
        var body = [digits[0] + UInt8(ascii: "0")]
        if decimals > 0 || alternate { body.append(UInt8(ascii: ".")) }
        body += digits.dropFirst().map { $0 + UInt8(ascii: "0") }
        body.append(UInt8(ascii: upper ? "E" : "e"))
        body.append(UInt8(ascii: exponent < 0 ? "-" : "+"))
        let magnitude = Array(String(exponent.magnitude).utf8)
        if magnitude.count < 2 { body.append(UInt8(ascii: "0")) }
        return body + magnitude
    }

    /// `%g` without sign or padding.
    func general(_ expansion: DecimalExpansion, significant: Int, upper: Bool) -> [UInt8] {
        let exponent = significantDigits(expansion, decimals: significant - 1).exponent
        var body = exponent >= -4 && exponent < significant
            ? fixed(expansion, decimals: significant - 1 - exponent)
            : scientific(expansion, decimals: significant - 1, upper: upper)
        guard !alternate, let point = body.firstIndex(of: UInt8(ascii: ".")) else { return body }
        let end = body.firstIndex(of: UInt8(ascii: upper ? "E" : "e")) ?? body.count
        var cut = end
        while cut > point + 1 && body[cut - 1] == UInt8(ascii: "0") { cut -= 1 }
        if cut == point + 1 { cut = point }
        body.removeSubrange(cut..<end)
        return body
    }

    /// `%d`, `%i`, `%u`, `%x`, `%X` and `%o` of an integer given as its sign and magnitude. The
    /// precision is the least number of digits (zeros in front); with a precision the `0` flag is
    /// ignored, and precision 0 writes nothing for 0. `#` puts `0x` (`0X`) before a non-zero hex
    /// number and a `0` before an octal one.
    func formatInteger(negative: Bool, magnitude: UInt64) -> [UInt8] {
        let radix: UInt64
        switch conversion {
        case UInt8(ascii: "x"), UInt8(ascii: "X"): radix = 16
        case UInt8(ascii: "o"): radix = 8
        default: radix = 10
        }
        let uppercase = conversion == UInt8(ascii: "X")
        var digits = magnitude == 0 && precision == 0
            ? [] : Array(String(magnitude, radix: Int(radix), uppercase: uppercase).utf8)
        if let precision, digits.count < precision {
            digits = [UInt8](repeating: UInt8(ascii: "0"), count: precision - digits.count) + digits
        }
        var prefix: [UInt8] = radix == 10 ? sign(negative: negative) : []
        if alternate && radix == 16 && magnitude != 0 { prefix = Array((uppercase ? "0X" : "0x").utf8) }
        if alternate && radix == 8 && digits.first != UInt8(ascii: "0") { digits.insert(UInt8(ascii: "0"), at: 0) }
        return padded(sign: prefix, body: digits, zeros: zeroPadded && precision == nil)
    }

    /// The sign in front of a number: `-`, or for a non-negative one `+` or a space when asked.
    func sign(negative: Bool) -> [UInt8] {
        negative ? [UInt8(ascii: "-")] : plusSign ? [UInt8(ascii: "+")] : spaceSign ? [UInt8(ascii: " ")] : []
    }

    /// Sign and body padded to the field width: spaces on the right (`-` flag), zeros between
    /// sign and body (`zeros`), or spaces on the left.
    func padded(sign: [UInt8], body: [UInt8], zeros: Bool) -> [UInt8] {
        let missing = width - sign.count - body.count
        guard missing > 0 else { return sign + body }
        let fill = [UInt8](repeating: UInt8(ascii: zeros && !leftAligned ? "0" : " "), count: missing)
        if leftAligned { return sign + body + fill }
        return zeros ? sign + fill + body : fill + sign + body
    }
}
