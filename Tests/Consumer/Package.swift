// swift-tools-version: 6.2
// A package that uses the book's library the way a reader's own package would: it depends on the
// book by path and imports the chapter modules it needs. `make test` builds and runs it
// (`make consumer`), so a change that breaks the library for other packages fails CI.
import PackageDescription

let package = Package(
    name: "Consumer",
    dependencies: [
        .package(name: "NeuralNetworksBook", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "SpiralClassifier",
            dependencies: [
                .product(name: "Perceptron", package: "NeuralNetworksBook"),
                .product(name: "Layers", package: "NeuralNetworksBook"),
                .product(name: "Softmax", package: "NeuralNetworksBook"),
                .product(name: "CrossEntropy", package: "NeuralNetworksBook"),
                .product(name: "Backpropagation", package: "NeuralNetworksBook"),
                .product(name: "GradientDescent", package: "NeuralNetworksBook"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
