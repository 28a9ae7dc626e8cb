/// Rewrites attribute values of generated HTML or SVG in one pass (`name="value"`, double quotes,
/// as everything the weave produces writes them). Much faster than one `replacingOccurrences` per
/// rewrite over a whole page, which the weave would otherwise do hundreds of times.
enum HTMLAttributes {
    /// `transform(name, value)` returns the new value, or nil to keep it.
    static func rewrite(_ text: String, _ transform: (Substring, Substring) -> String?) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var copied = 0, i = 0
        let equals = UInt8(ascii: "="), quote = UInt8(ascii: "\"")
        while i + 1 < bytes.count {
            guard bytes[i] == equals, bytes[i + 1] == quote else { i += 1; continue }
            var start = i
            while start > 0, Self.isNameByte(bytes[start - 1]) { start -= 1 }
            guard start < i, start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\n") else { i += 1; continue }
            let valueStart = i + 2
            var end = valueStart
            while end < bytes.count, bytes[end] != quote { end += 1 }
            guard end < bytes.count else { break }
            let name = Substring(decoding: bytes[start..<i], as: UTF8.self)
            let value = Substring(decoding: bytes[valueStart..<end], as: UTF8.self)
            if let new = transform(name, value) {
                out += bytes[copied..<valueStart]
                out += Array(new.utf8)
                copied = end
            }
            i = end + 1
        }
        guard copied > 0 else { return text }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":")
    }
}
