// libFuzzer target: chapter 11's checkpoint reader. A mutated file almost never keeps its SHA-256, so
// when the first byte is even the harness appends the correct checksum to the rest: the header's
// checks (options, sizes, shapes, counts, history, generators) are then what the input reaches. Any
// input must give a checkpoint or a `TrainingError` naming the file, never a trap.
import Classifier
import MNIST

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheckpoint(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    var bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if data[0] & 1 == 0 { bytes += sha256(bytes) }
    do throws(TrainingError) {
        let checkpoint = try Checkpoint.decode(bytes, path: "f.ckpt")
        precondition(checkpoint.engine.parameters.count == checkpoint.engine.parameters.map(\.shape).count)
        _ = try? checkpoint.encoded()
    } catch {
        precondition(error.description.hasPrefix("f.ckpt: "), "error does not name the file: \(error)")
    }
    return 0
}
