// Chapter 10's loader: SHA-256, gzip, IDX parsing, loading (its error cases are in MNISTErrorTests.swift,
// on small files written to a temporary directory), the shipped data, the split and the mini-batches.
import Foundation
import Testing
import CZlib
import Perceptron
import Layers
import MNIST

/// The repository's data/mnist, found from this file's path (Tests/ChapterTests/MNISTTests.swift).
let shippedMNISTDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("data/mnist").path

/// The shipped data, loaded once for all the tests that need it.
let shippedMNIST = Result { () throws(MNISTError) in try MNISTDataset.load(directory: shippedMNISTDirectory) }

// MARK: - Helpers that write small MNIST-style files

/// The bytes of an IDX file: magic, big-endian dimensions, payload.
func idxBytes(magic: UInt32, dimensions: [Int], payload: [UInt8]) -> [UInt8] {
    func bigEndian(_ x: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: x >> UInt32($0)) } }
    return bigEndian(magic) + dimensions.flatMap { bigEndian(UInt32($0)) } + payload
}

/// An images file of `count` 28×28 images (or rows×columns), pixel (i, p) = (i + p) % 256.
func imagesFile(count: Int, rows: Int = 28, columns: Int = 28) -> [UInt8] {
    idxBytes(magic: IDXFile.imagesMagic, dimensions: [count, rows, columns],
             payload: (0..<count * rows * columns).map { UInt8(truncatingIfNeeded: $0 / (rows * columns) + $0 % (rows * columns)) })
}

/// A labels file with labels i % 10 (or the given ones).
func labelsFile(count: Int, labels: [UInt8]? = nil) -> [UInt8] {
    idxBytes(magic: IDXFile.labelsMagic, dimensions: [count], payload: labels ?? (0..<count).map { UInt8($0 % 10) })
}

/// gzip-compresses `bytes` into the file at `path` with zlib's gzopen/gzwrite.
func writeGzip(_ bytes: [UInt8], to path: String) {
    guard let file = gzopen(path, "wb") else { fatalError("gzopen \(path) failed") }
    let written = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
    precondition(Int(written) == bytes.count || bytes.isEmpty, "gzwrite wrote \(written) of \(bytes.count) bytes")
    precondition(gzclose(file) == Z_OK, "gzclose \(path) failed")
}

/// A fresh, empty temporary directory, removed by `cleanup`.
final class ScratchDirectory {
    let path: String
    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("mnist-test-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ bytes: [UInt8]) {
        precondition(FileManager.default.createFile(atPath: path + "/" + name, contents: Data(bytes)), "cannot write \(name)")
    }
    func writeGzipped(_ name: String, _ bytes: [UInt8]) { writeGzip(bytes, to: path + "/" + name + ".gz") }
    func bytes(_ name: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path + "/" + name)!) }

    /// A valid small MNIST directory: 30 training and 12 test images, all gzip-compressed.
    static func valid(train: Int = 30, test: Int = 12) -> ScratchDirectory {
        let dir = ScratchDirectory()
        dir.writeGzipped("train-images-idx3-ubyte", imagesFile(count: train))
        dir.writeGzipped("train-labels-idx1-ubyte", labelsFile(count: train))
        dir.writeGzipped("t10k-images-idx3-ubyte", imagesFile(count: test))
        dir.writeGzipped("t10k-labels-idx1-ubyte", labelsFile(count: test))
        return dir
    }
}

/// Loads `directory` and returns the error it throws (recording a failure if it loads).
func loadError(_ directory: String, verifyChecksums: Bool = true,
               sourceLocation: SourceLocation = #_sourceLocation) -> MNISTError? {
    do {
        _ = try MNISTDataset.load(directory: directory, verifyChecksums: verifyChecksums)
        Issue.record("loaded without an error", sourceLocation: sourceLocation)
        return nil
    } catch {
        print("MNISTError message: \(error)")
        return error
    }
}

// MARK: - SHA-256

@Suite struct SHA256Tests {
    func digest(_ text: String) -> String { hexString(sha256(Array(text.utf8))) }

