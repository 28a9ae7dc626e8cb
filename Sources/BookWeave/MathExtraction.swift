import BookSource

/// Finds `$...$` and `$$...$$` in a chapter's prose and replaces each with a placeholder that
/// libcmark passes through untouched; after rendering, `restore` puts the MathML in its place.
///
/// Rules, so that a dollar in prose stays a dollar: inline math is on one line, opens with a `$`
/// followed by a non-space and closes with a `$` preceded by a non-space and not followed by a digit
/// (so "$5 and $10" is text); `\$` is a literal dollar; code blocks and `code spans` are never math.
/// Display math is `$$...$$` on one line, or lines between two lines that hold only `$$`.
public struct MathExtraction {
    /// The source with placeholders instead of math; every line stays on its line.
    public var text: String
    /// MathML for each placeholder, in order.
    public var formulas: [(tex: String, html: String, display: Bool)]

    static let open = Placeholder.mathOpen
    static let close = Placeholder.mathClose
    /// Fills the lines of a multi-line display so the paragraph, and every line number, stays.
    static let filler = Placeholder.mathFiller

    static func placeholder(_ k: Int) -> String { Placeholder.numbered(k, open: open, close: close) }

    /// Extracts the math of `source`. `codeLines` are the 1-based lines of code blocks (fences included).
    public init(_ source: String, codeLines: Set<Int>, file: String = "") throws(ChapterErrors) {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        var formulas: [(tex: String, html: String, display: Bool)] = []
        var errors: [ChapterError] = []
        var openSpan: Int?   // length of the backtick run of a code span still open from an earlier line
        var skipUntil = -1
        for n in lines.indices {
            if n <= skipUntil { continue }
            if codeLines.contains(n + 1) || lines[n].allSatisfy(\.isWhitespace) { openSpan = nil; continue }
            let line = lines[n]
            // Most lines have neither math nor code spans.
            if !line.contains("$") && !line.contains("`") { continue }
            if openSpan == nil, String(line).trimmingSpaces() == "$$",
               let end = lines[(n + 1)...].firstIndex(where: { String($0).trimmingSpaces() == "$$" || $0.allSatisfy(\.isWhitespace) }),
               String(lines[end]).trimmingSpaces() == "$$", !(n...end).contains(where: { codeLines.contains($0 + 1) }) {
                // A display between lines of `$$`: the formula on the first line, fillers on the others.
                let tex = lines[(n + 1)..<end].map { String($0).trimmingSpaces() }.joined(separator: " ")
                let indent = Array(line.prefix { $0 == " " })
                do throws(TeX.Error) {
                    let html = try TeX.mathML(tex, display: true)
                    lines[n] = indent + Array(Self.placeholder(formulas.count))
                    formulas.append((tex, html, true))
                    for m in (n + 1)...end { lines[m] = indent + [Self.filler] }
                } catch {
                    errors.append(ChapterError(file: file, line: n + 2, "in the math $$\(tex)$$: \(error.message)"))
                }
                skipUntil = end
                continue
            }
            var out: [Character] = []
            var i = 0
            func rest(_ from: Int) -> ArraySlice<Character> { line[from...] }
            while i < line.count {
                let c = line[i]
                if let run = openSpan {
                    // Inside a code span: look for the closing run of the same length.
                    if c == "`" {
                        let length = Self.run(line, i)
                        out.append(contentsOf: line[i..<(i + length)]); i += length
                        if length == run { openSpan = nil }
                    } else { out.append(c); i += 1 }
                    continue
                }
                if c == "\\", i + 1 < line.count, line[i + 1].isPunctuation || line[i + 1].isSymbol || line[i + 1] == "`" {
                    out.append(c); out.append(line[i + 1]); i += 2
                    continue
                }
                if c == "`" {
                    let length = Self.run(line, i)
                    out.append(contentsOf: line[i..<(i + length)])
                    if Self.hasClosingRun(length, lines: lines, line: n, from: i + length, codeLines: codeLines) { openSpan = length }
                    i += length
                    continue
                }
                if c == "$" {
                    let display = i + 1 < line.count && line[i + 1] == "$"
                    if let (end, tex) = display ? Self.displayEnd(line, i) : Self.inlineEnd(line, i) {
                        do throws(TeX.Error) {
                            let html = try TeX.mathML(tex, display: display)
                            out.append(contentsOf: Self.placeholder(formulas.count))
                            formulas.append((tex, html, display))
                        } catch {
                            errors.append(ChapterError(file: file, line: n + 1, "in the math $\(tex)$: \(error.message)"))
                        }
                        i = end
                        continue
                    }
                    if display { out.append(contentsOf: "$$"); i += 2; continue }
                }
                out.append(c); i += 1
            }
            lines[n] = out
        }
        if !errors.isEmpty { throw ChapterErrors(errors) }
        self.text = lines.map { String($0) }.joined(separator: "\n")
        self.formulas = formulas
    }

