import BookSupport
import Foundation

/// The rendered book: file name (relative to the output directory) → contents.
public struct Site {
    /// File name relative to the output directory → contents.
    public var files: [String: String] = [:]

    /// File types the weave writes; others in the output directory are left alone.
    static let extensions = [".html", ".css", ".js", ".svg"]
    /// Written by `make book`, not by the weave (and not committed): the Run button's modules.
    static let modulesDirectory = "wasm/"

    /// Writes files whose contents changed; removes files of the weave's types that nothing produces
    /// any more. Returns the changed names.
    public func write(to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var changed: [String] = []
        for (name, contents) in files.sorted(by: { $0.key < $1.key }) {
            let path = directory + "/" + name
            if (try? String(contentsOfFile: path, encoding: .utf8)) == contents { continue }
            try writeAtomically(contents, to: path)
            changed.append(name)
        }
        for name in stray(in: directory) {
            try FileManager.default.removeItem(atPath: directory + "/" + name)
            changed.append(name)
        }
        removeEmptyDirectories(in: directory + "/figures")
        return changed
    }

    /// Files that differ from what the chapters render, or that no chapter renders any more.
    public func staleFiles(in directory: String) throws -> [String] {
        let differing = files.keys.sorted().filter {
            (try? String(contentsOfFile: directory + "/" + $0, encoding: .utf8)) != files[$0]
        }
        return differing + stray(in: directory)
    }

    private func stray(in directory: String) -> [String] {
        let present = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? []
        // wasm/ holds the chapters' WebAssembly modules, which `make book` builds (tools/wasm/build.sh).
        return present.filter { name in
            !name.hasPrefix(Self.modulesDirectory) && Self.extensions.contains { name.hasSuffix($0) } && files[name] == nil
        }.sorted()
    }
}
