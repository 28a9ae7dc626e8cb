import Foundation
import Testing
import BookBuild
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
        let book = try Book(chapters: [chapter])
        let catalog = FigureCatalog(book: book, files: FigureCatalog.committedFiles(book, root: root))
        let figures = try ChapterFigures(chapter: chapter, root: root, catalog: catalog, captions: [:], parts: &parts)
        #expect(figures.figures.map(\.file) == ["figures/03-b/ex04-1.svg"])
        #expect(figures.byExample.keys.sorted() == [4])
        let placeholder = figures.byExample[4]![0]
        // The SVG's own ids get the figure's id as prefix: an XML name cannot start with a digit.
        // Without a caption the figure still gets its number.
        #expect(parts.fill(placeholder) { $0.page }
                == #"<figure class="plot" id="fig-03-b-ex04-1" aria-labelledby="fig-03-b-ex04-1-caption" data-file="ex04-1.svg" data-hash="bbd9bc4f"><div class="plot-frame"><svg width="10" height="20" aria-labelledby="fig-03-b-ex04-1-t"><title id="fig-03-b-ex04-1-t">Loss</title></svg></div>"#
                + "\n" + #"<figcaption id="fig-03-b-ex04-1-caption"><span class="figure-number">Figure 3.1</span></figcaption></figure>"#)
        #expect(parts.fill(placeholder) { $0.print }
                == #"<figure class="plot" id="fig-03-b-ex04-1" aria-labelledby="fig-03-b-ex04-1-caption"><img src="figures/03-b/ex04-1.svg" alt="Loss" width="10" height="20">"#
                + "\n" + #"<figcaption id="fig-03-b-ex04-1-caption"><span class="figure-number">Figure 3.1</span></figcaption></figure>"#)
    }

    @Test func anInlineFiguresStyleRulesApplyToThatFigureOnly() {
        let svg = "<svg class=\"plot\"><style>\nsvg.plot .s1{stroke:#e6550d;stroke-dasharray:8 4}\n"
            + "svg.plot text.light,text.dark{font-size:11px}\n</style><rect class=\"s1\"/></svg>"
        #expect(ChapterFigures.scopedStyle(svg, to: "fig-loss") == "<svg class=\"plot\"><style>\n"
            + "#fig-loss svg.plot .s1{stroke:#e6550d;stroke-dasharray:8 4}\n"
            + "#fig-loss svg.plot text.light,#fig-loss text.dark{font-size:11px}\n</style><rect class=\"s1\"/></svg>")
        #expect(ChapterFigures.scopedStyle(svg, to: "3d").contains(#"[id="3d"] svg.plot .s1{"#))
        #expect(ChapterFigures.scopedStyle("<svg><rect/></svg>", to: "f") == "<svg><rect/></svg>")
    }
}

@Suite struct FigureCaptionsTests {
    /// A chapter whose first example draws two figures, captioned, and prose that links to them.
    static let source = chapterText(
        "# B", "", "As [Figure](#fig-loss) and [the loss figure](#fig-loss) show.", "", "```swift example", "show(plot)", "```", "",
        "```output", "a plot", "```", "", "Figure {#fig-loss}: The loss *falls*, as $x^2$ does.", "",
        "Figure {#fig-acc}: The accuracy rises; [Figure](#fig-loss) agrees.", "", "The end.")

    func render(_ source: String = source) throws -> (ChapterPage, String) {
        let root = try scratchDirectory("captions-test")
        let chapter = try Chapter(path: "chapters/03-b.md", source: source)
        try FileManager.default.createDirectory(atPath: root + "/" + chapter.figureDirectory, withIntermediateDirectories: true)
        for k in 1...2 {
            let svg = #"<svg width="10" height="20" role="img" aria-labelledby="t" aria-describedby="d"><title id="t">Plot \#(k)</title>"#
                + #"<desc id="d">Line plot of loss against epoch.</desc><polyline points="0,0 1,1"/></svg>"#
            try svg.write(toFile: root + "/" + chapter.figureDirectory + "/ex01-\(k).svg", atomically: true, encoding: .utf8)
        }
        let book = try Book(chapters: [chapter])
        let catalog = FigureCatalog(book: book, files: FigureCatalog.committedFiles(book, root: root))
        let page = try ChapterPage(chapter: chapter, book: book, symbols: SymbolTable(book: book), catalog: catalog, root: root)
        return (page, root)
    }

