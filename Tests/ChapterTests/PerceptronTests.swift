// Tests of chapter 1 (module Perceptron): the random generator, the learning rule, and XOR.
import Testing
import Perceptron

@Suite("Chapter 1: the perceptron")
struct PerceptronTests {
    @Test("SplitMix64 reproduces the reference sequence for seed 42")
    func splitMixReference() {
        var generator = SplitMix64(seed: 42)
        let expected: [UInt64] = [0xbdd7_3226_2feb_6e95, 0x28ef_e333_b266_f103, 0x4752_6757_130f_9f52,
                                  0x581c_e1ff_0e4a_e394, 0x09bc_585a_2448_23f2]
        for value in expected {
            #expect(generator.next() == value)
        }
    }

    @Test("Natively the reader's seed is 0: a generator starts at its seed and resumes from its state")
    func readerSeedIsZeroNatively() {
        // Only the page's seed field sets SplitMix64.readerSeed (tools/wasm/build.sh's book_run); the
        // tests never change it, since the others run in parallel with the book's seeds.
        #expect(SplitMix64.readerSeed == 0)
        #expect(SplitMix64(seed: 42).state == 42)
        var generator = SplitMix64(seed: 42)
        _ = generator.next()
        var resumed = SplitMix64(seed: generator.state)
        #expect(resumed.next() == generator.next())
    }

