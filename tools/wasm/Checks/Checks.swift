// The page's `precondition` (module ExampleChecks, compiled into every chapter's WebAssembly module and
// imported implicitly by the chapters' examples modules there, never by their libraries, never
// natively). The examples' hidden checks pin claims that hold for the book's seeds; with a seed a
// reader types in the page (`SplitMix64.readerSeed`, chapter 1) some of them fail, and Swift's own
// `precondition` would trap, which in WebAssembly at -O keeps no message and ends the run. This one
// has the same signature, so it shadows the standard library's in those modules: a failed check
// hands the host its place in the chapter (the `#sourceLocation` that `book tangle` writes) and its
// message, and the host decides: the page reports it and lets the chapter go on; Node's runner
// (`book verify`) stops as the native runner does. Checks in the chapters' libraries still trap.

/// Tells the host that the check at `file`:`line` failed, with its message (UTF-8, not terminated).
@_extern(wasm, module: "book", name: "check_failed")
@_extern(c)
func hostCheckFailed(_ file: UnsafePointer<UInt8>, _ fileLength: Int, _ line: Int,
                     _ message: UnsafePointer<UInt8>, _ messageLength: Int)

/// Checks `condition`, as the standard library's `precondition` does; when it is false, the host
/// hears where and why (and may stop the run) instead of the module trapping without a word.
public func precondition(_ condition: @autoclosure () -> Bool,
                         _ message: @autoclosure () -> StaticString = StaticString(),
                         file: StaticString = #file, line: UInt = #line) {
    if condition() { return }
    let text = message()
    hostCheckFailed(file.utf8Start, file.utf8CodeUnitCount, Int(line), text.utf8Start, text.utf8CodeUnitCount)
}
