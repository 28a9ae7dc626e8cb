// The engine's side of the benchmark: what one process measures, on the real MNIST files (the same
// files `make train` and bench/torch_tutorial.py read). The data matter: the engine skips the first
// layer's multiply-adds whose input pixel is zero (`FastMLP.skipsZeroInputs`), and MNIST's images are
// mostly blank paper, so random pixels would time a different amount of work.
import Backpropagation
import Dispatch
import Engine
import Foundation
import Layers
import MNIST
import Perceptron
import Regularization

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// GFLOP/s of an m×k·k×n product: repeated for about 0.2 s, best of three such blocks (the best
/// block is the one least disturbed by other programs: a kernel's speed, not the machine's load).
func gflops(_ m: Int, _ k: Int, _ n: Int, _ body: () -> Void) -> Double {
    let once = seconds(body)
    let repeats = max(1, min(200, Int(0.2 / max(once, 1e-6))))
    let best = (0..<3).map { _ in seconds { for _ in 0..<repeats { body() } } }.min()!
    return Double(2 * m * k * n) * Double(repeats) / best / 1e9
}

struct KernelStep {
    let key: String, name: String, gflops: Double
}

/// Chapter 9's 512×512·512×512 product at each step, from the triple loop to the kernel on all threads.
func kernelSteps(threads: Int) -> [KernelStep] {
    var rng = SplitMix64(seed: 2024)
    let a = Tensor(uniform: [512, 512], in: -1...1, using: &rng)
    let b = Tensor(uniform: [512, 512], in: -1...1, using: &rng)
    let steps: [(String, String, () -> Void)] = [
        ("naive", "triple loop, formula order", { _ = matmulIJP(a, b) }),
        // Not a step: chapter 3's `matmul` (i-p-j order, checked arrays and `zip`), for comparison.
        ("chapter3", "chapter 3's matmul (i-p-j)", { _ = matmul(a, b) }),
        ("ikj", "step 1: loop order", { _ = matmulIKJ(a, b) }),
        ("transposed", "step 2: B transposed", { _ = matmulTransposed(a, b) }),
        ("blocked", "step 3: blocking", { _ = matmulBlocked(a, b) }),
        ("simd1", "step 4: SIMD kernel, 1 thread", { _ = fastMatmul(a, b, threads: 1) }),
        ("simd2", "+ \(threads) threads", { _ = fastMatmul(a, b, threads: threads) }),
    ]
    return steps.map { KernelStep(key: $0.0, name: $0.1, gflops: gflops(512, 512, 512, $0.2)) }
}

/// The engine's own ceiling on this machine: the best rate of its GEMM on all threads, over the
/// products of the tutorial's network at batch 128 and 1,000 and a square 512³.
func gemmPeak(threads: Int) -> Double {
    var rng = SplitMix64(seed: 7)
    return [(128, 784, 512), (1000, 784, 512), (512, 512, 512)].map { m, k, n in
        let a = Tensor(uniform: [m, k], in: -1...1, using: &rng), b = Tensor(uniform: [k, n], in: -1...1, using: &rng)
        return gflops(m, k, n) { _ = fastMatmul(a, b, threads: threads) }
    }.max()!
}

/// What one process reports: an epoch's seconds with its GFLOP/s (the dense FLOP count over the time;
/// for a dense epoch also the GEMM peak measured right after it), or inference's images per second.
struct RoundResult: Codable {
    var seconds: Double?
    var imagesPerSecond: Double?
    var gflops: Double?
    var peakGflops: Double?
}

/// The MNIST files as the benchmark splits them, on both sides: the first 48,000 images of the
/// training file to train on, the other 12,000 to validate with, and the 10,000 test images; each
/// pixel byte / 255 (ToTensor's conversion, done by chapter 10's loader).
struct BenchmarkData {
    /// The whole training file: its first 48,000 images are the epoch's (gathered batch by batch).
    let trainingFile: MNISTDataset
    let validation: MNISTDataset, test: MNISTDataset

