import TIPTable

/// The data honesty rule, checked row by row: every figure of a row is in the row's own
/// `quote` as the source writes it, or the row's `derived_from` cell computes it from figures
/// that named rows quote. It runs on any table with a `quote` or `derived_from` column; a row
/// that breaks it gets a warning at the cell (`validate` prints them, `summary` counts the rows).
///
/// **Figures** are a row's non-missing cells in numeric columns (integer, number, percent,
/// currency). Periods, dates, booleans and text are not figures; a number that is an
/// identifier must be declared a string in the metadata.
///
/// **A quote states a figure** when one of the numbers ``numbers(in:)`` reads from it equals
/// the figure (signs aside):
/// - digits, with a decimal part after a dot (`82.7`), and commas as thousands separators when
///   the first group has one to three digits and every later group exactly three (`3,557`,
///   `80,000`); anything around a number is ignored, so 86 is stated by "86%", 73 by "73
///   percent", 8344 by "$8,344" and 210 by "Total =210". A run of two or more digits that
///   starts with 0 (the "01" of "2016-01") is not read;
/// - number words in any letter case: "zero", "no" and "none" (0), "one" to "nineteen",
///   "twenty" to "ninety", and a tens word joined by a hyphen to a unit ("twenty-one"). Scale
///   words ("hundred", "million"), fractions and ordinals are not read: derive such a figure.
///
/// **A derivation** (`derived_from`) is `COLUMN = ARITHMETIC from FILE:KEY[; FILE:KEY...]`,
/// several separated by `|`: the arithmetic (numbers, `+ - * x × /`, parentheses) must give the
/// row's value in COLUMN (within 10^-9 relative), and every number in it must be a figure that
/// a named row states in its own quote, so a derivation never rests on another derivation or
/// on itself. A row is named by its key: the file name (a CSV file in the same folder, no
/// path), then the row's text and period values in column order, provenance columns left out,
/// joined by `:` (`dcf-referrals.csv:2016`, `dcf-demographics.csv:2016:age:15-16`, an empty
/// value left empty). A key must match exactly one row.
///
/// ```swift
/// QuoteRule.numbers(in: "75 were 15- and 16-year-olds. One was 10.")   // [75, 15, 16, 1, 10]
/// let d = Dataset.load(path: "Datasets/dcf-demographics.csv")
/// QuoteRule.check(d, besides: "Datasets/dcf-demographics.csv")          // []: every figure quoted or derived
/// ```
public enum QuoteRule {
    /// The columns that say where a row comes from rather than what it is: not part of a row's key.
    public static let provenanceColumns = ["qualifier", "confidence", "note", "source", "quote", "derived_from"]
    public static let maxDerivationsPerCell = 16
    public static let maxKeysPerDerivation = 64
    public static let maxNesting = 32
    /// Other files one table's derivations may name.
    public static let maxFiles = 64
    /// Relative tolerance of a derivation's result: the arithmetic is done in doubles.
    static let tolerance = 1e-9

    // MARK: Reading numbers

    static let numberWords: [String: Double] = {
        let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        var words: [String: Double] = ["no": 0, "none": 0]
        for (n, w) in units.enumerated() { words[w] = Double(n) }
        for (k, w) in tens.enumerated() { words[w] = Double(20 + 10 * k) }
        return words
    }()

    /// The numbers a text states, in order, as the rule reads them (see the type's
    /// documentation).
    ///
    /// ```swift
    /// QuoteRule.numbers(in: "3,557 prostitutes; $8,344; 82.7 percent")   // [3557, 8344, 82.7]
    /// QuoteRule.numbers(in: "two convictions, twenty-one cases")           // [2, 21]
    /// ```
    public static func numbers(in text: String) -> [Double] {
        let s = Array(text.unicodeScalars)
        var found: [Double] = []
        var i = 0
        while i < s.count {
            if isDigit(s[i]) {
                let start = i
                while i < s.count, isDigit(s[i]) { i += 1 }
                // A leading zero marks a date part or a code, not a count ("01" of "2016-01").
                if i - start > 1 && s[start] == "0" { continue }
                if let (value, end) = number(in: s, at: start) {
                    found.append(value)
                    i = end
                }
            } else if s[i].properties.isAlphabetic {
                var parts: [String] = [""]
                while i < s.count {
                    if s[i].properties.isAlphabetic {
                        parts[parts.count - 1].unicodeScalars.append(s[i])
                    } else if s[i] == "-", i + 1 < s.count, s[i + 1].properties.isAlphabetic {
                        parts.append("")
                    } else {
                        break
                    }
                    i += 1
                }
                found += wordNumbers(parts.map { $0.lowercased() })
            } else {
                i += 1
            }
        }
        return found
    }

