import Testing
import Foundation
import Perceptron
import Layers
import CrossEntropy
import Backpropagation
import GradientDescent
import Regularization
import Engine

/// The fast engine must compute what the plain chapters compute.
@Suite struct EngineTests {
    /// Random shapes, odd sizes and sizes below the block and kernel sizes, every transpose, α and accumulate.
    @Test func gemmAgreesWithThePlainProduct() {
        var rng = SplitMix64(seed: 2024)
        // (150, 300, 200): A large enough for its packing to be shared between the threads.
        var shapes = [(1, 1, 1), (6, 16, 16), (7, 17, 15), (20, 784, 512), (128, 300, 70), (97, 257, 1030), (300, 5, 2),
                      (150, 300, 200)]
        for _ in 0..<12 {
            shapes.append((1 + Int(rng.next(below: 70)), 1 + Int(rng.next(below: 300)), 1 + Int(rng.next(below: 90))))
        }
        for (m, k, n) in shapes {
            let a = Tensor(uniform: [m, k], in: -1...1, using: &rng)
            let b = Tensor(uniform: [k, n], in: -1...1, using: &rng)
            let c0 = Tensor(uniform: [m, n], in: -1...1, using: &rng)
            let expected = c0 + 0.5 * matmul(a, b)
            let aT = a.transposed, bT = b.transposed
            for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
                for threads in [1, 2] {
                    var c = c0.scalars
                    let store = transposeA ? aT.scalars : a.scalars, storeB = transposeB ? bT.scalars : b.scalars
                    store.withUnsafeBufferPointer { A in
                        storeB.withUnsafeBufferPointer { B in
                            c.withUnsafeMutableBufferPointer { C in
                                let va = transposeA ? MatrixView(A.baseAddress!, rows: k, columns: m).t
                                                    : MatrixView(A.baseAddress!, rows: m, columns: k)
                                let vb = transposeB ? MatrixView(B.baseAddress!, rows: n, columns: k).t
                                                    : MatrixView(B.baseAddress!, rows: k, columns: n)
                                gemm(va, vb, into: C.baseAddress!, ldc: n, alpha: 0.5, accumulate: true, threads: threads)
                            }
                        }
                    }
                    let worst = zip(c, expected.scalars).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
                    #expect(worst < 1e-5, "\(m)×\(k)·\(k)×\(n) transposes \(transposeA) \(transposeB) threads \(threads): \(worst)")
                }
            }
        }
    }

    /// B read in place (few rows of A) with a last sliver narrower than the kernel, and Bᵀ read in
    /// place (B seen transposed, computed as Cᵀ = Bᵀ·Aᵀ) with a last tile of 1 to 5 of its rows: gemm
    /// must not read past B's end. B ends right before a page that cannot be read, so a read past it
    /// crashes.
    @Test func gemmReadsNothingPastTheEndOfB() {
        // Room for 64 KB of B, then the guard page.
        let page = Int(sysconf(Int32(_SC_PAGESIZE))), room = (65_536 + page - 1) / page * page
        guard let memory = mmap(nil, room + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              memory != MAP_FAILED else { Issue.record("mmap failed"); return }
        defer { munmap(memory, room + page) }
        #expect(mprotect(memory + room, page, PROT_NONE) == 0)
        var rng = SplitMix64(seed: 17)
        // Bᵀ's rows past its last whole tile of 6: 1, 4, 3, 2 (in the last of three pieces), 5.
        for (m, k, n) in [(5, 3, 7), (20, 512, 10), (1, 40, 33), (20, 64, 200), (3, 50, 131)] {
            let a = Tensor(uniform: [m, k], in: -1...1, using: &rng)
            let b = Tensor(uniform: [k, n], in: -1...1, using: &rng)
            let end = (memory + room).assumingMemoryBound(to: Float.self)
            let bAtTheEdge = end - k * n
            for transposed in [false, true] {
                bAtTheEdge.update(from: transposed ? b.transposed.scalars : b.scalars, count: k * n)
                let view = transposed ? MatrixView(UnsafePointer(bAtTheEdge), rows: n, columns: k).t
                                      : MatrixView(UnsafePointer(bAtTheEdge), rows: k, columns: n)
                var c = [Float](repeating: 0, count: m * n)
                a.scalars.withUnsafeBufferPointer { A in
                    c.withUnsafeMutableBufferPointer { C in
                        gemm(MatrixView(A.baseAddress!, rows: m, columns: k), view,
                             into: C.baseAddress!, ldc: n, threads: 2)
                    }
                }
                let worst = zip(c, matmul(a, b).scalars).map { abs($0 - $1) }.max() ?? 0
                #expect(worst < 1e-4, "\(m)×\(k)·\(k)×\(n), B transposed \(transposed): \(worst)")
            }
        }
    }

    /// C = α·A·B (+ C) into a copy of `c`, B given as a view (transposed or not) of `store`.
    func product(_ a: Tensor, _ store: [Float], _ b: (UnsafePointer<Float>) -> MatrixView, _ c: [Float],
                 threads: Int, epilogue: (UnsafePointer<Float>) -> Epilogue = { _ in .none },
                 bias: [Float] = []) -> [Float] {
        var c = c
        let ldc = c.count / max(a.rows, 1)
        a.scalars.withUnsafeBufferPointer { A in
            store.withUnsafeBufferPointer { B in
                bias.withUnsafeBufferPointer { bias in
                    c.withUnsafeMutableBufferPointer { C in
                        gemm(MatrixView(A.baseAddress!, rows: a.rows, columns: a.columns), b(B.baseAddress!),
                             into: C.baseAddress!, ldc: ldc, alpha: 0.5,
                             accumulate: true, threads: threads, epilogue: epilogue(bias.baseAddress ?? B.baseAddress!))
                    }
                }
            }
        }
        return c
    }

    /// The bits of each element: "bit for bit" tells +0 from -0, which `==` on Float does not.
    func bits(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }

    /// With B seen transposed, few rows in A and k > m, gemm computes Cᵀ = Bᵀ·Aᵀ; each element must come out
    /// bit for bit as with B stored the usual way (the same multiply-adds in the same order).
    @Test func transposedBGivesTheSameBits() {
        var rng = SplitMix64(seed: 31)
        // Rows of A are the columns of Cᵀ's slivers. With AVX-512 (slivers of 32, vectors of 16),
        // 17, 20 and 52 rows leave a sliver with 1 vector and 1 to 4 lanes used: `quarterKernel`;
        // 12 fits one vector: the usual kernel. With AVX2 (slivers of 16, vectors of 8), 12 and 28
        // leave a sliver with 9 to 12 columns used: `quarterKernel`. The usual way, a last tile of C
        // one vector wide or narrower takes `narrowKernel`: n = 33, 40, 70 (and 10 with AVX-512).
        // gemm computes Cᵀ only when k > m, so 20×10·10×512 (the last layer's g·W) goes the usual
        // way both times; every other shape but 1×1·1×1 takes Cᵀ = Bᵀ·Aᵀ.
        for (m, k, n) in [(1, 1, 1), (20, 512, 512), (20, 10, 512), (7, 300, 33), (128, 512, 784), (33, 600, 70),
                          (17, 100, 40), (52, 60, 20), (12, 40, 30), (28, 50, 40), (20, 512, 10)] {
            let a = Tensor(uniform: [m, k], in: -1...1, using: &rng)
            let b = Tensor(uniform: [k, n], in: -1...1, using: &rng)
            let c0 = Tensor(uniform: [m, n], in: -1...1, using: &rng).scalars
            let bT = b.transposed.scalars
            for threads in [1, 2] {
                let usual = product(a, b.scalars, { MatrixView($0, rows: k, columns: n) }, c0, threads: threads)
                let other = product(a, bT, { MatrixView($0, rows: n, columns: k).t }, c0, threads: threads)
                #expect(bits(usual) == bits(other), "\(m)×\(k)·\(k)×\(n), \(threads) threads")
            }
        }
    }

    /// The engine's loss and gradient, row by row in one function, give chapter 5's `crossEntropy` and
    /// `crossEntropyGradient` bit for bit, for ordinary and extreme logits and ties.
    @Test func crossEntropyAndGradientMatchChapterFive() {
        var rng = SplitMix64(seed: 41)
        for (rows, classes, spread) in [(1, 1, Float(1)), (7, 3, 1), (20, 10, 4), (128, 10, 90), (5, 10, 0),
                                        (4, 10, 1e30)] {
            let logits = Tensor(uniform: [rows, classes], in: -spread...spread, using: &rng)
            let labels = (0..<rows).map { _ in Int(rng.next(below: UInt64(classes))) }
            var gradient = [Float](repeating: .nan, count: rows * classes)
            let loss = logits.scalars.withUnsafeBufferPointer { z in
                gradient.withUnsafeMutableBufferPointer {
                    crossEntropyAndGradient(z.baseAddress!, classes: classes, labels: labels,
                                            gradient: $0.baseAddress!)
                }
            }
            #expect(loss.bitPattern == crossEntropy(logits, labels: labels).bitPattern, "\(rows)×\(classes)")
            #expect(bits(gradient) == bits(crossEntropyGradient(logits, labels: labels).scalars), "\(rows)×\(classes)")
        }
    }

    /// The epilogue gives what a separate pass gives: c + bias[j], then max(0, ·), bit for bit.
    @Test func epilogueMatchesASeparatePass() {
        var rng = SplitMix64(seed: 32)
        for (m, k, n) in [(20, 784, 512), (100, 300, 70), (1000, 50, 10), (5, 3, 7)] {
            let a = Tensor(uniform: [m, k], in: -1...1, using: &rng)
            let b = Tensor(uniform: [k, n], in: -1...1, using: &rng)
            let c0 = Tensor(uniform: [m, n], in: -1...1, using: &rng).scalars
            let bias = Tensor(uniform: [n], in: -1...1, using: &rng).scalars
            let bT = b.transposed.scalars
            for threads in [1, 2] {
                let plain = product(a, b.scalars, { MatrixView($0, rows: k, columns: n) }, c0, threads: threads)
                let withBias = plain.indices.map { plain[$0] + bias[$0 % n] }
                let usual = { (e: @escaping (UnsafePointer<Float>) -> Epilogue) in
                    self.product(a, b.scalars, { MatrixView($0, rows: k, columns: n) }, c0, threads: threads,
                                 epilogue: e, bias: bias)
                }
                #expect(bits(usual { .bias($0) }) == bits(withBias), "bias, \(m)×\(k)·\(k)×\(n)")
                #expect(bits(usual { .biasReLU($0) }) == bits(withBias.map { max(0, $0) }),
                        "bias and ReLU, \(m)×\(k)·\(k)×\(n)")
                let transposed = product(a, bT, { MatrixView($0, rows: n, columns: k).t }, c0, threads: threads,
                                         epilogue: { .biasReLU($0) }, bias: bias)
                #expect(bits(transposed) == bits(withBias.map { max(0, $0) }), "B transposed, \(m)×\(k)·\(k)×\(n)")
            }
        }
    }

    /// The gate epilogue gives what the backward pass's separate loop gave: c · s where the gate is
    /// positive, else 0, bit for bit, computed either way round (B transposed, few or many rows of A)
    /// and with B stored the usual way.
    @Test func gateMatchesASeparatePass() {
        var rng = SplitMix64(seed: 33)
        for (m, k, n) in [(20, 512, 784), (7, 30, 50), (300, 64, 50), (128, 100, 10)] {
            let a = Tensor(uniform: [m, k], in: -1...1, using: &rng)
            let b = Tensor(uniform: [k, n], in: -1...1, using: &rng)
            let c0 = Tensor(uniform: [m, n], in: -1...1, using: &rng).scalars
            // A layer's output after ReLU: about half of it 0.
            let gate = Tensor(uniform: [m, n], in: -1...1, using: &rng).scalars.map { max(0, $0) }
            let scale: Float = 1.25
            for threads in [1, 2] {
                let plain = product(a, b.scalars, { MatrixView($0, rows: k, columns: n) }, c0, threads: threads)
                let expected = plain.indices.map { gate[$0] > 0 ? plain[$0] * scale : 0 }
                let gated = { (bT: Bool) in
                    self.product(a, bT ? b.transposed.scalars : b.scalars,
                                 { bT ? MatrixView($0, rows: n, columns: k).t : MatrixView($0, rows: k, columns: n) },
                                 c0, threads: threads, epilogue: { .gate($0, scale: scale) }, bias: gate)
                }
                #expect(bits(gated(false)) == bits(expected), "\(m)×\(k)·\(k)×\(n), \(threads) threads")
                #expect(bits(gated(true)) == bits(expected), "B transposed, \(m)×\(k)·\(k)×\(n), \(threads) threads")
            }
        }
    }

    /// A matrix like a batch of images: most of it 0 (whole columns, and at random), a few −0.
    func mostlyZeros(_ rows: Int, _ columns: Int, _ rng: inout SplitMix64) -> Tensor {
        let scalars = (0..<(rows * columns)).map { q -> Float in
            let draw = rng.next(below: 10), value = rng.nextFloat() * 2 - 1
            return q % columns % 3 == 0 || draw < 6 ? 0 : draw == 6 ? -0.0 : value
        }
        return Tensor(shape: [rows, columns], scalars: scalars)
    }

    /// `gemm` with zeros skipped gives the bits it gives without: an A of mostly zeros, either stored
    /// or seen transposed, one or several blocks of the shared dimension (k above 256), partial
    /// panels, one vector wide or narrower, every epilogue, α and accumulation into a C with ±0.
    @Test func skippingZerosGivesTheSameBits() {
        var rng = SplitMix64(seed: 34)
        for (m, k, n) in [(20, 784, 512), (784, 20, 512), (128, 300, 70), (7, 30, 10), (1000, 100, 40),
                          (5, 3, 7), (300, 600, 33), (13, 513, 16)] {
            let a = mostlyZeros(m, k, &rng)
            let aT = a.transposed.scalars
            let b = Tensor(uniform: [k, n], in: -1...1, using: &rng)
            var c0 = Tensor(uniform: [m, n], in: -1...1, using: &rng).scalars
            for q in stride(from: 0, to: c0.count, by: 5) { c0[q] = q % 2 == 0 ? 0 : -0.0 }
            let bias = Tensor(uniform: [n], in: -1...1, using: &rng).scalars
            let gate = Tensor(uniform: [m, n], in: -1...1, using: &rng).scalars.map { max(0, $0) }
            func product(skipping: Bool, transposeA: Bool, threads: Int, alpha: Float, accumulate: Bool,
                         epilogue: Int) -> [Float] {
                var c = c0
                (transposeA ? aT : a.scalars).withUnsafeBufferPointer { A in
                    b.scalars.withUnsafeBufferPointer { B in
                        bias.withUnsafeBufferPointer { bias in
                            gate.withUnsafeBufferPointer { gate in
                                c.withUnsafeMutableBufferPointer { C in
                                    let va = transposeA ? MatrixView(A.baseAddress!, rows: k, columns: m).t
                                                        : MatrixView(A.baseAddress!, rows: m, columns: k)
                                    let e: Epilogue = [.none, .biasReLU(bias.baseAddress!),
                                                       .gate(gate.baseAddress!, scale: 1.25)][epilogue]
                                    gemm(va, MatrixView(B.baseAddress!, rows: k, columns: n), into: C.baseAddress!,
                                         ldc: n, alpha: alpha, accumulate: accumulate, threads: threads,
                                         epilogue: e, skipsZeros: skipping)
                                }
                            }
                        }
                    }
                }
                return c
            }
            for transposeA in [false, true] {
                for threads in [1, 2] {
                    for (alpha, accumulate, epilogue) in [(Float(-0.01), true, 0), (1, false, 1), (0.5, true, 2)] {
                        let options = "\(m)×\(k)·\(k)×\(n), Aᵀ \(transposeA), \(threads) threads, α \(alpha), "
                            + "epilogue \(epilogue)"
                        let skipping = product(skipping: true, transposeA: transposeA, threads: threads,
                                               alpha: alpha, accumulate: accumulate, epilogue: epilogue)
                        let every = product(skipping: false, transposeA: transposeA, threads: threads,
                                            alpha: alpha, accumulate: accumulate, epilogue: epilogue)
                        #expect(bits(skipping) == bits(every), "\(options)")
                    }
                }
            }
        }
    }

    /// The engine skipping its input's zeros trains to the same bits as the engine doing every
    /// multiply-add: losses, parameters, optimizer state, logits, on inputs that are mostly 0.
    @Test(arguments: ["sgd", "momentum", "adam"])
    func skippingZeroInputsKeepsTheBits(_ rule: String) {
        let skipping = FastMLP(wideNetwork(inputs: 300, seed: 35), update: updateRule(rule), threads: 2)
        let every = FastMLP(wideNetwork(inputs: 300, seed: 35), update: updateRule(rule), threads: 2)
        every.skipsZeroInputs = false
        #expect(skipping.skipsZeroInputs)
        var rng = SplitMix64(seed: 9)
        let batches = [20, 7, 130, 20].map { rows in
            (mostlyZeros(rows, 300, &rng).map { abs($0) }, (0..<rows).map { _ in Int(rng.next(below: 10)) })
        }
        expectSameBits(skipping, every, batches: batches, rule)
    }

    /// Views of some rows or columns, of a matrix and of its transpose, stand for those elements.
    @Test func rowAndColumnViewsNameTheirElements() {
        let values = (0..<12).map(Float.init)   // 3×4, element (i, j) = 4i + j
        func element(_ v: MatrixView, _ i: Int, _ j: Int) -> Float {
            v.transposed ? v.base[j * v.stride + i] : v.base[i * v.stride + j]
        }
        values.withUnsafeBufferPointer { p in
            let m = MatrixView(p.baseAddress!, rows: 3, columns: 4)
            for (rows, columns) in [(1..<3, 1..<4), (0..<1, 2..<3)] {
                let part = m.rows(rows).columns(columns), flipped = m.t.columns(rows).rows(columns)
                #expect(part.rows == rows.count && part.columns == columns.count)
                #expect(flipped.rows == columns.count && flipped.columns == rows.count)
                for (i, r) in rows.enumerated() {
                    for (j, c) in columns.enumerated() {
                        #expect(element(part, i, j) == Float(4 * r + c))
                        #expect(element(flipped, j, i) == Float(4 * r + c))
                    }
                }
            }
        }
    }

    /// The update rule a test argument names: SGD (η = 0.1), momentum (0.1, μ = 0.9) or Adam (0.01).
    func updateRule(_ rule: String) -> UpdateRule {
        rule == "sgd" ? .sgd(learningRate: 0.1)
            : rule == "momentum" ? .momentum(learningRate: 0.1, momentum: 0.9) : .adam(learningRate: 0.01)
    }

    /// `[inputs]`-160-130-10 with dropout 0.2: hidden layers wide enough for the engine to split their
    /// products between two threads (on a machine with two cores or more).
    func wideNetwork(inputs: Int, seed: UInt64) -> Sequential {
        var rng = SplitMix64(seed: seed)
        return Sequential([Linear(inputs, 160, rng: &rng), ReLU(), Dropout(0.2, seed: 4),
                           Linear(160, 130, rng: &rng), ReLU(), Dropout(0.2, seed: 5),
                           Linear(130, 10, rng: &rng)])
    }

    /// Trains both engines on the same batches and expects the same bits after every step (the
    /// loss, every parameter, the logits) and the same state at the end.
    func expectSameBits(_ first: FastMLP, _ second: FastMLP, batches: [(Tensor, [Int])], _ what: String) {
        func bits(_ tensors: [Tensor]) -> [[UInt32]] { tensors.map { $0.scalars.map(\.bitPattern) } }
        for (step, (x, labels)) in batches.enumerated() {
            let (lossFirst, lossSecond) = (first.trainStep(x, labels: labels), second.trainStep(x, labels: labels))
            #expect(lossFirst.bitPattern == lossSecond.bitPattern, "\(what), step \(step + 1)")
            #expect(bits(first.exportParameters()) == bits(second.exportParameters()), "\(what), step \(step + 1)")
            #expect(bits([first.logits(x)]) == bits([second.logits(x)]), "\(what), step \(step + 1)")
        }
        #expect(first.state == second.state, "\(what)")
    }

    func network(seed: UInt64, dropout: Float, batchNorm: Bool = false) -> Sequential {
        var rng = SplitMix64(seed: seed)
        let l1 = Linear(30, 24, rng: &rng), l2 = Linear(24, 20, rng: &rng), l3 = Linear(20, 10, rng: &rng)
        var layers: [any Backpropagating] = [l1] + (batchNorm ? [BatchNorm(24)] : []) + [ReLU()]
        if dropout > 0 { layers.append(Dropout(dropout, seed: 1)) }
        layers += [l2] + (batchNorm ? [BatchNorm(20)] : []) + [ReLU()]
        if dropout > 0 { layers.append(Dropout(dropout, seed: 2)) }
        layers.append(l3)
        return Sequential(layers)
    }

    func largestDifference(_ a: [Tensor], _ b: [Tensor]) -> Float {
        zip(a, b).map { zip($0.scalars, $1.scalars).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
    }

    /// Builds the same network twice (chapter 8's layers and the engine), trains both three steps with
    /// `rule` on one batch, checks the losses agree at every step, and returns both and the batch.
    func trainSideBySide(_ rule: String, seed: UInt64, batchNorm: Bool) -> (plain: Sequential, fast: FastMLP, x: Tensor) {
        var rng = SplitMix64(seed: seed + 72)
        let x = Tensor(uniform: [20, 30], in: 0...1, using: &rng)
        let labels = (0..<20).map { _ in Int(rng.next(below: 10)) }
        let plain = network(seed: seed, dropout: 0.2, batchNorm: batchNorm)
        let update: UpdateRule = rule == "sgd" ? .sgd(learningRate: 0.1)
            : rule == "momentum" ? .momentum(learningRate: 0.1, momentum: 0.9) : .adam(learningRate: 0.01)
        let fast = FastMLP(network(seed: seed, dropout: 0.2, batchNorm: batchNorm), update: update, threads: 2)
        var optimizer: any Optimizer = Adam(plain.parameters, learningRate: 0.01)
        if rule == "sgd" { optimizer = SGD(plain.parameters, learningRate: 0.1) }
        if rule == "momentum" { optimizer = SGD(plain.parameters, learningRate: 0.1, momentum: 0.9) }
        for step in 1...3 {
            plain.zeroGrad()
            let logits = plain(x)
            let plainLoss = crossEntropy(logits, labels: labels)
            _ = plain.backward(crossEntropyGradient(logits, labels: labels))
            optimizer.step()
            #expect(abs(plainLoss - fast.trainStep(x, labels: labels)) < 1e-5, "\(rule), step \(step)")
        }
        return (plain, fast, x)
    }

    /// Three steps of each update rule, with dropout, against chapter 6–8's layers and optimizers.
    @Test(arguments: ["sgd", "momentum", "adam"])
    func trainingStepsMatchTheChapters(_ rule: String) {
        let (plain, fast, x) = trainSideBySide(rule, seed: 5, batchNorm: false)
        #expect(largestDifference(plain.parameters.map(\.value), fast.exportParameters()) < 1e-5)
        // Evaluation mode: no dropout, same logits.
        plain.eval()
        #expect(largestDifference([plain(x)], [fast.logits(x)]) < 1e-4)
    }

    /// The same with batch norm after each hidden product: losses, parameters, running statistics, and
    /// evaluation-mode logits (which use the running statistics).
    @Test(arguments: ["sgd", "momentum", "adam"])
    func batchNormStepsMatchTheChapters(_ rule: String) {
        let (plain, fast, x) = trainSideBySide(rule, seed: 6, batchNorm: true)
        // Chapter 8's order is W₁ b₁ γ₁ β₁ W₂ b₂ γ₂ β₂ W₃ b₃; the engine's puts the batch norms last,
        // each with its running mean and variance.
        let norms = plain.layers.compactMap { $0 as? BatchNorm }
        let p = plain.parameters.map(\.value)
        let expected = [p[0], p[1], p[4], p[5], p[8], p[9]]
            + norms.flatMap { [$0.gamma.value, $0.beta.value, $0.runningMean, $0.runningVariance] }
        let exported = fast.exportParameters()
        #expect(exported.map(\.shape) == expected.map(\.shape))
        // A bias feeding a batch norm has a gradient of 0 up to rounding noise, and Adam's step η·m/√v
        // scales that noise up to ±η. So under Adam, b₁, b₂ and the running means (which follow them)
        // are left out, and so are the evaluation-mode logits, which depend on them.
        let compared = rule == "adam" ? [0, 2, 4, 5, 6, 7, 9, 10, 11, 13] : Array(expected.indices)
        #expect(largestDifference(compared.map { expected[$0] }, compared.map { exported[$0] }) < 1e-5)
        if rule != "adam" {
            plain.eval()
            #expect(largestDifference([plain(x)], [fast.logits(x)]) < 1e-4)
        }
        // They round-trip into another engine with batch norm.
        let other = FastMLP(network(seed: 6, dropout: 0.2, batchNorm: true), update: .sgd(learningRate: 0.1))
        other.importParameters(exported)
        #expect(other.exportParameters() == exported)
    }

    /// One thread or two, the engine computes the same bits: the threads of `WorkerTeam` split each
    /// product's columns, or a layer's backward pass by rows of Wᵀ, and every element is summed in the
    /// same order whoever computes it. Layers of 160 and 130 units are wide enough for the threads to
    /// split their products (on a machine with two cores or more); a batch of 210 makes the last
    /// layer's backward pass (210·10·130 multiply-adds, over 2¹⁸) split too. The steps hand the team
    /// work and let it sleep in turn.
    @Test(arguments: ["sgd", "momentum", "adam"])
    func twoThreadsComputeTheSameBitsAsOne(_ rule: String) {
        let one = FastMLP(wideNetwork(inputs: 40, seed: 31), update: updateRule(rule), threads: 1)
        let two = FastMLP(wideNetwork(inputs: 40, seed: 31), update: updateRule(rule), threads: 2)
        var rng = SplitMix64(seed: 8)
        let batches = [20, 7, 210, 20].map { rows in
            (Tensor(uniform: [rows, 40], in: 0...1, using: &rng), (0..<rows).map { _ in Int(rng.next(below: 10)) })
        }
        expectSameBits(one, two, batches: batches, rule)
    }

    /// `run(pieces:)` runs every piece exactly once, on a thread of the team, and `run(parts:)` every
    /// part once, on a thread of its own, also when the two alternate quickly and there are more
    /// threads than cores (threads start late, or not at all before the caller has taken every piece).
    @Test func workerTeamRunsEveryPieceOnce() {
        let team = WorkerTeam(threads: 3)
        for round in 0..<2_000 {
            let pieces = 1 + round % 13
            var runs = [Int](repeating: 0, count: pieces), threads = [Int](repeating: -1, count: pieces)
            runs.withUnsafeMutableBufferPointer { runs in
                threads.withUnsafeMutableBufferPointer { threads in
                    // Each piece writes only its own entries.
                    let (r, t) = (UInt(bitPattern: runs.baseAddress!), UInt(bitPattern: threads.baseAddress!))
                    team.run(pieces: pieces) { piece, thread in
                        UnsafeMutablePointer<Int>(bitPattern: r)![piece] += 1
                        UnsafeMutablePointer<Int>(bitPattern: t)![piece] = thread
                    }
                }
            }
            #expect(runs == [Int](repeating: 1, count: pieces), "round \(round)")
            #expect(threads.allSatisfy { (0..<3).contains($0) }, "round \(round)")
            let parts = 1 + round % 3
            var partRuns = [Int](repeating: 0, count: parts)
            partRuns.withUnsafeMutableBufferPointer { partRuns in
                let r = UInt(bitPattern: partRuns.baseAddress!)
                team.run(parts: parts) { part in UnsafeMutablePointer<Int>(bitPattern: r)![part] += 1 }
            }
            #expect(partRuns == [Int](repeating: 1, count: parts), "round \(round)")
        }
    }

    @Test func parametersRoundTrip() {
        let fast = FastMLP(network(seed: 9, dropout: 0), update: .sgd(learningRate: 0.1))
        let exported = fast.exportParameters()
        #expect(exported.map(\.shape) == [[24, 30], [24], [20, 24], [20], [10, 20], [10]])
        let other = FastMLP(network(seed: 10, dropout: 0), update: .sgd(learningRate: 0.1))
        other.importParameters(exported)
        #expect(other.exportParameters() == exported)
    }
}
