import Testing
@testable import BookBuild
import BookSource
@testable import BookWeave

/// The MathML inside `<semantics>`, without the annotation: what the reader sees.
func shown(_ tex: String, display: Bool = false) throws -> String {
    let html = try TeX.mathML(tex, display: display)
    let start = html.range(of: "<semantics>")!.upperBound
    let end = html.range(of: "<annotation")!.lowerBound
    return String(html[start..<end])
}

@Suite struct TeXTests {
    @Test func lettersNumbersAndOperators() throws {
        #expect(try shown("x") == "<mi>x</mi>")
        #expect(try shown("2x + 1.5") == "<mrow><mn>2</mn><mi>x</mi><mo>+</mo><mn>1.5</mn></mrow>")
        #expect(try shown("a - b") == "<mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow>")
        #expect(try shown("(a)") == "<mrow><mo stretchy=\"false\">(</mo><mi>a</mi><mo stretchy=\"false\">)</mo></mrow>")
    }

    @Test func fractionsRootsAndScripts() throws {
        #expect(try shown(#"\frac{1}{n}"#) == "<mfrac><mn>1</mn><mi>n</mi></mfrac>")
        #expect(try shown(#"\sqrt{x}"#) == "<msqrt><mi>x</mi></msqrt>")
        #expect(try shown(#"\sqrt[3]{x}"#) == "<mroot><mi>x</mi><mn>3</mn></mroot>")
        #expect(try shown("x_i") == "<msub><mi>x</mi><mi>i</mi></msub>")
        #expect(try shown("x^2_i") == "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>")
        #expect(try shown("e^{z_j}") == "<msup><mi>e</mi><msub><mi>z</mi><mi>j</mi></msub></msup>")
        // As in TeX, a script without braces is one token: x^23 is x² followed by 3.
        #expect(try shown("x^23") == "<mrow><msup><mi>x</mi><mn>2</mn></msup><mn>3</mn></mrow>")
        #expect(try shown("f'(z)").hasPrefix("<mrow><msup><mi>f</mi><mo>′</mo></msup>"))
    }

    @Test func bigOperatorsPutTheirLimitsBelowAndAbove() throws {
        #expect(try shown(#"\sum_{i=1}^n x_i"#)
                == "<mrow><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi></msub></mrow>")
        #expect(try shown(#"\prod_i p_i"#).hasPrefix("<mrow><munder><mo>∏</mo><mi>i</mi></munder>"))
        #expect(try shown(#"\max_j z_j"#).hasPrefix("<mrow><munder><mi>max</mi><mi>j</mi></munder><mspace width=\"0.1667em\"></mspace>"))
    }

    @Test func greekLettersSymbolsAndFunctions() throws {
        #expect(try shown(#"\eta \nabla L"#) == "<mrow><mi>η</mi><mi mathvariant=\"normal\">∇</mi><mi>L</mi></mrow>")
        #expect(try shown(#"\Sigma"#) == "<mi mathvariant=\"normal\">Σ</mi>")
        #expect(try shown(#"a \cdot b \times c \odot d"#).contains("<mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi><mo>⊙</mo>"))
        #expect(try shown(#"\theta \leftarrow \theta"#).contains("<mo>←</mo>"))
        #expect(try shown(#"a \le b \ge c \ne d \approx e \in S"#).contains("<mo>≤</mo><mi>b</mi><mo>≥</mo><mi>c</mi><mo>≠</mo><mi>d</mi><mo>≈</mo><mi>e</mi><mo>∈</mo>"))
        #expect(try shown(#"\log x"#) == "<mrow><mi>log</mi><mspace width=\"0.1667em\"></mspace><mi>x</mi></mrow>")
        #expect(try shown(#"\exp(x)"#) == "<mrow><mi>exp</mi><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>")
        #expect(try shown(#"\partial L"#) == "<mrow><mi mathvariant=\"normal\">∂</mi><mi>L</mi></mrow>")
    }

    @Test func accentsBoldTextAndFences() throws {
        #expect(try shown(#"\hat{x}"#) == "<mover accent=\"true\"><mi>x</mi><mo>^</mo></mover>")
        #expect(try shown(#"\mathbf{W}"#) == "<mi mathvariant=\"normal\">𝐖</mi>")
        #expect(try shown(#"\text{batch size}"#) == "<mtext>batch size</mtext>")
        #expect(try shown(#"\operatorname{softmax}(z)"#).hasPrefix("<mrow><mi>softmax</mi><mo stretchy=\"false\">(</mo>"))
        #expect(try shown(#"\left( \frac{a}{b} \right)"#)
                == "<mrow><mo fence=\"true\" stretchy=\"true\">(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo fence=\"true\" stretchy=\"true\">)</mo></mrow>")
    }

    @Test func barsAndBracketsWithoutLeftRightKeepTheirSize() throws {
        // ‖∇L‖²: a stretchy closing ‖ under a superscript shrank in Chromium and read like a subscript.
        let bar = "<mo stretchy=\"false\">‖</mo>"
        #expect(try shown(#"\lVert \nabla L \rVert^2"#)
                == "<mrow>\(bar)<mi mathvariant=\"normal\">∇</mi><mi>L</mi><msup>\(bar)<mn>2</mn></msup></mrow>")
        #expect(try shown(#"\|x\|"#) == "<mrow>\(bar)<mi>x</mi>\(bar)</mrow>")
        #expect(try shown(#"\lvert a \rvert"#).hasPrefix("<mrow><mo stretchy=\"false\">|</mo>"))
        #expect(try shown(#"\langle a, b \rangle"#).hasPrefix("<mrow><mo stretchy=\"false\">⟨</mo>"))
        // With \left and \right they grow with their contents, and the script goes on the whole group.
        #expect(try shown(#"\left\lVert \frac{a}{b} \right\rVert^2"#)
                == "<msup><mrow><mo fence=\"true\" stretchy=\"true\">‖</mo><mfrac><mi>a</mi><mi>b</mi></mfrac>"
                + "<mo fence=\"true\" stretchy=\"true\">‖</mo></mrow><mn>2</mn></msup>")
    }

    @Test func displayMathAndTheSourceAreKept() throws {
        let html = try TeX.mathML(#"a < b"#, display: true)
        #expect(html.hasPrefix("<math display=\"block\"><semantics>"))
        #expect(html.hasSuffix("<annotation encoding=\"application/x-tex\">a &lt; b</annotation></semantics></math>"))
        #expect(try TeX.mathML("x", display: false).hasPrefix("<math><semantics>"))
    }

    @Test func mistakesAreReported() {
        #expect(throws: TeX.Error("unknown command \\frc (see the list of supported TeX in the README)")) { try TeX.mathML(#"\frc{1}{2}"#, display: false) }
        #expect(throws: TeX.Error("missing }")) { try TeX.mathML(#"\frac{1}{2"#, display: false) }
        #expect(throws: TeX.Error("double subscript: use braces, x_{ij}")) { try TeX.mathML("x_i_j", display: false) }
        #expect(throws: TeX.Error("\\right without \\left")) { try TeX.mathML(#"a \right)"#, display: false) }
        #expect(throws: TeX.Error("% needs a backslash in math: \\%")) { try TeX.mathML("5%", display: false) }
    }
}

