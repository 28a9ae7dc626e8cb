/// The name of a chapter's Swift module, checked where the chapter names it, so that only a plain
/// identifier ever reaches a file path (`Sources/Generated/<name>/`) or `Package.swift`.
///
/// Rules: an ASCII letter, then ASCII letters, digits or `_`, at most 64 characters; not a Swift
/// keyword; not a module of the Swift toolchain (`Swift`, `Foundation`, `XCTest`, `Glibc`, ...), whose
/// name a chapter would shadow; not one of this package's own targets, nor `Book...` (the prefix the
/// tools keep for themselves), nor a name whose `<name>Examples` module would be one of them.
public struct ModuleName: Hashable, Sendable, CustomStringConvertible {
    /// The validated name.
    public let name: String
    /// The name itself.
    public var description: String { name }

    /// Accepts `name` if it follows the rules above; otherwise throws an error saying which rule it breaks.
    public init(validating name: String) throws(ModuleNameError) {
        guard !name.isEmpty else { throw ModuleNameError(name: name, problem: "is empty") }
        guard name.utf8.count <= 64 else {
            throw ModuleNameError(name: name, problem: "is longer than 64 characters")
        }
        let isLetter: (UInt8) -> Bool = { (65...90).contains($0) || (97...122).contains($0) }
        let isDigit: (UInt8) -> Bool = { (48...57).contains($0) }
        guard let first = name.utf8.first, isLetter(first),
              name.utf8.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }) else {
            throw ModuleNameError(name: name, problem: "is not a plain Swift identifier (an ASCII letter, "
                + "then ASCII letters, digits or '_')")
        }
        if Self.keywords.contains(name) { throw ModuleNameError(name: name, problem: "is a Swift keyword") }
        let folded = name.lowercased()  // file systems that ignore case would mix up Plot and plot
        if Self.toolchainModules.contains(where: { $0.lowercased() == folded }) {
            throw ModuleNameError(name: name, problem: "is a module of the Swift toolchain, which the chapter would hide")
        }
        if let target = Self.packageTargets.first(where: { $0.lowercased() == folded || $0.lowercased() == folded + "examples" }) {
            throw ModuleNameError(name: name, problem: "is reserved: the package's own target \(target) uses it")
        }
        if folded.hasPrefix("book") || folded.hasSuffix("examples") || folded.hasSuffix("tests") {
            throw ModuleNameError(name: name, problem: "is reserved: names starting with Book or ending in Examples "
                + "or Tests belong to the book's tools")
        }
        self.name = name
    }

    /// Modules that come with the Swift toolchain on Linux and macOS (a chapter module of the same
    /// name would shadow them), and the C libraries the package wraps.
    static let toolchainModules: Set<String> = [
        "Swift", "SwiftOnoneSupport", "SwiftShims", "_Concurrency", "_StringProcessing", "_Differentiation",
        "_RegexParser", "RegexBuilder", "Observation", "Synchronization", "Distributed", "Cxx", "CxxStdlib",
        "Foundation", "FoundationEssentials", "FoundationInternationalization", "FoundationNetworking",
        "FoundationXML", "CoreFoundation", "Dispatch", "XCTest", "Testing", "Glibc", "SwiftGlibc", "Musl",
        "Android", "Bionic", "WASILibc", "Darwin", "WinSDK", "ucrt", "CRT", "os", "ObjectiveC",
        "PackageDescription", "PackagePlugin", "ArgumentParser", "ArgumentParserToolInfo", "Numerics",
        "RealModule", "ComplexModule", "CCmark", "CZlib", "zlib",
    ]

    /// The package's hand-written targets (its chapter modules are checked against each other by `Book`).
    static let packageTargets: [String] = [
        "Plot", "PlotTests", "RunnerProtocol", "RunnerProtocolTests", "SwiftLexer", "SpiralClassifier", "train", "Fuzz",
    ]

    static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate",
        "func", "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "package",
        "private", "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript",
        "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
        "Type", "Protocol", "some", "any",
    ]
}

/// Why a module name was refused.
public struct ModuleNameError: Error, CustomStringConvertible, Sendable {
    /// The refused name, as written.
    public var name: String
    /// Which rule it breaks, as the end of a sentence ("is empty").
    public var problem: String
    /// `module name '...' <problem>`, with control characters escaped.
    public var description: String {
        "module name '\(name.unicodeScalars.map { $0.isASCII && $0.value >= 32 ? String($0) : $0.escaped(asASCII: true) }.joined())' \(problem)"
    }
}
