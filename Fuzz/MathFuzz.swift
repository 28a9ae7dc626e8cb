// libFuzzer target: the TeX-to-MathML converter (inline and display) and the extraction of `$...$`
// from prose. Built by Fuzz/build.sh with the converter's sources, in one module. Any input must give
// MathML or an error, never a trap; MathML output must be balanced <math>...</math>.
import Foundation  // the tool sources use its String methods

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMath(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for display in [false, true] {
        if let html = try? TeX.mathML(text, display: display) {
            precondition(html.hasPrefix("<math") && html.hasSuffix("</math>"), "not one <math> element: \(html)")
        }
    }
    if let extraction = try? MathExtraction(text, codeLines: [], file: "f.md") {
        _ = extraction.restore(extraction.text)
        _ = extraction.plain(extraction.text)
    }
    return 0
}
