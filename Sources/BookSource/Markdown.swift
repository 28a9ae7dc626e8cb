import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// A parsed CommonMark document: a thin owner of libcmark's tree.
///
/// libcmark is used for everything Markdown: finding the code blocks when tangling and rendering
/// HTML when weaving. The tree may be edited (blocks replaced or removed) before rendering.
public final class MarkdownDocument {
    /// libcmark's document node; freed with the document.
    public let root: OpaquePointer

    /// Parses `text` (CommonMark, UTF-8 validated by libcmark).
    public init(_ text: String) {
        var bytes = Array(text.utf8)
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        root = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, options)
            }
        }
    }

    deinit { cmark_node_free(root) }

    /// Every node of the given type, in document order.
    public func nodes(ofType type: cmark_node_type) -> [MarkdownNode] {
        MarkdownNode(pointer: root).descendants.filter { $0.type == type }
    }

    /// The document's top-level blocks, in order.
    var topLevelNodes: [MarkdownNode] { MarkdownNode(pointer: root).children }

    /// Renders the (possibly edited) document. Raw HTML passes through: the weave inserts its own.
    public func renderHTML() -> String {
        guard let html = cmark_render_html(root, CMARK_OPT_UNSAFE | CMARK_OPT_SMART) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}

/// A node of a `MarkdownDocument`'s tree; valid while the document lives.
public struct MarkdownNode {
    /// libcmark's node.
    public let pointer: OpaquePointer

    /// 1-based line where the node starts.
    public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    /// 1-based line where the node ends (a fenced block's closing fence).
    public var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    /// 1-based column where the node starts (a fence's indentation is `startColumn - 1`).
    public var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    /// The node's text (a code block's code), or "".
    public var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    /// A fenced code block's info string, trimmed ("swift example hidden"), or "".
    public var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
    /// A heading's level (1 for `#`), 0 for other nodes.
    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    /// The kind of node (`CMARK_NODE_CODE_BLOCK`, ...).
    public var type: cmark_node_type { cmark_node_get_type(pointer) }
    /// A link's destination as written (`#fig-spiral`, `06-backpropagation.md#x`), or "".
    public var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    /// The first child, if any.
    public var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map { MarkdownNode(pointer: $0) } }
    /// The next sibling, if any.
    public var next: MarkdownNode? { cmark_node_next(pointer).map { MarkdownNode(pointer: $0) } }

    /// Replaces a text node's text (the weave rewrites a caption's opening and a figure link's text).
    public func setLiteral(_ text: String) {
        cmark_node_set_literal(pointer, text)
    }

    /// The node's children, in order.
    public var children: [MarkdownNode] {
        var found: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let node = child {
            found.append(MarkdownNode(pointer: node))
            child = cmark_node_next(node)
        }
        return found
    }

    /// The parent node (nil for the document).
    public var parent: MarkdownNode? { cmark_node_parent(pointer).map { MarkdownNode(pointer: $0) } }

    /// Puts a raw HTML block right before this node.
    public func insertBefore(html: String) {
        let block = cmark_node_new(CMARK_NODE_HTML_BLOCK)
        cmark_node_set_literal(block, html)
        cmark_node_insert_before(pointer, block)
    }

    /// Appends a raw HTML block as this node's last child.
    public func appendChild(html: String) {
        let block = cmark_node_new(CMARK_NODE_HTML_BLOCK)
        cmark_node_set_literal(block, html)
        cmark_node_append_child(pointer, block)
    }

    /// The plain text of an inline container such as a heading.
    public var plainText: String {
        descendants.filter { $0.type == CMARK_NODE_TEXT || $0.type == CMARK_NODE_CODE }.map(\.literal).joined()
    }

    /// This node and every node below it, in document order (each entered once, by libcmark's iterator).
    public var descendants: [MarkdownNode] {
        var found: [MarkdownNode] = []
        let iterator = cmark_iter_new(pointer)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            found.append(MarkdownNode(pointer: node))
        }
        return found
    }

    /// Renders just this node (and its children) as HTML.
    public func renderHTML() -> String {
        guard let html = cmark_render_html(pointer, CMARK_OPT_UNSAFE | CMARK_OPT_SMART) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Puts a raw HTML block where this node was, and frees this node.
    public func replace(withHTML html: String) {
        let block = cmark_node_new(CMARK_NODE_HTML_BLOCK)
        cmark_node_set_literal(block, html)
        cmark_node_replace(pointer, block)
        cmark_node_free(pointer)
    }

    /// Removes this node from the tree and frees it.
    public func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }
}