    @Test func standardVectors() {
        #expect(digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(digest("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        #expect(hexString(sha256([UInt8](repeating: 0x61, count: 1_000_000)))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the padding boundaries (55/56 bytes fit one block or need two), from sha256sum.
    @Test func paddingBoundaries() {
        let expected: [Int: String] = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            63: "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
            65: "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
            119: "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb",
            120: "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c",
            127: "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a",
            128: "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e",
        ]
        for (n, hex) in expected {
            #expect(hexString(sha256([UInt8](repeating: 0x61, count: n))) == hex, "length \(n)")
        }
        #expect(hexString(sha256((0..<768).map { UInt8($0 % 256) }))
                == "f3a25aa93aa2fbba28d79260535bbd6a5eb0fc1c24a8b0f04e12b484c1dfe363")
    }

    @Test func shippedFilesMatchTheirList() throws {
        let sums = try readChecksumList(path: shippedMNISTDirectory + "/SHA256SUMS")
        #expect(Set(sums.keys) == Set(MNISTDataset.fileNames.map { $0 + ".gz" }))
        for (name, hex) in sums {
            #expect(hexString(sha256(try readFileBytes(path: shippedMNISTDirectory + "/" + name))) == hex, "\(name)")
        }
    }
}

// MARK: - gzip and IDX

@Suite struct GzipAndIDXTests {
    @Test func gunzipRoundTripsIncludingConcatenatedMembers() throws {
        let dir = ScratchDirectory()
        let a: [UInt8] = Array("hello, ".utf8), b = (0..<100_000).map { UInt8($0 % 251) }
        dir.writeGzipped("a", a)
        dir.writeGzipped("b", b)
        #expect(isGzip(dir.bytes("a.gz")))
        #expect(!isGzip(a) && !isGzip([0x1f]) && !isGzip([]))
        #expect(try gunzip(dir.bytes("b.gz"), path: "b.gz") == b)
        #expect(try gunzip(dir.bytes("a.gz") + dir.bytes("b.gz"), path: "ab.gz") == a + b)
        dir.writeGzipped("empty", [])
        #expect(try gunzip(dir.bytes("empty.gz"), path: "empty.gz") == [])
    }

    @Test func corruptGzipIsAnErrorNotACrash() {
        let dir = ScratchDirectory()
        dir.writeGzipped("x", imagesFile(count: 3))
        let good = dir.bytes("x.gz")
        var flipped = good
        flipped[good.count / 2] ^= 0xff
        var badCRC = good
        badCRC[good.count - 6] ^= 0x01
        for (name, bytes) in [("half.gz", Array(good.prefix(good.count / 2))), ("flipped.gz", flipped),
                              ("crc.gz", badCRC), ("header-only.gz", Array(good.prefix(10))),
                              ("garbage-after.gz", good + [0x00, 0x01, 0x02])] {
            #expect(throws: MNISTError.self, "\(name)") { try gunzip(bytes, path: name) }
            do { _ = try gunzip(bytes, path: name) } catch {
                guard case .corruptGzip(let path, _) = error else { Issue.record("\(name): \(error)"); continue }
                #expect(path == name)
                #expect(error.description.hasPrefix(name + ": corrupt gzip data"))
            }
        }
    }

    @Test func parseIDXChecksHeaderAndLength() throws {
        let good = imagesFile(count: 2)
        let idx = try parseIDX(good, path: "f", expectedMagic: IDXFile.imagesMagic)
        #expect(idx.dimensions == [2, 28, 28])
        #expect(idx.data == Array(good[16...]))
        #expect(throws: MNISTError.truncated(path: "f", dimensions: [2, 28, 28], expectedBytes: 1584, actualBytes: 1583)) {
            try parseIDX(Array(good.dropLast()), path: "f", expectedMagic: IDXFile.imagesMagic)
        }
        #expect(throws: MNISTError.trailingBytes(path: "f", dimensions: [2, 28, 28], expectedBytes: 1584, actualBytes: 1585)) {
            try parseIDX(good + [0], path: "f", expectedMagic: IDXFile.imagesMagic)
        }
        #expect(throws: MNISTError.truncated(path: "f", dimensions: [], expectedBytes: 16, actualBytes: 3)) {
            try parseIDX([0, 0, 8], path: "f", expectedMagic: IDXFile.imagesMagic)
        }
        #expect(throws: MNISTError.truncated(path: "f", dimensions: [], expectedBytes: 16, actualBytes: 10)) {
            try parseIDX(Array(good.prefix(10)), path: "f", expectedMagic: IDXFile.imagesMagic)
        }
        #expect(throws: MNISTError.wrongMagic(path: "f", found: 0x0801, expected: 0x0803, wasGzip: false)) {
            try parseIDX(labelsFile(count: 2), path: "f", expectedMagic: IDXFile.imagesMagic)
        }
        // Absurd dimensions (their product overflows Int) are an error, not a trap.
        let huge = idxBytes(magic: IDXFile.imagesMagic, dimensions: [0xffff_ffff, 0xffff_ffff, 0xffff_ffff], payload: [1, 2])
        #expect(throws: MNISTError.truncated(path: "f", dimensions: [0xffff_ffff, 0xffff_ffff, 0xffff_ffff],
                                             expectedBytes: Int.max, actualBytes: 18)) {
            try parseIDX(huge, path: "f", expectedMagic: IDXFile.imagesMagic)
        }
        // An empty set is a valid IDX file.
        #expect(try parseIDX(labelsFile(count: 0), path: "f", expectedMagic: IDXFile.labelsMagic).data == [])
    }

    @Test func randomBytesNeverCrash() {
        var rng = SplitMix64(seed: 10)
        for trial in 0..<200 {
            let length = Int(rng.next() % 64)
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            if trial % 2 == 0 && length >= 4 { bytes.replaceSubrange(0..<4, with: [0, 0, 8, 3]) }
            #expect(throws: MNISTError.self) { try parseIDX(bytes, path: "r", expectedMagic: IDXFile.imagesMagic) }
            if length >= 2 { bytes.replaceSubrange(0..<2, with: [0x1f, 0x8b]) }
            #expect(throws: MNISTError.self) { try gunzip(bytes, path: "r.gz") }
        }
    }
}

