// What the PyTorch fixture tests share: the JSON shapes tools/torch_reference.py writes into
// Tests/Fixtures (a tensor, an optimizer's three recorded steps) and the loader. Used by
// TorchReferenceTests (chapters 3-8) and ConvolutionTorchTests (chapter 12).
import Foundation
import Layers

/// `{"shape": [...], "data": [...]}`: float32 values written as decimals that parse back, as Double,
/// to the exact float32 values (so `Float(data[k])` is exactly PyTorch's number).
struct FixtureTensor: Decodable {
    let shape: [Int]
    let data: [Double]
    var tensor: Tensor { Tensor(shape: shape, scalars: data.map { Float($0) }) }
}

/// One optimizer of a fixture, stepped three times on one batch from the fixture's start.
struct FixtureOptimizerRun: Decodable {
    struct Step: Decodable {
        /// The loss before the step.
        let loss: Double
        /// Every parameter after the step, by PyTorch's name.
        let params: [String: FixtureTensor]
    }
    let optimizer: String
    let lr: Double
    let momentum: Double?
    let weightDecay: Double
    let betas: [Double]?
    let eps: Double?
    let steps: [Step]

    enum CodingKeys: String, CodingKey {
        case optimizer, lr, momentum, betas, eps, steps
        case weightDecay = "weight_decay"
    }
}

/// A fixture of optimizer steps: the batch, the network (layers as the test describes them) and
/// one run per optimizer.
struct FixtureOptimizerSteps<Layer: Decodable>: Decodable {
    let input: FixtureTensor
    let labels: [Int]
    let layers: [Layer]
    /// The parameters' names in PyTorch's order, where the fixture lists them.
    let names: [String]?
    let runs: [FixtureOptimizerRun]
}

/// The directory of the committed fixtures.
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

/// Decodes `Tests/Fixtures/<name>.json`.
func loadFixture<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
    let data = try Data(contentsOf: fixturesDirectory.appendingPathComponent("\(name).json"))
    return try JSONDecoder().decode(T.self, from: data)
}
