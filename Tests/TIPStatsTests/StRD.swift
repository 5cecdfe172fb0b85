import Foundation

/// A NIST StRD `.dat` file from `Reference/strd/` (copied there so a clean clone can run the
/// tests): its data rows and its certified values, read by label because the column spacing of
/// the certified-value lines differs between files.
struct StRD {
    let name: String
    /// Data rows: for univariate sets one value per row; for regressions y first, then x columns.
    let rows: [[Double]]
    let lines: [String]

    init(_ name: String) throws {
        self.name = name
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Reference/strd/\(name).dat")
        lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        // The data follow the last line that starts with "Data:" (a column header); the
        // univariate files put a row of dashes under it, and some files end with blank lines.
        guard let header = lines.lastIndex(where: { $0.hasPrefix("Data:") }) else {
            throw StRDError("\(name): no data header")
        }
        rows = lines[(header + 1)...].compactMap { line in
            let fields = line.split(separator: " ").map(String.init)
            guard !fields.isEmpty else { return nil }
            let values = fields.compactMap(Double.init)
            return values.count == fields.count ? values : nil
        }
    }

    /// The certified value labelled `label`: the last field of the first line that contains the
    /// label and ends in a number (`Sample Mean ... ybar: 4.5348`, `R-Squared 0.99`).
    func certified(_ label: String) throws -> Double {
        for line in lines where line.contains(label) {
            if let last = line.split(separator: " ").last, let value = Double(String(last)) { return value }
        }
        throw StRDError("\(name): no certified value labelled \(label)")
    }

    /// Certified parameter estimates and their standard deviations, rows `B0`, `B1`, ...
    func parameters() -> [(estimate: Double, sd: Double)] {
        lines.compactMap { line in
            let f = line.split(separator: " ").map(String.init)
            guard f.count >= 3, f[0].hasPrefix("B"), Int(f[0].dropFirst()) != nil,
                  let b = Double(f[1]), let sd = Double(f[2]) else { return nil }
            return (b, sd)
        }
    }

    /// The residual standard deviation: the line after `Residual` reads `Standard Deviation  v`
    /// (the column header `Standard Deviation` above the estimates has no number).
    func residualSD() throws -> Double { try certified("Standard Deviation") }

    /// The F statistic: last field of the ANOVA `Regression` row (`Infinity` for Wampler1).
    func fStatistic() throws -> Double {
        guard let line = lines.first(where: { $0.hasPrefix("Regression") }),
              let f = line.split(separator: " ").last.flatMap({ Double(String($0)) })
        else { throw StRDError("\(name): no ANOVA regression row") }
        return f
    }
}

struct StRDError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Log relative error, the number of correct significant digits: -log10(|c - t| / |t|), or
/// -log10(|c|) when the certified value is 0 (NIST's convention). Capped at 15, the number of
/// digits NIST certifies.
func lre(_ computed: Double, _ certified: Double) -> Double {
    if computed == certified { return 15 }
    let error = certified == 0 ? abs(computed) : abs(computed - certified) / abs(certified)
    return min(15, -log10(error))
}
