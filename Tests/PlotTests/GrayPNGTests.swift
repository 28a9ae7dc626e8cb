import Testing
@testable import Plot

/// The bytes of an ASCII string.
private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A reader of the PNGs `GrayPNG` writes, written apart from it: checks the signature, every chunk's
/// CRC (bit by bit, no table), the zlib header, the stored blocks' lengths and the Adler-32, and
/// returns the size and the greys (nil, with `problem` set, on anything else).
private struct StoredPNG {
    var width = 0, height = 0, greys: [UInt8] = [], problem: String?

    init(_ png: [UInt8]) {
        func word(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        func crc(_ data: ArraySlice<UInt8>) -> Int {
            var c: UInt32 = 0xFFFF_FFFF
            for byte in data {
                c ^= UInt32(byte)
                for _ in 0..<8 { c = (c >> 1) ^ (0xEDB8_8320 & (0 &- (c & 1))) }
            }
            return Int(~c)
        }
        guard png.starts(with: [137, 80, 78, 71, 13, 10, 26, 10]) else { problem = "signature"; return }
        var at = 8, types: [String] = [], stream: [UInt8] = []
        while at + 12 <= png.count {
            let length = word(at), type = String(decoding: png[at + 4..<at + 8], as: UTF8.self)
            guard at + 12 + length <= png.count, crc(png[at + 4..<at + 8 + length]) == word(at + 8 + length) else {
                problem = "chunk \(type) CRC"; return
            }
            let data = Array(png[at + 8..<at + 8 + length])
            if type == "IHDR" {
                (width, height) = (word(at + 8), word(at + 12))
                guard data[8...] == [4, 0, 0, 0, 0] else { problem = "IHDR \(data)"; return }
            }
            if type == "IDAT" { stream += data }
            types.append(type)
            at += 12 + length
        }
        guard types == ["IHDR", "IDAT", "IEND"], at == png.count else { problem = "chunks \(types)"; return }
        guard stream.count >= 6, (Int(stream[0]) << 8 | Int(stream[1])) % 31 == 0, stream[0] & 0x0F == 8 else {
            problem = "zlib header"; return
        }
        var rows: [UInt8] = [], p = 2, last = false
        while !last {
            last = stream[p] & 1 == 1
            guard stream[p] >> 1 == 0 else { problem = "block type"; return }
            let length = Int(stream[p + 1]) | Int(stream[p + 2]) << 8
            guard length ^ 0xFFFF == Int(stream[p + 3]) | Int(stream[p + 4]) << 8 else { problem = "NLEN"; return }
            rows += stream[p + 5..<p + 5 + length]
            p += 5 + length
        }
        var a = 1, b = 0
        for byte in rows { a = (a + Int(byte)) % 65_521; b = (b + a) % 65_521 }
        guard p + 4 == stream.count, Array(stream[p...]) == [b >> 8, b & 255, a >> 8, a & 255].map(UInt8.init) else {
            problem = "Adler-32"; return
        }
        let rowBytes = (width + 1) / 2
        guard rows.count == height * (1 + rowBytes) else { problem = "\(rows.count) bytes of rows"; return }
        for y in 0..<height {
            guard rows[y * (1 + rowBytes)] == 0 else { problem = "filter"; return }
            for x in 0..<width {
                let byte = rows[y * (1 + rowBytes) + 1 + x / 2]
                greys.append(x % 2 == 0 ? byte >> 4 : byte & 15)
            }
        }
    }
}

@Suite struct GrayPNGTests {
    @Test func checksumsMatchTheirPublishedValues() {
        #expect(GrayPNG.crc32(bytes("123456789")) == 0xCBF4_3926)  // the CRC-32 check value
        #expect(GrayPNG.crc32(bytes("IEND")) == 0xAE42_6082)       // every PNG ends with it
        #expect(GrayPNG.crc32([]) == 0)
        #expect(GrayPNG.adler32(bytes("Wikipedia")) == 0x11E6_0398)
        #expect(GrayPNG.adler32([]) == 1)
        #expect(GrayPNG.adler32([UInt8](repeating: 255, count: 6000)) == 0xA497_59EA)  // both sums wrap (zlib.adler32)
    }

