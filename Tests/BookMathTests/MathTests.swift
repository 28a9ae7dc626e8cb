import Foundation
import Testing
import BookMath

/// BookMath's functions are libm's: natively they give exactly the bits Foundation's (Glibc's) give,
/// so a chapter that imports BookMath instead of Foundation prints the same numbers.
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

    @Test func floatFunctionsAreLibms() {
        for x in Self.inputs.map(Float.init) {
            let p = abs(x)
            #expect(BookMath.exp(x).bitPattern == Foundation.exp(x).bitPattern, "exp(\(x))")
            #expect(BookMath.log(p).bitPattern == Foundation.log(p).bitPattern, "log(\(p))")
            #expect(BookMath.log1p(p).bitPattern == Foundation.log1p(p).bitPattern, "log1p(\(p))")
            #expect(BookMath.tanh(x).bitPattern == Foundation.tanh(x).bitPattern, "tanh(\(x))")
            #expect(BookMath.sin(x).bitPattern == Foundation.sin(x).bitPattern, "sin(\(x))")
            #expect(BookMath.cos(x).bitPattern == Foundation.cos(x).bitPattern, "cos(\(x))")
            #expect(BookMath.pow(p, x / 4).bitPattern == Foundation.pow(p, x / 4).bitPattern, "pow(\(p), \(x / 4))")
        }
    }

    @Test func doubleFunctionsAreLibms() {
        for x in Self.inputs {
            let p = abs(x)
            #expect(BookMath.exp(x).bitPattern == Foundation.exp(x).bitPattern, "exp(\(x))")
            #expect(BookMath.log(p).bitPattern == Foundation.log(p).bitPattern, "log(\(p))")
            #expect(BookMath.log1p(p).bitPattern == Foundation.log1p(p).bitPattern, "log1p(\(p))")
            #expect(BookMath.tanh(x).bitPattern == Foundation.tanh(x).bitPattern, "tanh(\(x))")
            #expect(BookMath.sin(x).bitPattern == Foundation.sin(x).bitPattern, "sin(\(x))")
            #expect(BookMath.cos(x).bitPattern == Foundation.cos(x).bitPattern, "cos(\(x))")
            #expect(BookMath.pow(p, x / 4).bitPattern == Foundation.pow(p, x / 4).bitPattern, "pow(\(p), \(x / 4))")
        }
    }

    @Test func knownValues() {
        #expect(BookMath.exp(Float(0)) == 1 && BookMath.log(Float(1)) == 0 && BookMath.tanh(Float(0)) == 0)
        #expect(abs(BookMath.exp(1.0) - 2.718281828459045) < 1e-15)
        #expect(BookMath.pow(Float(2), Float(10)) == 1024 && BookMath.cos(0.0) == 1)
    }
}
