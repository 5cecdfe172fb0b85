import TIPTable

/// Disclosure control: counts from 1 to `threshold` - 1 (about children, the council's rule
/// is under 5) are withheld from everything published, with the suppression shown ("<5"),
/// never hidden. Zero stays visible: a true zero identifies no one.
///
/// On an ``AnalysisResult`` (``applied(to:)``): a small count becomes the text "<K", and every
/// number derived in the same record (a row, or the top-level fields) becomes "suppressed",
/// since a rate, interval or share computed from a count can give the count back. Numbers
/// styled `.input` (exposures, levels) or `.summary` (a mean over many rows) are kept. A note
/// states the rule, and the result's ``AnalysisResult/suppression`` records it.
///
/// On a ``Table`` (``applied(to:countColumns:)``): the integer columns named (or every integer
/// column) have their small counts replaced by "<K"; other columns are never touched.
///
/// ```swift
/// let rule = try SmallCountRule(threshold: 5)
/// let shown = rule.applied(to: result)
/// shown.suppression?.countsWithheld   // 1
/// ```
public struct SmallCountRule: Sendable, Hashable {
    /// The council's default threshold: counts under 5 are withheld.
    public static let defaultThreshold = 5
    /// What a number derived from a withheld count shows instead.
    public static let withheldText = "suppressed"

    /// Counts from 1 to threshold - 1 are withheld.
    public let threshold: Int

    /// - Throws: ``AnalysisError`` for a threshold below 2, which would withhold nothing.
    public init(threshold: Int = SmallCountRule.defaultThreshold) throws(AnalysisError) {
        guard threshold >= 2 else {
            throw AnalysisError(argument: "suppress_below") { name in
                "\(name("suppress_below")) must be at least 2 (got \(threshold)): a threshold of \(threshold) withholds no count"
            }
        }
        self.threshold = threshold
    }

    /// Whether the rule withholds a count of `n` (1 to threshold - 1).
    public func withholds(_ n: Double) -> Bool { n >= 1 && n < Double(threshold) }

    // MARK: Results

    /// The result with its small counts withheld, the derived numbers of their records
    /// suppressed, the note that says so, and ``AnalysisResult/suppression`` set.
    public func applied(to result: AnalysisResult) -> AnalysisResult {
        var result = result
        var withheld = 0
        result.fields = suppress(result.fields, withheld: &withheld)
        result.notes.append(note(withheld: withheld))
        result.suppression = .init(threshold: threshold, countsWithheld: withheld)
        return result
    }

    func note(withheld: Int) -> AnalysisResult.Note {
        let k = threshold
        let range = k == 2 ? "of 1" : "from 1 to \(k - 1)"
        let what = withheld == 0 ? "no count in this result is that small"
            : "\(withheld) count\(withheld == 1 ? " is" : "s are") withheld"
        return .init(.note, "Counts \(range) are suppressed to protect privacy and shown as \"<\(k)\" (\(what)); "
            + "a rate, ratio, share or interval derived from a withheld count is shown as \"\(SmallCountRule.withheldText)\". "
            + "Zero is shown: it identifies no one.")
    }

    private func isSmall(_ v: AnalysisResult.Value) -> Bool {
        switch v {
        case .count(let n): return withholds(Double(n))
        case .list(let items): return items.contains(where: isSmall)
        default: return false
        }
    }

    /// Suppresses one record: its counts, and its derived numbers when a count was withheld.
    private func suppress(_ fields: [AnalysisResult.Field], withheld: inout Int) -> [AnalysisResult.Field] {
        let hit = fields.contains { isSmall($0.value) }
        func apply(_ v: AnalysisResult.Value) -> AnalysisResult.Value {
            switch v {
            case .count(let n) where withholds(Double(n)):
                withheld += 1
                return .text("<\(threshold)")
            case .number(_, let style) where hit && style != .input && style != .summary:
                return .text(SmallCountRule.withheldText)
            case .list(let items):
                return .list(items.map(apply))
            case .object(let inner):
                return .object(suppress(inner, withheld: &withheld))
            case .records(let rows):
                return .records(rows.map { suppress($0, withheld: &withheld) })
            default:
                return v
            }
        }
        return fields.map { .init($0.key, apply($0.value)) }
    }

    // MARK: Tables

    /// The table with small counts withheld, and the note that says so.
    ///
    /// The counts are the integer columns named in `countColumns`, or every integer column when
    /// none is named (a year column never holds a value below the threshold, so it is left as
    /// it is). A count from 1 to K - 1 becomes the text "<K"; zero and missing stay. Columns
    /// of any other type are never touched: a share or an amount is not a count of people.
    ///
    /// - Throws: ``AnalysisError`` when a named column is missing or not integer.
    public func applied(to table: Table, countColumns: [String]) throws(AnalysisError) -> (table: Table, notes: [String]) {
        let k = threshold
        var indices: [Int] = []
        if countColumns.isEmpty {
            indices = table.columns.indices.filter { table.columns[$0].type == .integer }
        } else {
            for name in countColumns {
                guard let i = table.columnIndex(name) else {
                    throw AnalysisError("no column \(quotedForMessage(name)) to suppress counts in (the columns are "
                        + table.columns.map(\.name).joined(separator: ", ") + ")")
                }
                guard table.columns[i].type == .integer else {
                    throw AnalysisError("column \(quotedForMessage(table.columns[i].name)) holds \(table.columns[i].type.rawValue) values, "
                        + "not counts: only integer columns are suppressed")
                }
                indices.append(i)
            }
        }
        var suppressed = table
        var withheld = 0
        for i in indices {
            suppressed.columns[i].values = table.columns[i].values.map { v in
                guard let n = v.integer, withholds(Double(n)) else { return v }
                withheld += 1
                return .string("<\(k)")
            }
        }
        let names = indices.map { table.columns[$0].name }.joined(separator: ", ")
        let range = k == 2 ? "of 1" : "from 1 to \(k - 1)"
        return (suppressed, ["Counts \(range) in \(names.isEmpty ? "no column (the table has no integer column)" : names) "
            + "are suppressed to protect privacy and shown as \"<\(k)\" (\(withheld) withheld). Zero is shown: it identifies no one. "
            + "Text columns (such as quote or note) are not changed and may state a count in words."])
    }
}
