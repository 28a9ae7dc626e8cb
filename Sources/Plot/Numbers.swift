// Number formatting and the little arithmetic Plot needs, from the standard library alone
// (no Foundation, no libm), so every platform prints exactly the same digits.

/// Formats `value` with at most `decimals` (0...22) digits after the point, dropping trailing zeros
/// and never writing "-0". Rounds the exact binary value, half away from zero, as C's printf does:
/// 1.005 (stored as 1.00499…) gives "1" and 2.675 gives "2.67".
/// Examples: 12.5 → "12.5", -3.14159 → "-3.14", 1e-7 → "0", 123456 → "123456"; beyond 9e18 Swift's
/// own notation ("1e+20"). Non-finite values give "nan", "inf" or "-inf"; the figures never write those.
public func formatNumber(_ value: Double, decimals: Int = 2) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    let decimals = min(max(decimals, 0), 22)
    let scale = powerOfTen(decimals)
    let product = abs(value) * scale
    var magnitude = product.rounded(.toNearestOrAwayFromZero)
    // The product itself was rounded: a seeming tie may really lie below it (2.675 is 2.67499…).
    // A fused multiply-add gives the exact error of the product and settles the case.
    if product - product.rounded(.down) == 0.5 && (-product).addingProduct(abs(value), scale) < 0 {
        magnitude = product.rounded(.down)
    }
    guard magnitude < 1e15 else {  // too big for the digit arithmetic below: whole numbers suffice
        return abs(value) < 9e18 ? String(Int64(value.rounded())) : "\(value)"
    }
    var digits = String(UInt64(magnitude))
    if decimals > 0 {
        if digits.count <= decimals {  // make sure there is a digit before the point
            digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits
        }
        let point = digits.index(digits.endIndex, offsetBy: -decimals)
        var fraction = digits[point...]
        while fraction.last == "0" { fraction = fraction.dropLast() }
        digits = String(digits[..<point]) + (fraction.isEmpty ? "" : "." + fraction)
    }
    return (value < 0 && magnitude != 0 ? "-" : "") + digits
}

/// 10^n, exact for |n| ≤ 22 (the division makes 10^-n the correctly rounded double).
func powerOfTen(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(n) { result *= 10 }
    return n >= 0 ? result : 1 / result
}

/// Base-10 logarithm of a positive number, good to about 1e-15.
/// Writes x = m · 2^e with m in [1, 2) and uses ln m = 2·atanh((m-1)/(m+1)), a fast series.
func base10Log(_ x: Double) -> Double {
    guard x > 0, x.isFinite else { return x == 0 ? -.infinity : .nan }
    let z = (x.significand - 1) / (x.significand + 1)  // 0 ≤ z < 1/3
    var sum = 0.0, power = z
    for k in stride(from: 1.0, through: 41, by: 2) {
        sum += power / k
        power *= z * z
    }
    let naturalLog = Double(x.exponent) * 0.6931471805599453 + 2 * sum
    return naturalLog / 2.302585092994046
}

/// Pads `text` on the left with spaces to `width` characters.
func padLeft(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}

/// Removes trailing spaces, as every line of the text renderings must.
func trimTrailing<S: StringProtocol>(_ line: S) -> String {
    var end = line.endIndex
    while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
    return String(line[..<end])
}
