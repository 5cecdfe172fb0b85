/// What an aggregation produced: the table (nil when there were errors) and the problems.
///
/// ```swift
/// let result = AggregateRequest(by: ["year"], count: true).run(.path("cases.csv"))
/// for p in result.problems { print(p) }   // cases.csv:7:6: error: ...
/// print(result.rows, "rows read in", result.parts, "parts")
/// ```
public struct AggregateResult: Sendable {
    /// Problems kept with their location; `problemCount` counts them all.
    public static let problemLimit = 200

    public var table: Table?
    public var problems: [Problem]
    public var problemCount: Int
    /// Data records read.
    public var rows: Int
    /// Parts read concurrently.
    public var parts: Int
}
