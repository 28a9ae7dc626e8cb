import Foundation
import Testing
import BookSource
@testable import BookWeave

/// One test suite per pass of the weave (see `ChapterPage`).
@Suite struct PlaceholderTests {
    @Test func placeholdersAreDistinctPrivateUseCharacters() {
        #expect(Set(Placeholder.all).count == Placeholder.all.count)
        for c in Placeholder.all {
            let scalar = c.unicodeScalars.first!.value
            #expect((0xE000...0xF8FF).contains(scalar))
        }
    }
}

@Suite struct PagePartsTests {
    @Test func eachPlaceholderIsFilledWithTheFormAsked() {
        var parts = PageParts()
        let html = "<p>" + parts.add(page: "A", print: "a") + "</p>" + parts.add(page: "B", print: "")
        #expect(parts.fill(html) { $0.page } == "<p>A</p>B")
        #expect(parts.fill(html) { $0.print } == "<p>a</p>")
        #expect(!html.contains("A"))
    }
}

@Suite struct HeadingAnchorsTests {
    @Test func headingsGetUniqueIDsAndLevelTwoAreNumberedSections() throws {
        let document = MarkdownDocument(chapterText("# Title", "", "## The loss", "", "### Why?", "", "## The loss"))
        let chapter = try Chapter(path: "chapters/07-a.md", source: "# Title\n")
        let sections = HeadingAnchors.apply(to: document, chapter: chapter, plainText: { $0 })
        #expect(sections.map(\.id) == ["the-loss", "the-loss-2"])
        #expect(sections.map(\.title) == ["The loss", "The loss"])
        let html = document.renderHTML()
        #expect(html.contains("<h3 id=\"why\">Why?</h3>"))
        #expect(html.contains("<h2 id=\"the-loss-2\"><span class=\"secnum\">7.2</span> The loss</h2>"))
        #expect(html.contains("<h1>Title</h1>"))
    }

    @Test func anchorsAreLowercaseWordsJoinedByDashes() {
        #expect(HeadingAnchors.anchor("Softmax, with temperature!") == "softmax-with-temperature")
        #expect(HeadingAnchors.anchor("?!") == "section")
    }
}

@Suite struct ChapterLinksTests {
    let slugs: Set<String> = ["04-softmax", "05-loss"]

    @Test func linksToChapterFilesPointAtTheirPages() {
        let html = #"<a href="04-softmax.md#t">x</a> <a href="notes.md">y</a> <a href="04-softmax.mdx">z</a>"#
        #expect(ChapterLinks.toPages(html, chapterSlugs: slugs)
                == #"<a href="04-softmax.html#t">x</a> <a href="notes.md">y</a> <a href="04-softmax.mdx">z</a>"#)
    }

    @Test func onThePrintPageIDsAndLinksStayWithinThePage() {
        let html = ##"<h2 id="a">A</h2><a href="#a">1</a><a href="05-loss.html#b">2</a><a href="https://x.org">3</a>"##
        #expect(ChapterLinks.forPrint(html, slug: "04-softmax", chapterSlugs: slugs)
                == ##"<h2 id="04-softmax--a">A</h2><a href="#04-softmax--a">1</a><a href="#05-loss--b">2</a><a href="https://x.org">3</a>"##)
    }
}

@Suite struct AddsBoxTests {
    @Test func theBoxListsTypesAndFunctionsWithLinksUnderTheTitle() throws {
        let chapter = try Chapter(path: "chapters/01-a.md", source: "# A\n\n" + library("public struct Net {}\npublic func train() {}"))
        let table = SymbolTable(book: try Book(chapters: [chapter]))
        let html = AddsBox.insert(table.added(by: chapter), chapter: chapter, into: "<h1>A</h1>\n<p>text</p>")
        #expect(html.hasPrefix("<h1>A</h1>\n<details class=\"adds\"><summary class=\"adds-title\">"))
        #expect(html.contains("(1 type, 1 function or value)"))
        #expect(html.contains(##"Types:</li><li><span class="kind">struct</span><a href="#sym-Net"><code>Net</code></a>"##))
        #expect(html.contains("<a href=\"#sym-train\"><code>train()</code></a>"))
        #expect(html.hasSuffix("</details>\n<p>text</p>"))
    }

