import FuzzSupport
import TIPTable
import TIPDomain

// Schema validation through TIPDomain on arbitrary bytes: the first byte picks the schema (one
// of the six kinds, or none), the rest is the CSV file. Invariants: it never crashes (no
// overflow in a sum of counts, no index out of range); problems are located from line 1 and
// column 1 and, once a schema has checked the table, in file order; strict mode stops at one of the errors the lenient mode
// reports; a file without errors has a table; the summary line never fails.

let limits = ReaderLimits(maxFieldBytes: 300, maxFieldsPerRow: 40, maxFileBytes: 1 << 20)
let kinds: [DatasetKind?] = DatasetKind.allCases + [nil]

func load(_ bytes: [UInt8], kind: DatasetKind?, strict: Bool) -> Dataset {
    Dataset.load(.bytes(bytes, name: "fuzz.csv"), kind: kind,
                 options: LoadOptions(strict: strict, limits: limits, readMetadata: false))
}

fuzz { data in
    guard let selector = data.first else { return }
    let kind = kinds[Int(selector) % kinds.count]
    let bytes = Array(data.dropFirst())
    let dataset = load(bytes, kind: kind, strict: false)
    require(dataset.kind == kind, "the kind changed")
    for p in dataset.problems {
        require(p.file == "fuzz.csv" && !p.message.isEmpty && !p.message.contains("\n"), "problem \(p)")
        require((p.line ?? 1) >= 1 && (p.column ?? 1) >= 1 && (p.line != nil || p.column == nil), "location of \(p)")
    }
    if kind != nil, dataset.table != nil {
        // Located problems in file order (the error-limit notice, which has no line, comes last).
        let locations = dataset.problems.filter { $0.line != nil }.map { ($0.line!, $0.column ?? 0) }
        require(zip(locations, locations.dropFirst()).allSatisfy { $0 <= $1 }, "problems out of file order")
    }
    require(dataset.table != nil || dataset.hasErrors, "no table and no error")
    let strict = load(bytes, kind: kind, strict: true)
    if let stop = strict.problems.first(where: { $0.severity == .error }) {
        require(dataset.problems.contains(stop), "strict mode stops at an error the lenient mode does not report: \(stop)")
    } else {
        require(!dataset.hasErrors, "strict mode finds no error where the lenient mode does")
    }
    let summary = DatasetSummary(dataset)
    require(summary.rows == (dataset.table?.rowCount ?? 0), "summary rows")
}
