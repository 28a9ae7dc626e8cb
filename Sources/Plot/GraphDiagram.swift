// Diagrams of small directed graphs (a perceptron, a computational graph), laid out in columns
// from left to right by code, drawn as text with box-drawing lines and as SVG.

/// A directed acyclic graph drawn left to right: every edge goes from one column to a later one.
///
/// Layout: a node with incoming edges sits one column right of its furthest predecessor; a node
/// without (an input or a parameter) sits just left of its first consumer, so `b` appears next to
/// the addition that uses it. An edge spanning several columns passes through the columns between.
/// Within a column, nodes keep the order of their predecessors' rows (declaration order breaks ties),
/// each as close as possible to the mean row of its predecessors.
public struct GraphDiagram: Figure {
    /// A node: its id (used by edges) and the label drawn; boxed nodes (operations) get a frame.
    public struct Node: Sendable {
        /// The name edges use to refer to it.
        public var id: String
        /// What is drawn (the id when not given).
        public var label: String
        /// Whether it is drawn in a frame (an operation) or bare (a value).
        public var boxed: Bool

        /// A node named `id`, drawn as `label` (or the id), framed unless `boxed` is false.
        public init(_ id: String, label: String? = nil, boxed: Bool = true) {
            (self.id, self.label, self.boxed) = (id, label ?? id, boxed)
        }
    }

    /// An edge from one node's id to another's, with an optional label (a weight, a tensor's name).
    public struct Edge: Sendable {
        /// The id of the node it leaves.
        public var from: String
        /// The id of the node it enters.
        public var to: String
        /// Drawn along the edge near its start; empty for none.
        public var label: String

        /// An edge from node `from` to node `to`, with an optional label.
        public init(_ from: String, _ to: String, label: String = "") {
            (self.from, self.to, self.label) = (from, to, label)
        }
    }

    /// Shown above the drawing.
    public var title: String
    /// The nodes, in declaration order.
    public var nodes: [Node]
    /// The edges.
    public var edges: [Edge]
    /// A sentence for the SVG's alt text saying what the graph shows; the edges are listed after it.
    public var summary: String

    /// A graph; ids must be unique, edges must join declared nodes and form no cycle.
    public init(title: String, summary: String = "", nodes: [Node], edges: [Edge]) {
        var seen = Set<String>()
        for node in nodes {
            precondition(seen.insert(node.id).inserted, "GraphDiagram: node id \(node.id) declared twice")
        }
        for edge in edges {
            precondition(seen.contains(edge.from) && seen.contains(edge.to),
                         "GraphDiagram: edge \(edge.from) → \(edge.to) names an undeclared node")
        }
        (self.title, self.summary, self.nodes, self.edges) = (title, summary, nodes, edges)
        _ = layout  // checks for cycles
    }

    /// The SVG's alt text: the summary, then every edge ("x₁ → Σ (w₁)").
    var altText: String {
        let label = lastValueByKey(nodes.map { ($0.id, $0.label) })
        let list = edges.map { "\(label[$0.from]!) → \(label[$0.to]!)" + ($0.label.isEmpty ? "" : " (\($0.label))") }
        let lead = summary.isEmpty ? "Graph of \(nodes.count) nodes" : summary
        return lead + (lead.hasSuffix(".") ? "" : ".") + " Edges: " + list.joined(separator: "; ") + "."
    }

    /// The computed placement of every node and edge.
    var layout: GraphLayout { GraphLayout(nodes: nodes, edges: edges) }
}

/// Where each node goes (column, row) and which slots each edge passes through.
struct GraphLayout {
    /// A slot of a column: a node, or a point of an edge passing through.
    enum Item: Hashable {
        case node(Int)
        case pass(edge: Int, column: Int)
    }

    /// The items of each column, top to bottom, with their rows.
    var columns: [[(item: Item, row: Int)]] = []
    /// The column of each node.
    var nodeColumn: [Int]
    /// Each edge as the sequence of (column, row) slots it joins, from its source to its target.
    var paths: [[(column: Int, row: Int)]] = []

