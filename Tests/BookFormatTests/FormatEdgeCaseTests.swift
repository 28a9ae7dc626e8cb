import Foundation
import Testing
@testable import BookFormat

/// Hand-picked values whose printf text is known: ties, rounding carries, large and tiny numbers,
/// signed zeros, non-finite values. Each is checked against the expected text and against Foundation.
@Suite struct FormatEdgeCaseTests {
    /// (format, value, what printf writes).
    static let cases: [(String, Double, String)] = [
        // Exact ties go to the even digit; values just off a tie go the way their binary value lies.
        ("%.2f", 0.125, "0.12"), ("%.2f", 0.375, "0.38"), ("%.0f", 0.5, "0"), ("%.0f", 1.5, "2"),
        ("%.0f", 2.5, "2"), ("%.0f", -2.5, "-2"), ("%.1f", 0.25, "0.2"), ("%.1f", 0.35, "0.3"),
        ("%.2f", 2.675, "2.67"), ("%.2f", 1.005, "1.00"), ("%.1f", 0.05, "0.1"), ("%.3f", 1.0005, "1.000"),
        ("%.4f", 0.00005, "0.0001"), ("%.4f", 0.000049999, "0.0000"),
        // Carries through every digit.
        ("%.2f", 9.995, "9.99"), ("%.2f", 9.9951, "10.00"), ("%.1f", 99.96, "100.0"), ("%5.1f", 999.96, "1000.0"),
        ("%.1e", 9.96, "1.0e+01"), ("%.2e", 9.999e-5, "1.00e-04"), ("%.0e", 9.5, "1e+01"), ("%.0e", 8.5, "8e+00"),
        // Large and tiny.
        ("%.4f", 1e20, "100000000000000000000.0000"), ("%.0f", 1e22, "10000000000000000000000"),
        ("%.0f", 1e23, "99999999999999991611392"), ("%.4f", 1e-7, "0.0000"), ("%.1e", 1e-7, "1.0e-07"),
        ("%.3e", 5e-324, "4.941e-324"), ("%.2e", 2.2250738585072014e-308, "2.23e-308"),
        ("%.3e", 1.7976931348623157e308, "1.798e+308"), ("%e", 0, "0.000000e+00"),
        ("%.2e", 123456, "1.23e+05"), ("%.7f", 1e-7, "0.0000001"),
        // %g: the style follows the exponent, trailing zeros go.
        ("%g", 0, "0"), ("%g", 100000, "100000"), ("%g", 1000000, "1e+06"), ("%g", 0.0001, "0.0001"),
        ("%g", 0.00001, "1e-05"), ("%g", 123456789, "1.23457e+08"), ("%g", 0.1, "0.1"), ("%6g", 1e-3, " 0.001"),
        ("%.2g", 99.5, "1e+02"), ("%.2g", 0.000099996, "0.0001"), ("%11.4g", 1234.5, "       1234"),
        ("%8.2g", 0.0123, "   0.012"), ("%-7.1g", 0.05, "0.05   "), ("%#g", 1, "1.00000"), ("%.0g", 25, "2e+01"),
        // Signs, zeros, padding.
        ("%.2f", -0.0, "-0.00"), ("%.2f", -0.001, "-0.00"), ("%+.3f", 0.5, "+0.500"), ("%+.2f", -1.5, "-1.50"),
        ("% .1f", 2, " 2.0"), ("%08.3f", -3.14159, "-003.142"), ("%-8.2f|", 1.5, "1.50    |"), ("%#.0f", 3, "3."),
        ("%5.1f%%", 12.345, " 12.3%"), ("%.0f", -0.4, "-0"),
        // Non-finite values.
        ("%.4f", .nan, "nan"), ("%.4f", -.nan, "-nan"), ("%6.1f", -.infinity, "  -inf"),
        ("%06.1f", .infinity, "   inf"), ("%+e", .infinity, "+inf"), ("%F", .infinity, "INF"), ("%g", .nan, "nan"),
    ]

