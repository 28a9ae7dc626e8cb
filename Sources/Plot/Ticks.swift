// "Nice" axis ticks: multiples of 1, 2 or 5 × 10^k, so the labels read 0, 0.5, 1 and not 0.37, 0.74.

/// A tick spacing of the form mantissa × 10^exponent, with mantissa 1, 2 or 5.
struct TickStep {
    var mantissa: Int
    var exponent: Int

    var size: Double { value(1) }

    /// The k-th multiple, computed from integers so that e.g. 3 × 0.1 is exactly the double 0.3.
    func value(_ k: Int) -> Double {
        exponent >= 0 ? Double(k * mantissa) * powerOfTen(exponent) : Double(k * mantissa) / powerOfTen(-exponent)
    }

    /// The k with k·size inside lower...upper (a hair of tolerance for rounding), in order.
    func multiples(from lower: Double, to upper: Double) -> [Int] {
        let first = (lower / size - 1e-9).rounded(.up), last = (upper / size + 1e-9).rounded(.down)
        guard abs(first) < 1e12, abs(last) < 1e12, first <= last else { return [] }
        return Array(Int(first)...Int(last))
    }

    /// The k-th multiple as a label: plain decimals ("0.25", "1500") for everyday steps,
    /// scientific ("2.5e-7", "-1e9") when the step is below 1e-4 or above 1e5.
    func label(_ k: Int) -> String {
        guard exponent <= -5 || exponent >= 6 else { return formatNumber(value(k), decimals: max(0, -exponent)) }
        var (digits, power) = (k * mantissa, exponent)
        guard digits != 0 else { return "0" }
        while digits % 10 == 0 { (digits, power) = (digits / 10, power + 1) }
        let text = String(abs(digits))  // d.ddd × 10^(power + count - 1)
        let mantissa = text.count == 1 ? text : text.prefix(1) + "." + text.dropFirst()
        return (digits < 0 ? "-" : "") + mantissa + "e\(power + text.count - 1)"
    }

    /// The smallest range of multiples of the step that contains lower...upper.
    func enclosing(_ lower: Double, _ upper: Double) -> (Double, Double) {
        let first = (lower / size + 1e-9).rounded(.down), last = (upper / size - 1e-9).rounded(.up)
        guard abs(first) < 1e12, abs(last) < 1e12 else { return (lower, upper) }
        return (value(Int(first)), value(Int(last)))
    }
}

extension TickStep {
    /// The smallest nice step at least as large as `rough` (1 when `rough` is not positive and finite).
    init(atLeast rough: Double) {
        guard rough.isFinite && rough > 0 else {
            self.init(mantissa: 1, exponent: 0)
            return
        }
        var exponent = 0
        while powerOfTen(exponent) > rough { exponent -= 1 }
        while powerOfTen(exponent + 1) <= rough { exponent += 1 }
        // Now 10^exponent ≤ rough < 10^(exponent+1); the tolerance keeps e.g. 0.2 from becoming 0.5.
        if let mantissa = [1, 2, 5].first(where: { Double($0) * powerOfTen(exponent) >= rough * (1 - 1e-9) }) {
            self.init(mantissa: mantissa, exponent: exponent)
        } else {
            self.init(mantissa: 1, exponent: exponent + 1)  // 10 × 10^exponent
        }
    }
}

/// One axis of a plot: its (possibly log10) range, tick positions and tick labels.
struct AxisScale {
    var lower: Double
    var upper: Double
    var step: TickStep
    var isLog: Bool
    var ticks: [Double]
    var labels: [String]

    /// The axis for data spanning `lower...upper` (already log10 when `log`), with about `target`
    /// intervals between ticks. With `expand`, the range grows to the enclosing ticks.
    /// A log axis has its ticks on whole decades. Bounds beyond ±1e300 are clamped so the span stays finite.
    init(lower: Double, upper: Double, expand: Bool, target: Int, log: Bool) {
        var (lo, hi) = (min(max(lower, -1e300), 1e300), min(max(upper, -1e300), 1e300))
        if !(hi > lo) {  // a single value: give it some room
            let pad = log || lo == 0 ? 1 : abs(lo) / 2
            (lo, hi) = (lo - pad, hi + pad)
        }
        step = TickStep(atLeast: (hi - lo) / Double(max(1, target)))
        if log && step.exponent < 0 { step = TickStep(mantissa: 1, exponent: 0) }
        if expand { (lo, hi) = step.enclosing(lo, hi) }
        (self.lower, self.upper, isLog) = (lo, hi, log)
        let multiples = step.multiples(from: lo, to: hi)
        ticks = multiples.map(step.value)
        labels = log ? ticks.map { AxisScale.decadeLabel(Int($0.rounded())) } : multiples.map(step.label)
    }

    var span: Double { upper - lower }

    /// A value of the axis in words, for alt text: its label when it is a tick, else a number
    /// precise enough for the step ("10^-2.5" on a log axis).
    func describe(_ v: Double) -> String {
        if let i = ticks.firstIndex(of: v) { return labels[i] }
        return isLog ? "10^" + formatNumber(v) : formatNumber(v, decimals: max(2, 1 - step.exponent))
    }

    /// 10^k written plainly for small k ("0.01", "1000") and as "1e-5" beyond.
    static func decadeLabel(_ k: Int) -> String {
        (-3...4).contains(k) ? formatNumber(powerOfTen(k), decimals: 3) : "1e\(k)"
    }
}
