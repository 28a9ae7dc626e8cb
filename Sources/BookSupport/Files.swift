// What every step of the book's tools shares, and the one file write of the whole package: writing
// a file so that no reader ever sees half of it (the tools, the benchmark, and `Plot`'s FigureSink
// use it), tidying directories, and the error a tool reports when the machinery itself fails. Takes
// in paths and contents; gives out files on disk or a `ToolError` naming the path.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes through a temporary file in the same directory and a rename, so a reader never sees half a file.
/// Creates the directory if it is missing.
public func writeAtomically(_ contents: String, to path: String) throws {
    try writeAtomically(Data(contents.utf8), to: path)
}

/// Writes `data` through a temporary file in the same directory and a rename (see the `String` version).
public func writeAtomically(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let temporary = url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do { try data.write(to: temporary) } catch {
        try? FileManager.default.removeItem(at: temporary)   // a partly written one (a full disk)
        throw error
    }
    if rename(temporary.path, url.path) != 0 {
        let cause = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw ToolError("cannot write \(path): \(cause)")
    }
}

/// Removes the empty directories directly inside `directory` (after files were deleted from them).
public func removeEmptyDirectories(in directory: String) {
    let fm = FileManager.default
    for name in (try? fm.contentsOfDirectory(atPath: directory)) ?? [] {
        let path = directory + "/" + name
        if (try? fm.contentsOfDirectory(atPath: path))?.isEmpty == true { try? fm.removeItem(atPath: path) }
    }
}
