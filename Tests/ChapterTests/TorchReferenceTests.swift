// An outside check of the library: the same small networks, losses and optimizer steps computed by
// PyTorch (float32) and stored in Tests/Fixtures/*.json by tools/torch_reference.py (which CI does not
// run: the fixtures are committed). Each test rebuilds a fixture's network with the library's layers,
// runs it, and compares every number it can: outputs, loss, ∂L/∂θ for every parameter, ∂L/∂input,
// batch norm's running statistics, and parameters after SGD and Adam steps.
import Foundation
import Testing
import Layers
import Softmax
import CrossEntropy
import Backpropagation
import GradientDescent
import Regularization

// MARK: - Fixture files (FixtureTensor, FixtureOptimizerRun and loadFixture: TorchFixtures.swift)

/// One layer of a fixture's network (see the layout in tools/torch_reference.py).
private struct FixtureLayer: Decodable {
    let type: String
    let weight: FixtureTensor?
    let bias: FixtureTensor?
    let runningMean: FixtureTensor?
    let runningVar: FixtureTensor?
    let eps: Double?
    let momentum: Double?

    enum CodingKeys: String, CodingKey {
        case type, weight, bias, eps, momentum
        case runningMean = "running_mean", runningVar = "running_var"
    }
}

/// mlp_relu, mlp_sigmoid_tanh, batchnorm_train and l2_penalty.
private struct NetworkFixture: Decodable {
    let description: String
    let input: FixtureTensor
    let labels: [Int]
    let layers: [FixtureLayer]
    let output: FixtureTensor
    let loss: Double
    /// "<layer index>.weight" / "<layer index>.bias" (PyTorch's names) and "input".
    let grads: [String: FixtureTensor]
    // batchnorm_train only
    let batchnormLayer: Int?
    let runningMeanAfter: FixtureTensor?
    let runningVarAfter: FixtureTensor?
    let evalOutput: FixtureTensor?
    let evalLoss: Double?
    let evalGrads: [String: FixtureTensor]?
    // l2_penalty only
    let lambda: Double?
    let penalized: [String]?
    let crossEntropy: Double?
    let penalty: Double?

    enum CodingKeys: String, CodingKey {
        case description, input, labels, layers, output, loss, grads, lambda, penalized, penalty
        case batchnormLayer = "batchnorm_layer", runningMeanAfter = "running_mean_after"
        case runningVarAfter = "running_var_after", evalOutput = "eval_output", evalLoss = "eval_loss"
        case evalGrads = "eval_grads", crossEntropy = "cross_entropy"
    }
}

private struct SoftmaxFixture: Decodable {
    let logits: FixtureTensor
    let labels: [Int]
    let softmax: FixtureTensor
    let logSoftmax: FixtureTensor
    let loss: Double
    let gradLogits: FixtureTensor

    enum CodingKeys: String, CodingKey {
        case logits, labels, softmax, loss
        case logSoftmax = "log_softmax", gradLogits = "grad_logits"
    }
}

private typealias OptimizerFixture = FixtureOptimizerSteps<FixtureLayer>

/// The fixture's network built from the library's layers, and its parameters by PyTorch's names
/// ("0.weight", "0.bias", …; a batch norm's γ and β are its "weight" and "bias", as in `BatchNorm1d`).
private func makeNetwork(_ layers: [FixtureLayer]) -> (model: Sequential, parameters: [String: Parameter]) {
    var built: [any Backpropagating] = []
    var named: [String: Parameter] = [:]
    for (index, layer) in layers.enumerated() {
        switch layer.type {
        case "linear":
            let linear = Linear(weight: layer.weight!.tensor, bias: layer.bias!.tensor)
            named["\(index).weight"] = linear.weight
            named["\(index).bias"] = linear.bias
            built.append(linear)
        case "relu": built.append(ReLU())
        case "sigmoid": built.append(Sigmoid())
        case "tanh": built.append(Tanh())
        case "batchnorm":
            let gamma = layer.weight!.tensor
            let norm = BatchNorm(gamma.count, momentum: Float(layer.momentum!), epsilon: Float(layer.eps!))
            norm.gamma.value = gamma
            norm.beta.value = layer.bias!.tensor
            norm.runningMean = layer.runningMean!.tensor
            norm.runningVariance = layer.runningVar!.tensor
            named["\(index).weight"] = norm.gamma
            named["\(index).bias"] = norm.beta
            built.append(norm)
        default:
            preconditionFailure("unknown layer type \(layer.type) in a fixture")
        }
    }
    return (Sequential(built), named)
}

// MARK: - Comparing

