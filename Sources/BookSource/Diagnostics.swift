/// A problem in a chapter, reported the way compilers report them: `file:line: error: message`.
public struct ChapterError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The chapter's path as the reader sees it, e.g. `chapters/02-activations.md`.
    public var file: String
    /// 1-based line in the Markdown file (0 when the problem concerns the whole file).
    public var line: Int
    /// What is wrong, as a sentence without the location.
    public var message: String
    /// Errors fail the command; warnings are only reported.
    public var severity: Severity = .error

    /// How serious a problem is; spelled as compilers spell it.
    public enum Severity: String, Sendable { case error, warning }

    /// A problem at `file:line` (line 0: the whole file).
    public init(file: String, line: Int, _ message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    /// `file:line: error: message`, or `file: error: message` without a line.
    public var description: String {
        line > 0 ? "\(file):\(line): \(severity.rawValue): \(message)" : "\(file): \(severity.rawValue): \(message)"
    }
}

/// Several chapter errors at once, so that one run reports every fault it found.
public struct ChapterErrors: Error, CustomStringConvertible, Sendable {
    /// The errors, in the order they were found.
    public var errors: [ChapterError]
    /// Collects `errors`.
    public init(_ errors: [ChapterError]) { self.errors = errors }
    /// One error per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