    /// The numbers of a hyphenated word's parts: "twenty-one" is 21, "sixteen-year-olds" 16.
    static func wordNumbers(_ parts: [String]) -> [Double] {
        var found: [Double] = []
        var k = 0
        while k < parts.count {
            guard let n = numberWords[parts[k]] else { k += 1; continue }
            if n >= 20, k + 1 < parts.count, let unit = numberWords[parts[k + 1]], unit >= 1, unit <= 9 {
                found.append(n + unit)
                k += 2
            } else {
                found.append(n)
                k += 1
            }
        }
        return found
    }

    /// The number written at `start` (a digit) and the index after it: digits, thousands groups
    /// of three after commas when the first group has one to three digits, a decimal part
    /// after a dot.
    static func number(in s: [Unicode.Scalar], at start: Int) -> (Double, Int)? {
        guard start < s.count, isDigit(s[start]) else { return nil }
        var i = start
        var digits = ""
        while i < s.count, isDigit(s[i]) { digits.unicodeScalars.append(s[i]); i += 1 }
        if digits.count <= 3 && s[start] != "0" {
            // ",ddd" not followed by a fourth digit is a group.
            while i + 3 < s.count {
                guard s[i] == ",", (1...3).allSatisfy({ isDigit(s[i + $0]) }),
                      i + 4 >= s.count || !isDigit(s[i + 4]) else { break }
                for k in 1...3 { digits.unicodeScalars.append(s[i + k]) }
                i += 4
            }
        }
        if i + 1 < s.count, s[i] == ".", isDigit(s[i + 1]) {
            digits += "."
            i += 1
            while i < s.count, isDigit(s[i]) { digits.unicodeScalars.append(s[i]); i += 1 }
        }
        return Double(digits).map { ($0, i) }
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    // MARK: Row keys

    /// The columns that make a row's key: text and periods (and dates), not figures, booleans or
    /// provenance.
    static func keyColumns(of table: Table) -> [Int] {
        table.columns.indices.filter { c in
            let column = table.columns[c]
            return !column.type.isNumeric && column.type != .boolean
                && !provenanceColumns.contains { ColumnName.matches($0, column.name) }
        }
    }

    /// The key that names row `row` of `table` in a `derived_from` cell: `FILE:VALUE:VALUE...`.
    ///
    /// ```swift
    /// QuoteRule.rowKey(of: 7, in: referrals, file: "Datasets/dcf-referrals.csv")   // "dcf-referrals.csv:2016"
    /// ```
    public static func rowKey(of row: Int, in table: Table, file: String) -> String {
        ([baseName(file)] + keyColumns(of: table).map { table.columns[$0].values[row].description }).joined(separator: ":")
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }

    // MARK: Checking

    /// Checks a loaded dataset; the files its derivations name are read from the folder of
    /// `path` (the file's path on disk) with `options`, each once. A dataset that could not be
    /// read has nothing to check.
    public static func check(_ dataset: Dataset, besides path: String, options: LoadOptions = LoadOptions()) -> [Problem] {
        guard let table = dataset.table else { return [] }
        let folder: String
        if let slash = path.lastIndex(of: "/") {
            folder = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            folder = "."
        }
        return check(table, file: dataset.path) { name in
            Dataset.load(.file(folder + "/" + name, name: name), options: options).table
        }
    }

    /// Checks every row of `table`, named `file` in messages. `tables` reads another file of
    /// the same folder by its name (nil when it cannot be read); it is called once per file.
    /// Every problem is a warning, located at the figure's cell or at the `derived_from` cell.
    public static func check(_ table: Table, file: String, tables: (String) -> Table?) -> [Problem] {
        withoutActuallyEscaping(tables) { read in check(table, file: file, context: Context(file: file, table: table, read: read)) }
    }

    private static func check(_ table: Table, file: String, context: Context) -> [Problem] {
        let quoteColumn = table.columnIndex("quote")
        let derivedColumn = table.columnIndex("derived_from")
        guard quoteColumn != nil || derivedColumn != nil else { return [] }
        var context = context
        var problems: [Problem] = []
        func warn(_ r: Int, _ c: Int, _ message: String) {
            problems.append(Problem(file: file, line: table.rowLines[r], column: c + 1, severity: .warning, message: message))
        }
        let figureColumns = table.columns.indices.filter { table.columns[$0].type.isNumeric }
        for r in 0..<table.rowCount {
            var derived = Set<Int>()
            if let d = derivedColumn, let cell = table.columns[d].values[r].string, !cell.trimmingSpaces.isEmpty {
                do {
                    for derivation in try Derivation.parse(cell: cell) {
                        switch context.verify(derivation, row: r) {
                        case .success(let c): derived.insert(c)
                        case .failure(let failure): warn(r, d, "derived_from: " + failure.message)
                        }
                    }
                } catch {
                    warn(r, d, "derived_from: " + error.message)
                }
            }
            let quote = quoteColumn.flatMap { table.columns[$0].values[r].string } ?? ""
            let stated = numbers(in: quote)
            for c in figureColumns where !derived.contains(c) {
                let value = table.columns[c].values[r]
                guard let x = value.number, !stated.contains(abs(x)) else { continue }
                let name = quotedForMessage(table.columns[c].name)
                warn(r, c, quote.trimmingSpaces.isEmpty
                     ? "column \(name): the row has no quote to state \(value), and no derived_from gives it"
                     : "column \(name): the quote does not state \(value), and no derived_from gives it")
            }
        }
        return problems
    }

    /// A derivation's problem, said after "derived_from: ".
    struct Failure: Error {
        let message: String
    }

    /// The rows a table's derivations may name, read once per file.
    struct Context {
        let file: String
        let table: Table
        let read: (String) -> Table?
        /// Each file's table and row keys; nil when the file cannot be read.
        var files: [String: (table: Table, keys: [String])?] = [:]

        init(file: String, table: Table, read: @escaping (String) -> Table?) {
            self.file = file
            self.table = table
            self.read = read
        }

        /// The figure column the derivation gives, when the arithmetic holds.
        mutating func verify(_ d: Derivation, row: Int) -> Result<Int, Failure> {
            let figures = table.columns.indices.filter { table.columns[$0].type.isNumeric }
            guard let c = table.columnIndex(d.column), figures.contains(c) else {
                return .failure(Failure(message: "no figure column \(quotedForMessage(d.column)) (the figure columns are "
                                        + "\(figures.map { table.columns[$0].name }.joined(separator: ", ")))"))
            }
            guard let target = table.columns[c].values[row].number else {
                return .failure(Failure(message: "column \(quotedForMessage(table.columns[c].name)) is empty in this row: nothing to derive"))
            }
            var quoted: [Double] = []
            for key in d.keys {
                switch resolve(key) {
                case .failure(let failure): return .failure(failure)
                case .success(let (named, r, isThisFile)):
                    if isThisFile && r == row {
                        return .failure(Failure(message: "\(quotedForMessage(key, limit: 80)) is this row: a figure cannot be derived from itself"))
                    }
                    let stated = QuoteRule.numbers(in: named.columnIndex("quote").flatMap { named.columns[$0].values[r].string } ?? "")
                    quoted += named.columns.compactMap { $0.type.isNumeric ? $0.values[r].number.map(abs) : nil }
                        .filter { stated.contains($0) }
                }
            }
            let keys = d.keys.joined(separator: "; ")
            if let stray = d.expression.numbers.first(where: { !quoted.contains($0) }) {
                return .failure(Failure(message: "\(formatNumber(stray)) is not a figure that the rows named (\(keys)) state in their quotes"))
            }
            guard let value = d.expression.value else {
                return .failure(Failure(message: "\(d.arithmetic) divides by zero"))
            }
            guard abs(value - target) <= QuoteRule.tolerance * max(1, abs(target)) else {
                return .failure(Failure(message: "\(d.arithmetic) = \(formatNumber(value)), not the row's "
                                        + "\(table.columns[c].name) of \(table.columns[c].values[row])"))
            }
            return .success(c)
        }

        /// The table and row a key names, and whether the table is this file's own.
        mutating func resolve(_ key: String) -> Result<(Table, Int, Bool), Failure> {
            let name = key.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
            guard name.hasSuffix(".csv"), name.count > 4, !name.contains("/"), !name.contains("\\") else {
                return .failure(Failure(message: "\(quotedForMessage(key, limit: 80)) does not start with a CSV file name "
                                        + "(FILE.csv:KEY, FILE in the same folder as this file)"))
            }
            let fileName = String(name)
            let isThisFile = fileName == QuoteRule.baseName(file)
            if files[fileName] == nil {
                guard files.count < QuoteRule.maxFiles else {
                    return .failure(Failure(message: "more than \(QuoteRule.maxFiles) files named; \(fileName) is not read"))
                }
                let source = isThisFile ? table : read(fileName)
                files[fileName] = .some(source.map { t in (t, (0..<t.rowCount).map { QuoteRule.rowKey(of: $0, in: t, file: fileName) }) })
            }
            guard let source = files[fileName]! else {
                return .failure(Failure(message: "cannot read \(fileName) beside this file"))
            }
            let matches = source.keys.indices.filter { source.keys[$0] == key }
            guard matches.count == 1 else {
                return .failure(Failure(message: matches.isEmpty
                    ? "no row of \(fileName) has the key \(quotedForMessage(key, limit: 80)) (a key is the file name, then the row's "
                        + "text and period values in column order, joined by \":\")"
                    : "\(matches.count) rows of \(fileName) have the key \(quotedForMessage(key, limit: 80)): a key must name one row"))
            }
            return .success((source.table, matches[0], isThisFile))
        }
    }
}
