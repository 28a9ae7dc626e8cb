/// A problem in a chapter, reported the way compilers report them: `file:line: error: message`.
public struct ChapterError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The chapter's path as the reader sees it, e.g. `chapters/02-activations.md`.
    public var file: String
    /// 1-based line in the Markdown file (0 when the problem concerns the whole file).
    public var line: Int
    public var message: String
    /// Errors fail the command; warnings are only reported.
    public var severity: Severity = .error

    public enum Severity: String, Sendable { case error, warning }

    public init(file: String, line: Int, _ message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    public var description: String {
        line > 0 ? "\(file):\(line): \(severity.rawValue): \(message)" : "\(file): \(severity.rawValue): \(message)"
    }
}

/// Several chapter errors at once, so that one run reports every fault it found.
public struct ChapterErrors: Error, CustomStringConvertible, Sendable {
    public var errors: [ChapterError]
    public init(_ errors: [ChapterError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
