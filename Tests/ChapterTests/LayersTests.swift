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
        #expect(makeMLP([784, 512, 512, 10], rng: &rng).parameterCount == 669_706)
    }

    @Test func linearInitIsWithinPyTorchsBound() {
        var rng = SplitMix64(seed: 3)
        let layer = Linear(100, 7, rng: &rng)
        #expect(layer.weight.value.scalars.allSatisfy { abs($0) <= 0.1 })
        #expect(layer.bias.value.scalars.allSatisfy { abs($0) <= 0.1 })
        #expect(layer(Tensor(zeros: [3, 100])).shape == [3, 7])
    }
}