    @Test("Another reader's seed gives other numbers, not the book's stream shifted")
    func readerSeedDoesNotShiftTheStream() {
        // Through init(seed:readerSeed:), which is what init(seed:) does with the page's r: the
        // shared static stays 0, since the other tests run in parallel with the book's seeds.
        #expect(SplitMix64.mix(0) == 0)
        var book = SplitMix64(seed: 42)
        let bookFirst = (0..<10).map { _ in book.next() }
        for r: UInt64 in [1, 2, 4, 8, 7, 4_294_967_295] {
            for seed: UInt64 in [0, 1, 2, 3, 4, 5, 42] {
                var reference = SplitMix64(seed: seed, readerSeed: 0)
                let referenceFirst = (0..<10).map { _ in reference.next() }
                var other = SplitMix64(seed: seed, readerSeed: r)
                let otherFirst = (0..<3).map { _ in other.next() }
                #expect(otherFirst.allSatisfy { !referenceFirst.contains($0) },
                        "r = \(r), seed \(seed): the book's stream shifted")
            }
        }
        // The case found in the cold read: r = 1 and seed 42 gave the book's 2nd, 3rd, 4th numbers.
        var other = SplitMix64(seed: 42, readerSeed: 1)
        #expect((0..<3).map { _ in other.next() }.allSatisfy { !bookFirst.contains($0) })
    }

    @Test("SplitMix64 for seed 0 starts with the published first value")
    func splitMixSeedZero() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xe220_a839_7b1d_cdaf)
    }

    @Test("nextFloat is the top 24 bits, in [0, 1)")
    func nextFloat() {
        var bits = SplitMix64(seed: 7), floats = SplitMix64(seed: 7)
        for _ in 0..<1000 {
            let expected = Float(bits.next() >> 40) * 0x1p-24
            let value = floats.nextFloat()
            #expect(value == expected)
            #expect(value >= 0 && value < 1)
        }
    }

    @Test("uniform(in:) stays in its range")
    func uniform() {
        var generator = SplitMix64(seed: 3)
        for _ in 0..<1000 {
            let value = generator.uniform(in: -2...3)
            #expect(value >= -2 && value <= 3)
        }
    }

    @Test("shuffle permutes and is reproducible")
    func shuffle() {
        var a = Array(0..<50), b = Array(0..<50)
        var g1 = SplitMix64(seed: 11), g2 = SplitMix64(seed: 11)
        g1.shuffle(&a)
        g2.shuffle(&b)
        #expect(a == b)
        #expect(a.sorted() == Array(0..<50))
        #expect(a != Array(0..<50))
    }

    @Test("next(below:) stays below n, redraws when it must, and is uniform for small n")
    func nextBelow() {
        var generator = SplitMix64(seed: 5)
        var counts = [0, 0, 0]
        for _ in 0..<30_000 { counts[Int(generator.next(below: 3))] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })  // 4 standard deviations
        // For n = 2⁶³ + 1 about half of the draws are rejected; every result must still be below n.
        let huge: UInt64 = (1 << 63) + 1
        for _ in 0..<1000 { #expect(generator.next(below: huge) < huge) }
        #expect(generator.next(below: 1) == 0)
        // Without a redraw it is the high half of next() · n, as before the rejection step existed.
        var a = SplitMix64(seed: 9), b = SplitMix64(seed: 9)
        for n: UInt64 in [2, 10, 300, 60_000] {
            #expect(a.next(below: n) == b.next().multipliedFullWidth(by: n).high)
        }
    }

    @Test("step(0) = 1, step(z < 0) = 0")
    func stepConvention() {
        #expect(step(0) == 1)
        #expect(step(-0.0001) == 0)
        #expect(step(3) == 1)
    }

    @Test("the learning rule moves z toward the label")
    func learningRule() {
        var unit = Perceptron(inputs: 2)
        let example = LabeledPoint(x: [1, 0], y: 0)
        let before = unit.weightedSum(example.x)
        let error = unit.learn(from: example, rate: 0.5)
        #expect(error == -1)
        #expect(unit.weightedSum(example.x) == before - 0.5 * (1 + 1))  // z − η (x·x + 1)
        #expect(unit.learn(from: example, rate: 0.5) == 0)
    }

    @Test("the perceptron learns AND, OR and NAND", arguments: [TruthTable.and, .or, .nand])
    func learnsSeparableGates(table: TruthTable) {
        var generator = SplitMix64(seed: 1)
        var unit = Perceptron(inputs: 2)
        let mistakes = unit.train(on: table.rows, maxEpochs: 100, using: &generator)
        #expect(mistakes.last == 0, "\(table.name) did not converge: \(mistakes)")
        #expect(unit.mistakes(on: table.rows) == 0)
        for row in table.rows {
            #expect(unit.predict(row.x) == row.y)
        }
    }

    @Test("training XOR never has an epoch without mistakes", arguments: [1, 2, 3, 42] as [UInt64])
    func cannotLearnXOR(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        var unit = Perceptron(inputs: 2)
        let mistakes = unit.train(on: TruthTable.xor.rows, maxEpochs: 500, using: &generator)
        #expect(mistakes.count == 500)
        #expect(mistakes.allSatisfy { $0 >= 1 })
        #expect(unit.mistakes(on: TruthTable.xor.rows) >= 1)
    }

    @Test("no perceptron gets all four XOR rows right")
    func xorIsNotLinearlySeparable() {
        // Random weights and biases, plus a grid that includes exact ties (z = 0).
        var generator = SplitMix64(seed: 2024)
        for _ in 0..<20_000 {
            let unit = Perceptron(weights: [generator.uniform(in: -5...5), generator.uniform(in: -5...5)],
                                  bias: generator.uniform(in: -5...5))
            #expect(unit.mistakes(on: TruthTable.xor.rows) >= 1)
        }
        let grid: [Float] = (-8...8).map { Float($0) / 4 }
        for w1 in grid {
            for w2 in grid {
                for b in grid {
                    #expect(Perceptron(weights: [w1, w2], bias: b).mistakes(on: TruthTable.xor.rows) >= 1)
                }
            }
        }
    }

    @Test("the hand-wired two-layer network computes XOR")
    func handWiredXOR() {
        let network = TwoLayerPerceptron.xor
        for row in TruthTable.xor.rows {
            #expect(network.predict(row.x) == row.y)
        }
        // Its hidden units compute OR and NAND.
        for (or, nand) in zip(TruthTable.or.rows, TruthTable.nand.rows) {
            #expect(network.hiddenOutputs(or.x) == [or.y, nand.y])
        }
    }

    @Test("truth tables list the rows in order (0,0), (0,1), (1,0), (1,1)")
    func truthTables() {
        #expect(TruthTable.xor.rows.map(\.x) == [[0, 0], [0, 1], [1, 0], [1, 1]])
        #expect(TruthTable.and.rows.map(\.y) == [0, 0, 0, 1])
        #expect(TruthTable.or.rows.map(\.y) == [0, 1, 1, 1])
        #expect(TruthTable.nand.rows.map(\.y) == [1, 1, 1, 0])
        #expect(TruthTable.xor.rows.map(\.y) == [0, 1, 1, 0])
    }
}
