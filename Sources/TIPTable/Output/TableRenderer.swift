import TIPText

/// Output formats every command offers.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, markdown
}

/// Renders a table as aligned text, CSV, JSON or Markdown.
///
/// - `table`: aligned columns for a terminal, numbers right-aligned, missing as `NA`, control
///   characters escaped so a hostile cell cannot rewrite the terminal.
/// - `csv`: RFC 4180, quoted where needed, with spreadsheet formula injection neutralised in text
///   cells and column names (see ``CSVWriter``: a `'` before a leading `=`, `+`, `-`, `@`, tab or
///   carriage return, as OWASP recommends), so the file is safe to open in Excel.
/// - `json`: `{"columns":[{"name":N,"type":T}],"rows":[[...]]}` with typed values, null for missing.
/// - `markdown`: a GitHub-flavoured table.
///
/// ```swift
/// print(TableRenderer.render(table, as: .markdown))
/// ```
public enum TableRenderer {
    /// The width `table` text is wrapped to, in characters: nil (the default) never wraps.
    /// Notebooks set it for the commands they run, so a long last column (a value, a source, a
    /// note) and the notes below a table wrap with a hanging indent instead of running off the
    /// page:
    ///
    /// ```swift
    /// let text = TableRenderer.$wrapWidth.withValue(100) { TableRenderer.render(table, as: .table) }
    /// ```
    @TaskLocal public static var wrapWidth: Int?

    public static func render(_ table: Table, as format: OutputFormat, notes: [String] = []) -> String {
        switch format {
        case .table: return text(table, notes: notes)
        case .csv: return csv(table)
        case .json: return json(table, notes: notes).rendered() + "\n"
        case .markdown: return markdown(table, notes: notes)
        }
    }

    public static func json(_ table: Table, notes: [String] = []) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("columns", .array(table.columns.map { .object([("name", .string($0.name)), ("type", .string($0.type.rawValue))]) })),
            ("rows", .array((0..<table.rowCount).map { r in .array(table.columns.map { JSONValue($0.values[r]) }) })),
        ]
        if !notes.isEmpty { members.append(("notes", .array(notes.map(JSONValue.string)))) }
        return .object(members)
    }

    public static func csv(_ table: Table) -> String {
        var out = CSVWriter.line(table.columns.map { CSVWriter.field($0.name, neutralise: true) })
        for r in 0..<table.rowCount {
            out += CSVWriter.line(table.columns.map { c -> String in
                let v = c.values[r]
                if case .string(let s) = v { return CSVWriter.field(s, neutralise: true) }
                return CSVWriter.field(v.description, neutralise: false)
            })
        }
        return out
    }

    static func display(_ v: Value) -> String {
        v.isMissing ? "NA" : TerminalText.escaped(v.description)
    }

    static func text(_ table: Table, notes: [String]) -> String {
        let headers = table.columns.map { TerminalText.escaped($0.name) }
        let cells = (0..<table.rowCount).map { r in table.columns.map { display($0.values[r]) } }
        var widths = headers.map(\.count)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        // With a wrap width, a text last column that makes the table too wide wraps within the
        // room left to it (at least 20 characters), under its own start.
        let last = widths.count - 1
        if let width = wrapWidth, last >= 0, !table.columns[last].type.isNumeric {
            let before = widths.dropLast().reduce(0, +) + 2 * last
            if before + widths[last] > width && width - before >= 20 { widths[last] = width - before }
        }
        func line(_ items: [String]) -> String {
            let indent = String(repeating: " ", count: widths.dropLast().reduce(0, +) + 2 * last)
            var pieces = items
            let tail = wrapped(items[last], width: widths[last])
            pieces[last] = tail[0]
            let first = pieces.enumerated().map { i, s in
                let padding = String(repeating: " ", count: Swift.max(widths[i] - s.count, 0))
                return table.columns[i].type.isNumeric ? padding + s : s + padding
            }.joined(separator: "  ").trimmingTrailingSpaces + "\n"
            return first + tail.dropFirst().map { (indent + $0).trimmingTrailingSpaces + "\n" }.joined()
        }
        var out = line(headers)
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row) }
        for note in notes { out += wrappedNote(TerminalText.escaped(note)) }
        return out
    }

    /// A line of prose (a note under a table or a result), wrapped at ``wrapWidth`` with its
    /// continuation lines indented by two spaces; as it is, with a line end, when there is no
    /// wrap width.
    ///
    /// ```swift
    /// TableRenderer.$wrapWidth.withValue(20) { TableRenderer.wrappedNote("Note: counts are small here.") }
    /// // "Note: counts are\n  small here.\n"
    /// ```
    public static func wrappedNote(_ text: String) -> String {
        guard let width = wrapWidth, text.count > width else { return text + "\n" }
        let first = wrapped(text, width: width)[0]
        let rest = String(text.dropFirst(first.count).drop { $0 == " " })
        return first + "\n" + wrapped(rest, width: width - 2).map { "  " + $0 + "\n" }.joined()
    }

    /// `text` in lines of at most `width` characters, broken at spaces (a word longer than a
    /// line is cut); always at least one line.
    static func wrapped(_ text: String, width: Int) -> [String] {
        guard text.count > width, width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        for piece in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = piece
            if !current.isEmpty {
                if current.count + 1 + word.count <= width { current += " " + word; continue }
                lines.append(current)
            }
            // A word too long for a line is cut where the line ends.
            while word.count > width { lines.append(String(word.prefix(width))); word = word.dropFirst(width) }
            current = String(word)
        }
        lines.append(current)
        return lines
    }

    static func markdown(_ table: Table, notes: [String]) -> String {
        // By code points: a `|` glued to a combining or prepended mark is still a cell border.
        func cell(_ s: String) -> String { TerminalText.escaped(s).replacingScalars(["\\": "\\\\", "|": "\\|"]) }
        var out = "| " + table.columns.map { cell($0.name) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.type.isNumeric ? "---:|" : "---|" }.joined() + "\n"
        for r in 0..<table.rowCount {
            out += "| " + table.columns.map { c in c.values[r].isMissing ? "" : cell(c.values[r].description) }.joined(separator: " | ") + " |\n"
        }
        if !notes.isEmpty { out += "\n" + notes.map { cell($0) }.joined(separator: "\n\n") + "\n" }
        return out
    }
}

