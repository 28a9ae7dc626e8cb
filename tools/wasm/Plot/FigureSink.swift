// Plot's FigureSink for WebAssembly: `show` prints the figure's text and hands its SVG to the host
// (the page or Node) through the module's `book.figure` import; the host names it after the example
// that drew it (`book.begin_example`, called by the runtime), as the native sink names its files.
//
// No state lives here on purpose: with Embedded Swift, a lazily initialized global (`static let
// shared`) used from several modules is initialized again by each module (each object file gets its
// own once-token), so a shared mutable sink would be replaced behind the runner's back.

@_extern(wasm, module: "book", name: "figure")
@_extern(c)
func hostFigure(_ svg: UnsafePointer<UInt8>, _ svgLength: Int)

/// Prints `figure.ascii()` and hands its SVG to the host.
public func show(_ figure: some Figure) {
    print(figure.ascii())
    var svg = Array(figure.svg().utf8)
    svg.withUnsafeMutableBufferPointer { hostFigure($0.baseAddress!, $0.count) }
}