/// Compares the library's numbers with PyTorch's and remembers the largest errors, for the summary line.
///
/// Two float32 computations of the same formula agree to a few ulps of the *terms* they add up, not of
/// the result, because they add in different orders (PyTorch's blocked, vectorized kernels; the book's
/// plain loops). So the check is |a − b| ≤ 1e-5 · max(|a|, |b|) + 1e-6:
/// - 1e-5 relative is about 100 float32 ulps (ε = 1.2e-7), room for the rounding of a few dozen
///   operations in a row;
/// - the absolute floor 1e-6 is for results near 0 that come out of cancellation, such as
///   softmax − onehot, a gradient summed over a batch with mixed signs, or e^−100 (which PyTorch's
///   vectorized exp returns as a float32 subnormal of a different value): their error is the rounding of
///   the O(1) terms, ~1e-7 each, which no relative bound on a tiny result can describe. All values
///   compared here are between 1e-5 and 100 unless they are exact zeros or such cancellations, and a
///   real mistake in a formula (a missing factor, a wrong sign, a transposed weight) is off by far more.
private struct Agreement {
    static let relativeTolerance = 1e-5
    static let absoluteFloor = 1e-6

    let fixture: String
    /// Largest |a − b| / max(|a|, |b|) over values with max(|a|, |b|) ≥ 1e-3 (below that the floor rules).
    var largestRelativeError = 0.0
    /// Where `largestRelativeError` is, for the summary line.
    var worstRelative = ""
    var largestAbsoluteError = 0.0
    /// Largest |a − b| / (allowed difference): how much of the tolerance was used (1 = at the limit).
    var largestToleranceUse = 0.0
    var compared = 0

    init(_ fixture: String) { self.fixture = fixture }

    mutating func check(_ what: String, _ swift: Float, _ torch: Double,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        check(what, Tensor(shape: [1], scalars: [swift]), FixtureTensor(shape: [1], data: [torch]),
              sourceLocation: sourceLocation)
    }

    mutating func check(_ what: String, _ swift: Tensor, _ torch: FixtureTensor,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(swift.shape == torch.shape, "\(fixture) \(what): shape \(swift.shape), PyTorch \(torch.shape)",
                sourceLocation: sourceLocation)
        guard swift.shape == torch.shape else { return }
        var mismatches = 0
        var worst: (index: Int, excess: Double)?
        for (k, (s, t)) in zip(swift.scalars, torch.data).enumerated() {
            let a = Double(s), difference = abs(a - t), magnitude = max(abs(a), abs(t))
            compared += 1
            largestAbsoluteError = max(largestAbsoluteError, difference)
            if magnitude >= 1e-3, difference / magnitude > largestRelativeError {
                largestRelativeError = difference / magnitude
                worstRelative = "\(what)[\(k)]: Swift \(s), PyTorch \(Float(t))"
            }
            let allowed = Self.relativeTolerance * magnitude + Self.absoluteFloor
            largestToleranceUse = max(largestToleranceUse, difference / allowed)
            if !(difference <= allowed) {  // also catches NaN
                mismatches += 1
                if worst == nil || difference / allowed > worst!.excess { worst = (k, difference / allowed) }
            }
        }
        if let worst {
            Issue.record("""
                \(fixture) \(what): \(mismatches) of \(swift.count) values differ from PyTorch; worst at \
                element \(worst.index): Swift \(swift.scalars[worst.index]), PyTorch \(torch.data[worst.index])
                """, sourceLocation: sourceLocation)
        }
    }

    /// One line for the test log: how close the library came.
    func report() {
        print("torch reference \(fixture): \(compared) values compared; largest relative error "
              + String(format: "%.2e", largestRelativeError) + ", largest absolute error "
              + String(format: "%.2e", largestAbsoluteError) + ", "
              + String(format: "%.0f%%", 100 * largestToleranceUse) + " of the tolerance used"
              + " (largest relative: \(worstRelative))")
    }
}

/// Forward, cross-entropy and backward on fresh gradients; returns the logits, the loss and ∂L/∂input.
private func forwardBackward(_ model: Sequential, _ x: Tensor, labels: [Int]) -> (logits: Tensor, loss: Float, inputGradient: Tensor) {
    model.zeroGrad()
    let logits = model(x)
    let loss = crossEntropy(logits, labels: labels)
    let inputGradient = model.backward(crossEntropyGradient(logits, labels: labels))
    return (logits, loss, inputGradient)
}

/// Compares every gradient PyTorch recorded with the library's, and checks that neither has one the
/// other lacks.
private func compareGradients(_ agreement: inout Agreement, _ what: String, torch: [String: FixtureTensor],
                    parameters: [String: Parameter], inputGradient: Tensor,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(Set(torch.keys) == Set(parameters.keys).union(["input"]),
            "\(agreement.fixture): PyTorch's gradients \(torch.keys.sorted()) vs the library's parameters \(parameters.keys.sorted())",
            sourceLocation: sourceLocation)
    for (name, parameter) in parameters.sorted(by: { $0.key < $1.key }) {
        guard let expected = torch[name] else { continue }
        agreement.check("\(what) ∂L/∂\(name)", parameter.grad, expected, sourceLocation: sourceLocation)
    }
    if let expected = torch["input"] {
        agreement.check("\(what) ∂L/∂input", inputGradient, expected, sourceLocation: sourceLocation)
    }
}

