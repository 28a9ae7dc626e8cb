import Foundation
import Testing
@testable import BookBuild
@testable import BookSource

/// A chapter whose example draws figures and whose captions and links follow the grammar:
/// the example on line 3, its output block ending on line 9, captions on lines 11 and 13.
func captionedChapter(_ tail: String...) -> String {
    chapterText(["# A", "", "```swift example", "show(plot)", "```", "", "```output", "a plot", "```", "",
                 "Figure {#fig-one}: The first point.", "", "Figure {#fig-two}: The second point.", ""] + tail)
}

func chapterText(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

func catalog(_ chapters: [(String, String)], files: [String: [String]], requireCaptions: Bool = false) throws -> FigureCatalog {
    let book = try Book(chapters: chapters.map { try Chapter(path: "chapters/\($0.0).md", source: $0.1) })
    return FigureCatalog(book: book, files: files, requireCaptions: requireCaptions)
}

@Suite struct FigureCatalogTests {
    @Test func figuresAreNumberedInChapterOrderAndTakeTheirCaptions() throws {
        let c = try catalog([("07-a", captionedChapter("As [Figure](#fig-two) shows."))],
                            files: ["07-a": ["ex01-2.svg", "ex01-1.svg"]])
        #expect(c.problems.isEmpty)
        let figures = try #require(c.figures["07-a"])
        #expect(figures.map(\.number) == ["7.1", "7.2"])
        #expect(figures.map(\.id) == ["fig-one", "fig-two"])
        #expect(figures.map(\.file) == ["ex01-1.svg", "ex01-2.svg"])
        #expect(c.figure(labelled: "fig-two")?.figure.number == "7.2" && c.figure(labelled: "fig-two")?.chapter == "07-a")
    }

    @Test func appendixFiguresAreNumberedByLetter() throws {
        let c = try catalog([("91-b", captionedChapter())], files: ["91-b": ["ex01-1.svg", "ex01-2.svg"]])
        #expect(c.figures["91-b"]?.map(\.number) == ["B.1", "B.2"])
    }

    @Test func aLabelUsedTwiceIsAnError() throws {
        let c = try catalog([("01-a", captionedChapter()), ("02-b", captionedChapter())],
                            files: ["01-a": ["ex01-1.svg", "ex01-2.svg"], "02-b": ["ex01-1.svg", "ex01-2.svg"]])
        #expect(c.errors.map(\.description) == [
            "chapters/02-b.md:11: error: figure label fig-one is already used at chapters/01-a.md:11; labels are unique in the book",
            "chapters/02-b.md:13: error: figure label fig-two is already used at chapters/01-a.md:13; labels are unique in the book",
        ])
    }

    @Test func aLinkToAnUnknownLabelIsAnError() throws {
        let c = try catalog([("01-a", captionedChapter("See [Figure](#fig-three), [Figure](02-b.html#fig-one) and [Figure](09-z.md#fig-one).")),
                             ("02-b", "# B\n\nBack to [Figure](01-a.md#fig-one) and [Figure](#fig-two).\n")],
                            files: ["01-a": ["ex01-1.svg", "ex01-2.svg"]])
        #expect(c.errors.map(\.description) == [
            "chapters/01-a.md:15: error: a link to figure fig-three, but no caption in 01-a has that label "
                + "(a figure's label is the one in its caption, `Figure {#fig-three}: ...`)",
            "chapters/01-a.md:15: error: figure fig-one is in chapters/01-a.md, not in 02-b: link to 01-a.html#fig-one",
            "chapters/01-a.md:15: error: a link to figure fig-one of chapter 09-z, which is not a chapter of the book",
            "chapters/02-b.md:3: error: figure fig-two is in chapters/01-a.md, not in 02-b: link to 01-a.html#fig-two",
        ])
    }

    @Test func moreCaptionsThanFiguresIsAnError() throws {
        let c = try catalog([("01-a", captionedChapter())], files: ["01-a": ["ex01-1.svg"]])
        #expect(c.errors.map(\.description) == [
            "chapters/01-a.md:13: error: figure caption fig-two has no figure: the example at line 3 draws 1 figure "
                + "and is followed by 2 caption paragraphs",
        ])
    }

    @Test func aCaptionWithNoFigureBeforeItIsAnError() throws {
        let source = captionedChapter("Some prose.", "", "Figure {#fig-three}: A point about nothing.", "",
                                      "## Next", "", "```swift library", "let x = 1", "```", "", "Figure {#fig-four}: Nor this.")
        let c = try catalog([("01-a", source)], files: ["01-a": ["ex01-1.svg", "ex01-2.svg"]])
        #expect(c.errors.map(\.line) == [17, 25])
        #expect(c.errors.first?.message.hasPrefix("figure caption fig-three has no figure before it") == true)
    }

    @Test func aFigureWithoutACaptionIsAWarningOrWithRequireCaptionsAnError() throws {
        let files = ["01-a": ["ex01-1.svg", "ex01-2.svg", "ex01-3.svg"]]
        let lenient = try catalog([("01-a", captionedChapter())], files: files)
        #expect(lenient.errors.isEmpty)
        #expect(lenient.problems.map(\.description) == [
            "chapters/01-a.md:9: warning: figure 1.3 (chapters/figures/01-a/ex01-3.svg) has no caption: after this line, add a "
                + "paragraph `Figure {#fig-some-label}: what the reader should see`",
        ])
        #expect(lenient.figures["01-a"]?.last?.id == "fig-01-a-ex01-3")
        let strict = try catalog([("01-a", captionedChapter())], files: files, requireCaptions: true)
        #expect(strict.errors.map(\.line) == [9])
    }

    @Test func captionsMayFollowHiddenExamplesAndSolutionsInExercises() throws {
        let source = chapterText(["# A", "", "```swift example", "show(plot)", "```", "", "```output", "a plot", "```", "",
                                  "```swift example hidden", "precondition(true)", "```", "",
                                  "Figure {#fig-one}: After a hidden check.", "", "## Exercises", "",
                                  "1. Draw it again.", "", "   ```swift solution", "   show(plot)", "   ```", "",
                                  "   ```output", "   a plot", "   ```", "",
                                  "   Figure {#fig-again}: The solution's figure."])
        let chapter = try Chapter(path: "chapters/01-a.md", source: source)
        #expect(chapter.captions == [FigureCaption(label: "fig-one", line: 15, example: 1),
                                     FigureCaption(label: "fig-again", line: 29, example: 3)])
        let c = try catalog([("01-a", source)], files: ["01-a": ["ex01-1.svg", "ex03-1.svg"]])
        #expect(c.problems.isEmpty && c.figures["01-a"]?.map(\.id) == ["fig-one", "fig-again"])
    }
}