    @Test func aChapterWithoutDeclarationsHasNoBox() throws {
        let chapter = try Chapter(path: "chapters/01-a.md", source: "# A\n")
        #expect(AddsBox.insert([], chapter: chapter, into: "<h1>A</h1>\n") == "<h1>A</h1>\n")
    }
}

@Suite struct ChapterFiguresTests {
    @Test func figuresBecomePartsByTheExampleThatDrewThem() throws {
        let root = try scratchDirectory("figures-test")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let chapter = try Chapter(path: "chapters/03-b.md", source: "# B\n")
        try FileManager.default.createDirectory(atPath: root + "/" + chapter.figureDirectory, withIntermediateDirectories: true)
        let svg = #"<svg width="10" height="20" aria-labelledby="t"><title id="t">Loss</title></svg>"#
        try svg.write(toFile: root + "/" + chapter.figureDirectory + "/ex04-1.svg", atomically: true, encoding: .utf8)
        var parts = PageParts()
        let figures = try ChapterFigures(chapter: chapter, root: root, parts: &parts)
        #expect(figures.figures.map(\.file) == ["figures/03-b/ex04-1.svg"])
        #expect(figures.byExample.keys.sorted() == [4])
        let placeholder = figures.byExample[4]![0]
        // The SVG's own ids get the figure's id as prefix: an XML name cannot start with a digit.
        #expect(parts.fill(placeholder) { $0.page }
                == #"<figure class="plot" id="fig-03-b-ex04-1"><svg width="10" height="20" aria-labelledby="fig-03-b-ex04-1-t"><title id="fig-03-b-ex04-1-t">Loss</title></svg></figure>"#)
        #expect(parts.fill(placeholder) { $0.print }
                == #"<figure class="plot" id="fig-03-b-ex04-1"><img src="figures/03-b/ex04-1.svg" alt="Loss" width="10" height="20"></figure>"#)
    }
}

@Suite struct CodeBlocksTests {
    @Test func codeBlocksBecomeLabelledFiguresAndOutputs() throws {
        let source = chapterText("# A", "", "```swift library", "public let one = 1", "```", "",
                                 "```swift example", "print(one)", "```", "", "```output", "1", "```", "", "```text", "a < b", "```")
        let chapter = try Chapter(path: "chapters/01-a.md", source: source)
        let book = try Book(chapters: [chapter])
        let document = MarkdownDocument(source)
        var parts = PageParts()
        try CodeBlocks(chapter: chapter, symbols: SymbolTable(book: book), figures: [:]).apply(to: document, parts: &parts)
        let page = parts.fill(document.renderHTML()) { $0.page }
        #expect(page.contains(#"<figure class="code library" data-seq="0"><figcaption>Library · module A</figcaption>"#))
        #expect(page.contains(#"<span class="def" id="sym-one">one</span>"#))
        #expect(page.contains(#"<figure class="code example" data-seq="1"><figcaption>Example</figcaption>"#))
        #expect(page.contains(#"<pre class="output" aria-label="output"><code>1\#n</code></pre>"#))
        #expect(page.contains(#"<pre class="prose" data-lang="text"><code>a &lt; b\#n</code></pre>"#))
        let print = parts.fill(document.renderHTML()) { $0.print }
        #expect(!print.contains("data-seq"))
    }
}

@Suite struct RunnablePreludeTests {
    @Test func aChapterWithoutSwiftHasNoPrelude() throws {
        let chapter = try Chapter(path: "chapters/00-intro.md", source: "# Intro\n")
        #expect(RunnablePrelude.html(chapter, book: try Book(chapters: [chapter])) == "")
    }
}
