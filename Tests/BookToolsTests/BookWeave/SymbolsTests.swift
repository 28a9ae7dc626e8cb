import Testing
@testable import BookBuild
import BookSource
@testable import BookWeave

@Suite struct DeclarationScannerTests {
    @Test func topLevelPublicDeclarations() {
        let code = """
        import Foundation

        /// A tensor.
        public struct Tensor: Equatable {
            public var shape: [Int]
            public func reshaped(_ shape: [Int]) -> Tensor { self }
        }

        public final class Linear: Layer { public init() {} }
        public protocol Layer: AnyObject {}
        public enum Activation: String { case relu }
        public typealias Matrix = Tensor
        public func softmax(_ logits: Tensor, temperature: Float = 1) -> Tensor { logits }
        public let answer = 42
        func helper() {}
        internal struct Hidden {}
        public static func + (a: Tensor, b: Tensor) -> Tensor { a }
        """
        let found = DeclarationScanner.publicDeclarations(in: code)
        #expect(found.map(\.signature) == ["Tensor", "Linear", "Layer", "Activation", "Matrix", "softmax(_:temperature:)", "answer"])
        #expect(found.map(\.keyword) == ["struct", "class", "protocol", "enum", "typealias", "func", "let"])
        // The offset is where the name starts, for the anchor.
        let chars = Array(code)
        let tensor = found[0]
        #expect(String(chars[tensor.offset..<(tensor.offset + 6)]) == "Tensor")
    }

    @Test func extensionMembersHaveTheirType() {
        let code = """
        extension Linear: Backpropagating {
            /// y = xW + b.
            public func backward(_ gradOutput: Tensor) -> Tensor {
                let inner = { (x: Int) in x }
                return gradOutput
            }
            func privateHelper() {}
            public var count: Int { 0 }
        }
        extension MNISTDataset {
            public init(images: Tensor, labels: [Int]) {}
            public func batches(size: Int, shuffle rng: inout SplitMix64) -> MNISTBatches { fatalError() }
        }
        """
        let found = DeclarationScanner.publicDeclarations(in: code)
        #expect(found.map(\.signature) == ["Linear.backward(_:)", "Linear.count", "MNISTDataset.init(images:labels:)",
                                           "MNISTDataset.batches(size:shuffle:)"])
        #expect(found.map(\.anchorBase) == ["sym-Linear.backward", "sym-Linear.count", "sym-MNISTDataset.init", "sym-MNISTDataset.batches"])
    }

    @Test func commentsAndStringsAreNotCode() {
        let code = """
        // public func commented() {}
        /* public struct Block { } */
        let s = "public func inString() { \\(1 + 2) }"
        let t = \"\"\"
            public class InTripleQuotes {}
            \"\"\"
        public func real<T: Comparable>(_ values: [T], by order: (T, T) -> Bool = { $0 < $1 }) -> [T] { values }
        """
        #expect(DeclarationScanner.publicDeclarations(in: code).map(\.signature) == ["real(_:by:)"])
    }

    @Test func declaredNamesIncludeLocalsParametersAndLoops() {
        let names = DeclarationScanner.declaredNames(in: """
        let grid = [1, 2]
        var (a, b) = (1, 2)
        func naive(_ z: [Float], scale s: Float) -> [Float] { z.map { v in v * s } }
        for (name, mu) in pairs { print(name, mu) }
        """)
        #expect(names.isSuperset(of: ["grid", "a", "b", "naive", "z", "scale", "s", "v", "name", "mu"]))
        #expect(!names.contains("print"))
    }
}

@Suite struct SymbolTableTests {
    func book() throws -> Book {
        try Book(chapters: [
            try Chapter(path: "chapters/01-a.md", source: "# A\n\n" + library("public struct Tensor {}\npublic func dot(_ a: Tensor) -> Float { 0 }")),
            try Chapter(path: "chapters/02-b.md", source: "# B\n\n" + library("import A\nextension Tensor { public func sum() -> Float { 0 } }\npublic func dot(_ a: Tensor, _ b: Tensor) -> Float { 0 }")
                        + "\n```swift example\nlet x = dot(Tensor(), Tensor())\n```\n"),
            try Chapter(path: "chapters/03-c.md", source: "# C\n\n" + library("import A\npublic struct Tensor2 {}")
                        + "\n```swift example\nlet dot = 3\nprint(Tensor(), dot)\n```\n"),
        ])
    }

    @Test func whatEachChapterAdds() throws {
        let b = try book()
        let table = SymbolTable(book: b)
        #expect(table.added(by: b.chapters[0]).map(\.declaration.signature) == ["Tensor", "dot(_:)"])
        // Members added to an earlier chapter's type are listed; the anchors are unique per page.
        #expect(table.added(by: b.chapters[1]).map(\.declaration.signature) == ["Tensor.sum()", "dot(_:_:)"])
        #expect(table.added(by: b.chapters[1]).map(\.anchor) == ["sym-Tensor.sum", "sym-dot"])
    }

    @Test func linksGoToTheLatestDefinitionAndRespectLocalNames() throws {
        let b = try book()
        let table = SymbolTable(book: b)
        #expect(table.links(for: b.chapters[0]) == ["Tensor": "#sym-Tensor", "dot": "#sym-dot"])
        #expect(table.links(for: b.chapters[1]) == ["Tensor": "01-a.html#sym-Tensor", "dot": "#sym-dot"])
        // Chapter 3 declares its own `dot`: that name is not linked there.
        #expect(table.links(for: b.chapters[2]) == ["Tensor": "01-a.html#sym-Tensor", "Tensor2": "#sym-Tensor2"])
    }

    @Test func highlightedCodeLinksSymbolsButNotDeclarationsOrMembers() {
        let html = SwiftHighlighter.html("let t = Tensor()\nlet dot = t.dot(1)\nprint(dot(t))",
                                         links: ["Tensor": "01-a.html#sym-Tensor", "dot": "#sym-dot"])
        #expect(html.contains("<a class=\"sym\" href=\"01-a.html#sym-Tensor\"><span class=\"ty\">Tensor</span></a>()"))
        #expect(html.contains("<span class=\"kw\">let</span> dot = t.dot(<span class=\"num\">1</span>)"))
        #expect(html.contains("print(<a class=\"sym\" href=\"#sym-dot\">dot</a>(t))"))
        let anchored = SwiftHighlighter.html("public func dot() {}", anchors: [12: "sym-dot"])
        #expect(anchored.contains("<span class=\"def\" id=\"sym-dot\">dot</span>"))
    }
}