// MARK: - load: good directories

@Suite struct MNISTLoadTests {
    @Test func smallDirectoryLoadsWithExactPixelValues() throws {
        let dir = ScratchDirectory.valid()
        let (train, test) = try MNISTDataset.load(directory: dir.path)
        #expect(train.images.shape == [30, 784] && test.images.shape == [12, 784])
        #expect(train.labels == (0..<30).map { $0 % 10 })
        let raw = imagesFile(count: 30)
        #expect(train.images.scalars == raw[16...].map { Float($0) / 255 })
        #expect(train.image(at: 1).pixels == train.images.row(1))
        #expect(train.image(at: 1).width == 28 && train.image(at: 1).height == 28)
    }

    @Test func uncompressedAndMixedFilesLoadWhateverTheirNames() throws {
        let dir = ScratchDirectory()
        dir.write("train-images-idx3-ubyte", imagesFile(count: 5))      // uncompressed
        dir.writeGzipped("train-labels-idx1-ubyte", labelsFile(count: 5))
        dir.write("t10k-images-idx3-ubyte", imagesFile(count: 2))
        // Uncompressed bytes under a .gz name: read as raw IDX (gzip is detected by 1f 8b, not the name).
        dir.write("t10k-labels-idx1-ubyte.gz", labelsFile(count: 2))
        let (train, test) = try MNISTDataset.load(directory: dir.path)
        #expect(train.count == 5 && test.count == 2 && test.labels == [0, 1])
    }

    @Test func checksumListIsCheckedWhenPresent() throws {
        let dir = ScratchDirectory.valid()
        let list = MNISTDataset.fileNames.map { name in
            "\(hexString(sha256(dir.bytes(name + ".gz"))))  \(name).gz"
        }.joined(separator: "\n") + "\n"
        dir.write("SHA256SUMS", Array(list.utf8))
        #expect(try MNISTDataset.load(directory: dir.path).train.count == 30)
        #expect(try readChecksumList(path: dir.path + "/SHA256SUMS").count == 4)
    }
}

// MARK: - The shipped MNIST

@Suite struct ShippedMNISTTests {
    @Test func loadsWithTheKnownCountsLabelsAndHistograms() throws {
        let (train, test) = try shippedMNIST.get()
        #expect(train.images.shape == [60_000, 784] && train.count == 60_000)
        #expect(test.images.shape == [10_000, 784] && test.count == 10_000)
        #expect(train.labels.prefix(10) == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4])
        #expect(test.labels.prefix(10) == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9])
        #expect(train.labelCounts() == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
        #expect(test.labelCounts() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
    }

    @Test func pixelsAreBytesOver255() throws {
        let (train, _) = try shippedMNIST.get()
        let raw = try readIDX(path: shippedMNISTDirectory + "/train-images-idx3-ubyte.gz", expectedMagic: IDXFile.imagesMagic)
        #expect(raw.dimensions == [60_000, 28, 28])
        let firstImage = raw.data.prefix(784).map { Float($0) / 255 }
        #expect(train.images.row(0) == firstImage)
        #expect(Array(train.images.scalars.suffix(784)) == raw.data.suffix(784).map { Float($0) / 255 })
        #expect(train.images[0, 7 * 28 + 9] == Float(253) / 255)
    }

