// swift-tools-version: 6.0
// The executable book. Hand-written targets first; the chapter targets between the
// BEGIN/END markers are written by `book tangle` from chapters/*.md: do not edit them by hand.
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
]
// END GENERATED CHAPTERS

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
            dependencies: ["BookRuntime"] + chapters.map { .target(name: "\($0.name)Examples") },
            path: "Sources/Generated/BookExamples"),
        .testTarget(name: "BookToolsTests", dependencies: ["BookTools"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot"]),
        .testTarget(
            name: "ChapterTests",
            dependencies: chapters.map { .target(name: $0.name) }),
    ] + chapters.flatMap { chapter($0.name, imports: $0.imports) },
    swiftLanguageModes: [.v6]
)
