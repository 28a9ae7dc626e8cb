import Testing
import Perceptron
import Layers
import GradientDescent

@Suite struct GradientDescentTests {
    @Test func miniBatchesCoverEverySampleOnce() {
        var rng = SplitMix64(seed: 1)
        let batches = miniBatches(count: 103, batchSize: 20, rng: &rng)
        #expect(batches.count == 6)  // ⌈103 / 20⌉
        #expect(batches.last?.count == 3)
        #expect(batches.flatMap { $0 }.sorted() == Array(0..<103))
    }

    @Test func miniBatchesUseChapterOnesShuffle() {
        var a = SplitMix64(seed: 4), b = SplitMix64(seed: 4)
        var order = Array(0..<23)
        b.shuffle(&order)
        #expect(miniBatches(count: 23, batchSize: 5, rng: &a).flatMap { $0 } == order)
        #expect(a.state == b.state)
    }

    @Test func spreadSummarizesMeasurements() {
        let spread = Spread([1, 2, 3, 4, 5])
        #expect(spread.mean == 3)
        #expect(abs(spread.standardDeviation - Float(2.5).squareRoot()) < 1e-6)  // sample sd: Σ(x − 3)² / 4 = 2.5
        #expect(spread.min == 1 && spread.max == 5)
        #expect(spread.formatted("%.2f") == "3.00 ± 1.58 (1.00 to 5.00)")
        #expect(Spread([-1, 1]).formatted("%+.1f") == "+0.0 ± 1.4 (-1.0 to +1.0)")
    }

    @Test func sgdMinimizesAQuadratic() {
        // L = ½‖θ − (3, −1)‖², ∂L/∂θ = θ − (3, −1).
        let theta = Parameter("θ", Tensor(shape: [2], scalars: [0, 0]))
        let target = Tensor(shape: [2], scalars: [3, -1])
        for optimizer in [SGD([theta], learningRate: 0.1) as any Optimizer,
                          SGD([theta], learningRate: 0.1, momentum: 0.9),
                          Adam([theta], learningRate: 0.1)] {
            var o = optimizer
            theta.value = Tensor(shape: [2], scalars: [0, 0])
            for _ in 0..<500 {
                theta.grad = theta.value - target
                o.step()
            }
            #expect(abs(theta.value.scalars[0] - 3) < 1e-3 && abs(theta.value.scalars[1] + 1) < 1e-3)
        }
    }

    @Test func spiralsHaveTheirShapeLabelsAndRadii() {
        var rng = SplitMix64(seed: 7)
        let data = makeSpirals(pointsPerClass: 50, classes: 3, noise: 0.2, rng: &rng)
        #expect(data.points.shape == [150, 2])
        #expect(data.labels == (0..<150).map { $0 % 3 })
        for i in 0..<150 {
            let r = (data.points[i, 0] * data.points[i, 0] + data.points[i, 1] * data.points[i, 1]).squareRoot()
            #expect(r >= 0.1 - 1e-5 && r < 1 + 1e-5)
        }
        var again = SplitMix64(seed: 7)
        #expect(makeSpirals(pointsPerClass: 50, classes: 3, noise: 0.2, rng: &again).points == data.points)
    }
}
