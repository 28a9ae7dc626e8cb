// `make bench`: how fast the engine of chapter 9 is, against PyTorch on the same machine.
//
//     BookBench [--torch FILE] [--out FILE] [--epochs N]
//
// Times, on synthetic data of MNIST's shape (so the benchmark needs no data files):
//   - the matrix products of chapter 9, from the plain triple loop to the threaded SIMD kernel;
//   - GEMM GFLOP/s for 20×784·784×512, 128×784·784×512 and 512³;
//   - one epoch of the tutorial's recipe (784-512-512-10, dropout 0.2, SGD lr 0.01; 48,000 samples
//     forward and backward plus 12,000 forward) at batch sizes 20 and 128;
//   - inference on 10,000 images in batches of 1,000.
// With `--torch FILE` (written by bench/torch_mlp.py) it adds PyTorch's figures and the ratios.
// Each time is the median of a few runs. With `--out FILE` it saves everything as JSON for chapter 9.
import Dispatch
import Foundation
import Engine
import Layers
import Perceptron
import Regularization

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ runs: Int, _ body: () -> Void) -> Double {
    let times = (0..<runs).map { _ in seconds(body) }.sorted()
    return times[times.count / 2]
}

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let epochRuns = Int(option("--epochs") ?? "3") ?? 3

// `--profile-steps N`: only N training steps at batch 20 (for a profiler such as callgrind), then exit.
if let steps = option("--profile-steps").flatMap(Int.init) {
    var r = SplitMix64(seed: 1)
    let model = Sequential([Linear(784, 512, rng: &r), ReLU(), Dropout(0.2, seed: 2), Linear(512, 512, rng: &r), ReLU(),
                            Dropout(0.2, seed: 3), Linear(512, 10, rng: &r)])
    let engine = FastMLP(model, update: .sgd(learningRate: 0.01), threads: Int(option("--threads") ?? "1") ?? 1)
    let x = Tensor(uniform: [20, 784], in: 0...1, using: &r)
    let y = (0..<20).map { $0 % 10 }
    for _ in 0..<steps { engine.trainStep(x, labels: y) }
    exit(0)
}
let threads = ProcessInfo.processInfo.activeProcessorCount
var results: [String: Double] = ["threads": Double(threads)]
var rng = SplitMix64(seed: 2024)

// MARK: Matrix products

func gflops(_ m: Int, _ k: Int, _ n: Int, _ body: () -> Void) -> Double {
    let once = seconds(body)
    let repeats = max(1, min(200, Int(0.3 / max(once, 1e-6))))
    return Double(2 * m * k * n) / median(3, { for _ in 0..<repeats { body() } }) * Double(repeats) / 1e9
}

