import Foundation
import Testing
import Perceptron
import Layers

@Suite struct LayersTests {
    @Test func matmulMatchesHandComputedProduct() {
        let a = Tensor([[1, 2, 3], [4, 5, 6]])
        let b = Tensor([[1, 0], [0, 1], [1, 1]])
        #expect(matmul(a, b) == Tensor([[4, 5], [10, 11]]))
    }

    @Test func mnistNetworkHasTheTutorialsParameterCount() {
        var rng = SplitMix64(seed: 0)
        #expect(makeChain([784, 512, 512, 10], rng: &rng).parameterCount == 669_706)
    }

    @Test func linearInitIsWithinPyTorchsBound() {
        var rng = SplitMix64(seed: 3)
        let layer = Linear(100, 7, rng: &rng)
        #expect(layer.weight.value.scalars.allSatisfy { abs($0) <= 0.1 })
        #expect(layer.bias.value.scalars.allSatisfy { abs($0) <= 0.1 })
        #expect(layer(Tensor(zeros: [3, 100])).shape == [3, 7])
    }
}

@Suite struct LayersChapterTextTests {
    /// The chapter quotes the message of a failed shape check with its line number; the line
    /// named must still be the check in `Tensor.init` (it moves when text above it is edited).
    @Test func quotedTrapLineIsTheShapeCheck() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("chapters/03-layers.md"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let quoted = try #require(lines.first { $0.hasPrefix("chapters/03-layers.md:") && $0.contains("Fatal error") })
        let number = try #require(Int(quoted.split(separator: ":")[1]))
        #expect(lines[number - 1].contains("require(size == scalars.count"))
        #expect(text.contains("(line \(number) of"))
    }
}
