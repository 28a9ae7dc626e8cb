import Foundation
import Testing
@testable import Plot

@Suite struct NumberFormatting {
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"),
        (1.005, "1"),  // stored as 1.00499999999999989…, so it rounds down
        (12.5, "12.5"), (-3.14159, "-3.14"), (1e-7, "0"), (-1e-7, "0"),
        (123456, "123456"), (0.1 + 0.2, "0.3"), (2.675, "2.67"), (0.125, "0.13"), (-0.005, "-0.01"),
        (1e16, "10000000000000000"), (1e20, "1e+20"),
    ])
    func twoDecimals(value: Double, expected: String) {
        #expect(formatNumber(value) == expected)
    }

    @Test func otherDecimals() {
        #expect(formatNumber(2.5, decimals: 0) == "3")
        #expect(formatNumber(-2.5, decimals: 0) == "-3")
        #expect(formatNumber(0.000125, decimals: 4) == "0.0001")
        #expect(formatNumber(0.5, decimals: 3) == "0.5")
        #expect(formatNumber(.nan) == "nan")
    }

    @Test func logarithm() {
        for x in [1e-300, 1e-12, 0.003, 0.5, 1, 2, 10, 1000, 123456.789, 1e300] {
            #expect(abs(base10Log(x) - log10(x)) < 1e-13, "log10 of \(x)")
        }
        #expect(base10Log(0) == -.infinity)
        #expect(base10Log(-1).isNaN)
    }
}
