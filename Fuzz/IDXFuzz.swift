// libFuzzer target: chapter 10's IDX parser and gzip reader (the MNIST loader's input side). The first
// byte picks the expected magic number; the rest is the file. Any input must give a file or an
// `MNISTError` naming the path, never a trap.
import MNIST

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let magic = data[0] & 1 == 0 ? IDXFile.imagesMagic : IDXFile.labelsMagic
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    do throws(MNISTError) {
        let file = try parseIDX(isGzip(bytes) ? gunzip(bytes, path: "f.gz") : bytes, path: "f.gz", expectedMagic: magic)
        // The dimensions' product, without trapping: [3113146094, 4294967295, 0] is a valid empty file.
        let product = file.dimensions.reduce(1) { $0 == 0 || $1 == 0 ? 0 : $0.multipliedReportingOverflow(by: $1).overflow ? -1 : $0 * $1 }
        precondition(file.data.count == product, "payload does not match the dimensions \(file.dimensions)")
    } catch {
        precondition(error.description.hasPrefix("f.gz"), "error does not name the file: \(error)")
    }
    return 0
}