print("Matrix products, GFLOP/s (\(threads) threads available)")
let a512 = Tensor(uniform: [512, 512], in: -1...1, using: &rng)
let b512 = Tensor(uniform: [512, 512], in: -1...1, using: &rng)
let steps: [(key: String, name: String, run: () -> Void)] = [
    ("naive", "triple loop (chapter 3)", { _ = matmul(a512, b512) }),
    ("ikj", "loop order i-p-j", { _ = matmulIKJ(a512, b512) }),
    ("transposed", "B transposed, dot products", { _ = matmulTransposed(a512, b512) }),
    ("blocked", "cache blocking, 64×64 tiles", { _ = matmulBlocked(a512, b512) }),
    ("simd1", "packed SIMD kernel, 1 thread", { _ = fastMatmul(a512, b512, threads: 1) }),
    ("simd2", "packed SIMD kernel, \(threads) threads", { _ = fastMatmul(a512, b512, threads: threads) }),
]
for step in steps {
    let g = gflops(512, 512, 512, step.run)
    results["matmul512." + step.key] = g
    print("  512³  " + step.name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%7.1f", g))
}
for (m, k, n) in [(20, 784, 512), (128, 784, 512)] {
    let a = Tensor(uniform: [m, k], in: -1...1, using: &rng), b = Tensor(uniform: [k, n], in: -1...1, using: &rng)
    for t in Set([1, threads]).sorted() {
        let g = gflops(m, k, n) { _ = fastMatmul(a, b, threads: t) }
        results["gemm.\(m)x\(k)x\(n).t\(t)"] = g
        print("  \(m)×\(k)·\(k)×\(n), \(t) thread\(t == 1 ? " " : "s")".padding(toLength: 41, withPad: " ", startingAt: 0) + String(format: "%7.1f", g))
    }
}

// MARK: Training and inference

let sizes = [784, 512, 512, 10]
let trainCount = 48_000, validCount = 12_000, testCount = 10_000
let pixels = Tensor(uniform: [trainCount + validCount, 784], in: 0...1, using: &rng)
let labels = (0..<(trainCount + validCount)).map { _ in Int(rng.next() % 10) }
let train = pixels.rows(Array(0..<trainCount)), trainLabels = Array(labels[0..<trainCount])
let valid = pixels.rows(Array(trainCount..<(trainCount + validCount))), validLabels = Array(labels[trainCount...])
let flops = epochFLOPs(sizes: sizes, trainingSamples: trainCount, validationSamples: validCount)

func network() -> FastMLP {
    var init_ = SplitMix64(seed: 1)
    let l1 = Linear(784, 512, rng: &init_), l2 = Linear(512, 512, rng: &init_), l3 = Linear(512, 10, rng: &init_)
    let model = Sequential([l1, ReLU(), Dropout(0.2, seed: 2), l2, ReLU(), Dropout(0.2, seed: 3), l3])
    return FastMLP(model, update: .sgd(learningRate: 0.01), threads: threads)
}

print("\nOne epoch of the tutorial's recipe (\(String(format: "%.1f", flops / 1e9)) GFLOP), median of \(epochRuns)")
for batch in [20, 128] {
    let net = network()
    // The batches are gathered in advance: the benchmark times the network, not the copying.
    let batches = stride(from: 0, to: trainCount, by: batch).map { start -> (Tensor, [Int]) in
        let rows = Array(start..<min(start + batch, trainCount))
        return (train.rows(rows), rows.map { trainLabels[$0] })
    }
    let time = median(epochRuns) {
        for (x, y) in batches { net.trainStep(x, labels: y) }
        _ = net.evaluate(valid, labels: validLabels)
    }
    results["epoch.b\(batch)"] = time
    print("  batch \(batch): \(String(format: "%.2f", time)) s per epoch, \(String(format: "%.1f", flops / time / 1e9)) GFLOP/s")
}
let testImages = pixels.rows(Array(0..<testCount))
let net = network()
let inference = median(5) { _ = net.logits(testImages, chunk: 1000) }
results["inference.images_per_s"] = Double(testCount) / inference
print("  inference: \(String(format: "%.0f", Double(testCount) / inference)) images/s (10,000 images in batches of 1,000)")

// MARK: Against PyTorch

var torch: [String: Double] = [:]
if let path = option("--torch"), let data = FileManager.default.contents(atPath: path),
   let decoded = try? JSONDecoder().decode([String: Double].self, from: data) {
    torch = decoded
}
print("\n| measure | this book | PyTorch \(torch["version_note"].map { _ in "" } ?? "") | book / PyTorch |")
print("| --- | ---: | ---: | ---: |")
func row(_ name: String, _ ours: Double?, _ theirs: Double?, _ format: String) {
    let ratio = (ours != nil && theirs != nil) ? String(format: "%.2f×", ours! / theirs!) : "–"
    print("| \(name) | \(ours.map { String(format: format, $0) } ?? "–") | \(theirs.map { String(format: format, $0) } ?? "not run") | \(ratio) |")
}
row("batch 20, s per epoch", results["epoch.b20"], torch["epoch.b20"], "%.2f")
row("batch 128, s per epoch", results["epoch.b128"], torch["epoch.b128"], "%.2f")
row("batch 20, GFLOP/s", results["epoch.b20"].map { flops / $0 / 1e9 }, torch["epoch.b20"].map { flops / $0 / 1e9 }, "%.1f")
row("batch 128, GFLOP/s", results["epoch.b128"].map { flops / $0 / 1e9 }, torch["epoch.b128"].map { flops / $0 / 1e9 }, "%.1f")
row("inference, images/s", results["inference.images_per_s"], torch["inference.images_per_s"], "%.0f")
if torch.isEmpty {
    print("\nPyTorch was not run: `pip install torch==2.13.0+cpu`, then `make bench` again.")
} else {
    print("\nTargets: batch 20 ≤ 0.30×, batch 128 ≤ 0.50×, inference images/s ≥ 2× PyTorch's.")
}
for (key, value) in torch { results["torch." + key] = value }
results["epoch.gflop"] = flops / 1e9

if let out = option("--out") {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let rounded = results.mapValues { ($0 * 1000).rounded() / 1000 }
    try encoder.encode(rounded).write(to: URL(fileURLWithPath: out))
    print("saved \(out)")
}
