import TIPTable
import TIPAnalysis
import TIPText

/// Renders an ``AnalysisResult`` as a terminal table, CSV, JSON or Markdown. One renderer for
/// every analysis command, so that rounding, key order and notes are the same everywhere;
/// disclosure control is applied before, by TIPAnalysis's ``SmallCountRule``.
///
/// - `json`: one object, keys in the result's order; numbers exact (shortest text that reads
///   back as the same double); `notes` as `[{"kind","text"}]`; when small counts were
///   suppressed, a `suppression` object (threshold, counts withheld).
/// - `table` and `markdown`: the scalar fields as a `statistic  value` list, each nested object
///   and each set of records as a table of its own under its key, then the notes. Numbers are
///   rounded for reading (`AnalysisResult.NumberStyle`).
/// - `csv`: the scalar fields as one wide row (lists as `key_1`, `key_2`, objects as
///   `key_sub`), then each set of records as a block of its own after a blank line; numbers
///   exact. Notes are left out: CSV carries data only.
///
/// ```swift
/// let text = AnalysisResultRenderer.render(try SmallCountRule(threshold: 5).applied(to: result), as: .json)
/// ```
enum AnalysisResultRenderer {
    static func render(_ result: AnalysisResult, as format: OutputFormat) -> String {
        var result = result
        if let s = result.suppression, format == .json {
            result.fields.append(.init("suppression", .object([
                .init("threshold", .integer(s.threshold)), .init("counts_withheld", .integer(s.countsWithheld)),
            ])))
        }
        switch format {
        case .json: return json(result).rendered() + "\n"
        case .csv: return csv(result)
        case .table, .markdown: return text(result, markdown: format == .markdown)
        }
    }

    // MARK: JSON

    static func json(_ result: AnalysisResult) -> JSONValue {
        var members = result.fields.map { ($0.key, json($0.value)) }
        if !result.notes.isEmpty {
            members.append(("notes", .array(result.notes.map {
                .object([("kind", .string($0.kind.rawValue)), ("text", .string($0.text))])
            })))
        }
        return .object(members)
    }

