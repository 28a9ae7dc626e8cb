import Foundation
import Testing
@testable import BookFormat

/// The book's formatter against Foundation's `String(format:)` (glibc's printf underneath) on many
/// seeded random values, with every format string the chapters use and with random directives.
@Suite struct FormatAgainstFoundationTests {
    /// Every `String(format: "…")` and `format("…")` template written out in chapters/*.md (templates
    /// built by interpolation, like `"%\(width).\(decimals)f"`, are covered by `randomDirectives`).
    static let chapterTemplates: [String] = {
        let chapters = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../chapters").standardizedFileURL
        let files = (try? FileManager.default.contentsOfDirectory(atPath: chapters.path)) ?? []
        var templates: Set<String> = []
        for file in files where file.hasSuffix(".md") {
            guard let text = try? String(contentsOf: chapters.appendingPathComponent(file), encoding: .utf8) else { continue }
            for call in ["String(format: \"", "format(\""] {
                for piece in text.components(separatedBy: call).dropFirst() {
                    guard let end = piece.firstIndex(of: "\"") else { continue }
                    let template = String(piece[..<end])
                    if !template.contains("\\(") && template.contains("%") { templates.insert(template) }
                }
            }
        }
        return templates.sorted()
    }()

    /// The directives of all chapter templates, each once: `%.4f`, `%5d`, `%8.2g`, ...
    static let chapterDirectives: [ConversionSpec] = {
        var seen: [ConversionSpec] = []
        for template in chapterTemplates {
            for case .directive(let spec) in FormatTemplate(template).pieces where !seen.contains(spec) {
                seen.append(spec)
            }
        }
        return seen
    }()

    @Test func theChaptersHaveTemplates() {
        // A guard against the search above silently finding nothing (a moved folder, a renamed call).
        #expect(Self.chapterTemplates.count >= 50, "found \(Self.chapterTemplates.count) templates")
        #expect(Self.chapterDirectives.contains { $0.conversion == UInt8(ascii: "g") })
        #expect(Self.chapterDirectives.contains { $0.conversion == UInt8(ascii: "e") })
    }

