/// A failure of the tools themselves (not of a chapter): a missing file, a process that would not start.
public struct ToolError: Error, CustomStringConvertible {
    /// What went wrong, naming the file or command.
    public var description: String
    /// An error with this message.
    public init(_ description: String) { self.description = description }
}
