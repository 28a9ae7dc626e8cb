// Tests of chapter 10's MNIST loader on bad input: every fault gets its own error, naming the file.
// (The helpers that write small MNIST-style files are in MNISTTests.swift.)

import Foundation
import Testing
import MNIST

// MARK: - load: every fault gets its own error naming the file

@Suite struct MNISTErrorTests {
    @Test func missingDirectoryAndMissingFile() {
        let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-mnist-\(UUID().uuidString)").path
        #expect(loadError(nowhere) == .missingFile(directory: nowhere, name: "train-images-idx3-ubyte"))
        let dir = ScratchDirectory.valid()
        try? FileManager.default.removeItem(atPath: dir.path + "/t10k-labels-idx1-ubyte.gz")
        let error = loadError(dir.path)
        #expect(error == .missingFile(directory: dir.path, name: "t10k-labels-idx1-ubyte"))
        #expect(error?.description.contains(dir.path + "/t10k-labels-idx1-ubyte.gz: no such file") == true)
    }

    @Test func unreadableFile() {
        let dir = ScratchDirectory.valid()
        let path = dir.path + "/train-labels-idx1-ubyte.gz"
        try? FileManager.default.removeItem(atPath: path)
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        #expect(loadError(dir.path) == .unreadable(path: path, reason: "it is a directory"))
    }

    @Test func textFileNamedGzIsNotGzipAndNotIDX() {
        let dir = ScratchDirectory.valid()
        dir.write("train-images-idx3-ubyte.gz", Array("<html><body>404 Not Found</body></html>\n".utf8))
        let error = loadError(dir.path)
        #expect(error == .wrongMagic(path: dir.path + "/train-images-idx3-ubyte.gz", found: 0x3c68_746d,
                                     expected: IDXFile.imagesMagic, wasGzip: false))
        #expect(error?.description.contains("not gzip") == true)
    }

    @Test func corruptGzipStream() {
        let dir = ScratchDirectory.valid()
        var bytes = dir.bytes("t10k-images-idx3-ubyte.gz")
        bytes = Array(bytes.prefix(bytes.count - 20))
        dir.write("t10k-images-idx3-ubyte.gz", bytes)
        guard case .corruptGzip(let path, _) = loadError(dir.path) else { Issue.record("expected corruptGzip"); return }
        #expect(path == dir.path + "/t10k-images-idx3-ubyte.gz")
    }

    @Test func wrongMagicLabelsWhereImagesBelong() {
        let dir = ScratchDirectory.valid()
        dir.writeGzipped("train-images-idx3-ubyte", labelsFile(count: 30))
        let error = loadError(dir.path)
        #expect(error == .wrongMagic(path: dir.path + "/train-images-idx3-ubyte.gz", found: IDXFile.labelsMagic,
                                     expected: IDXFile.imagesMagic, wasGzip: true))
        #expect(error?.description.contains("not an IDX images file") == true)
    }

    @Test func truncatedPayload() {
        let dir = ScratchDirectory.valid()
        dir.writeGzipped("train-images-idx3-ubyte", Array(imagesFile(count: 30).dropLast(100)))
        #expect(loadError(dir.path) == .truncated(path: dir.path + "/train-images-idx3-ubyte.gz", dimensions: [30, 28, 28],
                                                  expectedBytes: 16 + 30 * 784, actualBytes: 16 + 30 * 784 - 100))
    }

    @Test func extraBytesAfterThePayload() {
        let dir = ScratchDirectory.valid()
        dir.writeGzipped("t10k-labels-idx1-ubyte", labelsFile(count: 12) + [7, 7])
        #expect(loadError(dir.path) == .trailingBytes(path: dir.path + "/t10k-labels-idx1-ubyte.gz", dimensions: [12],
                                                      expectedBytes: 20, actualBytes: 22))
    }

    @Test func imageAndLabelCountsDiffer() {
        let dir = ScratchDirectory.valid()
        dir.writeGzipped("train-labels-idx1-ubyte", labelsFile(count: 29))
        #expect(loadError(dir.path) == .countMismatch(images: dir.path + "/train-images-idx3-ubyte.gz", imageCount: 30,
                                                      labels: dir.path + "/train-labels-idx1-ubyte.gz", labelCount: 29))
    }

    @Test func imagesThatAreNot28By28() {
        let dir = ScratchDirectory.valid()
        dir.writeGzipped("t10k-images-idx3-ubyte", imagesFile(count: 12, rows: 32, columns: 32))
        #expect(loadError(dir.path) == .wrongImageSize(path: dir.path + "/t10k-images-idx3-ubyte.gz", rows: 32, columns: 32))
    }

    @Test func labelThatIsNotADigit() {
        let dir = ScratchDirectory.valid()
        dir.writeGzipped("train-labels-idx1-ubyte", labelsFile(count: 30, labels: (0..<30).map { $0 == 17 ? 10 : UInt8($0 % 10) }))
        #expect(loadError(dir.path) == .labelOutOfRange(path: dir.path + "/train-labels-idx1-ubyte.gz", index: 17, label: 10))
    }

    @Test func checksumMismatchAndOptOut() throws {
        let dir = ScratchDirectory.valid()
        let names = MNISTDataset.fileNames.map { $0 + ".gz" }
        var lines = names.map { "\(hexString(sha256(dir.bytes($0))))  \($0)" }
        let wrong = String(repeating: "0", count: 64)
        lines[2] = "\(wrong)  \(names[2])"
        dir.write("SHA256SUMS", Array(lines.joined(separator: "\n").utf8))
        let error = loadError(dir.path)
        #expect(error == .checksumMismatch(path: dir.path + "/" + names[2], expected: wrong,
                                           actual: hexString(sha256(dir.bytes(names[2])))))
        #expect(try MNISTDataset.load(directory: dir.path, verifyChecksums: false).test.count == 12)
    }

    @Test func fileMissingFromTheChecksumList() {
        let dir = ScratchDirectory.valid()
        dir.write("SHA256SUMS", Array("\(hexString(sha256(dir.bytes("train-images-idx3-ubyte.gz"))))  train-images-idx3-ubyte.gz\n".utf8))
        #expect(loadError(dir.path) == .notInChecksumList(path: dir.path + "/train-labels-idx1-ubyte.gz",
                                                          list: dir.path + "/SHA256SUMS"))
    }

    @Test func everyMessageNamesItsFile() {
        let errors: [MNISTError] = [
            .missingFile(directory: "d", name: "n"), .unreadable(path: "d/n", reason: "r"),
            .corruptGzip(path: "d/n", reason: "r"), .wrongMagic(path: "d/n", found: 1, expected: 2, wasGzip: true),
            .truncated(path: "d/n", dimensions: [1], expectedBytes: 9, actualBytes: 8),
            .trailingBytes(path: "d/n", dimensions: [1], expectedBytes: 9, actualBytes: 10),
            .wrongImageSize(path: "d/n", rows: 1, columns: 2), .labelOutOfRange(path: "d/n", index: 1, label: 11),
            .countMismatch(images: "d/n", imageCount: 1, labels: "d/m", labelCount: 2),
            .checksumMismatch(path: "d/n", expected: "a", actual: "b"), .notInChecksumList(path: "d/n", list: "d/S"),
        ]
        for error in errors { #expect(error.description.hasPrefix("d/n"), "\(error)") }
    }
}
