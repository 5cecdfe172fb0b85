import TIPText
import TIPCharts
import TIPFonts

/// One figure of a set: its file name (without `.svg`), the chart, and the values it draws as
/// a table, for the index's data table beside the image.
///
/// ```swift
/// let figure = Figure(name: "dcf-referrals", spec: spec,
///                     table: FigureTable(columns: ["Period", "Referrals"], rows: [["2015", "133"]]))
/// try figure.svg   // the standalone SVG document
/// ```
public struct Figure: Sendable, Hashable {
    /// Lowercase letters, digits and hyphens: the SVG is written as `NAME.svg`.
    public var name: String
    public var spec: ChartSpec
    public var table: FigureTable

    /// `name` is reduced to lowercase ASCII letters, digits and hyphens, so it is safe as a file
    /// name and an HTML id.
    public init(name: String, spec: ChartSpec, table: FigureTable) {
        self.name = Figure.slug(name)
        self.spec = spec
        self.table = table
    }

    /// "race-ethnicity" from "race/ethnicity": lowercase letters and digits, hyphens between
    /// runs (TIPText's ``Slug``); "figure" when nothing is left.
    public static func slug(_ text: String) -> String {
        let slug = Slug.make(text)
        return slug.isEmpty ? "figure" : slug
    }

    /// The figure's SVG document; fails when a font chart text is measured with is missing.
    public var svg: String { get throws(FontError) { try spec.svg() } }
}
