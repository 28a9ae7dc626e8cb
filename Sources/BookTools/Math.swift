/// Mathematics in the chapters' prose: a small subset of TeX, turned into MathML when the book is
/// rendered, so a page shows formulas without scripts, fonts from the network or images.
///
///     $\frac{\partial L}{\partial z} = p - y$       inline math
///     $$\theta \leftarrow \theta - \eta \nabla L$$  display math (a line of its own)
///
/// The supported TeX is listed in `TeX` below and in the README. Math never spans lines, and it is
/// looked for only in prose: code blocks and code spans are left alone.
public enum TeX {
    public struct Error: Swift.Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
        init(_ message: String) { self.message = message }
    }

    /// The `<math>` element for a formula. The TeX source is kept in an `<annotation>`, which browsers
    /// do not display but which copies, screen readers and search can use.
    public static func mathML(_ tex: String, display: Bool) throws(TeX.Error) -> String {
        var parser = Parser(Array(tex))
        let row = try parser.parseRow(until: nil)
        let body = row.count == 1 ? row[0] : "<mrow>" + row.joined() + "</mrow>"
        let open = display ? "<math display=\"block\">" : "<math>"
        return open + "<semantics>" + body + "<annotation encoding=\"application/x-tex\">"
            + escapeHTML(tex) + "</annotation></semantics></math>"
    }

    // MARK: The vocabulary

    static let greek: [String: Character] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ",
        "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ",
        "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Identifiers set upright, like TeX's `\partial` or `\infty`.
    static let ordinary: [String: Character] = [
        "partial": "∂", "nabla": "∇", "infty": "∞", "top": "⊤", "ell": "ℓ", "emptyset": "∅",
    ]

    static let operators: [String: String] = [
        "cdot": "⋅", "times": "×", "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "circ": "∘", "ast": "∗",
        "pm": "±", "mp": "∓", "div": "÷", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠",
        "neq": "≠", "approx": "≈", "sim": "∼", "equiv": "≡", "propto": "∝", "ll": "≪", "gg": "≫",
        "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩",
        "leftarrow": "←", "gets": "←", "rightarrow": "→", "to": "→", "mapsto": "↦",
        "Rightarrow": "⇒", "implies": "⇒", "Leftrightarrow": "⇔", "iff": "⇔", "uparrow": "↑", "downarrow": "↓",
        "forall": "∀", "exists": "∃", "neg": "¬", "land": "∧", "lor": "∨",
        "ldots": "…", "dots": "…", "cdots": "⋯", "mid": "∣", "colon": ":",
        "lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖", "Vert": "‖",
        "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
    ]

    /// Big operators: their sub- and superscripts go below and above in display math.
    static let bigOperators: [String: String] = ["sum": "∑", "prod": "∏", "int": "∫", "bigcup": "⋃", "bigcap": "⋂"]

    /// Named functions, set upright: `\log x`.
    static let functions: Set<String> = [
        "log", "ln", "exp", "max", "min", "sin", "cos", "tan", "tanh", "sinh", "cosh", "arg", "det",
        "lim", "sup", "inf", "dim", "deg", "gcd", "Pr",
    ]
    /// Functions whose subscript goes below in display math, like a big operator's: `\max_j`.
    static let limitFunctions: Set<String> = ["max", "min", "lim", "sup", "inf", "arg"]

    static let accents: [String: String] = [
        "hat": "^", "widehat": "^", "bar": "¯", "overline": "¯", "tilde": "~", "widetilde": "~",
        "vec": "→", "dot": "˙", "ddot": "¨",
    ]

    static let spaces: [String: String] = [
        ",": "0.1667em", ":": "0.2222em", ";": "0.2778em", " ": "0.25em", "quad": "1em", "qquad": "2em",
        "thinspace": "0.1667em",
    ]

    static let delimiters: [String: String] = [
        "(": "(", ")": ")", "[": "[", "]": "]", "|": "|", "\\{": "{", "\\}": "}", "\\|": "‖", ".": "",
        "\\lvert": "|", "\\rvert": "|", "\\lVert": "‖", "\\rVert": "‖", "\\Vert": "‖",
        "\\langle": "⟨", "\\rangle": "⟩", "\\lfloor": "⌊", "\\rfloor": "⌋", "\\lceil": "⌈", "\\rceil": "⌉",
    ]

    // MARK: The parser

    struct Parser {
        let chars: [Character]
        var i = 0
        /// Inside `\mathbf{...}`: letters and digits are set in bold.
        var bold = false

        init(_ chars: [Character]) { self.chars = chars }

        var atEnd: Bool { i >= chars.count }
        var peek: Character? { i < chars.count ? chars[i] : nil }

        mutating func skipSpaces() { while let c = peek, c.isWhitespace { i += 1 } }

        /// Atoms with their scripts up to `terminator` (`}` or `\right`), or the end when nil.
        mutating func parseRow(until terminator: String?) throws(TeX.Error) -> [String] {
            var items: [String] = []
            var previousIsFunction = false
            while true {
                skipSpaces()
                if atEnd {
                    if let terminator { throw TeX.Error("missing \(terminator == "}" ? "}" : "\\right")") }
                    return items
                }
                if terminator == "}" && peek == "}" { i += 1; return items }
                if peek == "}" { throw TeX.Error("unexpected }") }
                if terminator == "\\right" && lookingAt("\\right") { return items }
                if lookingAt("\\right") { throw TeX.Error("\\right without \\left") }
                guard let atom = try parseAtom(script: false) else { continue }
                let html = try parseScripts(atom)
                // A thin space after a function name, as TeX sets it: "log x", but "log(x)".
                if previousIsFunction && !html.hasPrefix("<mo stretchy=\"false\">") && !html.hasPrefix("<mrow><mo fence") {
                    items.append("<mspace width=\"0.1667em\"></mspace>")
                }
                items.append(html)
                previousIsFunction = atom.isFunction
            }
        }

        func lookingAt(_ command: String) -> Bool {
            let c = Array(command)
            guard i + c.count <= chars.count, Array(chars[i..<(i + c.count)]) == c else { return false }
            // `\right` must not be the start of `\rightarrow`.
            let after = i + c.count
            return after >= chars.count || !chars[after].isLetter
        }

        /// One atom: a group, a command, a letter, a number or a symbol. In a script (`x^2`), a
        /// number is a single digit, as in TeX. Returns nil for things that produce nothing.
        mutating func parseAtom(script: Bool) throws(TeX.Error) -> Atom? {
            skipSpaces()
            guard let c = peek else { throw TeX.Error("missing argument at the end") }
            if c == "{" {
                i += 1
                return Atom(row(try parseRow(until: "}")))
            }
            if c == "}" { throw TeX.Error("missing argument before }") }
            if c == "^" || c == "_" { throw TeX.Error("\(c) without something before it to attach to") }
            if c == "\\" { return try parseCommand() }
            i += 1
            if c.isNumber && c.isASCII {
                var number = String(c)
                if !script {
                    while let d = peek, d.isASCII, d.isNumber || (d == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                        number.append(d); i += 1
                    }
                }
                return Atom("<mn>\(escapeHTML(bold ? Self.boldText(number) : number))</mn>")
            }
            if c.isLetter {
                if bold { return Atom("<mi mathvariant=\"normal\">\(Self.boldText(String(c)))</mi>") }
                return Atom("<mi>\(escapeHTML(String(c)))</mi>")
            }
            switch c {
            case "-": return Atom(mo("−"))
            case "*": return Atom(mo("∗"))
            case "(", ")", "[", "]", "|": return Atom("<mo stretchy=\"false\">\(c)</mo>")
            case "'": return Atom(mo("′"))
            case "/": return Atom("<mo lspace=\"0\" rspace=\"0\">/</mo>")  // TeX sets a / without space
            case "~": return Atom("<mspace width=\"0.25em\"></mspace>")
            case "&", "#", "%", "$": throw TeX.Error("\(c) needs a backslash in math: \\\(c)")
            default:
                if let op = TeX.bigOperators.first(where: { $0.value == String(c) }) {
                    return Atom(mo(op.value), limits: true)
                }
                return Atom(mo(String(c)))
            }
        }

        mutating func parseCommand() throws(TeX.Error) -> Atom? {
            i += 1  // the backslash
            guard let first = peek else { throw TeX.Error("a lone \\ at the end") }
            var name = ""
            if first.isLetter && first.isASCII {
                while let c = peek, c.isLetter, c.isASCII { name.append(c); i += 1 }
            } else {
                name = String(first); i += 1
            }
            if let width = TeX.spaces[name] { return Atom("<mspace width=\"\(width)\"></mspace>") }
            switch name {
            case "{", "}", "$", "%", "&", "#", "_": return Atom(mo(name))
            case "|": return Atom(mo("‖"))
            case "!": return nil  // a negative thin space: ignored
            case "\\": throw TeX.Error("line breaks (\\\\) are not supported; write two formulas")
            default: break
            }
            if let letter = TeX.greek[name] {
                let text = bold ? Self.boldText(String(letter)) : String(letter)
                return Atom(letter.isUppercase || bold ? "<mi mathvariant=\"normal\">\(text)</mi>" : "<mi>\(text)</mi>")
            }
            if let symbol = TeX.ordinary[name] { return Atom("<mi mathvariant=\"normal\">\(symbol)</mi>") }
            if let op = TeX.operators[name] { return Atom(mo(op)) }
            if let op = TeX.bigOperators[name] { return Atom(mo(op), limits: true) }
            if TeX.functions.contains(name) {
                return Atom("<mi>\(name)</mi>", limits: TeX.limitFunctions.contains(name), isFunction: true)
            }
            if let accent = TeX.accents[name] {
                let base = try argument()
                return Atom("<mover accent=\"true\">\(base)<mo>\(escapeHTML(accent))</mo></mover>")
            }
            switch name {
            case "frac", "dfrac", "tfrac":
                let numerator = try argument()
                let denominator = try argument()
                return Atom("<mfrac>\(numerator)\(denominator)</mfrac>")
            case "sqrt":
                skipSpaces()
                if peek == "[" {
                    i += 1
                    var index: [String] = []
                    while peek != "]" {
                        if atEnd { throw TeX.Error("missing ] after \\sqrt[") }
                        if let atom = try parseAtom(script: false) { index.append(atom.html) }
                    }
                    i += 1
                    return Atom("<mroot>\(try argument())\(row(index))</mroot>")
                }
                return Atom("<msqrt>\(try argument())</msqrt>")
            case "mathbf", "boldsymbol", "bm":
                let saved = bold
                bold = true
                defer { bold = saved }
                return Atom(try argument())
            case "mathrm", "operatorname":
                let word = try rawArgument()
                return Atom(word.count == 1 ? "<mi mathvariant=\"normal\">\(escapeHTML(word))</mi>" : "<mi>\(escapeHTML(word))</mi>",
                            isFunction: name == "operatorname")
            case "text", "textrm", "mbox":
                var text = try rawArgument()
                // MathML trims the ends of <mtext>; keep the spaces a writer put there.
                if text.hasPrefix(" ") { text = "\u{A0}" + text.dropFirst() }
                if text.hasSuffix(" ") { text = text.dropLast() + "\u{A0}" }
                return Atom("<mtext>\(escapeHTML(text))</mtext>")
            case "left":
                let open = try delimiter()
                let inner = try parseRow(until: "\\right")
                i += "\\right".count
                let close = try delimiter()
                return Atom("<mrow>" + fence(open) + inner.joined() + fence(close) + "</mrow>")
            case "right":
                throw TeX.Error("\\right without \\left")
            default:
                throw TeX.Error("unknown command \\\(name) (see the list of supported TeX in the README)")
            }
        }

        /// A command's argument: a group or a single atom, as MathML.
        mutating func argument() throws(TeX.Error) -> String {
            guard let atom = try parseAtom(script: false) else { return "<mrow></mrow>" }
            return atom.html
        }

        /// The text of a `{...}` argument, unparsed (`\text{...}`, `\operatorname{...}`).
        mutating func rawArgument() throws(TeX.Error) -> String {
            skipSpaces()
            guard peek == "{" else { throw TeX.Error("expected { after a text command") }
            i += 1
            var text = "", depth = 0
            while let c = peek {
                i += 1
                if c == "\\", let next = peek, "{}$%&#_\\ ".contains(next) { text.append(next); i += 1; continue }
                if c == "{" { depth += 1 }
                if c == "}" { if depth == 0 { return text }; depth -= 1 }
                text.append(c)
            }
            throw TeX.Error("missing } after a text argument")
        }

        /// The delimiter after `\left` or `\right`.
        mutating func delimiter() throws(TeX.Error) -> String {
            skipSpaces()
            guard let c = peek else { throw TeX.Error("missing delimiter after \\left or \\right") }
            var key = String(c)
            i += 1
            if c == "\\" {
                while let d = peek, d.isLetter { key.append(d); i += 1 }
                if key == "\\", let d = peek { key.append(d); i += 1 }
            }
            guard let symbol = TeX.delimiters[key] else { throw TeX.Error("\(key) is not a delimiter for \\left or \\right") }
            return symbol
        }

        func fence(_ symbol: String) -> String {
            symbol.isEmpty ? "" : "<mo fence=\"true\" stretchy=\"true\">\(escapeHTML(symbol))</mo>"
        }

        /// `_` and `^` after an atom, and primes: msub, msup, msubsup, or munder/mover/munderover for
        /// big operators, whose scripts go below and above in display math.
        mutating func parseScripts(_ base: Atom) throws(TeX.Error) -> String {
            var sub: String?, sup: String?
            var primes = ""
            while true {
                let save = i
                skipSpaces()
                guard let c = peek else { i = save; break }
                if c == "'" {
                    primes.append("′"); i += 1
                } else if c == "_" || c == "^" {
                    i += 1
                    guard let script = try parseAtom(script: true) else { throw TeX.Error("empty script after \(c)") }
                    if c == "_" {
                        if sub != nil { throw TeX.Error("double subscript: use braces, x_{ij}") }
                        sub = script.html
                    } else {
                        if sup != nil { throw TeX.Error("double superscript: use braces, x^{ab}") }
                        sup = script.html
                    }
                } else {
                    i = save; break
                }
            }
            if !primes.isEmpty {
                let prime = mo(primes)
                sup = sup.map { row([prime, $0]) } ?? prime
            }
            let (under, over, both) = base.limits ? ("munder", "mover", "munderover") : ("msub", "msup", "msubsup")
            switch (sub, sup) {
            case (nil, nil): return base.html
            case (let s?, nil): return "<\(under)>\(base.html)\(s)</\(under)>"
            case (nil, let p?): return "<\(over)>\(base.html)\(p)</\(over)>"
            case (let s?, let p?): return "<\(both)>\(base.html)\(s)\(p)</\(both)>"
            }
        }

        func mo(_ text: String) -> String { "<mo>\(escapeHTML(text))</mo>" }

        func row(_ items: [String]) -> String { items.count == 1 ? items[0] : "<mrow>" + items.joined() + "</mrow>" }

        /// Latin letters, digits and Greek letters in Unicode's mathematical bold.
        static func boldText(_ text: String) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.map { s -> Unicode.Scalar in
                let v = s.value
                let mapped: UInt32? = switch v {
                case 0x41...0x5A: 0x1D400 + v - 0x41
                case 0x61...0x7A: 0x1D41A + v - 0x61
                case 0x30...0x39: 0x1D7CE + v - 0x30
                case 0x391...0x3A9: 0x1D6A8 + v - 0x391
                case 0x3B1...0x3C9: 0x1D6C2 + v - 0x3B1
                default: nil
                }
                return mapped.flatMap(Unicode.Scalar.init) ?? s
            }))
        }
    }

    /// A parsed atom; `limits` marks big operators and `\max`-like functions, `isFunction` names
    /// such as `\log` (a thin space follows them).
    struct Atom {
        var html: String
        var limits = false
        var isFunction = false
        init(_ html: String, limits: Bool = false, isFunction: Bool = false) {
            self.html = html; self.limits = limits; self.isFunction = isFunction
        }
    }
}

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

    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"
    /// Fills the lines of a multi-line display so the paragraph, and every line number, stays.
    static let filler: Character = "\u{E004}"

    static func placeholder(_ k: Int) -> String { "\(open)\(k)\(close)" }

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
        // U+E000 is EE 80 80, U+E001 EE 80 81, the filler U+E004 EE 80 84.
        func marker(_ i: Int, _ last: UInt8) -> Bool { i + 2 < b.count && b[i] == 0xEE && b[i + 1] == 0x80 && b[i + 2] == last }
        func starts(_ i: Int, _ s: String) -> Bool { b[i...].starts(with: s.utf8) }
        var i = 0
        while i < b.count {
            if marker(i, 0x84) {
                if out.last == UInt8(ascii: "\n") { out.removeLast() }
                i += 3; continue
            }
            if marker(i, 0x80) {
                var j = i + 3, k = 0
                while j < b.count, b[j] >= UInt8(ascii: "0"), b[j] <= UInt8(ascii: "9") { k = k * 10 + Int(b[j] - UInt8(ascii: "0")); j += 1 }
                if marker(j, 0x81), k < formulas.count {
                    let formula = formulas[k]
                    var after = j + 3
                    while after + 3 < b.count, b[after] == UInt8(ascii: "\n"), marker(after + 1, 0x84) { after += 4 }
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