    /// 100,000 values (`ValueSource`), each formatted with 4 of the chapters' floating-point
    /// directives in turn, so that every directive sees over 100,000 · 4 / (number of directives) values.
    @Test func chapterDirectivesOnManyValues() {
        var source = ValueSource(seed: 2026)
        let directives = Self.chapterDirectives.filter(\.isFloatingPoint)
        var checked = Array(repeating: 0, count: directives.count), mismatches: [String] = []
        for i in 0..<100_000 {
            let value = source.next()
            for k in 0..<4 {
                let d = (4 * i + k) % directives.count, template = directives[d].template
                let ours = format(template, value), theirs = String(format: template, value)
                checked[d] += 1
                if ours != theirs && mismatches.count < 10 {
                    mismatches.append("\(template) of \(value) (bits 0x\(String(value.bitPattern, radix: 16))): "
                        + "\(ours) vs Foundation's \(theirs)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(checked.min()! >= 400_000 / directives.count, "\(directives.count) directives, \(checked)")
    }

    /// Every chapter template with random arguments of the kinds its directives take.
    @Test func chapterTemplatesWithRandomArguments() {
        var source = ValueSource(seed: 11)
        var mismatches: [String] = []
        for template in Self.chapterTemplates {
            let specs = FormatTemplate(template).pieces.compactMap { piece -> ConversionSpec? in
                if case .directive(let spec) = piece { return spec } else { return nil }
            }
            for _ in 0..<200 {
                let values = specs.map { source.argument(for: $0) }
                let ours = format(template, values: values)
                let theirs = Self.reference(template, values)
                if ours != theirs && mismatches.count < 10 { mismatches.append("\(template) \(values): \(ours) vs \(theirs)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    /// What `String(format: template)` gives, except that a width on `%@`, which Linux Foundation
    /// ignores, pads the text as the chapters' `padding(toLength:withPad:startingAt:)` did before
    /// they wrote `format("%-12@", label)` (and as spaces in front for a right-aligned `%12@`).
    static func reference(_ template: String, _ values: [FormatValue]) -> String {
        var foundationTemplate = "", arguments: [any CVarArg] = [], next = 0
        for piece in FormatTemplate(template).pieces {
            switch piece {
            case .text(let bytes):
                foundationTemplate += String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "%", with: "%%")
            case .directive(var spec):
                var value = values[next]
                next += 1
                if case .text(let label) = value, spec.width > label.count {
                    value = .text(spec.leftAligned ? label.padding(toLength: spec.width, withPad: " ", startingAt: 0)
                                  : String(repeating: " ", count: spec.width - label.count) + label)
                    (spec.width, spec.leftAligned) = (0, false)
                }
                foundationTemplate += spec.template
                arguments.append(value.cVarArg)
            }
        }
        return String(format: foundationTemplate, arguments: arguments)
    }

    /// Random directives (flags, width 0...30, precision none or 0...20, every conversion) on random values.
    @Test func randomDirectives() {
        var source = ValueSource(seed: 7)
        var mismatches: [String] = []
        for _ in 0..<50_000 {
            let spec = source.directive()
            let value = source.argument(for: spec)
            let template = spec.template
            let ours = format(template, values: [value])
            let theirs = String(format: template, arguments: [value.cVarArg])
            if ours != theirs && mismatches.count < 10 { mismatches.append("\(template) of \(value): \(ours) vs \(theirs)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }
}

extension ConversionSpec {
    /// The directive written back as text: `%-+08.3f`.
    var template: String {
        var text = "%"
        if leftAligned { text += "-" }
        if plusSign { text += "+" }
        if spaceSign { text += " " }
        if zeroPadded { text += "0" }
        if alternate { text += "#" }
        if width > 0 { text += "\(width)" }
        if let precision { text += ".\(precision)" }
        // Foundation reads %d as a 32-bit int: the long modifier makes it read the whole Int.
        if !isFloatingPoint && conversion != UInt8(ascii: "@") && conversion != UInt8(ascii: "s") { text += "l" }
        return text + String(decoding: [conversion], as: UTF8.self)
    }
}

extension FormatValue {
    /// The same value for Foundation's varargs.
    var cVarArg: any CVarArg {
        switch self {
        case .signed(let n): Int(n)
        case .unsigned(let n): UInt(n)
        case .double(let x): x
        case .text(let s): s
        }
    }
}

/// Seeded values that exercise the formatter: mostly numbers like the chapters print (a few
/// digits, either sign, magnitudes 1e-9 to 1e12), many near a rounding tie (n/10^k and n/2^k and
/// one ulp either side), some Floats, and raw bit patterns over the whole range (denormals, huge
/// numbers, infinities, NaNs).
struct ValueSource {
    var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> Double {
        let sign: Double = generator.next() & 1 == 0 ? 1 : -1
        switch generator.next() % 8 {
        case 0, 1:  // a number the chapters might print
            let unit = Double(generator.next() >> 11) * 0x1p-53
            return sign * unit * pow(10, Double(Int(generator.next() % 22) - 9))
        case 2:  // a decimal tie or its neighbours: n / 10^k
            let tie = Double(generator.next() % 200_000) / pow(10, Double(generator.next() % 8)) + 0.000_005
            return sign * neighbour(of: tie)
        case 3:  // a binary fraction, an exact tie for some precision: n / 2^k
            return sign * neighbour(of: Double(generator.next() % 100_000) / pow(2, Double(generator.next() % 20)))
        case 4:  // a Float, widened
            return Double(Float(bitPattern: UInt32(truncatingIfNeeded: generator.next())))
        case 5:  // a small integer or half-integer
            return sign * Double(generator.next() % 2_001) / 2
        default:  // any bit pattern
            return Double(bitPattern: generator.next())
        }
    }

    /// x, or the double just below or just above it.
    mutating func neighbour(of x: Double) -> Double {
        switch generator.next() % 3 {
        case 0: x.nextDown
        case 1: x.nextUp
        default: x
        }
    }

    /// A random directive.
    mutating func directive() -> ConversionSpec {
        let conversions = Array("fFeEgGdixXo".unicodeScalars)
        var spec = ConversionSpec(conversions[Int(generator.next() % UInt64(conversions.count))])
        spec.leftAligned = generator.next() % 4 == 0
        spec.plusSign = generator.next() % 4 == 0
        spec.spaceSign = generator.next() % 6 == 0
        spec.zeroPadded = generator.next() % 4 == 0
        spec.alternate = generator.next() % 6 == 0
        spec.width = generator.next() % 3 == 0 ? 0 : Int(generator.next() % 31)
        spec.precision = generator.next() % 3 == 0 ? nil : Int(generator.next() % 21)
        return spec
    }

    /// A random argument of the kind `spec` takes (integers within Int32 for %d, as the chapters' counts).
    mutating func argument(for spec: ConversionSpec) -> FormatValue {
        if spec.isFloatingPoint { return .double(next()) }
        if spec.conversion == UInt8(ascii: "@") || spec.conversion == UInt8(ascii: "s") { return .text("text") }
        let n = Int64(Int32(truncatingIfNeeded: generator.next())) >> Int64(generator.next() % 32)
        return spec.conversion == UInt8(ascii: "d") || spec.conversion == UInt8(ascii: "i")
            ? .signed(n) : .unsigned(UInt64(n.magnitude))
    }
}

/// The book's generator (chapter 1), copied so that these tests depend on no chapter.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &+ 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
