import Testing
@testable import BookSource

@Suite struct InfoStringTests {
    func parse(_ info: String) throws(ChapterError) -> SnippetKind {
        try parseInfoString(info, file: "chapters/01-x.md", line: 7)
    }

    @Test func everyKindParses() throws {
        #expect(try parse("swift library") == .library(hidden: false))
        #expect(try parse("swift library hidden") == .library(hidden: true))
        #expect(try parse("swift example") == .example(hidden: false, slow: false))
        #expect(try parse("swift example hidden slow") == .example(hidden: true, slow: true))
        #expect(try parse("output") == .output)
        #expect(try parse("swift ignore why=\"Float and Int do not mix\"") == .ignored(why: "Float and Int do not mix"))
        #expect(try parse("text") == .prose(language: "text"))
        #expect(try parse("") == .prose(language: ""))
    }

    func error(_ info: String) -> ChapterError? {
        do { _ = try parse(info); return nil } catch { return error }
    }

    @Test func typoedKindIsAnError() {
        let e = error("swift exmaple")
        #expect(e?.message.contains("unknown snippet kind 'exmaple'") == true)
        #expect(e?.description.hasPrefix("chapters/01-x.md:7: error:") == true)
    }

    @Test func unknownAttributeIsAnError() {
        #expect(error("swift example hiden")?.message.contains("unknown attribute 'hiden'") == true)
        #expect(error("swift library slow")?.message.contains("unknown attribute 'slow'") == true)
        #expect(error("output hidden")?.message.contains("unknown attribute 'hidden'") == true)
        #expect(error("swift example color=red")?.message.contains("unknown attribute 'color'") == true)
    }

    @Test func otherMistakesAreErrors() {
        #expect(error("swift")?.message.contains("needs a kind") == true)
        #expect(error("swift ignore")?.message.contains("needs a reason") == true)
        #expect(error("swift ignore why=\"\"")?.message.contains("needs a reason") == true)
        #expect(error("swift ignore why=\"open")?.message.contains("unclosed quote") == true)
        #expect(error("swift example hidden hidden")?.message.contains("given twice") == true)
    }
}
