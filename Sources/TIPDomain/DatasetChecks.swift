import TIPTable

/// Checks across the rows of a dataset, beyond what a column's type says.
enum DatasetChecks {
    /// Every statute well formed and known (or listed as extra).
    static func statutes(extra: Set<String>) -> TableSchema.Check {
        { table, schema, problems in
            guard let c = schema.columnIndex("statute", in: table) else { return }
            let allowed = extra.union(table.metadata?.statutes ?? [])
            for (r, v) in table.columns[c].values.enumerated() {
                guard let statute = v.string else { continue }
                if !Statutes.isWellFormed(statute) {
                    try problems.error(line: table.rowLines[r], column: c + 1,
                        "column \"statute\": \(quotedForMessage(statute)) is not a statute number such as 53a-192a or 53a-83(c)")
                } else if !Statutes.isKnown(statute, extra: allowed) {
                    try problems.error(line: table.rowLines[r], column: c + 1,
                        "column \"statute\": unknown statute \(quotedForMessage(statute)); if it is right, list it in the metadata's \"tipstat:statutes\" or pass --statute \(Statutes.section(of: statute))")
                }
            }
        }
    }

    /// A row that states none of its figures says nothing: a warning, not an error. A row whose
    /// figure was unreadable (already an error at that cell) is not warned about again.
    static func someFigure(_ names: [String]) -> TableSchema.Check {
        { table, schema, problems in
            let indices = names.compactMap { schema.columnIndex($0, in: table) }
            guard !indices.isEmpty else { return }
            for r in 0..<table.rowCount where indices.allSatisfy({ table.columns[$0].values[r].isMissing })
                && !indices.contains(where: { problems.hasProblem(line: table.rowLines[r], column: $0 + 1) }) {
                try problems.warning(line: table.rowLines[r], column: indices[0] + 1,
                    "the row states none of \(names.joined(separator: ", "))")
            }
        }
    }

    /// A closed vocabulary: unknown terms are errors (a typo would make a series of its own).
    static func vocabulary(column name: String, allowed: [String]) -> TableSchema.Check {
        { table, schema, problems in
            guard let c = schema.columnIndex(name, in: table) else { return }
            let known = Set(allowed)
            for (r, v) in table.columns[c].values.enumerated() {
                guard let term = v.string, !known.contains(ColumnName.normalize(term)) else { continue }
                try problems.error(line: table.rowLines[r], column: c + 1,
                    "column \(quotedForMessage(name)): unknown \(name) \(quotedForMessage(term)) (expected one of \(allowed.joined(separator: ", ")))")
            }
        }
    }

    /// Cases by type cannot add to more than the cases.
    static let hotlineTypes: TableSchema.Check = { table, schema, problems in
        guard let casesColumn = schema.columnIndex("cases", in: table) else { return }
        let typeColumns = ["cases_sex", "cases_labor", "cases_sex_and_labor", "cases_not_specified"]
            .compactMap { schema.columnIndex($0, in: table) }
        for r in 0..<table.rowCount {
            guard let cases = table.columns[casesColumn].values[r].integer else { continue }
            let sum = exactSum(typeColumns.compactMap { table.columns[$0].values[r].integer })
            if sum.map({ $0 > cases }) ?? true {
                try problems.error(line: table.rowLines[r], column: casesColumn + 1,
                    "cases by type add to \(sum.map(String.init) ?? "more than \(Int.max)"), more than the \(cases) cases of the row")
            }
        }
    }