    static func json(_ v: AnalysisResult.Value) -> JSONValue {
        switch v {
        case .null: return .null
        case .text(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .integer(let n), .count(let n): return .integer(n)
        case .number(let x, _): return .number(x)
        case .list(let items): return .array(items.map(json))
        case .object(let fields): return .object(fields.map { ($0.key, json($0.value)) })
        case .records(let rows): return .array(rows.map { row in .object(row.map { ($0.key, json($0.value)) }) })
        }
    }

    // MARK: CSV

    static func csv(_ result: AnalysisResult) -> String {
        var blocks: [String] = []
        let scalars = flatten(result.fields.filter { !isRecords($0.value) })
        if !scalars.isEmpty {
            blocks.append(TableRenderer.csv(table(rows: [scalars], exact: true)))
        }
        for field in result.fields {
            guard case .records(let rows) = field.value, !rows.isEmpty else { continue }
            blocks.append(TableRenderer.csv(table(rows: rows.map(flatten), exact: true)))
        }
        return blocks.joined(separator: "\n")
    }

    private static func isRecords(_ v: AnalysisResult.Value) -> Bool {
        if case .records = v { return true }
        return false
    }

    /// One level of fields for a CSV row: lists as key_1, key_2...; objects as key_sub.
    static func flatten(_ fields: [AnalysisResult.Field]) -> [AnalysisResult.Field] {
        fields.flatMap { f -> [AnalysisResult.Field] in
            switch f.value {
            case .list(let items):
                return items.enumerated().map { .init("\(f.key)_\($0.offset + 1)", $0.element) }
            case .object(let inner):
                return flatten(inner).map { .init("\(f.key)_\($0.key)", $0.value) }
            case .records(let rows):
                return [.init(f.key, .text("\(rows.count) rows"))]
            default:
                return [f]
            }
        }
    }

    // MARK: Table and Markdown

    static func text(_ result: AnalysisResult, markdown: Bool) -> String {
        var out = ""
        if let title = result.title { out += markdown ? "### \(title)\n\n" : "\(title)\n\n" }
        var sections: [String] = []
        let scalars = result.fields.filter {
            switch $0.value {
            case .records, .object: return false
            default: return true
            }
        }
        if !scalars.isEmpty { sections.append(keyValueTable(scalars, markdown: markdown)) }
        for field in result.fields {
            switch field.value {
            case .object(let inner):
                sections.append(heading(field.key, markdown) + keyValueTable(inner, markdown: markdown))
            case .records(let rows):
                guard !rows.isEmpty else {
                    sections.append(heading(field.key, markdown) + "(none)\n")
                    continue
                }
                let t = table(rows: rows.map(flatten), exact: false)
                sections.append(heading(field.key, markdown) + TableRenderer.render(t, as: markdown ? .markdown : .table))
            default:
                continue
            }
        }
        out += sections.joined(separator: "\n")
        if !result.notes.isEmpty {
            out += "\n" + result.notes.map { note in
                let label = note.kind.rawValue.prefix(1).uppercased() + note.kind.rawValue.dropFirst()
                return markdown ? "- **\(label):** \(escapeMarkdown(note.text))\n"
                    : TableRenderer.wrappedNote("\(label): \(TerminalText.escaped(note.text))")
            }.joined()
        }
        return out
    }

    private static func heading(_ key: String, _ markdown: Bool) -> String {
        markdown ? "**\(key)**\n\n" : "\(key):\n"
    }

    private static func escapeMarkdown(_ s: String) -> String {
        TerminalText.escaped(s).replacingScalars(["\\": "\\\\", "|": "\\|", "*": "\\*", "_": "\\_", "<": "&lt;"])
    }

    /// Scalars as a two-column `statistic  value` table.
    private static func keyValueTable(_ fields: [AnalysisResult.Field], markdown: Bool) -> String {
        let flat = fields.flatMap { f -> [AnalysisResult.Field] in
            if case .object(let inner) = f.value { return flatten(inner).map { .init("\(f.key)_\($0.key)", $0.value) } }
            return [f]
        }
        let t = Table(name: "result", columns: [
            Column(name: "statistic", type: .string, values: flat.map { .string($0.key) }),
            Column(name: "value", type: .string, values: flat.map { cell($0.value, exact: false) }),
        ], rowLines: flat.indices.map { $0 + 2 })
        return TableRenderer.render(t, as: markdown ? .markdown : .table)
    }

    /// A table of records; columns in order of first appearance. Columns holding only numbers
    /// are typed numeric so the renderers right-align them.
    static func table(rows: [[AnalysisResult.Field]], exact: Bool) -> Table {
        var keys: [String] = []
        for row in rows { for f in row where !keys.contains(f.key) { keys.append(f.key) } }
        let columns = keys.map { key -> Column in
            let values = rows.map { row in row.first { $0.key == key }?.value ?? .null }
            let numeric = values.allSatisfy {
                switch $0 {
                case .integer, .count, .number, .null: return true
                default: return false
                }
            }
            return Column(name: key, type: numeric ? .double : .string,
                          values: values.map { cell($0, exact: exact) })
        }
        return Table(name: "result", columns: columns, rowLines: rows.indices.map { $0 + 2 })
    }

    /// A cell: exact values for CSV, rounded text for people.
    static func cell(_ v: AnalysisResult.Value, exact: Bool) -> TIPTable.Value {
        switch v {
        case .null: return .missing
        case .text(let s): return .string(s)
        case .bool(let b): return exact ? .boolean(b) : .string(b ? "yes" : "no")
        case .integer(let n), .count(let n): return exact ? .integer(n) : .string(String(n))
        case .number(let x, let style):
            if exact { return x.isFinite ? .double(x) : .string(x > 0 ? "Inf" : "-Inf") }
            return .string(readable(x, style))
        case .list(let items):
            // Sentences joined with commas would read as one; numbers read well with them.
            let sentences = items.contains { if case .text(let t) = $0 { return t.contains(" ") } else { return false } }
            return .string(items.map { cell($0, exact: exact).description }.joined(separator: exact ? ";" : (sentences ? " | " : ", ")))
        case .object(let fields):
            return .string(fields.map { "\($0.key)=\(cell($0.value, exact: exact).description)" }.joined(separator: " "))
        case .records(let rows):
            return .string("\(rows.count) rows")
        }
    }

    // MARK: Numbers for people

    /// A number rounded for reading, in the given style (TIPText's decimal rounding).
    static func readable(_ x: Double, _ style: AnalysisResult.NumberStyle) -> String {
        guard x.isFinite else { return x.isNaN ? "NA" : (x > 0 ? "Inf" : "-Inf") }
        switch style {
        case .statistic, .summary: return DecimalText.significant(x, digits: 4)
        case .percent: return DecimalText.fixed(x, decimals: 1) + "%"
        case .pValue: return x >= 0.001 || x == 0 ? DecimalText.significant(x, digits: 3) : DecimalText.scientific(x, digits: 2)
        case .dollars: return DecimalText.dollars(x, cents: .always)
        case .input: return formatNumber(x)
        }
    }
}
