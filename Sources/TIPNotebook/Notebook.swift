/// A Markdown notebook: CommonMark text whose fenced blocks with info string `tipstat` hold
/// commands and whose fenced block right after each (blank lines between allowed) with info
/// string `output` holds what they print.
///
/// ```swift
/// let nb = Notebook(text: "# Hotline\n\n```tipstat\ntipstat interval poisson --count 41\n```\n")
/// nb.cells.count          // 1
/// nb.cells[0].output      // nil: not run yet
/// ```
public struct Notebook: Sendable, Hashable {
    /// A `tipstat` block and the `output` block that follows it, if any.
    public struct Cell: Sendable, Hashable {
        public var block: FencedBlock
        public var output: FencedBlock?
        /// The line after the cell's output region: its output block and any further `output`
        /// blocks right after it (stale copies), which a rewrite replaces with the one new block.
        /// Without that, removing an output block would let a stale one move up and take its place.
        public var outputEnd: Int?
    }

    /// The document's lines, without their line ends.
    public var lines: [String]
    /// Whether the document ended with a line end (kept on rewrite).
    public var endsWithNewline: Bool
    /// The document's line end, `\n` or `\r\n` (its first line's): a rewrite ends every line
    /// with it.
    public var lineEnd: String
    public var cells: [Cell]

    public init(text: String) {
        // Split by scalars: "\r\n" is one Character, which a split on "\n" would not see.
        let scalars = text.unicodeScalars
        let pieces = scalars.split(separator: "\n", omittingEmptySubsequences: false)
        let crlf = pieces.count > 1 && pieces[0].last == "\r"
        lineEnd = crlf ? "\r\n" : "\n"
        // Only a CR before a line feed is part of the line end: the last piece has none.
        var lines = pieces.enumerated().map { i, piece in
            String(String.UnicodeScalarView(crlf && i < pieces.count - 1 && piece.last == "\r" ? piece.dropLast() : piece))
        }
        endsWithNewline = scalars.last == "\n"
        if endsWithNewline { lines.removeLast() }
        self.lines = lines
        let blocks = FencedBlock.scan(lines)
        var cells: [Cell] = []
        /// Whether block `k` is an output block with only blank lines between it and `line`.
        func outputFollows(_ line: Int, _ k: Int) -> Bool {
            k < blocks.count && blocks[k].language == "output"
                && (line..<blocks[k].openLine).allSatisfy { lines[$0].allSatisfy { $0 == " " || $0 == "\t" } }
        }
        for (i, block) in blocks.enumerated() where block.language == "tipstat" {
            guard outputFollows(block.endLine, i + 1) else {
                cells.append(Cell(block: block, output: nil, outputEnd: nil))
                continue
            }
            var last = i + 1
            while outputFollows(blocks[last].endLine, last + 1) { last += 1 }
            cells.append(Cell(block: block, output: blocks[i + 1], outputEnd: blocks[last].endLine))
        }
        self.cells = cells
    }

    /// The document with each cell's output block replaced by `outputs[i]` (nil: no output
    /// block), inserted after the cell when it had none, and everything else unchanged.
    public func rewriting(outputs: [[String]?]) -> String {
        precondition(outputs.count == cells.count)
        var out: [String] = []
        var next = 0
        for (cell, output) in zip(cells, outputs) {
            out += lines[next..<Swift.min(cell.block.endLine, lines.count)]
            out += outputLines(cell, output)
            next = Swift.min(cell.outputEnd ?? cell.block.endLine, lines.count)
        }
        out += lines[next...]
        return out.joined(separator: lineEnd) + (endsWithNewline ? lineEnd : "")
    }

    /// How many lines the rewritten document gains at `cell` (loses, when negative) when its
    /// output becomes `output`: later lines move by this much.
    public func shift(_ cell: Cell, _ output: [String]?) -> Int {
        let old = cell.outputEnd.map { Swift.min($0, lines.count) - cell.block.endLine } ?? 0
        return outputLines(cell, output).count - old
    }

    /// The lines that follow a cell's block in the rewritten document, up to the next prose:
    /// the blank lines the author put before the output block (one when there was no block),
    /// then the output block, indented as the `tipstat` block is (so that a block in a list
    /// item keeps its output in the item); nothing when there is no output.
    func outputLines(_ cell: Cell, _ output: [String]?) -> [String] {
        guard let output else { return [] }
        let indent = String(repeating: " ", count: cell.block.indentation)
        let fence = indent + FencedBlock.fence(for: output)
        // A block never closed runs to the end of the document and would swallow its output:
        // it is closed first.
        let close = cell.block.closeLine == nil ? [indent + cell.block.fence] : []
        let gap = cell.output.map { Array(lines[cell.block.endLine..<$0.openLine]) } ?? [""]
        return close + gap + [fence + "output"] + output.map { $0.isEmpty ? $0 : indent + $0 } + [fence]
    }

    /// The local images the prose links to (`![alt](figures/x.svg)`), outside code blocks:
    /// (0-based line, path). Links with a scheme (`https:`, `data:`) or an anchor are left out.
    public var imageLinks: [(line: Int, path: String)] {
        var inCode = Set<Int>()
        for b in FencedBlock.scan(lines) { inCode.formUnion(b.openLine..<b.endLine) }
        var links: [(Int, String)] = []
        for (i, line) in lines.enumerated() where !inCode.contains(i) {
            var rest = line[...]
            while let start = rest.firstRange(of: "![") {
                rest = rest[start.upperBound...]
                guard let close = rest.firstRange(of: "]("), let end = rest[close.upperBound...].firstIndex(of: ")") else { break }
                let target = rest[close.upperBound..<end].split(separator: " ").first.map(String.init) ?? ""
                rest = rest[end...]
                if !target.isEmpty, !target.contains(":"), !target.hasPrefix("#") { links.append((i, target)) }
            }
        }
        return links
    }
}