    /// Reads `directory` with chapter 10's loader (checksums verified); a missing or broken file
    /// is an error that names it.
    init(directory: String) throws {
        let (train, test) = try MNISTDataset.load(directory: directory)
        let needed = Workload.train + Workload.valid
        guard train.count >= needed, test.count >= Workload.test else {
            throw SpawnError(description: "\(directory): the benchmark needs \(needed) training and \(Workload.test) test "
                             + "images, the files hold \(train.count) and \(test.count)")
        }
        trainingFile = train
        validation = train.subset(Array(Workload.train..<needed))
        self.test = test.count == Workload.test ? test : test.subset(Array(0..<Workload.test))
    }

    /// `[rows.count, 784]` and the labels: training images `rows` of the training file.
    func training(_ rows: [Int]) -> (images: Tensor, labels: [Int]) {
        precondition(rows.allSatisfy { $0 < Workload.train }, "BenchmarkData: a training row beyond \(Workload.train)")
        return (trainingFile.images.rows(rows), rows.map { trainingFile.labels[$0] })
    }
}

/// Refuses, before anything is measured, a directory that lacks one of the four MNIST files (the
/// error names it); what is in them is checked when a measuring process reads them.
func requireDataFiles(in directory: String) throws {
    for name in MNISTDataset.fileNames where ![name + ".gz", name].contains(where: {
        FileManager.default.fileExists(atPath: directory + "/" + $0)
    }) {
        throw MNISTError.missingFile(directory: directory, name: name)
    }
}

/// The tutorial's network in the engine: 784-512-512-10, dropout 0.2, SGD at 0.01; `dense` switches
/// off the skipping of zero inputs, so that the engine does every multiply-add (as PyTorch does).
func tutorialNetwork(threads: Int, dense: Bool = false) -> FastMLP {
    var rng = SplitMix64(seed: 1)
    let model = Sequential([Linear(784, 512, rng: &rng), ReLU(), Dropout(0.2, seed: 2),
                            Linear(512, 512, rng: &rng), ReLU(), Dropout(0.2, seed: 3), Linear(512, 10, rng: &rng)])
    let net = FastMLP(model, update: .sgd(learningRate: 0.01), threads: threads)
    net.skipsZeroInputs = !dense
    return net
}

/// One epoch (48,000 samples trained in file order, 12,000 evaluated) after a warm-up on the first
/// tenth of the batches; the batches are gathered in advance, so the time is the network's, not the
/// copying's. Its GFLOP/s count the dense epoch's FLOPs whether or not zeros are skipped (for the
/// skipping engine: dense-equivalent GFLOP/s); a dense epoch also measures the GEMM peak after it.
func engineEpoch(batch: Int, threads: Int, dense: Bool, data: BenchmarkData) -> RoundResult {
    let batches = stride(from: 0, to: Workload.train, by: batch).map { start -> (Tensor, [Int]) in
        data.training(Array(start..<min(start + batch, Workload.train)))
    }
    let net = tutorialNetwork(threads: threads, dense: dense)
    for (x, y) in batches.prefix(batches.count / 10) { _ = net.trainStep(x, labels: y) }
    let time = seconds {
        for (x, y) in batches { _ = net.trainStep(x, labels: y) }
        _ = net.evaluate(data.validation.images, labels: data.validation.labels)
    }
    let flops = epochFLOPs(sizes: Workload.sizes, trainingSamples: Workload.train, validationSamples: Workload.valid)
    return RoundResult(seconds: time, gflops: flops / time / 1e9, peakGflops: dense ? gemmPeak(threads: threads) : nil)
}

