import Testing
@testable import BookSource

/// Bad chapter input (issue 12): line endings, module names, encodings. Every case is an error with
/// the chapter's file and the right line, never a silent success.
@Suite struct LineEndingTests {
    let body = ["# A", "", "```swift library", "public let a = 1", "```", "", "text", "```swift example", "print(a)", "```"]

    @Test func lfGivesTheLinesLibcmarkGives() throws {
        let chapter = try Chapter(path: "chapters/02-activations.md", source: body.joined(separator: "\n") + "\n")
        #expect(chapter.snippets.map(\.fenceLine) == [3, 8])
        #expect(chapter.snippets.map(\.endLine) == [5, 10])
    }

    @Test func crlfEverywhereIsRefusedAtLineOne() {
        let errors = chapterErrors(body.joined(separator: "\r\n") + "\r\n")
        #expect(errors.count == 1)
        #expect(errors.first?.line == 1)
        #expect(errors.first?.message.contains("Windows line endings (CR LF)") == true)
        #expect(errors.first?.message.contains("9 more CR") == true)
    }

    @Test func loneCREverywhereIsRefusedAtLineOne() {
        let errors = chapterErrors(body.joined(separator: "\r") + "\r")
        #expect(errors.map(\.line) == [1])
        #expect(errors.first?.message.contains("carriage return (CR) without a line feed") == true)
    }

    @Test func crlfOnOneLineNamesThatLine() {
        var lines = body
        lines[5] += "\r"   // line 6
        let errors = chapterErrors(lines.joined(separator: "\n") + "\n")
        #expect(errors.map(\.line) == [6])
        #expect(errors.first?.description.hasPrefix("chapters/02-activations.md:6: error: Windows line endings") == true)
    }

    @Test func loneCRInsideALineNamesThatLine() {
        var lines = body
        lines[6] = "te\rxt"   // line 7: libcmark would end the line at the CR and number every later line one higher
        let errors = chapterErrors(lines.joined(separator: "\n") + "\n")
        #expect(errors.map(\.line) == [7])
        #expect(errors.first?.message.contains("without a line feed") == true)
    }

    @Test func unicodeLineSeparatorsDoNotEndLines() throws {
        // U+2028, U+0085 and a form feed are not line endings for libcmark; they must not be here either.
        let text = "# A\nx\u{2028}y\u{85}z\u{0C}w\n\n```swift library\npublic let a = 1\n```\n"
        let chapter = try Chapter(path: "chapters/02-activations.md", source: text)
        #expect(chapter.snippets.map(\.fenceLine) == [4])
        #expect(chapter.snippets.first?.code == "public let a = 1\n")
    }
}

@Suite struct ModuleNameTests {
    func moduleError(_ name: String, path: String = "chapters/03-layers.md") -> ChapterError? {
        let text = "# Layers\n\n<!-- module: \(name) -->\n\n```swift library\npublic let a = 1\n```\n"
        let errors = chapterErrors(text, path: path)
        return errors.count == 1 ? errors[0] : nil
    }

    @Test(arguments: [
        ("../../x/Y", "not a plain Swift identifier"),
        ("A\"); evil(); (\"", "not a plain Swift identifier"),
        ("", "is empty"),
        ("1abc", "not a plain Swift identifier"),
        ("a b", "not a plain Swift identifier"),
        ("_", "not a plain Swift identifier"),
        ("_Concurrency", "not a plain Swift identifier"),
        ("Layersé", "not a plain Swift identifier"),
        ("Swift", "module of the Swift toolchain"),
        ("XCTest", "module of the Swift toolchain"),
        ("Glibc", "module of the Swift toolchain"),
        ("Dispatch", "module of the Swift toolchain"),
        ("Foundation", "module of the Swift toolchain"),
        ("foundation", "module of the Swift toolchain"),
        ("Testing", "module of the Swift toolchain"),
        ("CZlib", "module of the Swift toolchain"),
        ("Plot", "package's own target Plot"),
        ("plot", "package's own target Plot"),
        ("BookTools", "starting with Book"),
        ("Book", "starting with Book"),
        ("PerceptronExamples", "ending in Examples"),
        ("PlotTests", "package's own target PlotTests"),
        ("SwiftLexer", "package's own target SwiftLexer"),
        ("BookSource", "starting with Book"),
        ("class", "Swift keyword"),
        ("Self", "Swift keyword"),
        (String(repeating: "A", count: 65), "longer than 64"),
    ])
    func badNamesAreRefusedAtTheirLine(name: String, reason: String) throws {
        let error = try #require(moduleError(name), "module name '\(name)' was accepted")
        #expect(error.file == "chapters/03-layers.md")
        #expect(error.line == 3, "the <!-- module --> line")
        #expect(error.message.contains(reason), "\(error)")
        #expect(!error.message.contains("later chapter"))
    }

