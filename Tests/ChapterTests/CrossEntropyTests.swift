import Testing
import Layers
import Softmax
import CrossEntropy

@Suite struct CrossEntropyTests {
    @Test func logSoftmaxIsFiniteForExtremeLogits() {
        let l = logSoftmax(Tensor([[0, 120, 0], [-1000, 1000, 0]]))
        #expect(l.scalars.allSatisfy { $0.isFinite })
        #expect(abs(l[0, 0] + 120) < 1e-4)
        #expect(crossEntropy(Tensor([[0, 120, 0]]), labels: [0]).isFinite)
    }

    @Test func softmaxBackwardOfTheLogLikelihoodIsPMinusY() {
        let z = Tensor([[1, -1, 0.5], [0, 2, -2]])
        let p = softmax(z)
        var g = Tensor(zeros: [2, 3])  // ∂(mean −log p[y])/∂p for labels [0, 1]
        g[0, 0] = -0.5 / p[0, 0]
        g[1, 1] = -0.5 / p[1, 1]
        let viaJacobian = softmaxBackward(p, g)
        let fused = crossEntropyGradient(z, labels: [0, 1])
        for (a, b) in zip(viaJacobian.scalars, fused.scalars) { #expect(abs(a - b) < 1e-6) }
    }

    @Test func squaredDistanceGradientThroughSoftmaxMatchesFiniteDifferences() {
        let z = Tensor([[0.3, -0.7, 1.2, 0.0], [1.0, 0.5, -0.5, 2.0]])
        let y = oneHot([2, 0], classes: 4)
        let loss = { (z: Tensor) in squaredDistance(softmax(z), y) }
        let p = softmax(z)
        let analytic = softmaxBackward(p, squaredDistanceGradient(p, y))
        let epsilon: Float = 1e-2
        for k in 0..<z.count {
            var plus = z, minus = z
            plus.scalars[k] += epsilon
            minus.scalars[k] -= epsilon
            let numeric = (loss(plus) - loss(minus)) / (2 * epsilon)
            #expect(abs(numeric - analytic.scalars[k]) < 1e-3, "logit \(k): \(numeric) vs \(analytic.scalars[k])")
        }
    }

    @Test func squaredDistanceGradientIsTwiceTheDifferenceOverRows() {
        let p = Tensor([[0.5, 0.5], [1, 0]])
        let y = Tensor([[1, 0], [1, 0]])
        #expect(squaredDistanceGradient(p, y) == Tensor([[-0.5, 0.5], [0, 0]]))
    }
}
