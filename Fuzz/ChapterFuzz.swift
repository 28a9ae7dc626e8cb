// libFuzzer target: the chapter parser (CR check, UTF-8 check, libcmark, fences, info strings, module
// names). Built by Fuzz/build.sh together with the parser's sources, in one module. Any input must
// give a chapter or chapter errors, never a trap; every error names the file, and a line no later
// than the input's last.
import Foundation  // the tool sources use its String methods

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChapter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let lines = bytes.lazy.filter { $0 == UInt8(ascii: "\n") }.count + 1
    do throws(ChapterErrors) {
        let chapter = try Chapter(path: "chapters/01-fuzz.md", bytes: bytes)
        for snippet in chapter.snippets {
            precondition(snippet.fenceLine >= 1 && snippet.fenceLine <= snippet.endLine && snippet.endLine <= lines,
                         "snippet lines \(snippet.fenceLine)...\(snippet.endLine) outside 1...\(lines)")
        }
        if let name = chapter.moduleName { _ = try? ModuleName(validating: name) }
    } catch {
        for e in error.errors {
            precondition(e.file == "chapters/01-fuzz.md" && e.line >= 0 && e.line <= lines,
                         "error line \(e.line) outside 0...\(lines): \(e)")
        }
    }
    // The info-string grammar on the first line, and module names on the whole input as text.
    let text = String(decoding: bytes, as: UTF8.self)
    let first = String(text.prefix { $0 != "\n" })
    _ = try? parseInfoString(first, file: "f.md", line: 1)
    _ = try? ModuleName(validating: first)
    return 0
}
