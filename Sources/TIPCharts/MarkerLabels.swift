/// Labels of vertical lines across a plot (reference values; a histogram's median and
/// percentiles), set in rows above it: each label centred on its line (kept inside the plot's
/// width), in the lowest row where it clears the other labels of the row by 10 px, where its
/// line, running down from its row, crosses no label of a lower row, and where no line from a
/// higher row runs through it. When no row does (labels crowded round one value), the lowest
/// row where the text fits will do, and the line is stopped short of it.
///
/// ```swift
/// let m = MarkerLabels([(x: 300, text: median), (x: 310, text: reference)], low: 0, high: 680)
/// m.rows          // 2: the second label sits above the first
/// ```
struct MarkerLabels {
    struct Item {
        var x: Double
        var text: FittedText
        var start: Double
        var row: Int
    }

    /// The labels, in the order given.
    let items: [Item]
    let rows: Int

    /// Space between the top row's ascent and the plot: rows of ``Theme/labelLine``, plus 8.
    var height: Double { rows == 0 ? 0 : Double(rows) * Theme.labelLine + 8 }

    /// - Parameters:
    ///   - entries: each line's x and its label (one line).
    ///   - low, high: the horizontal room for the labels.
    init(_ entries: [(x: Double, text: FittedText)], low: Double, high: Double) {
        var placed: [Item] = []
        let order = entries.indices.sorted { entries[$0].x != entries[$1].x ? entries[$0].x < entries[$1].x : $0 < $1 }
        var byIndex = [Item?](repeating: nil, count: entries.count)
        for i in order {
            let (line, text) = entries[i]
            let w = text.width
            let start = Swift.min(Swift.max(line - w / 2, low), high - w), end = start + w
            func textClashes(_ row: Int) -> Bool {
                placed.contains { p in p.row == row && p.start < end + 10 && start < p.start + p.text.width + 10 }
            }
            func lineClashes(_ row: Int) -> Bool {
                placed.contains { p in
                    (p.row > row && start - 3 <= p.x && p.x <= end + 3) || (p.row < row && p.start - 3 <= line && line <= p.start + p.text.width + 3)
                }
            }
            let candidates = 0...placed.count
            let row = candidates.first { !textClashes($0) && !lineClashes($0) } ?? candidates.first { !textClashes($0) } ?? placed.count
            let item = Item(x: line, text: text, start: start, row: row)
            placed.append(item)
            byIndex[i] = item
        }
        items = byIndex.compactMap { $0 }
        rows = (placed.map(\.row).max() ?? -1) + 1
    }

    /// The baseline of row `row` for a plot whose top is `plotTop`: row 0 just above the plot.
    func baseline(_ row: Int, plotTop: Double) -> Double {
        plotTop - 4 - TextMetrics.descent(Theme.labelSize) - Double(row) * Theme.labelLine
    }

    /// Where item `item`'s line starts: below its label, and below every label of a lower row
    /// it would otherwise cross.
    func lineTop(_ item: Item, plotTop: Double) -> Double {
        var top = baseline(item.row, plotTop: plotTop) + TextMetrics.descent(Theme.labelSize) + 2
        for other in items where other.row < item.row && other.start - 3 <= item.x && item.x <= other.start + other.text.width + 3 {
            top = Swift.max(top, baseline(other.row, plotTop: plotTop) + TextMetrics.descent(Theme.labelSize) + 2)
        }
        return top
    }
}
