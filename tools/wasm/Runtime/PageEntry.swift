// BookRuntime in WebAssembly: compiled together with Sources/BookRuntime/ExampleRunner.swift (the
// runner both worlds share) into the module's BookRuntime, in place of the native command line
// (RunnerCommand.swift). The host (theme/wasm-host.js, in the page or in Node) calls the module's
// `book_run(markers, solutions, seed)` export, which build.sh generates to set the reader's seed
// (chapter 1's `SplitMix64.readerSeed`) and call `runInPage`.

/// Tells the host which example runs now, so that it names that example's figures (ex03-1.svg, ...).
@_extern(wasm, module: "book", name: "begin_example")
@_extern(c)
func hostBeginExample(_ ordinal: Int)

extension ExampleRunner {
    /// Runs `chapter`'s examples (and its solutions when asked) as `BookExamples` would; slow
    /// examples never run in the page.
    public static func runInPage(_ chapter: ChapterExamples, markers: Bool, solutions: Bool) {
        run(chapter, markers: markers, slow: false, solutions: solutions) { hostBeginExample($0) }
    }
}