    static func run(_ line: [Character], _ i: Int) -> Int {
        var j = i
        while j < line.count && line[j] == "`" { j += 1 }
        return j - i
    }

    /// Whether a code span opened by `length` backticks closes later in the same paragraph.
    static func hasClosingRun(_ length: Int, lines: [[Character]], line n: Int, from start: Int, codeLines: Set<Int>) -> Bool {
        var k = n, j = start
        while k < lines.count {
            if k != n && (codeLines.contains(k + 1) || lines[k].allSatisfy(\.isWhitespace)) { return false }
            let line = lines[k]
            while j < line.count {
                if line[j] == "`" {
                    let r = run(line, j)
                    if r == length { return true }
                    j += r
                } else { j += 1 }
            }
            k += 1; j = 0
        }
        return false
    }

    /// `$$...$$` on one line: the index after the closing `$$` and the TeX between.
    static func displayEnd(_ line: [Character], _ i: Int) -> (Int, String)? {
        var j = i + 2
        while j + 1 < line.count {
            if line[j] == "\\" { j += 2; continue }
            if line[j] == "$" && line[j + 1] == "$" {
                let tex = String(line[(i + 2)..<j]).trimmingSpaces()
                return tex.isEmpty ? nil : (j + 2, tex)
            }
            j += 1
        }
        return nil
    }

    /// `$...$` on one line, with the rules that keep prices and prompts out of math.
    static func inlineEnd(_ line: [Character], _ i: Int) -> (Int, String)? {
        guard i + 1 < line.count, !line[i + 1].isWhitespace else { return nil }
        var j = i + 1
        while j < line.count {
            if line[j] == "\\" { j += 2; continue }
            if line[j] == "$" {
                let closesHere = !line[j - 1].isWhitespace && !(j + 1 < line.count && line[j + 1].isNumber)
                if closesHere && j > i + 1 { return (j + 1, String(line[(i + 1)..<j])) }
                if !closesHere { return nil }
            }
            j += 1
        }
        return nil
    }

    /// Puts the MathML where the placeholders are in rendered HTML. A display formula that is a
    /// paragraph of its own becomes a `<div class="math">` instead of a `<p>`.
    public func restore(_ html: String) -> String {
        guard !formulas.isEmpty else { return html }
        let b = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count * 2)
        let (openBytes, closeBytes, fillerBytes) = (Placeholder.utf8(Self.open), Placeholder.utf8(Self.close), Placeholder.utf8(Self.filler))
        func marker(_ i: Int, _ bytes: [UInt8]) -> Bool { b[i...].starts(with: bytes) }
        func starts(_ i: Int, _ s: String) -> Bool { b[i...].starts(with: s.utf8) }
        var i = 0
        while i < b.count {
            if marker(i, fillerBytes) {
                if out.last == UInt8(ascii: "\n") { out.removeLast() }
                i += 3; continue
            }
            if marker(i, openBytes) {
                var j = i + 3, k = 0
                while j < b.count, b[j] >= UInt8(ascii: "0"), b[j] <= UInt8(ascii: "9") { k = k * 10 + Int(b[j] - UInt8(ascii: "0")); j += 1 }
                if marker(j, closeBytes), k < formulas.count {
                    let formula = formulas[k]
                    var after = j + 3
                    while after + 3 < b.count, b[after] == UInt8(ascii: "\n"), marker(after + 1, fillerBytes) { after += 4 }
                    if formula.display, out.count >= 3, out.suffix(3).elementsEqual("<p>".utf8), starts(after, "</p>") {
                        out.removeLast(3)
                        out += Array("<div class=\"math\">\(formula.html)</div>".utf8)
                        i = after + 4
                    } else {
                        out += Array(formula.html.utf8)
                        i = j + 3
                    }
                    continue
                }
            }
            out.append(b[i]); i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Plain text with the TeX source in place of each placeholder (headings, the table of contents).
    public func plain(_ text: String) -> String {
        guard text.contains(Self.open) else { return text }
        var result = text
        for (k, formula) in formulas.enumerated() {
            result = result.replacingOccurrences(of: Self.placeholder(k), with: formula.tex)
        }
        return result
    }
}
