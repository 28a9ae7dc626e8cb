// tanh for Float in Swift's own arithmetic, so that it gives the same bits natively and in WebAssembly
// (libm's tanhf differs between glibc and wasi-libc in the last bit for about 5 % of inputs, and chapter
// 6's tanh networks print digits that depend on it). Computed in Double from the Taylor series of
// e^t − 1 and of e^t (after reducing t by multiples of ln 2), then rounded once to Float: the Double
// result is within a few units of 2⁻⁵³ of tanh x, far below half a Float unit (2⁻²⁴), so the Float is
// the correctly rounded one except where tanh x lies within that tiny error of a halfway point.

/// tanh x = (e^2x − 1)/(e^2x + 1), rounded to Float; odd, and ±1 beyond |x| = 10 (where the
/// difference from 1, below 4.2e-9, is less than half a Float unit at 1).
public func tanh(_ x: Float) -> Float {
    let a = Double(x.magnitude)
    guard a < 10 else { return x.isNaN ? x : (x < 0 ? -1 : 1) }
    // For 2a < 1, tanh a = m/(m + 2) with m = e^2a − 1 (no cancellation); beyond, 1 − 2/(e^2a + 1).
    let t = a < 0.5 ? exponentialMinusOne(2 * a) / (exponentialMinusOne(2 * a) + 2)
                    : 1 - 2 / (exponential(2 * a) + 1)
    return Float(x < 0 ? -t : t)
}

/// e^t − 1 for 0 ≤ t < 1: Σ_{k≥1} t^k/k!, summed from the smallest term (t^20/20! < 2⁻⁶¹).
func exponentialMinusOne(_ t: Double) -> Double {
    var sum = 0.0
    for k in stride(from: 20, through: 1, by: -1) { sum = (sum + 1) * t / Double(k) }
    return sum
}

/// e^t for 0 ≤ t < 20: t = n·ln 2 + r with |r| ≤ ln 2 / 2, e^t = 2ⁿ·(1 + (e^r − 1)), with ln 2
/// split in two parts so that n·ln 2 is exact to Double precision.
func exponential(_ t: Double) -> Double {
    let ln2High = 0.693_147_180_369_123_816_49, ln2Low = 1.908_214_929_270_587_7e-10
    let n = (t / (ln2High + ln2Low)).rounded()
    let r = (t - n * ln2High) - n * ln2Low
    // e^r − 1 for |r| ≤ 0.35: the same series (|r|^16/16! < 2⁻⁶⁰ relative to e^r).
    var sum = 0.0
    for k in stride(from: 16, through: 1, by: -1) { sum = (sum + 1) * r / Double(k) }
    return (1 + sum) * Double(sign: .plus, exponent: Int(n), significand: 1)
}