// MARK: - Tests

@Suite struct TorchReferenceTests {
    /// Forward, loss and every gradient of a plain network against its fixture.
    func checkNetwork(_ name: String) throws {
        let fixture = try loadFixture(name, as: NetworkFixture.self)
        let (model, parameters) = makeNetwork(fixture.layers)
        var agreement = Agreement(name)
        let (logits, loss, inputGradient) = forwardBackward(model, fixture.input.tensor, labels: fixture.labels)
        agreement.check("logits", logits, fixture.output)
        agreement.check("loss", loss, fixture.loss)
        compareGradients(&agreement, "", torch: fixture.grads, parameters: parameters, inputGradient: inputGradient)
        agreement.report()
    }

    @Test func reluNetworkMatchesPyTorch() throws { try checkNetwork("mlp_relu") }

    @Test func sigmoidTanhNetworkMatchesPyTorch() throws { try checkNetwork("mlp_sigmoid_tanh") }

    @Test func batchNormMatchesPyTorchInTrainingAndEvaluation() throws {
        let fixture = try loadFixture("batchnorm_train", as: NetworkFixture.self)
        let (model, parameters) = makeNetwork(fixture.layers)
        let normIndex = try #require(fixture.batchnormLayer)
        let norm = try #require(model.layers[normIndex] as? BatchNorm)
        var agreement = Agreement("batchnorm_train")

        model.train()
        let (logits, loss, inputGradient) = forwardBackward(model, fixture.input.tensor, labels: fixture.labels)
        agreement.check("train logits", logits, fixture.output)
        agreement.check("train loss", loss, fixture.loss)
        compareGradients(&agreement, "train", torch: fixture.grads, parameters: parameters, inputGradient: inputGradient)
        agreement.check("running mean", norm.runningMean, try #require(fixture.runningMeanAfter))
        agreement.check("running variance", norm.runningVariance, try #require(fixture.runningVarAfter))

        model.eval()
        let eval = forwardBackward(model, fixture.input.tensor, labels: fixture.labels)
        agreement.check("eval logits", eval.logits, try #require(fixture.evalOutput))
        agreement.check("eval loss", eval.loss, try #require(fixture.evalLoss))
        compareGradients(&agreement, "eval", torch: try #require(fixture.evalGrads), parameters: parameters,
                       inputGradient: eval.inputGradient)
        // Evaluation must leave the running statistics alone.
        agreement.check("running mean after eval", norm.runningMean, try #require(fixture.runningMeanAfter))
        agreement.check("running variance after eval", norm.runningVariance, try #require(fixture.runningVarAfter))
        agreement.report()
    }

    @Test func l2PenaltyMatchesPyTorch() throws {
        let fixture = try loadFixture("l2_penalty", as: NetworkFixture.self)
        let (model, parameters) = makeNetwork(fixture.layers)
        let penalized = try #require(fixture.penalized)
        #expect(penalized == ["0.weight", "2.weight", "4.weight"], "the penalty covers the weight matrices only")
        var agreement = Agreement("l2_penalty")

        let (logits, crossEntropyLoss, inputGradient) = forwardBackward(model, fixture.input.tensor, labels: fixture.labels)
        let penalty = addL2Penalty(penalized.map { parameters[$0]! }, lambda: Float(try #require(fixture.lambda)))
        agreement.check("logits", logits, fixture.output)
        agreement.check("cross-entropy", crossEntropyLoss, try #require(fixture.crossEntropy))
        agreement.check("penalty", penalty, try #require(fixture.penalty))
        agreement.check("loss", crossEntropyLoss + penalty, fixture.loss)
        compareGradients(&agreement, "", torch: fixture.grads, parameters: parameters, inputGradient: inputGradient)
        agreement.report()
    }

    /// The closest call of all the fixtures (about 30% of the tolerance): log softmax of the row with 50
    /// in it is off by 1.3e-6 at −0.313. The library forms zⱼ − (m + log Σ e^(z−m)) with m = 50, and
    /// float32's spacing at 50.3 is 3.8e-6, so every entry of that row carries that rounding; PyTorch
    /// subtracts in the order (zⱼ − m) − log Σ, which is exact for zⱼ = m. Within the tolerance, and a
    /// rounding, not a mistake.
    @Test func softmaxAndCrossEntropyMatchPyTorchOnLargeLogits() throws {
        let fixture = try loadFixture("softmax_ce", as: SoftmaxFixture.self)
        let logits = fixture.logits.tensor
        #expect(logits.scalars.contains(50) && logits.scalars.contains(-50), "the fixture has its ±50 logits")
        var agreement = Agreement("softmax_ce")

        let probabilities = softmax(logits)
        let logProbabilities = logSoftmax(logits)
        let loss = crossEntropy(logits, labels: fixture.labels)
        let gradient = crossEntropyGradient(logits, labels: fixture.labels)
        #expect(probabilities.scalars.allSatisfy(\.isFinite) && logProbabilities.scalars.allSatisfy(\.isFinite)
                && loss.isFinite && gradient.scalars.allSatisfy(\.isFinite), "no overflow at ±50")
        agreement.check("softmax", probabilities, fixture.softmax)
        agreement.check("log softmax", logProbabilities, fixture.logSoftmax)
        agreement.check("loss", loss, fixture.loss)
        agreement.check("∂L/∂logits", gradient, fixture.gradLogits)
        agreement.report()
    }

    /// Three steps of `run` (fixture run `index`) from mlp_relu's parameters on one batch: the loss
    /// before each step and every parameter after it.
    private func checkOptimizer(_ index: Int, _ name: String, expect: (FixtureOptimizerRun) -> Bool) throws {
        let fixture = try loadFixture("optimizers", as: OptimizerFixture.self)
        let run = fixture.runs[index]
        #expect(expect(run), "optimizers.json run \(index) is not \(name)")
        let (model, parameters) = makeNetwork(fixture.layers)
        var optimizer: any Optimizer
        switch run.optimizer {
        case "sgd":
            optimizer = SGD(model.parameters, learningRate: Float(run.lr), momentum: Float(run.momentum ?? 0),
                            weightDecay: Float(run.weightDecay))
        case "adam":
            let betas = try #require(run.betas)
            optimizer = Adam(model.parameters, learningRate: Float(run.lr), beta1: Float(betas[0]),
                             beta2: Float(betas[1]), epsilon: Float(try #require(run.eps)),
                             weightDecay: Float(run.weightDecay))
        default:
            Issue.record("unknown optimizer \(run.optimizer)")
            return
        }
        var agreement = Agreement("optimizers \(name)")
        let x = fixture.input.tensor
        for (t, step) in run.steps.enumerated() {
            optimizer.zeroGrad()
            let logits = model(x)
            agreement.check("step \(t + 1) loss", crossEntropy(logits, labels: fixture.labels), step.loss)
            _ = model.backward(crossEntropyGradient(logits, labels: fixture.labels))
            optimizer.step()
            #expect(Set(step.params.keys) == Set(parameters.keys))
            for (parameterName, parameter) in parameters.sorted(by: { $0.key < $1.key }) {
                guard let expected = step.params[parameterName] else { continue }
                agreement.check("after step \(t + 1) \(parameterName)", parameter.value, expected)
            }
        }
        agreement.report()
    }

    @Test func sgdMatchesPyTorch() throws {
        try checkOptimizer(0, "SGD(lr=0.1)") { $0.optimizer == "sgd" && $0.momentum == 0 && $0.weightDecay == 0 }
    }

    @Test func sgdWithMomentumMatchesPyTorch() throws {
        try checkOptimizer(1, "SGD(lr=0.1, momentum=0.9)") { $0.optimizer == "sgd" && $0.momentum == 0.9 }
    }

    @Test func sgdWithWeightDecayMatchesPyTorch() throws {
        try checkOptimizer(2, "SGD(lr=0.1, weight_decay=0.01)") { $0.optimizer == "sgd" && $0.weightDecay == 0.01 }
    }

    /// Adam's parameters agree only to ~3e-8 absolute (~2e-5 relative on a parameter of 0.0015, which the
    /// 1e-6 floor covers), for two reasons. Adam moves every element by about lr = 0.01 per step
    /// whatever its gradient's size, so a parameter that starts at 0.021 is 0.0015 after two steps: its
    /// error is that of the O(0.01) terms, not of the small result (the floor's case). And the library
    /// computes the bias correction 1 − β₂ᵗ in Float: β₂ᵗ ≈ 0.998 is rounded to float32's spacing
    /// 6e-8 before 1 − β₂ᵗ ≈ 0.002 is taken, a 6.7e-6 relative error at t = 2 (PyTorch uses Python
    /// doubles there), which makes the step 3e-6 relative, lr × 3e-6 = 3e-8 absolute, too large.
    @Test func adamMatchesPyTorch() throws {
        try checkOptimizer(3, "Adam(lr=0.01)") { $0.optimizer == "adam" && $0.lr == 0.01 }
    }
}
