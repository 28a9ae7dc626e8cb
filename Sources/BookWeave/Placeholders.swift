/// The private-use characters the weave's passes leave in a chapter's text and find again later
/// (math before libcmark parses the Markdown, page/print parts until a page is assembled). One
/// registry, so that no two passes pick the same character; no chapter may contain them.
enum Placeholder {
    /// Opens a formula's number in the Markdown (`MathExtraction`): U+E000 k U+E001.
    static let mathOpen: Character = "\u{E000}"
    static let mathClose: Character = "\u{E001}"
    /// Fills the lines of a multi-line display formula so every line number stays (`MathExtraction`).
    static let mathFiller: Character = "\u{E004}"
    /// Opens a part's number in a chapter's HTML (`PageParts`): U+E002 k U+E003.
    static let partOpen: Character = "\u{E002}"
    static let partClose: Character = "\u{E003}"

    /// Every placeholder character, for the test that they are distinct and private.
    static let all: [Character] = [mathOpen, mathClose, mathFiller, partOpen, partClose]

    /// The character's UTF-8 bytes (the math pass scans rendered HTML byte by byte).
    static func utf8(_ c: Character) -> [UInt8] { Array(String(c).utf8) }

    /// `open` k `close`: the placeholder of item k.
    static func numbered(_ k: Int, open: Character, close: Character) -> String { "\(open)\(k)\(close)" }
}