/// Writes CSV: fields quoted as RFC 4180 says, records that read back as written, and text
/// that a spreadsheet cannot run.
///
/// Formula injection (CSV injection): Excel, LibreOffice and Google Sheets run a cell as a
/// formula when it starts with `=`, `+`, `-` or `@`, and some of them first drop a leading tab
/// or carriage return or leading spaces. OWASP's advice is to prefix such cells with `'`, which
/// makes a spreadsheet show the text as typed. The rule here, for text cells:
/// - a leading tab or carriage return gets the prefix (OWASP's list), and so does a leading NUL
///   (OWASP ASVS 1.2.10), which text from a metadata file can hold;
/// - so does text whose first character other than white space is `=`, `+`, `-` or `@`
///   (white space first is no protection in every spreadsheet);
/// - except text that is a plain number (`-5`, `+3.5`, `-1,841`, `1e-3`), which a spreadsheet
///   reads as that same number and which runs nothing.
/// Typed numeric cells are never prefixed: `-5` in an integer column stays `-5`.
///
/// ```swift
/// CSVWriter.field("=cmd|' /C calc'!A0", neutralise: true)   // "'=cmd|' /C calc'!A0"
/// CSVWriter.field("-5", neutralise: true)                   // "-5"
/// CSVWriter.line(["a", "b,c"].map { CSVWriter.field($0, neutralise: true) })  // "a,\"b,c\"\n"
/// ```
public enum CSVWriter {
    /// Characters that start a formula.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@"]

    /// The text with a `'` in front when a spreadsheet would run it as a formula.
    public static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        if first == "\t" || first == "\r" || first == "\0" { return "'" + s }
        guard let lead = s.unicodeScalars.first(where: { !$0.properties.isWhitespace }),
              formulaStarts.contains(lead), !FieldParser.isPlainNumber(s) else { return s }
        return "'" + s
    }

    /// One field, quoted when it holds the delimiter, a quote, CR or LF, or starts or ends
    /// with a space or tab (which a reader would trim). With `neutralise`, text a spreadsheet
    /// would run as a formula gets a `'` prefix first.
    ///
    /// The tests look at Unicode scalars, never at Swift `Character`s: a prepended
    /// concatenation mark (U+070F, U+0600…) or a combining mark glues itself to its neighbour,
    /// so `"\u{70F},"` is one Character and `contains(",")` is false, yet a CSV reader sees the
    /// comma and would split the cell there.
    public static func field(_ s: String, neutralise: Bool, delimiter: Character = ",") -> String {
        let text = (neutralise ? neutralised(s) : s).unicodeScalars
        let separator = delimiter.unicodeScalars.first!
        let edges: [Unicode.Scalar?] = [" ", "\t"]
        let needsQuotes = text.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || edges.contains(text.first) || edges.contains(text.last)
        guard needsQuotes else { return String(text) }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in text {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// One record from fields already written by ``field(_:neutralise:delimiter:)``, with its
    /// line end. A record of one empty field is written `""`: an empty line would read back as
    /// no record at all.
    public static func line(_ fields: [String], delimiter: Character = ",") -> String {
        if fields.count == 1 && fields[0].isEmpty { return "\"\"\n" }
        return fields.joined(separator: String(delimiter)) + "\n"
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
