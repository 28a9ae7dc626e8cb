import Foundation
import Testing
import BookTestSupport

/// `BookBench` and the examples runner `BookExamples` (issue 12), run as programs: an unknown
/// option, a missing or malformed value and a value out of its range are each refused with a
/// message naming the option (exit 64, ArgumentParser's usage error), before anything is measured
/// or run. (`train` has its own suite, `TrainCommandLineTests`; `book` is in BookToolsTests.)
@Suite(.serialized) struct ToolCommandLineTests {
    func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Program.run(name, arguments)
    }

    @Test(arguments: [
        (["run", "--pairs", "0"], "--pairs must be in 1...50, not 0"),
        (["run", "--pairs", "x"], "The value 'x' is invalid for '--pairs <pairs>'"),
        (["run", "--pairs"], "Missing value for '--pairs <pairs>'"),
        (["run", "--threads", "0"], "--threads must be in 1...64, not 0"),
        (["run", "--threads", "65"], "--threads must be in 1...64, not 65"),
        (["job", "--pairs", "21"], "--pairs must be in 1...20, not 21"),
        (["job", "--epochs", "0"], "--epochs must be in 1...50, not 0"),
        (["job", "--epochs", "x"], "The value 'x' is invalid for '--epochs <epochs>'"),
        (["run", "--chek"], "Unknown option '--chek'"),
        (["frobnicate"], "Unexpected argument 'frobnicate'"),
    ])
    func benchRefusesBadOptions(arguments: [String], expected: String) throws {
        let (status, output) = try run("BookBench", arguments)
        #expect(status == 64, "BookBench \(arguments.joined(separator: " ")) exits with 64, not \(status): \(output)")
        #expect(output.contains(expected), "BookBench \(arguments.joined(separator: " ")) says \"\(expected)\": \(output)")
    }

    /// Every measurement reads the MNIST files: without them a subcommand stops at once (before
    /// anything is measured or started) with an error naming the missing file. `run` and `spread`
    /// check the directory before they start anything, `round` and `profile` when they load it.
    @Test(arguments: [["run", "--no-torch", "--pairs", "1"], ["profile", "--steps", "1"]])
    func benchNamesAMissingDataFile(arguments: [String]) throws {
        let (status, output) = try run("BookBench", arguments + ["--data", "no/such/dir"])
        let expected = "no/such/dir/train-images-idx3-ubyte.gz: no such file"
        #expect(status == 1, "BookBench \(arguments.joined(separator: " ")) exits with 1, not \(status): \(output)")
        #expect(output.contains(expected), "BookBench \(arguments.joined(separator: " ")) says \"\(expected)\": \(output)")
    }

    @Test(arguments: [
        (["99"], "no chapter '99' has examples"),
        (["01", "--chek"], "Unknown option '--chek'"),
        (["01", "02"], "Unexpected argument '02'"),
    ])
    func runnerRefusesBadArguments(arguments: [String], expected: String) throws {
        let (status, output) = try run("BookExamples", arguments)
        #expect(status == 64, "BookExamples \(arguments.joined(separator: " ")) exits with 64, not \(status): \(output)")
        #expect(output.contains(expected), "BookExamples \(arguments.joined(separator: " ")) says \"\(expected)\": \(output)")
    }

    @Test func helpListsTheOptions() throws {
        let bench = try run("BookBench", ["run", "--help"])
        #expect(bench.status == 0 && bench.output.contains("--pairs") && bench.output.contains("1...50"))
        let runner = try run("BookExamples", ["--help"])
        #expect(runner.status == 0 && runner.output.contains("--solutions"))
    }
}
