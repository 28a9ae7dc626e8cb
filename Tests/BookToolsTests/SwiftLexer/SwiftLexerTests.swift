import Testing
import SwiftLexer

@Suite struct SwiftLexerTests {
    func lex(_ code: String) -> [(SwiftToken.Kind, String)] {
        let chars = Array(code)
        return SwiftLexer.tokens(in: chars).map { ($0.kind, String(chars[$0.range])) }
    }

    func kinds(_ code: String, _ kind: SwiftToken.Kind) -> [String] {
        lex(code).filter { $0.0 == kind }.map(\.1)
    }

    @Test func tokensCoverTheSourceEndToEnd() {
        let code = "@inlinable public func f(_ x: Float) -> Float { /* a /* b */ c */ x * 2.5 } // done\n#if DEBUG\n"
        let chars = Array(code)
        var end = 0
        for token in SwiftLexer.tokens(in: chars) {
            #expect(token.range.lowerBound == end)
            #expect(!token.range.isEmpty)
            end = token.range.upperBound
        }
        #expect(end == chars.count)
    }

    @Test func nestedCommentsAreOneComment() {
        #expect(kinds("a /* one /* two */ still */ b", .comment) == ["/* one /* two */ still */"])
        #expect(kinds("a /* one /* two */ still */ b", .identifier) == ["a", "b"])
    }

    @Test func rawAndMultiLineStringsAreOneString() {
        #expect(kinds(##"let s = #"a "quoted" \n"# + x"##, .string) == [##"#"a "quoted" \n"#"##])
        #expect(kinds("let s = \"\"\"\n  \"hi\"\n  \"\"\"\nx", .string) == ["\"\"\"\n  \"hi\"\n  \"\"\""])
    }

    @Test func interpolationsWithStringsInsideStayInTheirString() {
        let code = #"print("a \(f(x, pad: " ")) b \(y ? "yes" : "no")") + z"#
        #expect(kinds(code, .string) == [#""a \(f(x, pad: " ")) b \(y ? "yes" : "no")""#])
        #expect(kinds(code, .identifier) == ["print", "z"])
        #expect(kinds(#""\(x)" + "\"q\"""#, .string) == [#""\(x)""#, #""\"q\"""#])
    }

    @Test func anOpenStringEndsAtTheEndOfItsLine() {
        #expect(kinds("let s = \"open\nlet t = 1", .string) == ["\"open"])
        #expect(kinds("let s = \"open\nlet t = 1", .identifier) == ["let", "s", "let", "t"])
    }

    @Test func numbersNamesAttributesAndArrows() {
        #expect(kinds("x = 1_000 + 2.5e3 + 0x1F + a.0", .number) == ["1_000", "2.5e3", "0x1F", "0"])
        #expect(kinds("@MainActor #if os(Linux) `default`", .attribute) == ["@MainActor", "#if"])
        #expect(kinds("@MainActor #if os(Linux) `default`", .identifier) == ["os", "Linux", "`default`"])
        #expect(kinds("(a) -> b", .punctuation) == ["(", ")", "->"])
        #expect(lex("$0").map(\.1) == ["$", "0"])
    }
}
