import Testing
@testable import BookSource

func library(_ code: String) -> String { "```swift library\n\(code)\n```\n" }

func bookErrors(_ chapters: [(String, String)]) throws -> [ChapterError] {
    let parsed = try chapters.map { try Chapter(path: $0.0, source: $0.1) }
    do { _ = try Book(chapters: parsed); return [] } catch { return error.errors }
}

@Suite struct BookTests {
    @Test func importOfALaterChapterIsAnError() throws {
        let errors = try bookErrors([
            ("chapters/01-perceptron.md", "# P\n\n" + library("import Activations\npublic let a = 1")),
            ("chapters/02-activations.md", "# A\n" + library("public let b = 2")),
        ])
        #expect(errors.map(\.description) == [
            "chapters/01-perceptron.md:4: error: imports Activations, which is a later chapter (chapters/02-activations.md); a chapter may import only earlier chapters",
        ])
    }

    @Test func importOfItsOwnModuleIsAnError() throws {
        let errors = try bookErrors([("chapters/01-perceptron.md", "# P\n" + library("import Perceptron"))])
        #expect(errors.first?.message.contains("its own module") == true)
    }

    @Test func twoChaptersWithOneModuleNameAreAnError() throws {
        let errors = try bookErrors([
            ("chapters/01-perceptron.md", "# P\n" + library("public let a = 1")),
            ("chapters/02-neurons.md", "<!-- module: Perceptron -->\n# N\n" + library("public let b = 2")),
        ])
        #expect(errors.count == 1)
        #expect(errors.first?.file == "chapters/02-neurons.md")
        #expect(errors.first?.message.contains("module name Perceptron is also the module of chapters/01-perceptron.md") == true)
    }

    @Test func reservedModuleNamesAreAnError() throws {
        // Refused where the chapter is read (ModuleName), before the book is put together.
        let errors = chapterErrors("# P\n" + library("public let a = 1"), path: "chapters/01-plot.md")
        #expect(errors.first?.message.contains("reserved") == true)
    }

    @Test func importsAreFollowedTransitively() throws {
        let book = try Book(chapters: [
            try Chapter(path: "chapters/01-a.md", source: "# A\n" + library("public let a = 1")),
            try Chapter(path: "chapters/02-b.md", source: "# B\n" + library("import A\npublic let b = a")),
            try Chapter(path: "chapters/03-c.md", source: "# C\n" + library("import B\nimport Foundation\npublic let c = b")),
        ])
        let c = book.chapters[2]
        #expect(book.chapterImports(of: c) == ["B"])
        #expect(book.importClosure(of: c) == ["A", "B"])
    }
}
