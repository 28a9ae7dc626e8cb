import Foundation
import Testing
import Plot

@Suite struct FigureSinkTests {
    @Test func writesNumberedFilesPerPrefix() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("plot-tests-\(UUID().uuidString)/figures").path
        defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }
        let sink = FigureSink()
        #expect(sink.record(activations()) == nil)  // no directory: nothing written

        sink.directory = directory
        sink.begin(prefix: "ex03")
        #expect(sink.record(activations()) == "ex03-1.svg")
        #expect(sink.record(ImageGrid(title: "Ring", images: [ring])) == "ex03-2.svg")
        sink.begin(prefix: "ex04")
        #expect(sink.record(PixelValues(title: "Bar", image: bar)) == "ex04-1.svg")

        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files == ["ex03-1.svg", "ex03-2.svg", "ex04-1.svg"])
        let first = try String(contentsOfFile: directory + "/ex03-1.svg", encoding: .utf8)
        #expect(first == activations().svg())
    }

    /// The sink writes through the package's one atomic write (BookSupport's `writeAtomically`): a
    /// figure replaces an older file of its name whole and leaves no temporary file beside it; a
    /// directory that cannot be made gives nil (and a line on standard error), not a crash.
    @Test func replacesWholeFilesAndReportsAFailedWrite() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plot-tests-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sink = FigureSink()
        sink.directory = root + "/figures"
        sink.begin(prefix: "ex01")
        #expect(sink.record(PixelValues(title: "Bar", image: bar)) == "ex01-1.svg")
        sink.begin(prefix: "ex01")  // the same file name again
        #expect(sink.record(activations()) == "ex01-1.svg")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/figures") == ["ex01-1.svg"])
        #expect(try String(contentsOfFile: root + "/figures/ex01-1.svg", encoding: .utf8) == activations().svg())

        #expect(FileManager.default.createFile(atPath: root + "/plain-file", contents: Data()))
        sink.directory = root + "/plain-file/figures"  // under a plain file: no directory can be made there
        #expect(sink.record(activations()) == nil)
    }
}
