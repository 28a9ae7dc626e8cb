import Testing
@testable import BookSource

/// Builds chapter text from lines, so tests can say which line is which.
func chapterText(_ lines: String...) -> String { lines.joined(separator: "\n") + "\n" }

func chapterErrors(_ source: String, path: String = "chapters/02-activations.md") -> [ChapterError] {
    do { _ = try Chapter(path: path, source: source); return [] } catch { return error.errors }
}

@Suite struct ChapterParsingTests {
    @Test func snippetsExamplesAndOutputsAreFound() throws {
        let text = chapterText(
            "# Activations",                    // 1
            "",                                 // 2
            "```swift library",                 // 3
            "public func relu(_ x: Float) -> Float { max(0, x) }",
            "```",                              // 5
            "",
            "```swift example",                 // 7
            "import Foundation",
            "print(relu(-1))",
            "```",                              // 10
            "",
            "```output",                        // 12
            "0.0",
            "```",
            "```swift example hidden",          // 15
            "precondition(relu(2) == 2)",
            "```")
        let chapter = try Chapter(path: "chapters/02-activations.md", source: text)
        #expect(chapter.title == "Activations")
        #expect(chapter.number == 2)
        #expect(chapter.moduleName == "Activations")
        #expect(chapter.snippets.count == 4)
        #expect(chapter.librarySnippets.first?.firstCodeLine == 4)
        #expect(chapter.examples.count == 2)
        #expect(chapter.examples[0].output?.fenceLine == 12)
        #expect(chapter.examples[0].output?.code == "0.0\n")
        #expect(chapter.examples[1].hidden)
        #expect(chapter.imports.map(\.module) == ["Foundation"])
        #expect(chapter.imports.first?.line == 8)
    }

    @Test func moduleNameComesFromTheFileNameOrAnOverride() throws {
        #expect(Chapter.moduleName(fromTopic: "mnist-data") == "MnistData")
        let text = chapterText("<!-- module: MNISTData -->", "# Data", "```swift library", "public let n = 1", "```")
        #expect(try Chapter(path: "chapters/10-mnist-data.md", source: text).moduleName == "MNISTData")
        #expect(try Chapter(path: "chapters/00-preface.md", source: "# Preface\n").moduleName == nil)
    }

    @Test func unclosedFenceNamesItsLine() {
        let errors = chapterErrors(chapterText("# A", "", "text", "", "```swift example", "print(1)"))
        #expect(errors.count == 1)
        #expect(errors.first?.line == 5)
        #expect(errors.first?.message.contains("never closed") == true)
    }

    @Test func outputWithoutExampleIsAnError() {
        let first = chapterErrors(chapterText("# A", "```output", "1", "```"))
        #expect(first.first?.line == 2)
        #expect(first.first?.message.contains("must come right after a ```swift example") == true)

        let afterLibrary = chapterErrors(chapterText("# A", "```swift library", "let a = 1", "```", "```output", "1", "```"))
        #expect(afterLibrary.first?.line == 5)
        #expect(afterLibrary.first?.message.contains("a library block") == true)

        let twice = chapterErrors(chapterText("# A", "```swift example", "print(1)", "```",
                                              "```output", "1", "```", "```output", "1", "```"))
        #expect(twice.map(\.line) == [8])
    }

    @Test func badKindInsideAChapterNamesFileAndLine() {
        let errors = chapterErrors(chapterText("# A", "", "", "```swift exmaple", "print(1)", "```"))
        #expect(errors.map(\.description) == [
            "chapters/02-activations.md:4: error: unknown snippet kind 'exmaple' (expected library, example, solution or ignore)",
        ])
    }

    @Test func everyErrorOfAChapterIsReported() {
        let errors = chapterErrors(chapterText("# A", "```swift exmaple", "```", "```output", "```", "```swift example slw", "```"))
        #expect(errors.map(\.line) == [2, 6, 4])
    }

    @Test func badFileNameIsAnError() {
        #expect(chapterErrors("# P\n", path: "chapters/Perceptron.md").first?.message.contains("NN-topic.md") == true)
        #expect(chapterErrors("# P\n", path: "chapters/1-perceptron.md").isEmpty == false)
    }
}

@Test func chapterNumbersAsTheReaderSeesThem() throws {
    let preface = try Chapter(path: "chapters/00-preface.md", source: "# Preface\n")
    let seven = try Chapter(path: "chapters/07-gradient-descent.md", source: "# Gradient descent\n")
    let appendix = try Chapter(path: "chapters/90-how-this-book-is-made.md", source: "# How this book is made\n")
    #expect(preface.numberLabel == nil && preface.numberedTitle == "Preface")
    #expect(seven.numberLabel == "7" && seven.numberedTitle == "7 · Gradient descent" && !seven.isAppendix)
    #expect(appendix.numberLabel == "A" && appendix.numberedTitle == "Appendix A · How this book is made" && appendix.isAppendix)
}