    @Test func base64MatchesRFC4648() {
        let cases = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==",
                     "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (text, encoded) in cases { #expect(GrayPNG.base64(bytes(text)) == encoded) }
        #expect(GrayPNG.base64([0xFB, 0xFF, 0xBF]) == "+/+/")
    }

    /// The ring, byte for byte as Python's zlib (compress at level 0) and struct write the same PNG.
    @Test func ringIsTheFileAnotherEncoderWrites() {
        let greys: [UInt8] = [15, 0, 0, 15, 0, 15, 15, 0, 0, 15, 15, 0, 15, 0, 0, 15]
        #expect(GrayPNG.dataURI(width: 4, height: 4, greys: greys) == "data:image/png;base64,"
                + "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAEBAAAAABJaiyjAAAAF0lEQVR4AQEMAPP/APAPAA/wAA/wAPAPF/QD/dm7HMUAAAAASUVORK5CYII=")
        #expect(GrayPNG.file(width: 28, height: 28, greys: [UInt8](repeating: 7, count: 784)).count == 488)
    }

    @Test func oddWidthsAndEveryGreyReadBack() {
        for (width, height) in [(1, 1), (5, 3), (28, 28), (3, 16)] {
            let greys = (0..<width * height).map { UInt8(($0 * 7 + $0 / width) % 16) }
            let png = StoredPNG(GrayPNG.file(width: width, height: height, greys: greys))
            #expect(png.problem == nil)
            #expect(png.width == width && png.height == height && png.greys == greys)
        }
        // A grey above 15 is written as white.
        #expect(StoredPNG(GrayPNG.file(width: 2, height: 1, greys: [200, 3])).greys == [15, 3])
    }

    @Test func longDataSpansStoredBlocks() {
        // 400×400 greys: 400 rows of 201 bytes, 80 400 bytes, two stored blocks.
        let greys = (0..<160_000).map { UInt8($0 % 13) }
        let file = GrayPNG.file(width: 400, height: 400, greys: greys)
        let png = StoredPNG(file)
        #expect(png.problem == nil && png.greys == greys)
        let stream = GrayPNG.zlibStored([UInt8](repeating: 1, count: 65_536))
        #expect(stream[2] == 0 && stream[3...4] == [0xFF, 0xFF])   // a full first block, not the last
        #expect(stream[2 + 5 + 65_535] == 1 && stream.count == 2 + 5 + 65_535 + 5 + 1 + 4)
    }

    @Test func imageGridDrawsEachPictureAsItsPNG() {
        let svg = ImageGrid(title: "Ring and bar", images: [ring, bar], captions: ["ring", "bar"]).svg()
        #expect(svg.components(separatedBy: "<image ").count - 1 == 2)
        #expect(svg.contains("image{image-rendering:crisp-edges;image-rendering:pixelated}"))
        // The ring's ink is black on white paper, the bar's half-inked pixel a middle grey.
        #expect(svg.contains("href=\"" + GrayPNG.dataURI(width: 4, height: 4,
                                                          greys: [15, 0, 0, 15, 0, 15, 15, 0, 0, 15, 15, 0, 15, 0, 0, 15]) + "\""))
        let barGreys: [UInt8] = [15, 7, 0, 15, 15, 11, 0, 15, 15, 15, 0, 15, 15, 4, 0, 13]
        #expect(svg.contains(GrayPNG.dataURI(width: 4, height: 4, greys: barGreys)))
        #expect(svg.contains("width=\"64\" height=\"64\""))  // 4×4 drawn at 16× (the largest scale)
        #expect(wellFormednessProblems(svg) == [])
    }
}
