// Trains chapter 7's classifier on the three spiral arms, with the book's API from outside the book:
// a 2-32-32-3 ReLU network, mini-batch SGD, cross-entropy. Prints the loss and the accuracy.
import Backpropagation
import CrossEntropy
import Foundation
import GradientDescent
import Layers
import Perceptron
import Softmax

var dataRNG = SplitMix64(seed: 7)
let spirals = makeSpirals(pointsPerClass: 100, rng: &dataRNG)
let count = spirals.labels.count

var initRNG = SplitMix64(seed: 42)
let model = makeMLP([2, 32, 32, 3], rng: &initRNG)
var optimizer = SGD(model.parameters, learningRate: 0.1)
var shuffleRNG = SplitMix64(seed: 5)

let before = crossEntropy(model(spirals.points), labels: spirals.labels)
for _ in 1...30 {
    for batch in miniBatches(count: count, batchSize: 10, rng: &shuffleRNG) {
        optimizer.zeroGrad()
        let logits = model(spirals.points.rows(batch))
        let labels = batch.map { spirals.labels[$0] }
        _ = model.backward(crossEntropyGradient(logits, labels: labels))
        optimizer.step()
    }
}
let after = crossEntropy(model(spirals.points), labels: spirals.labels)
let correct = zip(argmaxRows(model(spirals.points)), spirals.labels).filter { $0 == $1 }.count
print(String(format: "consumer: spirals, 30 epochs of SGD: loss %.4f -> %.4f, accuracy %.1f%%",
             before, after, 100 * Float(correct) / Float(count)))
// Training must have lowered the loss (a broken optimizer or gradient would not).
precondition(after < before, "training did not lower the loss: \(before) -> \(after)")
