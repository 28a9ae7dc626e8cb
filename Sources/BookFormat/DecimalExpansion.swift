// The exact decimal value of a binary floating-point number, digit by digit, from big-integer
// arithmetic alone (no Foundation, no libc): what `Format` rounds from.

/// The exact decimal expansion of a finite, non-negative `Double`: `value = digits × 10^-scale`.
///
/// A finite double is m · 2^e with an integer significand m < 2^53. For e ≥ 0 the value is the
/// integer m · 2^e (scale 0); for e < 0 it is m / 2^-e = m · 5^-e / 10^-e, so its digits are those
/// of the integer m · 5^-e with the decimal point -e places from the right. Both products are
/// computed exactly in base 10^9, so every digit is right: 0.1 is 0.1000000000000000055511151231257827….
struct DecimalExpansion {
    /// The decimal digits (0...9), most significant first, without leading zeros or zeros after
    /// the point at the end; [] for zero.
    var digits: [UInt8]
    /// How many of `digits` (counted from the right) lie after the decimal point; may exceed
    /// `digits.count` (0.001 is digits [1], scale 3).
    var scale: Int

    /// The expansion of |value|; `value` must be finite.
    init(_ value: Double) {
        precondition(value.isFinite, "DecimalExpansion needs a finite value, not \(value)")
        let magnitude = value.magnitude
        guard magnitude != 0 else {
            (digits, scale) = ([], 0)
            return
        }
        // m · 2^e with m an integer: the significand's bits as an integer, the exponent lowered to match.
        let significand = magnitude.significandBitPattern
            | (magnitude.isNormal ? UInt64(1) << Double.significandBitCount : 0)
        let exponent = (magnitude.isNormal ? Int(magnitude.exponent) : Int(Double.leastNormalMagnitude.exponent))
            - Double.significandBitCount
        var number = BaseBillion(significand)
        if exponent >= 0 {
            number.multiply(byPowerOf: 2, exponent)
            scale = 0
        } else {
            number.multiply(byPowerOf: 5, -exponent)
            scale = -exponent
        }
        digits = number.decimalDigits()
        while scale > 0 && digits.last == 0 {  // 0.5 · 2 = 1.0: drop zeros after the point
            digits.removeLast()
            scale -= 1
        }
    }

    /// The exponent of the leading digit: `value = d.ddd… × 10^leadingExponent` (0 for zero).
    var leadingExponent: Int { digits.isEmpty ? 0 : digits.count - 1 - scale }

    /// The digit worth 10^power (0 beyond either end).
    func digit(worth power: Int) -> UInt8 {
        let index = digits.count - 1 - scale - power  // position from the left
        return index >= 0 && index < digits.count ? digits[index] : 0
    }

    /// The digits worth 10^high down to 10^low (high ≥ low - 1; an empty range gives []), rounded at
    /// 10^low to the nearest, an exact tie to an even last digit, as C's printf does in the default
    /// rounding mode: 0.125 at 10^-2 gives 12 (0.12), 0.375 gives 38, 2.5 at 10^0 gives 2. A carry out
    /// of the top digit adds one digit on the left: 9.96 at 10^-1 gives 100. Returned most significant first.
    func rounded(from high: Int, to low: Int) -> [UInt8] {
        var kept = [UInt8]()
        if high >= low {
            kept.reserveCapacity(high - low + 1)
            for power in stride(from: high, through: low, by: -1) { kept.append(digit(worth: power)) }
        }
        if roundsUp(below: low, lastKept: kept.last ?? 0) {
            var i = kept.count - 1
            while i >= 0 && kept[i] == 9 {
                kept[i] = 0
                i -= 1
            }
            if i >= 0 { kept[i] += 1 } else { kept.insert(1, at: 0) }
        }
        return kept
    }

    /// Whether cutting the expansion below 10^low rounds the kept part up: the rest is more than half
    /// a unit of 10^low, or exactly half and the last kept digit is odd.
    func roundsUp(below low: Int, lastKept: UInt8) -> Bool {
        let first = digit(worth: low - 1)
        if first != 5 { return first > 5 }
        // Exactly half unless a non-zero digit follows (digits end at 10^-scale).
        var power = low - 2
        while power >= -scale {
            if digit(worth: power) != 0 { return true }
            power -= 1
        }
        return lastKept % 2 == 1
    }
}

/// A non-negative integer in base 10^9 (least significant limb first), just enough of a big integer
/// for `DecimalExpansion`: multiplying by small powers and reading the decimal digits.
struct BaseBillion {
    static let base: UInt64 = 1_000_000_000
    var limbs: [UInt64]

    init(_ value: UInt64) {
        limbs = []
        var rest = value
        repeat {
            limbs.append(rest % Self.base)
            rest /= Self.base
        } while rest > 0
    }

    /// self ← self · factor, for 0 < factor < 2^34 (so limb · factor + carry stays below 2^64).
    mutating func multiply(by factor: UInt64) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let product = limbs[i] * factor + carry
            limbs[i] = product % Self.base
            carry = product / Self.base
        }
        while carry > 0 {
            limbs.append(carry % Self.base)
            carry /= Self.base
        }
    }

    /// self ← self · base^exponent for base 2 or 5, in steps of a power below 2^34.
    mutating func multiply(byPowerOf base: UInt64, _ exponent: Int) {
        let step = base == 2 ? 33 : 14  // 2^33 and 5^14 ≈ 6.1e9 are below 2^34
        var stepFactor: UInt64 = 1
        for _ in 0..<step { stepFactor *= base }
        var left = exponent
        while left >= step {
            multiply(by: stepFactor)
            left -= step
        }
        var last: UInt64 = 1
        for _ in 0..<left { last *= base }
        if last > 1 { multiply(by: last) }
    }

    /// The decimal digits, most significant first, without leading zeros ([] for zero).
    func decimalDigits() -> [UInt8] {
        var result = [UInt8]()
        result.reserveCapacity(limbs.count * 9)
        for (i, limb) in limbs.enumerated().reversed() {
            var chunk = [UInt8](repeating: 0, count: 9)
            var rest = limb
            for j in stride(from: 8, through: 0, by: -1) {
                chunk[j] = UInt8(rest % 10)
                rest /= 10
            }
            if i == limbs.count - 1 {
                result.append(contentsOf: chunk.drop { $0 == 0 })
            } else {
                result.append(contentsOf: chunk)
            }
        }
        return result
    }
}
