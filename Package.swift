// swift-tools-version: 6.2
// The executable book. Hand-written targets first; the chapter targets between the
// BEGIN/END markers are written by `book tangle` from chapters/*.md: do not edit them by hand.
import Foundation
import PackageDescription

/// Chapter code is numeric: it is compiled with optimization even in debug builds, where it
/// would otherwise run a hundred times slower (a 200×200 matrix product: 2.4 s at -Onone).
///
/// These are `unsafeFlags`. SwiftPM refuses a versioned dependency (`from: "1.0.0"`) whose products
/// use them when its manifest's tools version is below 6.2; from `swift-tools-version: 6.2` on it
/// accepts them (SwiftPM dropped that check in Swift 6.2), as it always did for the root package and
/// for dependencies by path. So this manifest says 6.2, and a package that depends on the book gets
/// its chapters exactly as fast as this repository's own builds do. (Tests/Consumer checks that.)
/// `-assert-config Debug` keeps the messages of failed preconditions, which -O alone drops, so a
/// shape mistake in a chapter still says what went wrong and where.
let optimized: [SwiftSetting] = [.unsafeFlags(["-O", "-assert-config", "Debug"])]

/// The engine of chapter 9 is compiled for the build machine's vector units: AVX-512 (16 floats per
/// instruction) or AVX2 with FMA (8 floats); elsewhere (arm64, older x86) it builds and runs without
/// them. It is compiled without `-assert-config Debug`, whose bounds checks stop vectorization; its
/// checks use `require`, which keeps its message.
let cpuFlags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
let hasAVX2FMA = cpuFlags.contains(" avx2") && cpuFlags.contains(" fma")
let hasAVX512 = hasAVX2FMA && cpuFlags.contains(" avx512f") && cpuFlags.contains(" avx512vl")
let kernelFlags: [SwiftSetting] = hasAVX512
    ? [.unsafeFlags(["-O", "-target-cpu", "skylake-avx512"]), .define("BOOK_FMA"), .define("BOOK_AVX512")]
    : hasAVX2FMA
    ? [.unsafeFlags(["-O", "-target-cpu", "haswell"]), .define("BOOK_FMA")]
    : [.unsafeFlags(["-O"])]

/// One chapter: its library module (the chapter's `swift library` snippets) and its examples
/// module (the `swift example` snippets, wrapped in one function the runner calls).
func chapter(_ name: String, imports: [String]) -> [Target] {
    let library = Target.target(
        name: name,
        dependencies: imports.map { .target(name: $0) } + ["Plot", "BookFormat", "BookMath"],
        path: "Sources/Generated/\(name)",
        swiftSettings: name == "Engine" ? kernelFlags : optimized)
    let examples = Target.target(
        name: "\(name)Examples",
        dependencies: [.target(name: name), "Plot", "BookRuntime", "BookFormat", "BookMath"] + imports.map { .target(name: $0) },
        path: "Sources/Generated/\(name)Examples",
        // Chapter 9's exercises time variants of the engine's kernels against each other: its examples
        // get the engine's CPU flags too (and keep precondition messages), so both sides compile alike.
        swiftSettings: name == "Engine" ? kernelFlags + [.unsafeFlags(["-assert-config", "Debug"])] : optimized)
    return [library, examples]
}

// BEGIN GENERATED CHAPTERS
let chapters: [(name: String, imports: [String])] = [
    (name: "Perceptron", imports: []),
    (name: "Activations", imports: ["Perceptron"]),
    (name: "Layers", imports: ["Perceptron", "Activations"]),
    (name: "Softmax", imports: ["Layers"]),
    (name: "CrossEntropy", imports: ["Layers", "Softmax"]),
    (name: "Backpropagation", imports: ["Perceptron", "Layers", "Softmax", "CrossEntropy"]),
    (name: "GradientDescent", imports: ["Perceptron", "Layers", "Backpropagation"]),
    (name: "Regularization", imports: ["Perceptron", "Layers", "Backpropagation", "GradientDescent"]),
    (name: "Engine", imports: ["Perceptron", "Layers", "Softmax", "CrossEntropy", "Backpropagation", "GradientDescent", "Regularization"]),
    (name: "MNIST", imports: ["Perceptron", "Layers", "CZlib"]),
    (name: "Classifier", imports: ["Perceptron", "Layers", "Softmax", "CrossEntropy", "Backpropagation", "GradientDescent", "Regularization", "Engine", "MNIST"]),
    (name: "Convolutions", imports: ["Perceptron", "Layers", "Softmax", "CrossEntropy", "Backpropagation", "GradientDescent", "Regularization", "Engine", "MNIST", "Classifier"]),
]
// END GENERATED CHAPTERS

