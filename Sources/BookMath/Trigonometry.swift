// sin and cos for Float in Swift's own arithmetic, so that they give the same bits natively and in
// WebAssembly (libm's sinf and cosf differ between glibc and wasi-libc in the last bit for about 1 % of
// inputs, and chapter 7's spirals, which chapter 8 trains on too, are made of r·cos θ and r·sin θ).
// Computed in Double (the argument reduced by multiples of π/2, then the Taylor series of sin or cos),
// then rounded once to Float: the Double result is within a few units of 2⁻⁵³ of the true value, far
// below half a Float unit (2⁻²⁴), so the Float is the correctly rounded one except where the true value
// lies within that tiny error of a halfway point. (glibc's sinf and cosf are not correctly rounded
// everywhere: Tests/BookMathTests counts where they differ from these.)

/// sin x, x in radians, rounded to Float.
public func sin(_ x: Float) -> Float { sineOrCosine(x, quarterTurns: 0) }

/// cos x, x in radians, rounded to Float: cos x = sin(x + π/2).
public func cos(_ x: Float) -> Float { sineOrCosine(x, quarterTurns: 1) }

/// sin(x + quarterTurns·π/2): x = n·π/2 + r with |r| ≤ π/4, then the series of sin r or cos r
/// chosen by (n + quarterTurns) mod 4. π/2 is split in three parts so that n·π/2 is exact to
/// Double precision for |n| < 2²⁰; beyond |x| = 10⁶ (never in the book) libm's Double sin serves.
func sineOrCosine(_ x: Float, quarterTurns: Int) -> Float {
    let t = Double(x)
    guard t.magnitude < 1e6 else {
        return Float(quarterTurns == 0 ? sin(t) : cos(t))
    }
    let halfPi1 = 1.570_796_326_734_125_614_17, halfPi2 = 6.077_100_506_303_965_976_6e-11
    let halfPi3 = 2.022_266_248_795_950_732_4e-21
    let n = (t / (halfPi1 + halfPi2)).rounded()
    let r = ((t - n * halfPi1) - n * halfPi2) - n * halfPi3
    let r2 = r * r
    // sin r = r − r³/3! + r⁵/5! − …, cos r = 1 − r²/2! + r⁴/4! − …, to r²²: (π/4)²³/23! < 2⁻⁷⁵.
    var sine = 0.0, cosine = 0.0
    for k in stride(from: 22, through: 2, by: -2) {
        sine = 1 - sine * r2 / Double(k * (k + 1))
        cosine = 1 - cosine * r2 / Double(k * (k - 1))
    }
    sine *= r
    switch (Int(n) + quarterTurns) & 3 {
    case 0: return Float(sine)
    case 1: return Float(cosine)
    case 2: return Float(-sine)
    default: return Float(-cosine)
    }
}
