import Foundation
import Testing
@testable import BookBuild
import BookSource

@Suite struct RunnableTests {
    @Test func runnableCodeIsTheImportsAndEverySnippetSoFar() throws {
        let book = try Book(chapters: [
            try Chapter(path: "chapters/01-a.md", source: "# A\n\n" + library("public func one() -> Int { 1 }")),
            try Chapter(path: "chapters/02-b.md", source: """
                # B

                ```swift library
                import A
                import Foundation
                public func two() -> Int { one() + 1 }
                ```

                ```swift example hidden
                precondition(two() == 2)
                ```

                ```swift example
                print(two())
                ```

                ```output
                2
                ```

                ```swift ignore why="not Swift"
                two() +
                ```
                """),
        ])
        let chapter = book.chapters[1]
        #expect(Runnable.pieces(chapter).count == 3)
        let text = Runnable.text(chapter, book: book, upTo: 1)
        #expect(text.hasSuffix("""
            import Foundation
            import Plot
            import A

            public func two() -> Int { one() + 1 }

            precondition(two() == 2)

            """))
        #expect(text.hasPrefix("// Chapter 2, B (chapters/02-b.md)"))
        #expect(text.contains("swiftc -module-name B -I .build/debug/Modules -o main main.swift"))
        #expect(!Runnable.text(chapter, book: book, upTo: 2).contains("two() +"))
    }
}
