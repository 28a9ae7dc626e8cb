/// Mathematics in the chapters' prose: a small subset of TeX, turned into MathML when the book is
/// rendered, so a page shows formulas without scripts, fonts from the network or images.
///
///     $\frac{\partial L}{\partial z} = p - y$       inline math
///     $$\theta \leftarrow \theta - \eta \nabla L$$  display math (a line of its own)
///
/// The supported TeX is listed in `TeX` below and in the README. Math never spans lines, and it is
/// looked for only in prose: code blocks and code spans are left alone.
public enum TeX {
    /// TeX the renderer does not understand, with what is wrong.
    public struct Error: Swift.Error, Equatable, CustomStringConvertible {
        /// What is wrong, e.g. "unknown command \\foo".
        public var message: String
        /// The message.
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
    ]

    /// Bars and brackets written without `\left`/`\right`: set at their natural size, like `(` and
    /// `|`. (Left stretchy, the closing ‖ of `\lVert \nabla L \rVert^2` shrinks under its superscript
    /// in Chromium and reads like a subscript.)
    static let fences: [String: String] = [
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
            case "(", ")", "[", "]", "|": return Atom(fixedFence(String(c)))
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
            case "|": return Atom(fixedFence("‖"))
            case "!": return nil  // a negative thin space: ignored
            case "\\": throw TeX.Error("line breaks (\\\\) are not supported; write two formulas")
            default: break
            }
            if let letter = TeX.greek[name] {
                let text = bold ? Self.boldText(String(letter)) : String(letter)
                return Atom(letter.isUppercase || bold ? "<mi mathvariant=\"normal\">\(text)</mi>" : "<mi>\(text)</mi>")
            }
            if let symbol = TeX.ordinary[name] { return Atom("<mi mathvariant=\"normal\">\(symbol)</mi>") }
            if let fence = TeX.fences[name] { return Atom(fixedFence(fence)) }
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

        /// A bracket or bar that keeps its natural size (see `fences`).
        func fixedFence(_ text: String) -> String { "<mo stretchy=\"false\">\(escapeHTML(text))</mo>" }

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
