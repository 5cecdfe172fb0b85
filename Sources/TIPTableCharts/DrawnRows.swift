import TIPTable

/// The rows a ``TableChart`` draws with a value, each with the label it is drawn under (its
/// facet and x labels, or "row N" without them): what a caller's notes about the rows (their
/// provenance, say) are made from, through `TableChart.spec(for:rowNotes:)`.
///
/// ```swift
/// let spec = try chart.spec(for: table) { drawn in
///     drawn.rows.isEmpty ? [] : ["\(drawn.rows.count) rows drawn from \(drawn.table.name)."]
/// }
/// ```
public struct DrawnRows: Sendable {
    public let table: Table
    /// Row indices into `table`, in file order.
    public let rows: [Int]
    /// Each row's label, in the order of `rows`.
    public let labels: [String]
}