    @Test func captionsGoUnderTheirFiguresAndLinksGetNumbers() throws {
        let (page, root) = try render()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let html = page.pageBody
        // The caption paragraphs left the prose; the figures carry them, numbered, described by the plot's desc.
        #expect(!html.contains("{#fig-") && !html.contains("<p>Figure"))
        #expect(html.contains(#"<figure class="plot" id="fig-loss" aria-labelledby="fig-loss-caption" aria-describedby="fig-03-b-ex01-1-d" data-file="ex01-1.svg" data-hash="7f331962"><div class="plot-frame"><svg"#))
        #expect(html.contains(#"<figcaption id="fig-loss-caption"><span class="figure-number">Figure 3.1:</span> The loss <em>falls</em>, as <math"#))
        #expect(html.contains(#"<figure class="plot" id="fig-acc" aria-labelledby="fig-acc-caption" aria-describedby="fig-03-b-ex01-2-d" data-file="ex01-2.svg" data-hash="7ec2afa3"><div class="plot-frame"><svg"#))
        #expect(html.contains(##"<figcaption id="fig-acc-caption"><span class="figure-number">Figure 3.2:</span> The accuracy rises; <a href="#fig-loss">Figure\##u{A0}3.1</a> agrees.</figcaption>"##))
        // A link whose text is "Figure" gets the number; other text stays.
        #expect(html.contains("As <a href=\"#fig-loss\">Figure\u{A0}3.1</a> and <a href=\"#fig-loss\">the loss figure</a> show."))
        #expect(html.contains("<p>The end.</p>"))
        let print = page.printBody(chapterSlugs: ["03-b"])
        #expect(print.contains(#"<figure class="plot" id="03-b--fig-loss" aria-labelledby="03-b--fig-loss-caption"><img src="figures/03-b/ex01-1.svg""#))
        #expect(print.contains(#"<figcaption id="03-b--fig-loss-caption">"#))
        #expect(print.contains(##"<a href="#03-b--fig-loss">Figure\##u{A0}3.1</a>"##))
        #expect(print.contains(#"<span class="figure-number">Figure 3.2:</span> The accuracy rises"#))
    }

    @Test func captionsAreFoundAfterAPipeTableToo() throws {
        // The pipe-table pass turns a table into one HTML block: the lines after it move in the parse.
        let source = FigureCaptionsTests.source.replacingOccurrences(of: "# B\n", with: "# B\n\n| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n")
        let (page, root) = try render(source)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(!page.pageBody.contains("{#fig-") && page.pageBody.contains("Figure 3.2:</span> The accuracy rises"))
    }

    @Test func theWeaveRefusesAWrongCaptionOrLink() throws {
        let root = try scratchDirectory("captions-weave-test")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/theme", withIntermediateDirectories: true)
        for name in Theme.files { try "".write(toFile: root + "/theme/" + name, atomically: true, encoding: .utf8) }
        let chapter = try Chapter(path: "chapters/03-b.md", source: "# B\n\nSee [Figure](#fig-none).\n")
        #expect(throws: ChapterErrors.self) { try Weave(book: try Book(chapters: [chapter]), root: root).render() }
        do { _ = try Weave(book: try Book(chapters: [chapter]), root: root).render() } catch {
            #expect("\(error)".hasPrefix("chapters/03-b.md:3: error: a link to figure fig-none"))
        }
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
        #expect(page.contains(#"<pre class="output" aria-label="output" data-example="1"><code>1\#n</code></pre>"#))
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