/// Chapters whose generated sources exist. After `git clean` or a new chapter, `book tangle` writes them;
/// until then the package (and with it the `book` tool that writes them) still builds.
let tangled = chapters.filter {
    FileManager.default.fileExists(atPath: Context.packageDirectory + "/Sources/Generated/\($0.name)Examples")
}

/// `make bench`: times the engine of chapter 9 on MNIST, read by chapter 10's loader (once both are tangled).
let bench: [Target] = tangled.contains { $0.name == "MNIST" }
    ? [.executableTarget(name: "BookBench",
                         dependencies: ["Engine", "MNIST", "BookSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                         swiftSettings: optimized)]
    : []

/// The command-line parser of `book` and `train`: strict options, `--help`, errors that name the option.
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

/// `make train`: the MNIST trainers of chapters 11 and 12 on the command line.
let trainer: [Target] = tangled.contains { $0.name == "Convolutions" }
    ? [.executableTarget(name: "train", dependencies: ["Classifier", "Convolutions", argumentParser],
                         swiftSettings: optimized)]
    : []

let package = Package(
    name: "NeuralNetworksBook",
    // The chapters' modules are libraries another package can use (README: "Use the library in
    // your own package"), with Plot, which their figures use.
    products: [
        .executable(name: "book", targets: ["book"]),
        .executable(name: "BookExamples", targets: ["BookExamples"]),
        .library(name: "Plot", targets: ["Plot"]),
    ] + tangled.map { .library(name: $0.name, targets: [$0.name]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        // The book's tools, one job per module (docs/ARCHITECTURE.md): the source model, the build,
        // the weave, and what they share; `book` drives them.
        .target(name: "BookSupport"),
        .target(name: "RunnerProtocol"),
        .target(name: "SwiftLexer"),
        .target(name: "BookSource", dependencies: ["CCmark"]),
        .target(name: "BookBuild", dependencies: ["BookSource", "BookSupport", "RunnerProtocol"]),
        .target(name: "BookWeave", dependencies: ["BookSource", "BookBuild", "BookSupport", "RunnerProtocol", "SwiftLexer", "CCmark"]),
        .executableTarget(name: "book", dependencies: ["BookSource", "BookBuild", "BookWeave", "BookSupport", argumentParser]),
        .target(name: "Plot", dependencies: ["BookSupport"]),
        // printf's number formatting and libm's functions without Foundation, natively and in WebAssembly.
        .target(name: "BookFormat", swiftSettings: optimized),
        .target(name: "BookMath", swiftSettings: optimized + [.enableExperimentalFeature("Extern")],
                linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        .target(name: "BookRuntime", dependencies: [
            "Plot", "RunnerProtocol", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(
            name: "BookExamples",
            dependencies: ["BookRuntime"] + tangled.map { .target(name: "\($0.name)Examples") },
            path: "Sources/Generated/BookExamples"),
        // What the test targets share: running the package's executables as a user runs them.
        .target(name: "BookTestSupport", dependencies: ["BookSupport"], path: "Tests/BookTestSupport"),
        .testTarget(name: "BookToolsTests", dependencies: [
            "BookSource", "BookBuild", "BookWeave", "BookSupport", "RunnerProtocol", "SwiftLexer", "BookTestSupport",
        ]),
        .testTarget(name: "RunnerProtocolTests", dependencies: ["RunnerProtocol"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot"]),
        .testTarget(name: "BookFormatTests", dependencies: ["BookFormat"]),
        .testTarget(name: "BookMathTests", dependencies: ["BookMath"]),
        .testTarget(
            name: "ChapterTests",
            dependencies: tangled.map { .target(name: $0.name) } + ["BookTestSupport"]),
    ] + tangled.flatMap { chapter($0.name, imports: $0.imports) } + bench + trainer,
    swiftLanguageModes: [.v6]
)