@Suite struct MathExtractionTests {
    func formulas(_ source: String, codeLines: Set<Int> = []) throws -> [String] {
        try MathExtraction(source, codeLines: codeLines).formulas.map(\.tex)
    }

    @Test func inlineAndDisplayMathAreFound() throws {
        #expect(try formulas("The loss $L = -\\log p$ and\n\n$$\\frac{a}{b}$$\n") == ["L = -\\log p", "\\frac{a}{b}"])
        let extraction = try MathExtraction("a $x$ b", codeLines: [])
        #expect(extraction.text == "a \u{E000}0\u{E001} b")
        #expect(extraction.restore("<p>a \u{E000}0\u{E001} b</p>") == "<p>a " + extraction.formulas[0].html + " b</p>")
    }

    @Test func dollarsThatAreNotMathStayText() throws {
        #expect(try formulas("It costs $5 and $10 in total.") == [])
        #expect(try formulas("It costs $ 5 and 10 $.") == [])
        #expect(try formulas("A literal \\$x\\$ dollar.") == [])
        #expect(try formulas("The prompt `$ make test` and `a $b$ c` are code.") == [])
        #expect(try formulas("A span over lines `a $b\nc$ d` is code.") == [])
        #expect(try formulas("```sh\n$ make $x$\n```", codeLines: [1, 2, 3]) == [])
        #expect(try formulas("An unmatched ` backtick, then $y$.") == ["y"])
    }

    @Test func aDisplayBetweenDollarLinesKeepsEveryLine() throws {
        let source = "Text:\n\n$$\n\\sum_i x_i\n$$\n\nmore"
        let extraction = try MathExtraction(source, codeLines: [])
        #expect(extraction.formulas.map(\.tex) == ["\\sum_i x_i"])
        #expect(extraction.text.split(separator: "\n", omittingEmptySubsequences: false).count == 7)
        let html = extraction.restore("<p>Text:</p>\n<p>\u{E000}0\u{E001}\n\u{E004}\n\u{E004}</p>\n<p>more</p>")
        #expect(html == "<p>Text:</p>\n<div class=\"math\">" + extraction.formulas[0].html + "</div>\n<p>more</p>")
    }

    @Test func errorsNameTheLine() {
        #expect(throws: ChapterErrors.self) { try MathExtraction("a\nb $\\nope$", codeLines: [], file: "chapters/01-x.md") }
        do {
            _ = try MathExtraction("a\nb $\\nope$", codeLines: [], file: "chapters/01-x.md")
        } catch {
            #expect(error.errors.first?.description.hasPrefix("chapters/01-x.md:2: error: in the math $\\nope$: unknown command") == true)
        }
    }
}
