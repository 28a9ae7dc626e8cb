import Foundation
import Testing
@testable import Plot

@Suite struct NiceTicks {
    static let ranges: [ClosedRange<Double>] = [
        0...1, -6...6, 0.05...2.3, -1...1, 1...30, 0.001...0.0037, -1234...5678, 3...3.0001, -0.7...0.3, 1e6...5e7,
    ]

    @Test(arguments: ranges)
    func ticksAreNiceAndCoverTheRange(range: ClosedRange<Double>) throws {
        let axis = AxisScale(lower: range.lowerBound, upper: range.upperBound, expand: false, target: 5, log: false)
        let step = axis.step.size
        // The step is 1, 2 or 5 times a power of ten.
        let mantissa = step / pow(10, floor(log10(step)))
        #expect([1.0, 2.0, 5.0].contains { abs(mantissa - $0) < 1e-9 }, "step \(step)")
        // Between 2 and 11 ticks, all inside the range, evenly spaced, none missing at the ends.
        #expect((2...11).contains(axis.ticks.count), "\(axis.ticks)")
        let first = try #require(axis.ticks.first), last = try #require(axis.ticks.last)
        #expect(first >= range.lowerBound && last <= range.upperBound)
        #expect(first - step < range.lowerBound && last + step > range.upperBound)
        for (a, b) in zip(axis.ticks, axis.ticks.dropFirst()) { #expect(abs(b - a - step) < step * 1e-9) }
        for t in axis.ticks { #expect(abs(t / step - (t / step).rounded()) < 1e-9) }
        #expect(axis.labels.count == axis.ticks.count)
    }

    @Test(arguments: ranges)
    func expandedRangeEndsOnTicks(range: ClosedRange<Double>) {
        let axis = AxisScale(lower: range.lowerBound, upper: range.upperBound, expand: true, target: 5, log: false)
        let step = axis.step.size
        #expect(axis.lower <= range.lowerBound && axis.upper >= range.upperBound)
        #expect(axis.lower > range.lowerBound - step && axis.upper < range.upperBound + step)
        #expect(axis.ticks.first == axis.lower && axis.ticks.last == axis.upper)
    }

    @Test func knownTicks() {
        let ticks = { (lo: Double, hi: Double, target: Int) in
            AxisScale(lower: lo, upper: hi, expand: false, target: target, log: false).ticks
        }
        #expect(ticks(0, 1, 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(ticks(-6, 6, 6) == [-6, -4, -2, 0, 2, 4, 6])
        #expect(ticks(0.05, 2.3, 5) == [0.5, 1, 1.5, 2])
        #expect(ticks(0.3, 0.7, 4) == [0.3, 0.4, 0.5, 0.6, 0.7])
        let loss = AxisScale(lower: 0.05, upper: 2.3, expand: true, target: 5, log: false)
        #expect(loss.lower == 0 && loss.upper == 2.5 && loss.labels == ["0", "0.5", "1", "1.5", "2", "2.5"])
        // A single value gets room around it.
        let flat = AxisScale(lower: 0.5, upper: 0.5, expand: true, target: 4, log: false)
        #expect(flat.lower == 0.2 && flat.upper == 0.8)
    }

    @Test func tinyAndHugeStepsGetScientificLabels() {
        let tiny = AxisScale(lower: 0, upper: 1e-6, expand: false, target: 5, log: false)
        #expect(tiny.labels == ["0", "2e-7", "4e-7", "6e-7", "8e-7", "1e-6"])
        let huge = AxisScale(lower: -1.5e7, upper: 1.5e7, expand: false, target: 6, log: false)
        #expect(huge.labels == ["-1.5e7", "-1e7", "-5e6", "0", "5e6", "1e7", "1.5e7"])
        let everyday = AxisScale(lower: 0, upper: 1e-3, expand: false, target: 4, log: false)
        #expect(everyday.labels == ["0", "0.0005", "0.001"])
    }

    @Test func logAxisUsesWholeDecades() {
        let axis = AxisScale(lower: base10Log(0.0036), upper: base10Log(2.3), expand: true, target: 4, log: true)
        #expect(axis.lower == -3 && axis.upper == 1)
        #expect(axis.labels == ["0.001", "0.01", "0.1", "1", "10"])
        #expect(AxisScale.decadeLabel(-7) == "1e-7")
    }
}
