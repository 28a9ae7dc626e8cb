import Foundation
import Testing
import BookSupport

/// A new empty directory for one test (the test removes it).
func scratchDirectory(_ name: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite struct FilesTests {
    func scratch() throws -> String { try scratchDirectory("files-test") }

    @Test func atomicWritesCreateTheDirectoryAndLeaveNoTemporaryFile() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeAtomically("one", to: root + "/a/b/file.txt")
        try writeAtomically("two", to: root + "/a/b/file.txt")
        #expect(try String(contentsOfFile: root + "/a/b/file.txt", encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/a/b") == ["file.txt"])
    }

    @Test func aWriteThatCannotHappenIsAnError() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeAtomically("x", to: root + "/file")
        #expect(throws: (any Error).self) { try writeAtomically("y", to: root + "/file/inside") }
    }

    /// A rename that fails (the target is a directory) names the path and the cause, and leaves no
    /// temporary file behind.
    @Test func aFailedRenameSaysWhyAndCleansUp() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/target", withIntermediateDirectories: true)
        let error = #expect(throws: ToolError.self) { try writeAtomically("x", to: root + "/target") }
        #expect(error?.description == "cannot write \(root)/target: Is a directory")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["target"])
    }

    @Test func onlyEmptyDirectoriesAreRemoved() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        try writeAtomically("x", to: root + "/full/file")
        removeEmptyDirectories(in: root)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["full"])
    }
}