    init(nodes: [GraphDiagram.Node], edges: [GraphDiagram.Edge]) {
        let index = lastValueByKey(nodes.enumerated().map { ($1.id, $0) })
        let from = edges.map { index[$0.from]! }, to = edges.map { index[$0.to]! }
        let incoming = nodes.indices.map { n in edges.indices.filter { to[$0] == n } }
        let outgoing = nodes.indices.map { n in edges.indices.filter { from[$0] == n } }

        // Columns: longest path from the sources (Kahn's order), then sources moved next to their consumers.
        var column = [Int](repeating: 0, count: nodes.count)
        var pending = incoming.map { $0.count }, order: [Int] = []
        var ready = nodes.indices.filter { pending[$0] == 0 }
        while let n = ready.first {
            ready.removeFirst()
            order.append(n)
            for e in outgoing[n] {
                column[to[e]] = max(column[to[e]], column[n] + 1)
                pending[to[e]] -= 1
                if pending[to[e]] == 0 { ready.append(to[e]) }
            }
        }
        precondition(order.count == nodes.count, "GraphDiagram: the edges form a cycle")
        for n in order.reversed() where incoming[n].isEmpty && !outgoing[n].isEmpty {
            column[n] = outgoing[n].map { column[to[$0]] }.min()! - 1
        }
        nodeColumn = column

        // Items per column: every node, and a pass-through for each column an edge skips.
        let columnCount = (column.max() ?? -1) + 1
        var items = [[Item]](repeating: [], count: columnCount)
        for n in nodes.indices { items[column[n]].append(.node(n)) }
        for e in edges.indices where column[to[e]] - column[from[e]] > 1 {
            for c in column[from[e]] + 1..<column[to[e]] { items[c].append(.pass(edge: e, column: c)) }
        }

        // Rows, column by column: the mean row of the predecessors (rounded down); sources go right
        // after the other inputs of their first consumer; no two items share a row.
        var rowOf = [Item: Int]()
        func predecessors(_ item: Item) -> [Item] {
            switch item {
            case .node(let n):
                return incoming[n].map { e in column[to[e]] - column[from[e]] > 1
                    ? .pass(edge: e, column: column[to[e]] - 1) : .node(from[e]) }
            case .pass(let e, let c):
                return [c - 1 == column[from[e]] ? .node(from[e]) : .pass(edge: e, column: c - 1)]
            }
        }
        func successors(_ n: Int) -> [Int] { outgoing[n].map { to[$0] } }
        for c in 0..<columnCount {
            var desired = [Double](repeating: 0, count: items[c].count)
            for (i, item) in items[c].enumerated() {
                let rows = predecessors(item).compactMap { rowOf[$0] }
                desired[i] = rows.isEmpty ? .nan : (Double(rows.reduce(0, +)) / Double(rows.count)).rounded(.down)
            }
            for (i, item) in items[c].enumerated() where desired[i].isNaN {
                guard case .node(let n) = item, c > 0, let consumer = successors(n).first else {
                    desired[i] = Double(i)
                    continue
                }
                // Right after the consumer's other inputs in this column (or at the end).
                let siblings = items[c].indices.filter { j in
                    guard !desired[j].isNaN, case .node(let m) = items[c][j] else { return false }
                    return successors(m).contains(consumer)
                }
                desired[i] = (siblings.map { desired[$0] }.max() ?? (desired.filter { !$0.isNaN }.max() ?? -1)) + 0.5
            }
            let sorted = items[c].indices.sorted { (desired[$0], $0) < (desired[$1], $1) }
            var next = 0
            columns.append(sorted.map { i in
                let row = max(next, Int(desired[i].rounded(.up)))
                next = row + 1
                rowOf[items[c][i]] = row
                return (items[c][i], row)
            })
        }
        paths = edges.indices.map { e in
            let (a, b) = (column[from[e]], column[to[e]])
            return [(a, rowOf[.node(from[e])]!)] + (a + 1..<b).map { ($0, rowOf[.pass(edge: e, column: $0)]!) }
                + [(b, rowOf[.node(to[e])]!)]
        }
    }

    /// The number of rows used.
    var rowCount: Int { (columns.flatMap { $0.map { $0.row } }.max() ?? -1) + 1 }
}
