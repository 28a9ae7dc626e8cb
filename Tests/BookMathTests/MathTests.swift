import Foundation
import Testing
import BookMath

/// BookMath's functions are libm's: natively they give exactly the bits Foundation's (Glibc's) give,
/// so a chapter that imports BookMath instead of Foundation prints the same numbers. The exception is
/// the Float tanh, sin and cos, BookMath's own (the same bits in WebAssembly): they are libm's Double
/// functions rounded to Float (correctly rounded), which glibc's Float ones are not always.
@Suite struct MathTests {
    /// Seeded inputs in -30...30 (and their magnitudes where a function needs a positive argument).
    static let inputs: [Double] = {
        var state: UInt64 = 16
        return (0..<20_000).map { _ in
            state = state &+ 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return -30 + 60 * Double((z ^ (z >> 31)) >> 11) * 0x1p-53
        }
    }()

    /// Every function on every input, as Float and as Double, bit for bit against Foundation's.
    @Test func functionsAreLibms() {
        for wide in Self.inputs {
            let (x, p, widePositive) = (Float(wide), Float(abs(wide)), abs(wide))
            same("exp", BookMath.exp(x), Foundation.exp(x), BookMath.exp(wide), Foundation.exp(wide))
            same("log", BookMath.log(p), Foundation.log(p), BookMath.log(widePositive), Foundation.log(widePositive))
            same("log1p", BookMath.log1p(p), Foundation.log1p(p), BookMath.log1p(widePositive), Foundation.log1p(widePositive))
            same("tanh", BookMath.tanh(x), Float(Foundation.tanh(Double(x))), BookMath.tanh(wide), Foundation.tanh(wide))
            let small = x / 256
            same("tanh", BookMath.tanh(small), Float(Foundation.tanh(Double(small))), 0, 0)
            same("sin", BookMath.sin(x), Float(Foundation.sin(Double(x))), BookMath.sin(wide), Foundation.sin(wide))
            same("cos", BookMath.cos(x), Float(Foundation.cos(Double(x))), BookMath.cos(wide), Foundation.cos(wide))
            same("pow", BookMath.pow(p, x / 4), Foundation.pow(p, x / 4),
                 BookMath.pow(widePositive, wide / 4), Foundation.pow(widePositive, wide / 4))
        }
    }

    /// BookMath's Float sin and cos against glibc's sinf and cosf on 200,000 seeded inputs in −12...12
    /// (the spirals' angles lie in 0...11): they differ in about 1.3 % of them (1.24 % and 1.36 % over
    /// 10,000,000 inputs), never by more than one unit in the last place, and in each such case
    /// BookMath's is the nearer to the true value (libm's Double sin and cos, correctly rounded in practice).
    @Test func sineAndCosineAgainstGlibc() {
        var state: UInt64 = 99, differ = 0
        for _ in 0..<200_000 {
            state = state &+ 0x9E3779B97F4A7C15
            let x = Float(-12 + 24 * Double(state >> 11) * 0x1p-53)
            for (book, glibc, exact) in [(BookMath.sin(x), Foundation.sin(x), Foundation.sin(Double(x))),
                                         (BookMath.cos(x), Foundation.cos(x), Foundation.cos(Double(x)))]
            where book != glibc {
                differ += 1
                #expect(abs(book - glibc) <= book.ulp, "\(x): \(book) vs glibc's \(glibc)")
                #expect(abs(Double(book) - exact) <= abs(Double(glibc) - exact), "\(x): glibc's is nearer")
            }
        }
        #expect(differ > 2_000 && differ < 8_000, "\(differ) of 400,000 differ from glibc's (about 1.3 % expected)")
    }

    /// Expects BookMath's Float and Double results of `function` to have Foundation's bits.
    func same(_ function: String, _ float: Float, _ foundationFloat: Float, _ double: Double, _ foundationDouble: Double) {
        #expect(float.bitPattern == foundationFloat.bitPattern, "\(function) of a Float: \(float) vs \(foundationFloat)")
        #expect(double.bitPattern == foundationDouble.bitPattern, "\(function) of a Double: \(double) vs \(foundationDouble)")
    }

    @Test func knownValues() {
        #expect(BookMath.exp(Float(0)) == 1 && BookMath.log(Float(1)) == 0 && BookMath.tanh(Float(0)) == 0)
        #expect(abs(BookMath.exp(1.0) - 2.718281828459045) < 1e-15)
        #expect(BookMath.pow(Float(2), Float(10)) == 1024 && BookMath.cos(0.0) == 1)
    }
}