    /// Shares and counts of a demographic breakdown, per period and dimension.
    ///
    /// Rounding rule: a share written with d decimals is off by at most 0.5·10^-d, so k shares
    /// may sum to 100 ± k·0.5·10^-d (six whole-number shares: 97 to 103). Shares may never sum
    /// above that; when the rows are marked `complete` they must also reach it from below.
    /// Counts of a complete group that do not add to the stated total are a warning: sources
    /// do this (the DCF slides give 209 of 210) and the data keeps what the source says.
    static let shares: TableSchema.Check = { table, schema, problems in
        guard let dimension = schema.columnIndex("dimension", in: table) else { return }
        let period = schema.columnIndex("period", in: table)
        let share = schema.columnIndex("share", in: table)
        let count = schema.columnIndex("count", in: table)
        let total = schema.columnIndex("total", in: table)
        let complete = schema.columnIndex("complete", in: table)
        func value(_ c: Int?, _ r: Int) -> Value { c.map { table.columns[$0].values[r] } ?? .missing }

        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for r in 0..<table.rowCount {
            let p = value(period, r).period?.description ?? "undated"
            let key = p + "\u{1F}" + ColumnName.normalize(value(dimension, r).string ?? "")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(r)
        }
        for key in order {
            let rows = groups[key]!
            let first = rows[0]
            let label = "\(quotedForMessage(value(dimension, first).string ?? "")) (\(value(period, first).period?.label ?? "undated"))"
            var shareSum = 0.0, shareCount = 0, decimals = 0
            for r in rows {
                if let s = value(share, r).number {
                    if s > 100 {
                        try problems.error(line: table.rowLines[r], column: share! + 1, "column \"share\": \(formatNumber(s))% is more than 100%")
                    }
                    shareSum += s
                    shareCount += 1
                    decimals = max(decimals, decimalPlaces(s))
                }
                if let n = value(count, r).integer, let t = value(total, r).integer {
                    if n > t {
                        try problems.error(line: table.rowLines[r], column: count! + 1, "column \"count\": \(n) is more than the total of \(t)")
                    } else if let s = value(share, r).number, t > 0 {
                        let implied = Double(n) / Double(t) * 100
                        if abs(implied - s) > 0.5 * pow10(-decimalPlaces(s)) + 1e-9 {
                            try problems.warning(line: table.rowLines[r], column: share! + 1,
                                "column \"share\": \(formatNumber(s))% does not match \(n) of \(t) (\(formatFixed(implied, decimals: 1))%)")
                        }
                    }
                }
            }
            let isComplete = rows.contains { value(complete, $0) == .boolean(true) }
            if shareCount > 0 {
                let tolerance = Double(shareCount) * 0.5 * pow10(-decimals)
                let described = "\(shareCount) share\(shareCount == 1 ? "" : "s") rounded to \(decimals == 0 ? "whole percents" : "\(decimals) decimal\(decimals == 1 ? "" : "s")")"
                if shareSum > 100 + tolerance + 1e-9 {
                    try problems.error(line: table.rowLines[first], column: share! + 1,
                        "shares of \(label) sum to \(formatNumber(shareSum))%, more than 100% (allowed: up to \(formatNumber(100 + tolerance))% for \(described))")
                } else if isComplete && shareCount == rows.count && shareSum < 100 - tolerance - 1e-9 {
                    try problems.error(line: table.rowLines[first], column: share! + 1,
                        "shares of \(label) sum to \(formatNumber(shareSum))% though the rows are marked complete (expected 100% ± \(formatNumber(tolerance)) for \(described))")
                }
            }
            if isComplete, let count, let total,
               rows.allSatisfy({ !table.columns[count].values[$0].isMissing }),
               let t = value(total, first).integer {
                let sum = exactSum(rows.compactMap { table.columns[count].values[$0].integer })
                if sum != t {
                    try problems.warning(line: table.rowLines[first], column: count + 1,
                        "counts of \(label) add to \(sum.map(String.init) ?? "more than \(Int.max)"), not the stated total of \(t)")
                }
            }
        }
    }

    /// The sum of counts, or nil when it is beyond the 64-bit range: a hostile file can hold
    /// counts near the limit, and their sum must be reported, not trap.
    static func exactSum(_ values: [Int]) -> Int? {
        var sum = 0
        for v in values {
            let (s, overflow) = sum.addingReportingOverflow(v)
            if overflow { return nil }
            sum = s
        }
        return sum
    }

    static func decimalPlaces(_ d: Double) -> Int {
        let text = formatNumber(d)
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }

    static func pow10(_ e: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(e) { r *= 10 }
        return e < 0 ? 1 / r : r
    }
}