    @Test func splitIs48000And12000DisjointCompleteAndReproducible() throws {
        let parts = splitIndices(count: 60_000, validationFraction: 0.2, seed: 7)
        #expect(parts.train.count == 48_000 && parts.validation.count == 12_000)
        #expect(Set(parts.train).isDisjoint(with: parts.validation))
        #expect(Set(parts.train + parts.validation) == Set(0..<60_000))
        let again = splitIndices(count: 60_000, validationFraction: 0.2, seed: 7)
        #expect(again.train == parts.train && again.validation == parts.validation)
        #expect(splitIndices(count: 60_000, validationFraction: 0.2, seed: 8).validation != parts.validation)
        #expect(parts.validation != Array(0..<12_000))  // shuffled, not the first 12,000
        // One shuffle in the book: the split is chapter 1's `SplitMix64.shuffle` of 0..<60,000.
        var rng = SplitMix64(seed: 7)
        var order = Array(0..<60_000)
        rng.shuffle(&order)
        #expect(parts.validation == Array(order.prefix(12_000)) && parts.train == Array(order.dropFirst(12_000)))

        let (train, _) = try shippedMNIST.get()
        let (trainSet, validationSet) = train.split(validationFraction: 0.2, seed: 7)
        #expect(trainSet.count == 48_000 && validationSet.count == 12_000)
        for k in [0, 1, 11_999] {
            #expect(validationSet.labels[k] == train.labels[parts.validation[k]])
            #expect(validationSet.images.row(k) == train.images.row(parts.validation[k]))
        }
        #expect(trainSet.images.row(47_999) == train.images.row(parts.train[47_999]))
        let counts = zip(trainSet.labelCounts(), validationSet.labelCounts()).map { $0 + $1 }
        #expect(counts == train.labelCounts())
    }

    @Test func splitEdgeCases() {
        #expect(splitIndices(count: 10, validationFraction: 0, seed: 1).validation.isEmpty)
        #expect(splitIndices(count: 10, validationFraction: 1, seed: 1).train.isEmpty)
        #expect(splitIndices(count: 7, validationFraction: 0.2, seed: 1).validation.count == 1)  // ⌊1.4⌋
        #expect(splitIndices(count: 0, validationFraction: 0.2, seed: 1) == ([], []))
    }
}

@Suite struct MNISTBatchTests {
    @Test func anEpochOfTwentiesVisitsEveryImageOnce() throws {
        let dir = ScratchDirectory.valid(train: 95, test: 10)
        let (train, _) = try MNISTDataset.load(directory: dir.path)
        var rng = SplitMix64(seed: 3)
        let epoch = train.batches(size: 20, shuffle: &rng)
        #expect(epoch.count == 5)
        #expect(epoch.map(\.labels.count) == [20, 20, 20, 20, 15])  // the last batch holds the rest
        #expect(epoch.map(\.images.shape) == [[20, 784], [20, 784], [20, 784], [20, 784], [15, 784]])
        #expect(epoch.order.sorted() == Array(0..<95) && epoch.order != Array(0..<95))
        for (k, batch) in epoch.enumerated() {
            for (j, index) in epoch.order[(20 * k)..<min(20 * k + 20, 95)].enumerated() {
                #expect(batch.labels[j] == train.labels[index])
                #expect(Array(batch.images.scalars[(784 * j)..<(784 * j + 784)]) == train.images.row(index))
            }
        }
        let nextEpoch = train.batches(size: 20, shuffle: &rng)
        #expect(nextEpoch.order != epoch.order)  // a new order each epoch
        var same = SplitMix64(seed: 3)
        #expect(train.batches(size: 20, shuffle: &same).order == epoch.order)
        var chapterOne = SplitMix64(seed: 3)
        var order = Array(0..<95)
        chapterOne.shuffle(&order)
        #expect(epoch.order == order, "batches are drawn with chapter 1's shuffle")
        #expect(train.batches(size: 95).count == 1 && train.batches(size: 1000).first!.labels.count == 95)
        #expect(train.batches(size: 10).order == Array(0..<95))
    }

    @Test func shippedTrainingSplitGives2400BatchesOf20() throws {
        let (train, test) = try shippedMNIST.get()
        let parts = splitIndices(count: train.count, validationFraction: 0.2, seed: 1)
        let trainSet = train.subset(Array(parts.train.prefix(48_000)))
        var rng = SplitMix64(seed: 1)
        let epoch = trainSet.batches(size: 20, shuffle: &rng)
        #expect(epoch.count == 2400)
        #expect(epoch[0].images.shape == [20, 784] && epoch[2399].labels.count == 20)
        #expect(test.batches(size: 64).count == 157 && test.batches(size: 64).last!.labels.count == 16)
    }
}
