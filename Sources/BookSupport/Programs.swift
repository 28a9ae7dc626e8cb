import Foundation

/// Runs the program at `path` with `arguments` (in `directory`, or the current one) and waits for it:
/// its exit status and everything it printed, standard output and standard error together in the
/// order it wrote them. Throws only when the program cannot be started.
public func runProgram(_ path: String, _ arguments: [String], directory: String? = nil) throws
    -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()   // to the end first: a full pipe would block it
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
