// Chapter 12 against PyTorch: the convolution (loops and the im2col layer), max pooling with ties,
// batch normalization per channel, and three optimizer steps of a small convolutional network with
// and without batch norm, compared with the numbers tools/torch_reference.py stored in
// Tests/Fixtures/conv2d.json, conv_maxpool.json, conv_batchnorm.json, convnet_steps.json and
// convnet_bn_steps.json (PyTorch 2.13, float32, one thread). The tolerance is 1e-5 relative, as in
// TorchReferenceTests, but of the right size: a gradient of the convolution sums a few hundred terms
// of either sign, and two float32 sums of them in different orders differ by rounding of the TERMS
// (~1e-7 each), not of the result, which cancellation can make a hundred times smaller. So the
// convolution's numbers are checked as |a − b| ≤ 1e-5 · S + 1e-6, where S is the same sum with every
// term made positive (the loops run on |x|, |W|, |g|); the other numbers as |a − b| ≤ 1e-5 · max(|a|,
// |b|) + 1e-6.
import Foundation
import Testing
import Layers
import CrossEntropy
import Backpropagation
import GradientDescent
import Convolutions

private struct ConvCase: Decodable {
    let inChannels, outChannels, kernel, stride, padding, height, width: Int
    let input, weight, bias, output, gradOutput, gradInput, gradWeight, gradBias: FixtureTensor

    enum CodingKeys: String, CodingKey {
        case kernel, stride, padding, height, width, input, weight, bias, output
        case inChannels = "in_channels", outChannels = "out_channels", gradOutput = "grad_output"
        case gradInput = "grad_input", gradWeight = "grad_weight", gradBias = "grad_bias"
    }

    var shape: ConvShape {
        ConvShape(inChannels: inChannels, outChannels: outChannels, kernel: kernel, stride: stride,
                  padding: padding, height: height, width: width)
    }
}

private struct PoolCase: Decodable {
    let channels, height, width: Int
    let input, output, gradOutput, gradInput: FixtureTensor

    enum CodingKeys: String, CodingKey {
        case channels, height, width, input, output
        case gradOutput = "grad_output", gradInput = "grad_input"
    }
}

private struct BatchNormCase: Decodable {
    let channels, height, width: Int
    let weight, bias, runningMean, runningVar, input, gradOutput: FixtureTensor
    let output, gradInput, gradWeight, gradBias, runningMeanAfter, runningVarAfter: FixtureTensor
    let evalOutput, evalGradInput, evalGradWeight, evalGradBias: FixtureTensor

    enum CodingKeys: String, CodingKey {
        case channels, height, width, weight, bias, input, output
        case runningMean = "running_mean", runningVar = "running_var", gradOutput = "grad_output"
        case gradInput = "grad_input", gradWeight = "grad_weight", gradBias = "grad_bias"
        case runningMeanAfter = "running_mean_after", runningVarAfter = "running_var_after"
        case evalOutput = "eval_output", evalGradInput = "eval_grad_input"
        case evalGradWeight = "eval_grad_weight", evalGradBias = "eval_grad_bias"
    }
}

/// The running statistics convnet_bn_steps.json records after each step, by PyTorch's name.
private struct RunningStatistics: Decodable {
    struct Run: Decodable {
        struct Step: Decodable { let running: [String: FixtureTensor]? }
        let steps: [Step]
    }
    let runs: [Run]
}

private struct Cases<Case: Decodable>: Decodable { let cases: [Case] }

private struct NetworkLayer: Decodable {
    let type: String
    let inChannels, outChannels, kernel, stride, padding: Int?
    let channels, height, width: Int?
    let weight, bias: FixtureTensor?

    enum CodingKeys: String, CodingKey {
        case type, kernel, stride, padding, channels, height, width, weight, bias
        case inChannels = "in_channels", outChannels = "out_channels"
    }
}

private typealias StepsFixture = FixtureOptimizerSteps<NetworkLayer>

/// Checks every element within 1e-5 of its scale (`scale[k]`, or max(|a|, |b|) without one) + 1e-6;
/// returns the largest share of the tolerance used (1 = at the limit), for the log line.
@discardableResult
private func expectClose(_ what: String, _ swift: Tensor, _ torch: FixtureTensor, scale: Tensor? = nil,
                         sourceLocation: SourceLocation = #_sourceLocation) -> Double {
    #expect(swift.shape == torch.shape, "\(what): shape \(swift.shape), PyTorch \(torch.shape)",
            sourceLocation: sourceLocation)
    guard swift.shape == torch.shape else { return .infinity }
    var used = 0.0, mismatches = 0, worst = ""
    for (k, (s, t)) in zip(swift.scalars, torch.data).enumerated() {
        let size = scale.map { Double($0.scalars[k]) } ?? max(abs(Double(s)), abs(t))
        let difference = abs(Double(s) - t), allowed = 1e-5 * size + 1e-6
        if !(difference <= allowed) {
            if mismatches == 0 { worst = "element \(k): Swift \(s), PyTorch \(t)" }
            mismatches += 1
        }
        used = max(used, difference / allowed)
    }
    #expect(mismatches == 0, "\(what): \(mismatches) of \(swift.count) values differ; first at \(worst)",
            sourceLocation: sourceLocation)
    return used
}

