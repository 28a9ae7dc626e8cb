// Does wasi-libc's libm give the same bits as the native libm? Evaluates each function the chapters
// use on seeded inputs and writes the results' bit patterns, natively (glibc) or in WebAssembly
// (wasi-libc): tools/wasm/probe/libm.sh compares the two files.
#if canImport(Glibc)
import Glibc
#else
@_extern(c, "expf") func expf(_ x: Float) -> Float; @_extern(c, "exp") func exp(_ x: Double) -> Double
@_extern(c, "logf") func logf(_ x: Float) -> Float; @_extern(c, "log") func log(_ x: Double) -> Double
@_extern(c, "log1pf") func log1pf(_ x: Float) -> Float; @_extern(c, "log1p") func log1p(_ x: Double) -> Double
@_extern(c, "tanhf") func tanhf(_ x: Float) -> Float; @_extern(c, "tanh") func tanh(_ x: Double) -> Double
@_extern(c, "sinf") func sinf(_ x: Float) -> Float; @_extern(c, "sin") func sin(_ x: Double) -> Double
@_extern(c, "cosf") func cosf(_ x: Float) -> Float; @_extern(c, "cos") func cos(_ x: Double) -> Double
@_extern(c, "powf") func powf(_ x: Float, _ y: Float) -> Float; @_extern(c, "pow") func pow(_ x: Double, _ y: Double) -> Double
#endif

/// SplitMix64 (chapter 1's generator), its two mixing steps written as calls of `mix`.
struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &+ 0x9E3779B97F4A7C15
        let z = Self.mix(Self.mix(state, 30, 0xBF58476D1CE4E5B9), 27, 0x94D049BB133111EB)
        return z ^ (z >> 31)
    }
    /// (z ⊕ z >> shift) · multiplier, modulo 2⁶⁴.
    static func mix(_ z: UInt64, _ shift: UInt64, _ multiplier: UInt64) -> UInt64 { (z ^ (z >> shift)) &* multiplier }
    /// Uniform in [a, b).
    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * Double(next() >> 11) * 0x1p-53 }
}

let functionNames = ["expf", "exp", "logf", "log", "log1pf", "log1p", "tanhf", "tanh",
                     "sinf", "sin", "cosf", "cos", "powf", "pow"]

/// Result bits of function `index` on `count` seeded inputs, into `out` (one UInt64 each).
func probe(_ index: Int, count: Int, out: UnsafeMutablePointer<UInt64>) {
    var g = Generator(state: UInt64(index) &* 1000 &+ 1)
    for i in 0..<count {
        let wide = g.uniform(-30, 30), positive = Double(sign: .plus, exponent: Int(g.next() % 60) - 30, significand: g.uniform(1, 2))
        let narrow = Float(wide), narrowPositive = Float(positive)
        let r: UInt64
        switch index {
        case 0: r = UInt64(expf(narrow).bitPattern)
        case 1: r = exp(wide).bitPattern
        case 2: r = UInt64(logf(narrowPositive).bitPattern)
        case 3: r = log(positive).bitPattern
        case 4: r = UInt64(log1pf(narrowPositive).bitPattern)
        case 5: r = log1p(positive).bitPattern
        case 6: r = UInt64(tanhf(narrow / 4).bitPattern)
        case 7: r = tanh(wide / 4).bitPattern
        case 8: r = UInt64(sinf(narrow).bitPattern)
        case 9: r = sin(wide).bitPattern
        case 10: r = UInt64(cosf(narrow).bitPattern)
        case 11: r = cos(wide).bitPattern
        case 12: r = UInt64(powf(narrowPositive, Float(wide) / 3).bitPattern)
        default: r = pow(positive, wide / 3).bitPattern
        }
        out[i] = r
    }
}

#if canImport(Glibc)
@main struct Native {
    static func main() {
        let count = Int(CommandLine.arguments[1])!
        let buffer = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
        for index in functionNames.indices {
            probe(index, count: count, out: buffer)
            let file = fopen("\(CommandLine.arguments[2])/\(functionNames[index]).native", "wb")!
            fwrite(buffer, 8, count, file)
            fclose(file)
        }
    }
}
#else
@_cdecl("probe_run")
public func probeRun(_ index: Int32, _ count: Int32, _ out: UnsafeMutablePointer<UInt64>) {
    probe(Int(index), count: Int(count), out: out)
}
@_cdecl("probe_alloc")
public func probeAlloc(_ count: Int32) -> UnsafeMutablePointer<UInt64> {
    UnsafeMutablePointer<UInt64>.allocate(capacity: Int(count))
}
#endif
