import Testing
@testable import BookBuild
import BookSource
@testable import BookWeave

@Suite struct SearchIndexTests {
    @Test func wordsAreLowercasedWithCamelCasePartsAndWithoutNoise() {
        #expect(SearchIndex.words("The crossEntropyGradient of 42 logits, x and ReLU.")
                == ["crossentropygradient", "cross", "entropy", "gradient", "logits", "relu"])
        #expect(SearchIndex.words("Softmax: softmax(z)ᵢ = e") == ["softmax", "softmax"])
    }

    @Test func postingsAreInBookOrderWithCounts() {
        let index = SearchIndex(sections: [
            .init(href: "01-a.html", chapter: "1 · A", title: "A", text: "softmax softmax logits"),
            .init(href: "01-a.html#b", chapter: "1 · A", title: "Softmax again", text: "nothing here"),
            .init(href: "02-b.html", chapter: "2 · B", title: "B", text: "logits"),
        ])
        let postings = Dictionary(uniqueKeysWithValues: index.postings.map { ($0.word, $0.entries.map { [$0.section, $0.count] }) })
        #expect(postings["softmax"] == [[0, 2], [1, 1]])
        #expect(postings["logits"] == [[0, 1], [2, 1]])
        #expect(index.postings.map(\.word) == index.postings.map(\.word).sorted())
    }

    @Test func theIndexIsAScriptThatWorksFromTheFileSystem() {
        let index = SearchIndex(sections: [.init(href: "01-a.html#x", chapter: "1 · A", title: "A \"quoted\" <title>",
                                                 text: String(repeating: "word ", count: 100))])
        let js = index.javascript()
        #expect(js.contains("window.BOOK_SEARCH = {\"sections\": [\n[\"01-a.html#x\",\"1 · A\",\"A \\\"quoted\\\" \\u003ctitle>\","))
        #expect(js.contains("\"word\":[0,100]"))
        #expect(js.contains("\"stop\": [\"a\","))
        #expect(!js.contains("</"))  // nothing can close the script element early
    }

    @Test func pagesAreSplitIntoSectionsAtH2() {
        let html = """
        <h1>Softmax</h1><p>Intro &amp; more</p><svg><text>axis</text></svg>
        <h2 id="temperature">Temperature</h2><p>Divide by <code>T</code>.</p><math><mi>T</mi></math>
        <script type="application/json">"hidden"</script>
        """
        let sections = HTMLText.sections(of: html)
        #expect(sections.map(\.id) == [nil, "temperature"])
        #expect(sections[0].text == "Intro & more")  // the title is indexed as the title
        #expect(sections[1].title == "Temperature")
        #expect(sections[1].text == "Divide by T .")
    }
}
