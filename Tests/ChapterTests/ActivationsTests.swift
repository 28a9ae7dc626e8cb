// Tests of chapter 2 (module Activations): derivatives, numerical safety and ranges.
import Foundation
import Testing
import Activations

@Suite("Chapter 2: activation functions")
struct ActivationsTests {
    /// Points away from 0, where step and ReLU have no derivative.
    static let points: [Float] = [-6, -3, -1.5, -0.7, -0.2, 0.2, 0.5, 1, 2.5, 4]

    @Test("derivatives agree with central finite differences", arguments: Activation.allCases)
    func derivativesMatchFiniteDifferences(f: Activation) {
        let h: Float = 1e-2
        for z in Self.points {
            let chord = (f(z + h) - f(z - h)) / (2 * h)
            #expect(abs(f.derivative(z) - chord) < 1e-3, "\(f.name)′(\(z)) = \(f.derivative(z)), chord \(chord)")
        }
    }

    @Test("the neuron's gradient agrees with finite differences", arguments: [Activation.sigmoid, .tanh, .relu])
    func neuronGradient(f: Activation) {
        let unit = Neuron(weights: [0.7, -1.2, 0.4], bias: 0.3, activation: f)
        let x: [Float] = [0.5, -0.25, 1.5]
        let (weights, bias) = unit.gradient(at: x)
        let h: Float = 1e-2
        for i in 0..<3 {
            var plus = unit, minus = unit
            plus.weights[i] += h
            minus.weights[i] -= h
            #expect(abs(weights[i] - (plus(x) - minus(x)) / (2 * h)) < 1e-3)
        }
        var plus = unit, minus = unit
        plus.bias += h
        minus.bias -= h
        #expect(abs(bias - (plus(x) - minus(x)) / (2 * h)) < 1e-3)
    }

    @Test("sigmoid is finite and correct far out in both tails")
    func sigmoidIsStable() {
        for z: Float in [-1000, -100, -89, -88, -50, 50, 88, 89, 100, 1000, .greatestFiniteMagnitude, -.greatestFiniteMagnitude] {
            let s = sigmoid(z)
            #expect(s.isFinite && s >= 0 && s <= 1, "σ(\(z)) = \(s)")
            let slope = Activation.sigmoid.derivative(z)
            #expect(slope.isFinite && slope >= 0 && slope <= 0.25, "σ′(\(z)) = \(slope)")
        }
        #expect(sigmoid(100) == 1)
        #expect(sigmoid(-100) > 0 && sigmoid(-100) < 1e-30)  // e⁻¹⁰⁰ ≈ 3.7e-44, a subnormal Float
        #expect(sigmoid(-1000) == 0)
        #expect(sigmoid(0) == 0.5)
    }

    @Test("sigmoid is symmetric and matches the textbook formula where that is safe")
    func sigmoidValues() {
        for z: Float in stride(from: -20, through: 20, by: 0.25) {
            #expect(abs(sigmoid(z) - 1 / (1 + exp(-z))) < 1e-6)
            #expect(abs(sigmoid(-z) - (1 - sigmoid(z))) < 1e-6)
        }
    }

    @Test("tanh and the sigmoid are related by tanh(z) = 2σ(2z) − 1")
    func tanhFromSigmoid() {
        for z: Float in stride(from: -5, through: 5, by: 0.5) {
            #expect(abs(Activation.tanh(z) - (2 * sigmoid(2 * z) - 1)) < 1e-5)
        }
    }

    @Test("ranges: step ∈ {0, 1}, σ ∈ [0, 1], tanh ∈ [−1, 1], ReLU ≥ 0")
    func ranges() {
        for z in stride(from: Float(-200), through: 200, by: 0.125) {
            #expect(Activation.step(z) == 0 || Activation.step(z) == 1)
            #expect((0...1).contains(Activation.sigmoid(z)))
            #expect((-1...1).contains(Activation.tanh(z)))
            #expect(Activation.relu(z) >= 0)
            #expect(Activation.relu(z) == max(0, z))
        }
        #expect(Activation.sigmoid(0) == 0.5)
        #expect(Activation.tanh(0) == 0)
        #expect(Activation.step(0) == 1)
    }

    @Test("derivative maxima: σ′ ≤ 1/4 and tanh′ ≤ 1, reached at 0; ReLU′ ∈ {0, 1}")
    func derivativeMaxima() {
        #expect(Activation.sigmoid.derivative(0) == 0.25)
        #expect(Activation.tanh.derivative(0) == 1)
        for z in stride(from: Float(-20), through: 20, by: 0.01) {
            #expect(Activation.sigmoid.derivative(z) <= 0.25)
            #expect(Activation.tanh.derivative(z) <= 1)
            #expect(Activation.relu.derivative(z) == (z > 0 ? 1 : 0))
            #expect(Activation.step.derivative(z) == 0)
        }
    }

    @Test("a ReLU unit with a negative pre-activation on every input has zero gradient")
    func deadUnit() {
        let dead = Neuron(weights: [-1, -0.5], bias: -0.2, activation: .relu)
        for x1 in stride(from: Float(0), through: 1, by: 0.1) {
            for x2 in stride(from: Float(0), through: 1, by: 0.1) {
                let (weights, bias) = dead.gradient(at: [x1, x2])
                #expect(weights == [0, 0] && bias == 0)
                #expect(dead([x1, x2]) == 0)
            }
        }
    }
}
