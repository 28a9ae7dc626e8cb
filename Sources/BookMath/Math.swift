// The elementary functions the chapters call (exp, log, log1p, tanh, sin, cos, pow), for Float and
// Double, from the C math library and without Foundation, so that the same chapter code builds natively
// (the platform's libm: glibc on Linux) and in WebAssembly with Embedded Swift (wasi-libc's libm),
// where no Glibc or Foundation module exists. Each line declares libm's Float function and its Double
// one under the Swift names the chapters use; a call goes straight to libm's symbol.
//
// Same digits in both worlds? Measured on 1,000,000 seeded inputs each (tools/wasm/probe/libm.sh):
// expf, logf and powf of wasi-libc give the same bits as glibc's; log, log1p, log1pf, exp and pow
// differ in the last bit for 0.0007 % to 0.08 % of inputs; tanhf, tanh, sinf, sin, cosf and cos for
// 1 % to 5 %. A chapter whose printed numbers depend on those last bits needs BookMath's own
// implementation of that function (the same Swift arithmetic everywhere) instead of libm's: the Float
// tanh (Tanh.swift), which chapter 6's training repeats millions of times, and the Float sin and cos
// (Trigonometry.swift), which make chapter 7's spirals.

/// e^x (libm's expf and exp).
@_extern(c, "expf") public func exp(_ x: Float) -> Float; @_extern(c, "exp") public func exp(_ x: Double) -> Double
/// The natural logarithm ln x (logf and log).
@_extern(c, "logf") public func log(_ x: Float) -> Float; @_extern(c, "log") public func log(_ x: Double) -> Double
/// ln(1 + x), accurate for x near 0 (log1pf and log1p).
@_extern(c, "log1pf") public func log1p(_ x: Float) -> Float; @_extern(c, "log1p") public func log1p(_ x: Double) -> Double
/// tanh x = (e^x − e^−x)/(e^x + e^−x) for a Double (libm's tanh).
@_extern(c, "tanh") public func tanh(_ x: Double) -> Double
/// sin x, x in radians, for a Double (libm's sin; the Float one is the book's own, Trigonometry.swift).
@_extern(c, "sin") public func sin(_ x: Double) -> Double
/// cos x, x in radians, for a Double (libm's cos; the Float one: Trigonometry.swift).
@_extern(c, "cos") public func cos(_ x: Double) -> Double
/// x^y (powf and pow).
@_extern(c, "powf") public func pow(_ x: Float, _ y: Float) -> Float; @_extern(c, "pow") public func pow(_ x: Double, _ y: Double) -> Double