@Suite struct ConvolutionTorchTests {
    @Test func convolutionMatchesPyTorchAsLoopsAndAsTheLayer() throws {
        let fixture = try loadFixture("conv2d", as: Cases<ConvCase>.self)
        #expect(fixture.cases.count == 4)
        var used = 0.0
        for (k, c) in fixture.cases.enumerated() {
            let x = c.input.tensor, g = c.gradOutput.tensor
            // The sums of absolute terms that set each number's tolerance.
            let positive = { (t: Tensor) in t.map(abs) }
            let outputScale = convolutionLoops(positive(x), weight: positive(c.weight.tensor),
                                               bias: positive(c.bias.tensor), shape: c.shape)
            let gradientScale = convolutionBackwardLoops(positive(x), weight: positive(c.weight.tensor),
                                                         shape: c.shape, gradOutput: positive(g))
            func check(_ what: String, output: Tensor, dx: Tensor, dw: Tensor, db: Tensor) {
                used = max(used, expectClose("case \(k) \(what) output", output, c.output, scale: outputScale))
                used = max(used, expectClose("case \(k) \(what) ∂L/∂x", dx, c.gradInput, scale: gradientScale.input))
                used = max(used, expectClose("case \(k) \(what) ∂L/∂W", dw, c.gradWeight, scale: gradientScale.weight))
                used = max(used, expectClose("case \(k) \(what) ∂L/∂b", db, c.gradBias, scale: gradientScale.bias))
            }
            let output = convolutionLoops(x, weight: c.weight.tensor, bias: c.bias.tensor, shape: c.shape)
            let back = convolutionBackwardLoops(x, weight: c.weight.tensor, shape: c.shape, gradOutput: g)
            check("loops", output: output, dx: back.input, dw: back.weight, db: back.bias)
            for threads in [1, 2] {
                let layer = Conv2D(c.shape, weight: c.weight.tensor, bias: c.bias.tensor)
                layer.threads = threads
                let y = layer(x)
                let dx = layer.backward(g)
                check("Conv2D, \(threads) threads", output: y, dx: dx, dw: layer.weight.grad, db: layer.bias.grad)
            }
        }
        print("torch reference conv2d: " + String(format: "%.0f%%", 100 * used) + " of the tolerance used")
    }

    @Test func maxPoolingMatchesPyTorchOnTies() throws {
        let fixture = try loadFixture("conv_maxpool", as: Cases<PoolCase>.self)
        for (k, c) in fixture.cases.enumerated() {
            let x = c.input.tensor
            // The fixture must really test ties: most blocks of small integers hold one.
            #expect(Set(x.scalars).count <= 3, "case \(k): the input is small integers")
            let pool = MaxPool2D(channels: c.channels, height: c.height, width: c.width)
            expectClose("case \(k) output", pool(x), c.output)
            expectClose("case \(k) ∂L/∂x", pool.backward(c.gradOutput.tensor), c.gradInput)
        }
    }

    @Test func batchNormPerChannelMatchesPyTorch() throws {
        let fixture = try loadFixture("conv_batchnorm", as: Cases<BatchNormCase>.self)
        #expect(fixture.cases.count == 3)
        var used = 0.0
        for (k, c) in fixture.cases.enumerated() {
            let norm = BatchNorm2D(channels: c.channels, height: c.height, width: c.width)
            norm.gamma.value = c.weight.tensor
            norm.beta.value = c.bias.tensor
            (norm.runningMean, norm.runningVariance) = (c.runningMean.tensor, c.runningVar.tensor)
            let (x, g) = (c.input.tensor, c.gradOutput.tensor)
            used = max(used, expectClose("case \(k) output", norm(x), c.output))
            used = max(used, expectClose("case \(k) ∂L/∂x", norm.backward(g), c.gradInput))
            used = max(used, expectClose("case \(k) ∂L/∂γ", norm.gamma.grad, c.gradWeight))
            used = max(used, expectClose("case \(k) ∂L/∂β", norm.beta.grad, c.gradBias))
            used = max(used, expectClose("case \(k) running mean", norm.runningMean, c.runningMeanAfter))
            used = max(used, expectClose("case \(k) running variance", norm.runningVariance,
                                         c.runningVarAfter))
            norm.zeroGrad()
            norm.isTraining = false
            used = max(used, expectClose("case \(k) eval output", norm(x), c.evalOutput))
            used = max(used, expectClose("case \(k) eval ∂L/∂x", norm.backward(g), c.evalGradInput))
            used = max(used, expectClose("case \(k) eval ∂L/∂γ", norm.gamma.grad, c.evalGradWeight))
            used = max(used, expectClose("case \(k) eval ∂L/∂β", norm.beta.grad, c.evalGradBias))
        }
        print("torch reference conv_batchnorm: " + String(format: "%.0f%%", 100 * used) + " of the tolerance used")
    }

