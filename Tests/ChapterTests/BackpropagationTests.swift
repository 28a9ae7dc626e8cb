import Testing
import Perceptron
import Layers
import Softmax
import CrossEntropy
import Backpropagation
import Regularization

/// Finite-difference checks of every layer's backward pass, through a cross-entropy loss.
@Suite struct GradientCheckTests {
    func check(_ layers: [any Backpropagating], inputs: Int = 4, classes: Int = 3, seed: UInt64 = 7) -> GradientCheck {
        var rng = SplitMix64(seed: seed)
        let model = Sequential(layers)
        let x = Tensor(uniform: [5, inputs], in: -1...1, using: &rng)
        let labels = (0..<5).map { _ in Int(rng.next() % UInt64(classes)) }
        model.zeroGrad()
        let logits = model(x)
        _ = model.backward(crossEntropyGradient(logits, labels: labels))
        return checkGradients(of: model.parameters) { crossEntropy(model(x), labels: labels) }
    }

    @Test func linear() {
        var rng = SplitMix64(seed: 1)
        let result = check([Linear(4, 3, rng: &rng)])
        #expect(result.checked == 15)
        #expect(result.maxRelativeError < 1e-2, "\(result)")
    }

    @Test(arguments: ["relu", "sigmoid", "tanh"])
    func activations(_ name: String) {
        var rng = SplitMix64(seed: 2)
        let activation: any Backpropagating = name == "relu" ? ReLU() : name == "sigmoid" ? Sigmoid() : Tanh()
        let result = check([Linear(4, 6, rng: &rng), activation, Linear(6, 3, rng: &rng)])
        #expect(result.checked == 24 + 6 + 18 + 3)
        #expect(result.maxRelativeError < 1e-2, "\(result)")
    }

    @Test func batchNormInTraining() {
        var rng = SplitMix64(seed: 3)
        let result = check([Linear(4, 6, rng: &rng), BatchNorm(6), Tanh(), Linear(6, 3, rng: &rng)])
        #expect(result.maxRelativeError < 2e-2, "\(result)")
    }

    @Test func backwardReturnsTheInputGradient() {
        // ∂L/∂x checked by differences on the input itself.
        var rng = SplitMix64(seed: 4)
        let model = Sequential([Linear(3, 4, rng: &rng), Tanh(), Linear(4, 2, rng: &rng)])
        let input = Parameter("x", Tensor(uniform: [2, 3], in: -1...1, using: &rng))
        let labels = [0, 1]
        let logits = model(input.value)
        input.grad = model.backward(crossEntropyGradient(logits, labels: labels))
        let result = checkGradients(of: [input]) { crossEntropy(model(input.value), labels: labels) }
        #expect(result.maxRelativeError < 1e-2, "\(result)")
    }

    @Test func aWrongGradientIsCaught() {
        // The check itself can fail: corrupt one gradient and it must notice.
        var rng = SplitMix64(seed: 5)
        let model = Sequential([Linear(3, 2, rng: &rng)])
        let x = Tensor(uniform: [2, 3], in: -1...1, using: &rng)
        model.zeroGrad()
        _ = model.backward(crossEntropyGradient(model(x), labels: [0, 1]))
        model.parameters[0].grad.scalars[0] += 0.5
        let result = checkGradients(of: model.parameters) { crossEntropy(model(x), labels: [0, 1]) }
        #expect(result.maxRelativeError > 0.1)
    }
}

@Suite struct LearningTests {
    @Test func anMLPLearnsXOR() {
        var rng = SplitMix64(seed: 11)
        let model = Sequential([Linear(2, 8, rng: &rng), Tanh(), Linear(8, 2, rng: &rng)])
        let x = Tensor([[0, 0], [0, 1], [1, 0], [1, 1]])
        let y = [0, 1, 1, 0]
        var loss: Float = 0
        for _ in 0..<2000 { loss = trainStep(model, x, labels: y, learningRate: 0.5) }
        #expect(argmaxRows(model(x)) == y)
        #expect(loss < 0.05)
    }
}

@Suite struct RegularizationTests {
    @Test func dropoutKeepsTheMeanAndIsTheIdentityInEvaluation() {
        let dropout = Dropout(0.2, seed: 9)
        let x = Tensor(repeating: 1, shape: [100, 100])
        let y = dropout(x)
        let zeros = y.scalars.filter { $0 == 0 }.count
        #expect(abs(Float(zeros) / 10_000 - 0.2) < 0.02)
        #expect(abs(y.sum() / 10_000 - 1) < 0.03)
        let model = Sequential([dropout])
        model.eval()
        #expect(model(x) == x)
        #expect(model(x) == model(x))
    }

    @Test func batchNormNormalizesInTrainingAndUsesRunningStatisticsInEvaluation() {
        var rng = SplitMix64(seed: 12)
        let bn = BatchNorm(3)
        let x = Tensor(uniform: [64, 3], in: 2...6, using: &rng)
        let y = bn(x)
        let mean = (1 / Float(64)) * y.sumOfRows()
        #expect(mean.scalars.allSatisfy { abs($0) < 1e-5 })
        let model = Sequential([bn])
        model.eval()
        let single = model(x.rows([0]))
        let inBatch = model(x).rows([0])
        #expect(single == inBatch)
    }

    @Test func l2AndL1PenaltiesAddTheirGradients() {
        let p = Parameter("w", Tensor([[1, -2], [0, 3]]))
        #expect(addL2Penalty([p], lambda: 0.1) == 0.05 * 14)
        #expect(p.grad == 0.1 * p.value)
        p.zeroGrad()
        #expect(addL1Penalty([p], lambda: 0.1) == 0.1 * 6)
        #expect(p.grad == Tensor([[0.1, -0.1], [0, 0.1]]))
    }
}
