import Foundation
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

@Suite struct GradientDescentChapterTextTests {
    /// Chapter 7 quotes PyTorch's epoch times from bench/snapshot.json as constants (its
    /// examples run in the page too, which reads no files): they must be the file's numbers.
    @Test func recordedEpochTimesAreTheSnapshots() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("chapters/07-gradient-descent.md"),
                              encoding: .utf8)
        let data = try Data(contentsOf: root.appendingPathComponent("bench/snapshot.json"))
        let snapshot = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paired = try #require(snapshot["paired"] as? [String: Any])
        let machine = try #require(paired["machine"] as? [String: Any])
        let measures = try #require(paired["measures"] as? [[String: Any]])
        func spread(_ key: String) throws -> String {
            let entry = try #require(measures.first { $0["key"] as? String == key })
            let torch = try #require(entry["torch"] as? [String: Double])
            let (median, low, high) = (try #require(torch["median"]), try #require(torch["min"]),
                                       try #require(torch["max"]))
            return "RecordedSpread(median: \(median), min: \(low), max: \(high))"
        }
        let load = try #require((paired["loadBefore"] as? [Double])?.first)
        let expected = [
            "let recorded = (date: \"\(try #require(paired["date"] as? String))\", loadBefore: \(load), "
                + "pairs: \(try #require(paired["pairs"] as? Int)),",
            "machine: (cpu: \"\(try #require(machine["cpu"] as? String))\", cores: "
                + "\(try #require(machine["cores"] as? Int)), torch: \"\(try #require(machine["torch"] as? String))\",",
            "torchThreads: \(try #require(machine["torchThreads"] as? Int))))",
            "let epoch20 = \(try spread("epoch.b20"))",
            "let epoch128 = \(try spread("epoch.b128"))",
        ]
        for line in expected {
            #expect(text.contains(line), """
                chapters/07-gradient-descent.md should have `\(line)`, from bench/snapshot.json (after \
                `make bench-record`): copy the new numbers into the constants `recorded`, `epoch20` and \
                `epoch128` of the example under "In wall-clock time", run `make bless CHAPTER=07`, and \
                update the prose after it that quotes the medians
                """)
        }
    }
}
