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
}
