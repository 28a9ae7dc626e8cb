// A tiny well-formedness check for the SVG the figures write: balanced tags, quoted attributes,
// only the five XML entities, one root element.

/// The problems found in `xml` (empty when it looks well-formed).
func wellFormednessProblems(_ xml: String) -> [String] {
    var problems: [String] = [], open: [String] = [], roots = 0
    var rest = Substring(xml)
    while let lt = rest.firstIndex(of: "<") {
        problems += entityProblems(rest[..<lt])
        guard let gt = rest[lt...].firstIndex(of: ">") else { return problems + ["unclosed tag"] }
        let tag = rest[rest.index(after: lt)..<gt]
        rest = rest[rest.index(after: gt)...]
        if tag.filter({ $0 == "\"" }).count % 2 != 0 { problems.append("odd quotes in <\(tag)>") }
        problems += entityProblems(tag)
        let name = String(tag.prefix { $0 != " " && $0 != "/" && $0 != "\n" })
        if tag.hasPrefix("/") {
            let closing = String(tag.dropFirst())
            if open.popLast() != closing { problems.append("unexpected </\(closing)>") }
        } else if !tag.hasSuffix("/") {
            if open.isEmpty { roots += 1 }
            open.append(name)
        } else if open.isEmpty {
            roots += 1
        }
    }
    if !open.isEmpty { problems.append("unclosed: \(open)") }
    if roots != 1 { problems.append("\(roots) root elements") }
    return problems
}

/// "&" must start one of the five XML entities.
private func entityProblems(_ text: Substring) -> [String] {
    var problems: [String] = []
    var rest = text
    while let amp = rest.firstIndex(of: "&") {
        let after = rest[amp...]
        if !["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(where: { after.hasPrefix($0) }) {
            problems.append("bare & in \(text.prefix(40))")
        }
        rest = rest[rest.index(after: amp)...]
    }
    return problems
}
