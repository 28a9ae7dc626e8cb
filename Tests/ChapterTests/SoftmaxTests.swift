import Testing
import Layers
import Softmax
import CrossEntropy

@Suite struct SoftmaxTests {
    @Test func softmaxRowsSumToOneAndSurviveLargeLogits() {
        let p = softmax(Tensor([[1, 2, 3], [1000, 1000, -1000]]))
        for i in 0..<2 { #expect(abs(p.row(i).reduce(0, +) - 1) < 1e-6) }
        #expect(p.scalars.allSatisfy { $0.isFinite })
        #expect(abs(p[1, 0] - 0.5) < 1e-6)
    }

    @Test func temperatureSharpensAndFlattens() {
        let z = Tensor([[1, 2, 3]])
        #expect(softmax(z, temperature: 0.5)[0, 2] > softmax(z)[0, 2])
        #expect(softmax(z, temperature: 10)[0, 2] < softmax(z)[0, 2])
    }

    @Test func oneHotAndArgmax() {
        #expect(oneHot([2, 0], classes: 3) == Tensor([[0, 0, 1], [1, 0, 0]]))
        #expect(argmaxRows(Tensor([[0.1, 0.7, 0.2], [3, 3, 1]])) == [1, 0])
    }

    @Test func crossEntropyOfUniformLogitsIsLogOfClassCount() {
        let loss = crossEntropy(Tensor(zeros: [3, 10]), labels: [0, 5, 9])
        #expect(abs(loss - Float(2.302585)) < 1e-5)
    }

    @Test func crossEntropyGradientIsSoftmaxMinusOneHotOverBatch() {
        let z = Tensor([[1, -1, 0.5], [0, 2, -2]])
        let g = crossEntropyGradient(z, labels: [0, 1])
        let expected = 0.5 * (softmax(z) - oneHot([0, 1], classes: 3))
        #expect(g == expected)
        // Each row of p − y sums to zero.
        for i in 0..<2 { #expect(abs(g.row(i).reduce(0, +)) < 1e-6) }
    }
}
