import BookBuild
import BookSource
import Foundation

/// Weave input: a chapter's committed SVG figures (`chapters/figures/<slug>/exNN-K.svg`, written by
/// `make bless`), each as a page part (the SVG inline, its ids made unique in the page) whose print
/// form is an image of the file copied into the site, grouped by the example that drew them. Each
/// figure is numbered and captioned (`FigureCatalog`, `FigureCaptions`): its id is its caption's
/// label, a `<figcaption>` says "Figure 7.3: ..." under it, and the figure is described by what the
/// plot's `<desc>` says it plots (its name is the caption, the point the reader should see).
struct ChapterFigures {
    /// A committed SVG figure of the chapter, copied into the site for the print page's images.
    struct Figure {
        /// Path in the site: `figures/04-softmax/ex08-1.svg`.
        var file: String
        /// The SVG as committed.
        var source: String
    }

    /// Every figure, in the order the examples drew them.
    var figures: [Figure] = []
    /// Part placeholders of the figures, by the ordinal of the example that drew them.
    var byExample: [Int: [String]] = [:]

    /// Reads the chapter's figures (as `catalog` lists them) under `root` and records each as a part;
    /// `captions` holds the captions' HTML by label.
    init(chapter: Chapter, root: String, catalog: FigureCatalog, captions: [String: String], parts: inout PageParts) throws {
        let directory = root + "/" + chapter.figureDirectory
        for entry in catalog.figures[chapter.slug] ?? [] {
            let name = entry.file
            let svg = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            let stem = chapter.slug + "-" + String(name.dropLast(4))
            let file = "figures/\(chapter.slug)/\(name)"
            let figcaption = FigureCaptions.figcaption(entry, html: entry.caption.flatMap { captions[$0.label] })
            // Ids inside the SVG are XML names, which cannot start with a digit as the stem does.
            let inlineSVG = Self.scopedStyle(Self.uniqueIDs(svg, prefix: "fig-" + stem), to: entry.id)
            let named = " aria-labelledby=\"\(FigureCaptions.captionID(entry))\""
            let described = Self.attribute("aria-describedby", of: inlineSVG).map { " aria-describedby=\"\($0)\"" } ?? ""
            // The frame scrolls a plot wider than a phone's screen; the caption under it stays put.
            // `data-file` and `data-hash` let the Run button (`RunPanel`) compare a figure it draws with this one.
            let checked = " data-file=\"\(name)\" data-hash=\"\(RunPanel.hash(svg))\""
            let inline = "<figure class=\"plot\" id=\"\(entry.id)\"\(named)\(described)\(checked)><div class=\"plot-frame\">\(inlineSVG)</div>\n"
                + "\(figcaption)</figure>"
            let size = ["width", "height"].compactMap { Self.attribute($0, of: svg) }.enumerated()
                .map { " \($0.offset == 0 ? "width" : "height")=\"\($0.element)\"" }.joined()
            let alt = [Self.element("title", of: svg), Self.element("desc", of: svg)].compactMap { $0 }.joined(separator: ". ")
            let image = "<figure class=\"plot\" id=\"\(entry.id)\"\(named)><img src=\"\(file)\" alt=\"\(alt.replacingOccurrences(of: "\"", with: "&quot;"))\"\(size)>"
                + "\n\(figcaption)</figure>"
            byExample[entry.example, default: []].append(parts.add(page: inline, print: image))
            figures.append(Figure(file: file, source: svg))
        }
    }

    /// An attribute of the SVG's root element.
    static func attribute(_ name: String, of svg: String) -> String? {
        guard let open = svg.range(of: "<svg"), let end = svg.range(of: ">", range: open.upperBound..<svg.endIndex),
              let r = svg.range(of: " \(name)=\"", range: open.upperBound..<end.lowerBound) else { return nil }
        return String(svg[r.upperBound...].prefix { $0 != "\"" })
    }

    /// The text of the first `<name ...>...</name>` element (already escaped, as SVG is XML).
    static func element(_ name: String, of svg: String) -> String? {
        guard let open = svg.range(of: "<\(name)"), let start = svg.range(of: ">", range: open.upperBound..<svg.endIndex),
              let end = svg.range(of: "</\(name)>", range: start.upperBound..<svg.endIndex) else { return nil }
        return String(svg[start.upperBound..<end.lowerBound])
    }

    /// The SVG with the rules of its `<style>` element scoped to the figure whose id is `id`:
    /// `svg.plot .s1{...}` becomes `#id svg.plot .s1{...}`, each selector of a list on its own. Inline
    /// in a page, every figure's style sheet applies to the whole page, so a line plot's series
    /// rule (`.s1{stroke:...;stroke-dasharray:8 4}`) would otherwise dash the tinted regions and
    /// outline the markers of a decision-region figure on the same page with its own colours.
    /// (The SVG files themselves stand alone and keep their rules as written.)
    static func scopedStyle(_ svg: String, to id: String) -> String {
        guard let open = svg.range(of: "<style>"), let close = svg.range(of: "</style>", range: open.upperBound..<svg.endIndex) else {
            return svg
        }
        let safe = id.first?.isLetter == true && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        let scope = safe ? "#" + id : "[id=\"" + id + "\"]"
        var rules = ""
        var rest = svg[open.upperBound..<close.lowerBound]
        while let brace = rest.firstIndex(of: "{"), let end = rest[brace...].firstIndex(of: "}") {
            let selectors = rest[..<brace]
            let lead = selectors.prefix { $0.isWhitespace }
            rules += lead + selectors.dropFirst(lead.count).split(separator: ",").map {
                scope + " " + $0.trimmingCharacters(in: .whitespaces)
            }.joined(separator: ",") + rest[brace...end]
            rest = rest[rest.index(after: end)...]
        }
        return String(svg[..<open.upperBound]) + rules + rest + String(svg[close.lowerBound...])
    }

    /// Prefixes the ids inside an SVG (and references to them) so several figures can share a page.
    static func uniqueIDs(_ svg: String, prefix: String) -> String {
        var ids: Set<Substring> = []
        _ = HTMLAttributes.rewrite(svg) { name, value in
            if name == "id" { ids.insert(value) }
            return nil
        }
        var result = ids.isEmpty ? svg : HTMLAttributes.rewrite(svg) { name, value in
            switch name {
            case "id":
                return ids.contains(value) ? prefix + "-" + value : nil
            case "aria-labelledby", "aria-describedby":
                return value.split(separator: " ").map { ids.contains($0) ? prefix + "-" + $0 : String($0) }.joined(separator: " ")
            case "href", "xlink:href":
                return value.hasPrefix("#") && ids.contains(value.dropFirst()) ? "#\(prefix)-" + value.dropFirst() : nil
            default:
                guard value.contains("url(#") else { return nil }
                var v = String(value)
                for id in ids { v = v.replacingOccurrences(of: "url(#\(id))", with: "url(#\(prefix)-\(id))") }
                return v
            }
        }
        // An XML declaration is not allowed inside HTML.
        if result.hasPrefix("<?xml"), let end = result.range(of: "?>") { result = String(result[end.upperBound...]) }
        return result
    }}
