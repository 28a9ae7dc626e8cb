import BookTestSupport
import Foundation
import Testing

/// A copy of the book's chapters in a scratch directory, for commands that would write.
func scratchBook() throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("book-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Program.root + "/chapters", toPath: directory + "/chapters")
    try FileManager.default.copyItem(atPath: Program.root + "/Package.swift", toPath: directory + "/Package.swift")
    if FileManager.default.fileExists(atPath: Program.root + "/theme") {   // the site's assets, which weave reads
        try FileManager.default.copyItem(atPath: Program.root + "/theme", toPath: directory + "/theme")
    }
    return directory
}

/// `book` (issue 12): unknown options and missing values are errors that write nothing; failures are
/// one human line naming the path and the cause.
@Suite(.serialized) struct BookCommandLineTests {
    @Test(arguments: [
        (["tangle", "--chek"], "Unknown option '--chek'"),
        (["weave", "--chek"], "Unknown option '--chek'"),
        (["weave", "--out"], "Missing value for '--out <dir>'"),
        (["frobnicate"], "Unexpected argument 'frobnicate'"),
        (["verify"], "Missing expected argument '--runner <path>'"),
        (["verify", "--runner", "/nonexistent"], "--runner /nonexistent: no such file"),
        (["runnable"], "name a chapter"),
        (["runnable", "01", "abc"], "The value 'abc' is invalid for '<line>'"),
        (["runnable", "--check", "01"], "takes no chapter argument"),
        (["runnable", "--all", "01"], "takes no chapter argument"),
        ([], "OVERVIEW"),
    ])
    func usageErrorsExit64AndWriteNothing(arguments: [String], expected: String) throws {
        let root = try scratchBook()
        let known = ["tangle", "verify", "bless", "weave", "runnable"].contains(arguments.first ?? "")
        let result = try Program.run("book", arguments + (known ? ["--root", root] : []))
        #expect(result.status == 64, "\(arguments): \(result.output)")
        #expect(result.output.contains(expected), "\(arguments): \(result.output)")
        #expect(!FileManager.default.fileExists(atPath: root + "/Sources"), "nothing generated")
        #expect(!FileManager.default.fileExists(atPath: root + "/book"), "nothing rendered")
    }

    @Test func everyCommandHasHelp() throws {
        for command in ["tangle", "verify", "bless", "weave", "runnable"] {
            let result = try Program.run("book", [command, "--help"])
            #expect(result.status == 0 && result.output.contains("USAGE: book \(command)"), "\(command): \(result.output)")
        }
    }

    @Test func failuresAreOneHumanLine() throws {
        let root = try scratchBook()
        let noChapter = try Program.run("book", ["runnable", "99", "--root", root])
        #expect(noChapter.status == 1)
        #expect(noChapter.output.hasPrefix("book: no chapter 99 (chapters: 00–"), "\(noChapter.output)")
        let proc = try Program.run("book", ["weave", "--out", "/proc/x", "--root", root])
        #expect(proc.status == 1)
        #expect(proc.output == "book: cannot write /proc/x: No such file or directory\n", "\(proc.output)")
        let noRoot = try Program.run("book", ["tangle", "--root", "/nonexistent"])
        #expect(noRoot.output == "book: --root /nonexistent: No such file or directory\n", "\(noRoot.output)")
    }

    @Test func aBadChapterStopsTangleWithFileAndLine() throws {
        let root = try scratchBook()
        let path = root + "/chapters/03-layers.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Program.run("book", ["tangle", "--root", root])
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("chapters/03-layers.md:1: error: Windows line endings (CR LF)"), "\(result.output)")
        #expect(!FileManager.default.fileExists(atPath: root + "/Sources"))
    }
}