/// The 10,000 test images in batches of 1,000, five times over, after one untimed pass.
func engineInference(threads: Int, dense: Bool, data: BenchmarkData) -> RoundResult {
    let net = tutorialNetwork(threads: threads, dense: dense)
    _ = net.logits(data.test.images, chunk: 1000)
    let time = seconds { for _ in 0..<5 { _ = net.logits(data.test.images, chunk: 1000) } }
    return RoundResult(imagesPerSecond: Double(5 * Workload.test) / time)
}

/// Training steps on one batch, the first `batch` training images with their labels, and nothing
/// else, for a profiler. Returns a checksum of what they computed: every bit of the parameters after
/// the steps and of the batch's logits in evaluation mode (FNV-1a over the floats' bit patterns), so
/// that a change to the engine can show it keeps the results bit for bit, and the skipping engine
/// can be compared with the dense one on real images.
func profileSteps(_ steps: Int, batch: Int = 20, threads: Int, dense: Bool, data: BenchmarkData) -> UInt64 {
    let net = tutorialNetwork(threads: threads, dense: dense)
    let (x, y) = data.training(Array(0..<batch))
    for _ in 0..<steps { _ = net.trainStep(x, labels: y) }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for tensor in net.exportParameters() + [net.logits(x)] {
        for value in tensor.scalars {
            hash = (hash ^ UInt64(value.bitPattern)) &* 0x100_0000_01b3
        }
    }
    return hash
}

/// One matrix product of a training step, as the engine calls `gemm` for it.
struct StepProduct {
    let name: String
    let m: Int, k: Int, n: Int
    let call: () -> Void
}

/// The products of one training step of the tutorial's network at `batch` rows, as `FastMLP` calls
/// them (the same shapes, views and options), on `threads` threads, each timed alone: microseconds per
/// call, the best of three blocks of about 0.1 s. Buffers are filled with random numbers; the weight
/// gradients add into their own copies of the weights.
func stepProducts(batch b: Int, threads: Int) -> [(name: String, microseconds: Double)] {
    var rng = SplitMix64(seed: 11)
    func buffer(_ count: Int) -> UnsafeMutablePointer<Float> {
        let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
        for i in 0..<count { p[i] = rng.nextFloat() - 0.5 }
        return p
    }
    let sizes = Workload.sizes
    var products: [StepProduct] = []
    for l in 0..<(sizes.count - 1) {
        let (inputs, units) = (sizes[l], sizes[l + 1])
        let x = buffer(b * inputs), w = buffer(inputs * units), bias = buffer(units)
        let out = buffer(b * units), g = buffer(b * units), below = buffer(b * inputs)
        let hidden = l < sizes.count - 2
        products.append(StepProduct(name: "forward \(l + 1)", m: b, k: inputs, n: units) {
            gemm(MatrixView(x, rows: b, columns: inputs), MatrixView(w, rows: inputs, columns: units),
                 into: out, ldc: units, threads: threads,
                 epilogue: hidden ? .biasReLU(bias) : .bias(bias))
        })
        if l > 0 {
            products.append(StepProduct(name: "g·W \(l + 1)", m: b, k: units, n: inputs) {
                gemm(MatrixView(g, rows: b, columns: units), MatrixView(w, rows: inputs, columns: units).t,
                     into: below, ldc: inputs, threads: threads)
            })
        }
        products.append(StepProduct(name: "xᵀ·g \(l + 1)", m: inputs, k: b, n: units) {
            gemm(MatrixView(x, rows: b, columns: inputs).t, MatrixView(g, rows: b, columns: units),
                 into: w, ldc: units, alpha: -0.01, accumulate: true, threads: threads)
        })
    }
    return products.map { product in
        product.call()
        let once = seconds(product.call)
        let repeats = max(1, min(100_000, Int(0.1 / max(once, 1e-7))))
        let best = (0..<3).map { _ in seconds { for _ in 0..<repeats { product.call() } } }.min()!
        return (product.name + " (\(product.m)×\(product.k)·\(product.k)×\(product.n))",
                best / Double(repeats) * 1e6)
    }
}
