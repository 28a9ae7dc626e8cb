// Where the SVG copies of the figures go: `show` prints the text and hands the SVG to the sink,
// which numbers the files per example ("ex03-1.svg", "ex03-2.svg", ...).
import BookSupport
import Foundation

/// Where `show` puts SVG copies of the figures an example draws.
public final class FigureSink: @unchecked Sendable {  // every stored property is guarded by `lock`
    /// The sink `show` uses.
    public static let shared = FigureSink()

    private let lock = NSLock()
    private var _directory: String?
    private var naming: @Sendable (Int) -> String = { "figure-\($0).svg" }
    private var count = 0

    /// A sink with no directory (figures are only printed).
    public init() {}

    /// Directory to write SVG files into; nil means figures are only printed as text.
    public var directory: String? {
        get { lock.withLock { _directory } }
        set { lock.withLock { _directory = newValue } }
    }

    /// Prefix for the next files, e.g. "ex03" for `ex03-1.svg`, `ex03-2.svg`, …; restarts the counter at 1.
    public func begin(prefix: String) {
        begin { "\(prefix)-\($0).svg" }
    }

    /// Names the next files: `naming(1)`, `naming(2)`, …; restarts the counter at 1.
    public func begin(naming: @escaping @Sendable (Int) -> String) {
        lock.withLock { (self.naming, count) = (naming, 0) }
    }

    /// Writes `<directory>/<naming(n)>` (n = 1, 2, ... since `begin`) and returns the file name,
    /// or nil when directory is nil. Creates the directory if missing and writes through the package's
    /// one atomic write (`writeAtomically`: a temporary file renamed into place), so a reader never
    /// sees half a file. A failed write is reported on standard error and gives nil.
    @discardableResult
    public func record(_ figure: some Figure) -> String? {
        let target: (directory: String, name: String)? = lock.withLock {
            guard let directory = _directory else { return nil }
            count += 1
            return (directory, naming(count))
        }
        guard let target else { return nil }
        do {
            try writeAtomically(figure.svg(), to: target.directory + "/" + target.name)
            return target.name
        } catch {
            FileHandle.standardError.write(Data("FigureSink: cannot write \(target.name): \(error)\n".utf8))
            return nil
        }
    }
}

/// Prints `figure.ascii()` to standard output (followed by a newline) and records its SVG with FigureSink.shared.
public func show(_ figure: some Figure) {
    print(figure.ascii())
    FigureSink.shared.record(figure)
}
