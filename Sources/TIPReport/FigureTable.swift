/// The values a figure draws, as text in rows and columns: what the index shows beside each
/// image so every number can be read (and copied) without the picture.
///
/// ```swift
/// let t = FigureTable(columns: ["Period", "Referrals"], rows: [["2014", "94"], ["2015", "133"]])
/// ```
public struct FigureTable: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }
}