    @Test(arguments: ["Layers", "MNIST", "Layers2", "Neural_Nets", "a"])
    func goodNamesAreAccepted(name: String) throws {
        let text = "<!-- module: \(name) -->\n# L\n```swift library\npublic let a = 1\n```\n"
        let chapter = try Chapter(path: "chapters/03-layers.md", source: text)
        #expect(chapter.moduleName == name)
        #expect(chapter.moduleLine == 1)
    }

    @Test func aNameFromTheFileNameIsCheckedToo() {
        let errors = chapterErrors("# C\n```swift library\npublic let a = 1\n```\n", path: "chapters/03-café.md")
        #expect(errors.count == 1)
        #expect(errors.first?.line == 0)
        #expect(errors.first?.message.contains("the file name gives the module name 'Café'") == true)
        #expect(errors.first?.message.contains("not a plain Swift identifier") == true)
    }

    @Test func aSecondModuleCommentIsAnError() {
        let text = "<!-- module: A -->\n# A\n<!-- module: B -->\n```swift library\npublic let a = 1\n```\n"
        let errors = chapterErrors(text, path: "chapters/01-a.md")
        #expect(errors.map(\.line) == [3])
        #expect(errors.first?.message.contains("second <!-- module") == true)
    }

    @Test func aModuleCommentInsideACodeBlockIsCode() throws {
        let text = "# A\n```text\n<!-- module: ../../evil -->\n```\n```swift library\npublic let a = 1\n```\n"
        let chapter = try Chapter(path: "chapters/01-perceptron.md", source: text)
        #expect(chapter.moduleName == "Perceptron")
        #expect(chapter.moduleLine == 0)
    }

    @Test func aClashNamesTheModuleCommentsLine() throws {
        let errors = try bookErrors([
            ("chapters/01-perceptron.md", "# P\n" + library("public let a = 1")),
            ("chapters/02-neurons.md", "# N\n\n<!-- module: Perceptron -->\n" + library("public let b = 2")),
        ])
        #expect(errors.first?.description.hasPrefix("chapters/02-neurons.md:3: error: module name Perceptron is also") == true)
    }
}

@Suite struct EncodingTests {
    @Test(arguments: [
        ([0xFF], "a lone 0xFF"),
        ([0xC0, 0xAF], "an overlong '/'"),
        ([0xED, 0xA0, 0x80], "a UTF-16 surrogate"),
        ([0xE2, 0x82], "a sequence cut short"),
    ] as [([UInt8], String)])
    func invalidUTF8NamesTheLineOfTheFirstBadByte(bad: [UInt8], what: String) {
        let bytes = Array("# A\n\nfine é\n".utf8) + Array("x".utf8) + bad + Array("\nmore\n".utf8)
        var errors: [ChapterError] = []
        do { _ = try Chapter(path: "chapters/01-a.md", bytes: bytes) } catch { errors = error.errors }
        #expect(errors.map(\.line) == [4], "\(what)")
        #expect(errors.first?.message.contains("not UTF-8") == true)
    }

    @Test func validUTF8WithABOMParses() throws {
        let chapter = try Chapter(path: "chapters/01-a.md", bytes: [0xEF, 0xBB, 0xBF] + Array("# A\n```swift library\npublic let a = 1\n```\n".utf8))
        #expect(chapter.librarySnippets.count == 1)
    }
}
