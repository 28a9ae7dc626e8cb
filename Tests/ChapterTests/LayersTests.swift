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

    /// `matmul` runs its loops in i-p-j order for speed; every element must still be the
    /// formula's sum, started at 0 and added in the order p = 0, 1, 2, …: the same bits as
    /// the dot product Σₚ A[i, p] · B[p, j] in the formula's order.
    @Test func matmulGivesTheFormulasSumsBitForBit() {
        var rng = SplitMix64(seed: 31)
        for (n, k, m) in [(1, 1, 1), (3, 5, 7), (20, 33, 17), (2, 0, 3), (0, 4, 3), (9, 64, 1)] {
            let a = Tensor(uniform: [n, k], in: -1...1, using: &rng)
            let b = Tensor(uniform: [k, m], in: -1...1, using: &rng)
            var expected: [Float] = []
            for i in 0..<n {
                for j in 0..<m {
                    var sum: Float = 0
                    for p in 0..<k { sum += a[i, p] * b[p, j] }
                    expected.append(sum)
                }
            }
            let c = matmul(a, b)
            #expect(c.shape == [n, m])
            #expect(c.scalars.map(\.bitPattern) == expected.map(\.bitPattern), "\(n)×\(k)·\(k)×\(m)")
        }
    }

    @Test func transposedAddingToRowsAndSumOfRowsFollowTheirDefinitions() {
        var rng = SplitMix64(seed: 32)
        let t = Tensor(uniform: [5, 3], in: -1...1, using: &rng)
        let v = Tensor(uniform: [3], in: -1...1, using: &rng)
        let tT = t.transposed, shifted = t.addingToRows(v), sums = t.sumOfRows()
        #expect(tT.shape == [3, 5] && shifted.shape == [5, 3] && sums.shape == [3])
        for j in 0..<3 {
            var sum: Float = 0
            for i in 0..<5 {
                #expect(tT[j, i] == t[i, j])
                #expect(shifted[i, j] == t[i, j] + v.scalars[j])
                sum += t[i, j]
            }
            #expect(sums.scalars[j].bitPattern == sum.bitPattern)
        }
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