@Suite struct CaptionSyntaxTests {
    func errors(_ source: String) -> [String] {
        do { _ = try Chapter(path: "chapters/01-a.md", source: source); return [] } catch { return error.errors.map(\.description) }
    }

    @Test func aParagraphThatStartsLikeACaptionMustBeOne() {
        #expect(errors("# A\n\nFigure {#Fig_x}: text\n")
            == ["chapters/01-a.md:3: error: figure label '#Fig_x' is not a label: `fig-`, then lowercase letters, digits and dashes "
                + "(`Figure {#fig-spiral-regions}: ...`)"])
        #expect(errors("# A\n\nFigure {#fig-x} shows\n")
            == ["chapters/01-a.md:3: error: a figure caption's label is followed by a colon and the caption: "
                + "`Figure {#fig-x}: what the figure shows`"])
        #expect(errors("# A\n\nFigure {#fig-x: text\n").first?.contains("ends with `}`") == true)
        #expect(errors("# A\n\nFigure {#fig-x}:\n").first?.contains("fig-x is empty") == true)
        #expect(errors("# A\n\nFigure 3 shows it; {#fig-x}: is text.\n").isEmpty)
    }

    @Test func labelsAreFigDashLowercaseWords() {
        #expect(CaptionSyntax.isLabel("fig-spiral-regions") && CaptionSyntax.isLabel("fig-2d"))
        #expect(!CaptionSyntax.isLabel("fig-") && !CaptionSyntax.isLabel("fig--a") && !CaptionSyntax.isLabel("fig-a-")
            && !CaptionSyntax.isLabel("spiral") && !CaptionSyntax.isLabel("fig-Spiral"))
    }

    @Test func figureLinksAreFragmentsOfThisOrAnotherChapter() {
        #expect(CaptionSyntax.figureLink("#fig-a")! == (nil, "fig-a"))
        #expect(CaptionSyntax.figureLink("06-backpropagation.html#fig-a")! == ("06-backpropagation", "fig-a"))
        #expect(CaptionSyntax.figureLink("06-backpropagation.md#fig-a")! == ("06-backpropagation", "fig-a"))
        #expect(CaptionSyntax.figureLink("#softmax") == nil && CaptionSyntax.figureLink("https://x.org/a.html#fig-a") == nil)
    }
}
