// What the command-line tests of every test target share: the package's executables (`book`,
// `train`, `BookBench`, `BookExamples`), found where `swift build` put them and run as a user runs
// them. Takes in a program's name and arguments; gives out its exit status and what it printed.
import BookSupport
import Foundation

/// The package's executables, run for the command-line tests.
public enum Program {
    /// The package's root, where the programs find `chapters/`, `data/mnist` and `bench/`.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The path of the executable `name` built with the tests (next to the test bundle).
    public static func path(_ name: String) -> String {
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name).path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Runs `name` with `arguments` in the package's root: its exit status and everything it printed
    /// (standard output and standard error together).
    public static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try runProgram(path(name), arguments, directory: root)
    }
}
