// swift-tools-version: 6.0
// The executable book. Hand-written targets first; the chapter targets between the
// BEGIN/END markers are written by `book tangle` from chapters/*.md: do not edit them by hand.
import Foundation
import PackageDescription

/// One chapter: its library module (the chapter's `swift library` snippets) and its examples
/// module (the `swift example` snippets, wrapped in one function the runner calls).
func chapter(_ name: String, imports: [String]) -> [Target] {
    let library = Target.target(
        name: name,
        dependencies: imports.map { .target(name: $0) } + ["Plot"],
        path: "Sources/Generated/\(name)")
    let examples = Target.target(
        name: "\(name)Examples",
        dependencies: [.target(name: name), "Plot", "BookRuntime"] + imports.map { .target(name: $0) },
        path: "Sources/Generated/\(name)Examples")
    return [library, examples]
}

// BEGIN GENERATED CHAPTERS
let chapters: [(name: String, imports: [String])] = [
    (name: "Perceptron", imports: []),
    (name: "Activations", imports: ["Perceptron"]),
]
// END GENERATED CHAPTERS

/// Chapters whose generated sources exist. After `git clean` or a new chapter, `book tangle` writes them;
/// until then the package (and with it the `book` tool that writes them) still builds.
let tangled = chapters.filter {
    FileManager.default.fileExists(atPath: Context.packageDirectory + "/Sources/Generated/\($0.name)Examples")
}

let package = Package(
    name: "NeuralNetworksBook",
    products: [
        .executable(name: "book", targets: ["book"]),
        .executable(name: "BookExamples", targets: ["BookExamples"]),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]),
        .target(name: "BookTools", dependencies: ["CCmark"]),
        .executableTarget(name: "book", dependencies: ["BookTools"]),
        .target(name: "Plot"),
        .target(name: "BookRuntime", dependencies: ["Plot"]),
        .executableTarget(
            name: "BookExamples",
            dependencies: ["BookRuntime"] + tangled.map { .target(name: "\($0.name)Examples") },
            path: "Sources/Generated/BookExamples"),
        .testTarget(name: "BookToolsTests", dependencies: ["BookTools"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot"]),
        .testTarget(
            name: "ChapterTests",
            dependencies: tangled.map { .target(name: $0.name) }),
    ] + tangled.flatMap { chapter($0.name, imports: $0.imports) },
    swiftLanguageModes: [.v6]
)