    @Test(arguments: ["convnet_steps", "convnet_bn_steps"])
    func threeOptimizerStepsOfASmallNetworkMatchPyTorch(name: String) throws {
        let fixture = try loadFixture(name, as: StepsFixture.self)
        let running = try loadFixture(name, as: RunningStatistics.self)
        let names = try #require(fixture.names, "\(name).json lists its parameters' names")
        #expect(fixture.runs.map(\.optimizer) == ["sgd", "adam"])
        #expect(fixture.layers.contains { $0.type == "batchnorm2d" } == (name == "convnet_bn_steps"))
        var used = 0.0
        for (r, run) in fixture.runs.enumerated() {
            var layers: [any Backpropagating] = []
            var norms: [(index: Int, layer: BatchNorm2D)] = []
            for layer in fixture.layers {
                switch layer.type {
                case "conv":
                    let shape = ConvShape(inChannels: layer.inChannels!, outChannels: layer.outChannels!,
                                          kernel: layer.kernel!, stride: layer.stride!, padding: layer.padding!,
                                          height: layer.height!, width: layer.width!)
                    layers.append(Conv2D(shape, weight: layer.weight!.tensor, bias: layer.bias!.tensor))
                case "batchnorm2d":
                    let norm = BatchNorm2D(channels: layer.channels!, height: layer.height!,
                                           width: layer.width!)
                    norms.append((layers.count, norm))
                    layers.append(norm)
                case "relu": layers.append(ReLU())
                case "maxpool":
                    layers.append(MaxPool2D(channels: layer.channels!, height: layer.height!, width: layer.width!))
                case "linear": layers.append(FastLinear(weight: layer.weight!.tensor, bias: layer.bias!.tensor))
                default: Issue.record("unknown layer \(layer.type)")
                }
            }
            let model = Sequential(layers)
            #expect(model.parameters.count == names.count)
            // A convolution's bias right before a batch norm has a gradient of 0 in exact arithmetic
            // (the normalization subtracts every shift of the mean again): both sides compute
            // rounding noise of order 1e-9 for it, and Adam divides that by its own size into steps
            // of about ±η whose signs are the noise's. Under Adam those biases, and the running means
            // they shift, are checked to be that noise, not compared; everything else is compared.
            let cancelled = Set(norms.map { "\($0.index - 1).bias" })
            let noisy = { (name: String) in run.optimizer == "adam" && cancelled.contains(name) }
            var optimizer: any Optimizer = run.optimizer == "sgd"
                ? SGD(model.parameters, learningRate: Float(run.lr), momentum: Float(run.momentum ?? 0))
                : Adam(model.parameters, learningRate: Float(run.lr), beta1: Float(run.betas![0]),
                       beta2: Float(run.betas![1]), epsilon: Float(run.eps!))
            let x = fixture.input.tensor
            for (t, step) in run.steps.enumerated() {
                optimizer.zeroGrad()
                let logits = model(x)
                let loss = crossEntropy(logits, labels: fixture.labels)
                used = max(used, expectClose("\(run.optimizer) step \(t + 1) loss",
                                             Tensor(shape: [1], scalars: [loss]),
                                             FixtureTensor(shape: [1], data: [step.loss])))
                _ = model.backward(crossEntropyGradient(logits, labels: fixture.labels))
                for (name, parameter) in zip(names, model.parameters) where cancelled.contains(name) {
                    #expect(parameter.grad.scalars.allSatisfy { abs($0) < 1e-6 },
                            "\(name)'s gradient is rounding noise: \(parameter.grad.scalars)")
                }
                optimizer.step()
                for (name, parameter) in zip(names, model.parameters) where !noisy(name) {
                    let expected = try #require(step.params[name])
                    used = max(used, expectClose("\(run.optimizer) after step \(t + 1) \(name)",
                                                 parameter.value, expected))
                }
                let statistics = running.runs[r].steps[t].running ?? [:]
                #expect(statistics.count == 2 * norms.count)
                for (index, norm) in norms {
                    let (mean, variance) = try (#require(statistics["\(index).running_mean"]),
                                                #require(statistics["\(index).running_var"]))
                    if !noisy("\(index - 1).bias") {
                        used = max(used, expectClose("\(run.optimizer) step \(t + 1) \(index).running_mean",
                                                     norm.runningMean, mean))
                    }
                    used = max(used, expectClose("\(run.optimizer) step \(t + 1) \(index).running_var",
                                                 norm.runningVariance, variance))
                }
            }
        }
        print("torch reference \(name): " + String(format: "%.0f%%", 100 * used) + " of the tolerance used")
    }
}
