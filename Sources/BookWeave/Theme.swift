import BookSupport
import Foundation

/// The site's static assets: `theme/book.js` (the theme toggle, the copy buttons, search and the
/// current section in the sidebar), `theme/style.css` (the one stylesheet, light and dark), and the
/// Run button's `theme/run.js` and `theme/run.css` with the WebAssembly host it gives its worker, `theme/wasm-host.js`.
/// They are ordinary files, edited as JavaScript and CSS, and copied into the site unchanged.
public struct Theme {
    /// The theme directory, relative to the package root.
    public static let directory = "theme"
    /// The files the weave copies, by name; each is written to the site under the same name.
    public static let files = ["book.js", "style.css", "run.js", "run.css", "wasm-host.js"]

    /// File name → contents.
    public var files: [String: String]

    /// Reads every asset from `root/theme`; a missing or unreadable one is an error naming it.
    public init(root: String) throws {
        var files: [String: String] = [:]
        for name in Self.files {
            let path = root + "/" + Self.directory + "/" + name
            guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ToolError("cannot read \(path): the site's assets live in \(Self.directory)/")
            }
            files[name] = contents
        }
        self.files = files
    }
}
