/// What an aggregation reads from each column, resolved against the header.
struct AggregatePlan: Sendable {
    /// Statistics of one value column.
    struct ValueColumn: Sendable {
        var column: Int
        var name: String
        var sum = false, mean = false, min = false, max = false
    }

    let names: [String]
    /// Key columns in `--by` order.
    let keyColumns: [Int]
    /// Value columns in header order.
    let values: [ValueColumn]
    /// Filter columns and their accepted texts, as bytes.
    let filters: [(column: Int, accepted: [[UInt8]])]
    let count: Bool
    let nullTokens: Set<String>
    /// Null tokens as bytes, and whether one of them reads as a number (then it is checked
    /// before a number is accepted, not only after a number fails).
    let nullBytes: [[UInt8]]
    let numericNull: Bool
    let strict: Bool
    /// Per column: position among the key columns in column order, value slot, filter slot; -1 for none.
    let keyRole: [Int], valueRole: [Int], filterRole: [Int]
    let wanted: [Bool]

    init(_ request: AggregateRequest, header: CSVHeader) throws(CSVHeaderError) {
        names = header.names
        var keys: [Int] = []
        for name in request.by {
            let c = try header.column(name)
            if keys.contains(c) { throw CSVHeaderError(message: "column \(quotedForMessage(names[c])) is named twice in --by") }
            keys.append(c)
        }
        keyColumns = keys
        var byColumn: [Int: ValueColumn] = [:]
        for (list, stat) in [(request.sum, 0), (request.mean, 1), (request.min, 2), (request.max, 3)] {
            for name in list {
                let c = try header.column(name)
                var v = byColumn[c] ?? ValueColumn(column: c, name: names[c])
                switch stat {
                case 0: v.sum = true
                case 1: v.mean = true
                case 2: v.min = true
                default: v.max = true
                }
                byColumn[c] = v
            }
        }
        values = byColumn.values.sorted { $0.column < $1.column }
        var filterList: [(column: Int, accepted: [[UInt8]])] = []
        for f in request.filters {
            let c = try header.column(f.column)
            let accepted = f.values.map { Array($0.trimmingSpaces.utf8) }
            if let i = filterList.firstIndex(where: { $0.column == c }) {
                filterList[i].accepted += accepted
            } else {
                filterList.append((c, accepted))
            }
        }
        filters = filterList
        count = request.count
        nullTokens = request.nullTokens
        nullBytes = request.nullTokens.map { Array($0.utf8) }
        numericNull = request.nullTokens.contains { token in
            var t = token
            return t.withUTF8 { if case .value = FieldParser.exactNumber($0) { return true } else { return false } }
        }
        strict = request.strict
        var keyRole = Array(repeating: -1, count: names.count)
        for (position, c) in keys.sorted().enumerated() { keyRole[c] = position }
        var valueRole = Array(repeating: -1, count: names.count)
        for (slot, v) in values.enumerated() { valueRole[v.column] = slot }
        var filterRole = Array(repeating: -1, count: names.count)
        for (slot, f) in filterList.enumerated() { filterRole[f.column] = slot }
        self.keyRole = keyRole
        self.valueRole = valueRole
        self.filterRole = filterRole
        wanted = (0..<names.count).map { keyRole[$0] >= 0 || valueRole[$0] >= 0 || filterRole[$0] >= 0 }
    }
}
