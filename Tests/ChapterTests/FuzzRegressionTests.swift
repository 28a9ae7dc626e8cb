import Foundation
import Testing
@testable import MNIST
import Classifier

/// Inputs that `make fuzz` found to crash (Tests/Fixtures/fuzz/), replayed as the fuzz targets
/// replay them (Fuzz/IDXFuzz.swift, Fuzz/CheckpointFuzz.swift): each must end in an error that names
/// the file, and nothing may allocate more than the input can describe.
@Suite struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz").path

    static func inputs(_ prefix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
    }

    @Test func theIDXCrashesAreKept() { #expect(Self.inputs("idx-").count >= 1) }

    @Test(arguments: inputs("idx-"))
    func idxInput(name: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.directory + "/" + name))
        let magic = data[0] & 1 == 0 ? IDXFile.imagesMagic : IDXFile.labelsMagic
        let bytes = Array(data.dropFirst())
        // idx-oom-gzip-trailer: a 100-byte gzip stream whose trailer claims 3 GB made gunzip reserve 3 GB.
        #expect(gunzipCapacity(bytes) <= 1032 * bytes.count)
        do {
            // idx-zero-dimension-overflowing-product: dimensions [3113146094, 4294967295, 0], no payload:
            // a valid empty file, whose product overflowed in the fuzz target's own check.
            let file = try parseIDX(isGzip(bytes) ? gunzip(bytes, path: "f.gz") : bytes, path: "f.gz", expectedMagic: magic)
            #expect(file.dimensions.contains(0) ? file.data.isEmpty : true)
        } catch {
            #expect(error.description.hasPrefix("f.gz"))
        }
    }

    @Test(arguments: inputs("checkpoint-"))
    func checkpointInput(name: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.directory + "/" + name))
        var bytes = Array(data.dropFirst())
        if data[0] & 1 == 0 { bytes += sha256(bytes) }
        do { _ = try Checkpoint.decode(bytes, path: "f.ckpt") } catch { #expect(error.description.hasPrefix("f.ckpt: ")) }
    }
}
