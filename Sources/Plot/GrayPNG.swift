// A small grayscale picture as a PNG file, written byte by byte here (no compression library), so
// that the same picture always gives the same bytes: figures are checked byte for byte.

/// PNG files of small grayscale pictures with 16 greys, and the checksums and encodings they need.
///
/// The file is the PNG signature and three chunks (each `length, type, data, CRC-32`): `IHDR`
/// (width, height, 4-bit grayscale), `IDAT` (the rows, each a filter byte 0 and two pixels a byte,
/// in a zlib stream of deflate's *stored* blocks, closed by the Adler-32 of the rows) and `IEND`.
/// Stored blocks do not compress: a 28×28 picture is 488 bytes whatever it shows, which is what
/// the book's noise-like weight images need (one `<rect>` per run of equal grey costs ~29 KB there).
enum GrayPNG {
    /// The PNG of a picture `width` × `height` (both ≥ 1) from its greys, row by row, 0 (black) ...
    /// 15 (white); a grey above 15 is written as 15.
    static func file(width: Int, height: Int, greys: [UInt8]) -> [UInt8] {
        precondition(width >= 1 && height >= 1 && greys.count == width * height,
                     "GrayPNG: \(greys.count) greys for \(width)×\(height)")
        let rowBytes = (width + 1) / 2
        var rows: [UInt8] = []
        rows.reserveCapacity(height * (1 + rowBytes))
        for y in 0..<height {
            rows.append(0)  // filter type 0: the row as it is
            for x in stride(from: 0, to: width, by: 2) {
                let left = min(15, greys[y * width + x])
                let right = x + 1 < width ? min(15, greys[y * width + x + 1]) : 0
                rows.append(left << 4 | right)
            }
        }
        var header: [UInt8] = []
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        header += [4, 0, 0, 0, 0]  // bit depth 4, grayscale; deflate, filter method 0, no interlace
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", zlibStored(rows), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// `data` as a zlib stream (RFC 1950) of stored deflate blocks (RFC 1951, at most 65 535 bytes
    /// each): header 78 01, the blocks, the Adler-32 of `data`.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]  // deflate, 32 KB window; 0x7801 is a multiple of 31
        var start = 0
        repeat {
            let end = min(data.count, start + 65_535)
            let length = UInt16(end - start)
            out.append(end == data.count ? 1 : 0)  // BFINAL on the last block, BTYPE 00 (stored)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += data[start..<end]
            start = end
        } while start < data.count
        appendBigEndian(adler32(data), to: &out)
        return out
    }

    /// Adler-32 (RFC 1950): two sums modulo 65 521, the second of the running first.
    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    /// CRC-32 as PNG and zlib compute it (reflected polynomial 0xEDB88320, start and end inverted).
    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    /// The CRC of each byte value, one step of eight bits at a time.
    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// Appends a chunk: length, type, data, and the CRC-32 of type and data.
    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typed = Array(type.utf8) + data
        appendBigEndian(UInt32(data.count), to: &png)
        png += typed
        appendBigEndian(crc32(typed), to: &png)
    }

    private static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// `data` in base64 (RFC 4648, with `=` padding), as a `data:` URI needs it.
    static func base64(_ data: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((data.count + 2) / 3 * 4)
        for start in stride(from: 0, to: data.count, by: 3) {
            let count = min(3, data.count - start)
            var group: UInt32 = 0
            for k in 0..<3 { group = group << 8 | (k < count ? UInt32(data[start + k]) : 0) }
            for k in 0..<4 {
                out.append(k <= count ? alphabet[Int(group >> UInt32(18 - 6 * k) & 63)] : UInt8(ascii: "="))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The picture as a `data:` URI, for an SVG `<image>`.
    static func dataURI(width: Int, height: Int, greys: [UInt8]) -> String {
        "data:image/png;base64," + base64(file(width: width, height: height, greys: greys))
    }
}