    @Test(arguments: cases.indices) func knownText(_ index: Int) {
        let (template, value, expected) = Self.cases[index]
        #expect(format(template, value) == expected, "\(template) of \(value)")
        #expect(format(template, value) == String(format: template, value), "\(template) of \(value) vs Foundation")
    }

    @Test func floatArgumentsAreWidenedExactly() {
        let third: Float = 1 / 3
        #expect(format("%.10f", third) == "0.3333333433")
        #expect(format("%.10f", third) == String(format: "%.10f", third))
        #expect(format("%.3e", Float.leastNonzeroMagnitude) == String(format: "%.3e", Float.leastNonzeroMagnitude))
    }

    @Test func integers() {
        #expect(format("%d|%5d|%-5d|%05d|%+d|% d", 42, 42, 42, -42, 42, 42) == "42|   42|42   |-0042|+42| 42")
        #expect(format("%.3d|%8.3d|%.0d|", 7, -7, 0) == "007|    -007||")
        #expect(format("%08x|%x|%X|%#x|%o|%#o", UInt32(0x801), 255, 255, 255, 8, 8) == "00000801|ff|FF|0xff|10|010")
        #expect(format("%d", Int.min) == "-9223372036854775808")
        #expect(format("%02d:%02d", 5, 17) == "05:17")
    }

    @Test func textAndPercent() {
        #expect(format("[%@] %s|%5s|%-5s|%.2s", "a", "bc", "de", "fg", "hij") == "[a] bc|   de|fg   |hi")
        #expect(format("100%% of %d", 3) == "100% of 3")
        #expect(format("no directives") == "no directives")
        #expect(format("η = %.1f: ∂L/∂w ≈ %.4f", 0.25, -1.0 / 3) == "η = 0.2: ∂L/∂w ≈ -0.3333")
    }

    /// `%-N@` pads a label as Foundation's `padding(toLength:withPad:startingAt:)` does (while it
    /// fits), counting characters, not bytes. (Foundation's own `%@` ignores the width on Linux.)
    @Test func textWidthCountsCharactersNotBytes() {
        for (label, width) in [("η", 5), ("∂L/∂w", 9), ("x₁ x₂", 8), ("ReLU, He", 12), ("σ′(z)", 5)] {
            #expect(format("%-\(width)@", label) == label.padding(toLength: width, withPad: " ", startingAt: 0))
            #expect(format("%\(width)@|", label) == String(repeating: " ", count: width - label.count) + label + "|")
        }
        #expect(format("%.3@|%-4.2s|", "σ′(z)", "∂L") == "σ′(|∂L  |")
    }

    @Test func templatesParseIntoPieces() {
        let pieces = FormatTemplate("a %-+08.3lf%%b").pieces
        var spec = ConversionSpec("f")
        (spec.leftAligned, spec.plusSign, spec.zeroPadded, spec.width, spec.precision) = (true, true, true, 8, 3)
        #expect(pieces == [.text(Array("a ".utf8)), .directive(spec), .text(Array("%b".utf8))])
    }

    @Test func exactExpansionOfATenth() {
        let tenth = DecimalExpansion(0.1)
        #expect(tenth.scale == 55)
        #expect(DecimalExpansion(2.5).digits == [2, 5] && DecimalExpansion(2.5).scale == 1)
        #expect(DecimalExpansion(1e22).scale == 0 && DecimalExpansion(0).digits.isEmpty)
        #expect(tenth.digits.map(String.init).joined() == "1000000000000000055511151231257827021181583404541015625")
        #expect(DecimalExpansion(1e23).digits.map(String.init).joined() == "99999999999999991611392")
        #expect(DecimalExpansion(5e-324).digits.count == 751)
    }

    @Test func misuseStopsWithAMessage() async {
        await #expect(processExitsWith: .failure) { _ = format("%.4f %.4f", 1.0) }
        await #expect(processExitsWith: .failure) { _ = format("%d", 1.5) }
        await #expect(processExitsWith: .failure) { _ = format("%.4", 1.0) }
        await #expect(processExitsWith: .failure) { _ = format("%.2f", 1.0, 2.0) }
    }
}
