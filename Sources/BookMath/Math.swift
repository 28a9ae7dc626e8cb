// The elementary functions the chapters call (exp, log, log1p, tanh, sin, cos, pow), for Float and
// Double, from the C math library and without Foundation, so that the same chapter code builds natively
// (the platform's libm: glibc on Linux) and in WebAssembly with Embedded Swift (wasi-libc's libm),
// where no Glibc or Foundation module exists.
//
// Same digits in both worlds? Measured on 1,000,000 seeded inputs each (tools/wasm/probe/libm.sh):
// expf, logf and powf of wasi-libc give the same bits as glibc's; log, log1p, log1pf, exp and pow
// differ in the last bit for 0.0007 % to 0.08 % of inputs; tanhf, tanh, sinf, sin, cosf and cos for
// 1 % to 5 %. A chapter whose printed numbers depend on those last bits needs BookMath's own
// implementation of that function (the same Swift arithmetic everywhere) instead of libm's.

@_extern(c, "expf") @usableFromInline func libm_expf(_ x: Float) -> Float
@_extern(c, "exp") @usableFromInline func libm_exp(_ x: Double) -> Double
@_extern(c, "logf") @usableFromInline func libm_logf(_ x: Float) -> Float
@_extern(c, "log") @usableFromInline func libm_log(_ x: Double) -> Double
@_extern(c, "log1pf") @usableFromInline func libm_log1pf(_ x: Float) -> Float
@_extern(c, "log1p") @usableFromInline func libm_log1p(_ x: Double) -> Double
@_extern(c, "tanhf") @usableFromInline func libm_tanhf(_ x: Float) -> Float
@_extern(c, "tanh") @usableFromInline func libm_tanh(_ x: Double) -> Double
@_extern(c, "sinf") @usableFromInline func libm_sinf(_ x: Float) -> Float
@_extern(c, "sin") @usableFromInline func libm_sin(_ x: Double) -> Double
@_extern(c, "cosf") @usableFromInline func libm_cosf(_ x: Float) -> Float
@_extern(c, "cos") @usableFromInline func libm_cos(_ x: Double) -> Double
@_extern(c, "powf") @usableFromInline func libm_powf(_ x: Float, _ y: Float) -> Float
@_extern(c, "pow") @usableFromInline func libm_pow(_ x: Double, _ y: Double) -> Double

/// e^x, from libm.
@inlinable public func exp(_ x: Float) -> Float { libm_expf(x) }
/// e^x, from libm.
@inlinable public func exp(_ x: Double) -> Double { libm_exp(x) }

/// the natural logarithm ln x, from libm.
@inlinable public func log(_ x: Float) -> Float { libm_logf(x) }
/// the natural logarithm ln x, from libm.
@inlinable public func log(_ x: Double) -> Double { libm_log(x) }

/// ln(1 + x), accurate for x near 0, from libm.
@inlinable public func log1p(_ x: Float) -> Float { libm_log1pf(x) }
/// ln(1 + x), accurate for x near 0, from libm.
@inlinable public func log1p(_ x: Double) -> Double { libm_log1p(x) }

/// tanh x = (e^x − e^−x)/(e^x + e^−x), from libm.
@inlinable public func tanh(_ x: Float) -> Float { libm_tanhf(x) }
/// tanh x = (e^x − e^−x)/(e^x + e^−x), from libm.
@inlinable public func tanh(_ x: Double) -> Double { libm_tanh(x) }

/// sin x (x in radians), from libm.
@inlinable public func sin(_ x: Float) -> Float { libm_sinf(x) }
/// sin x (x in radians), from libm.
@inlinable public func sin(_ x: Double) -> Double { libm_sin(x) }

/// cos x (x in radians), from libm.
@inlinable public func cos(_ x: Float) -> Float { libm_cosf(x) }
/// cos x (x in radians), from libm.
@inlinable public func cos(_ x: Double) -> Double { libm_cos(x) }

/// x^y, from libm.
@inlinable public func pow(_ x: Float, _ y: Float) -> Float { libm_powf(x, y) }
/// x^y, from libm.
@inlinable public func pow(_ x: Double, _ y: Double) -> Double { libm_pow(x, y) }
