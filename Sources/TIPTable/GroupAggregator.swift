#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Count, exact sum, minimum and maximum of one value column in one group, in units of the
/// column's current scale (see `ExactDecimal`).
struct Accumulator {
    var sum: Int128 = 0
    var min: Int128 = 0
    var max: Int128 = 0
    /// Values added.
    var n = 0
    /// Rows whose value was missing.
    var missing = 0
}

/// The scan sink of `AggregateRequest`: groups rows by the raw bytes of their key fields and
/// accumulates exact sums. Keys are typed only at the end (`finish`), once per distinct key.
final class GroupAggregator: ScanSink {
    let plan: AggregatePlan
    private let core: UnsafeMutablePointer<AggregatorCore>

    init(plan: AggregatePlan) {
        self.plan = plan
        core = .allocate(capacity: 1)
        core.initialize(to: AggregatorCore(plan: plan))
        super.init()
    }

    deinit {
        core.pointee.release()
        core.deinitialize(count: 1)
        core.deallocate()
    }

    override func field(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) { core.pointee.field(column, bytes) }
    override func skipRecord() { core.pointee.resetRow() }
    override func endRecord(_ record: Int, fieldCount: Int) -> Bool { core.pointee.endRecord(record, fieldCount: fieldCount) }
    override func absorb(_ later: ScanSink, recordOffset: Int) {
        core.pointee.absorb(unsafeDowncast(later, to: GroupAggregator.self).core.pointee, recordOffset: recordOffset)
    }

    override var problems: [PendingProblem] { core.pointee.problems }
    override var problemCount: Int { core.pointee.problemCount }

    /// File-level problems: sums beyond the exact range.
    override func fileProblems(name: String) -> [Problem] {
        plan.values.indices.compactMap { v in
            core.pointee.overflowed[v] ? Problem(file: name, message:
                "column \(quotedForMessage(plan.values[v].name)): a sum is beyond the 38 digits TIPStat sums exactly") : nil
        }
    }

    /// The grouped table, with key problems added to `problems`.
    override func finish(name: String) -> Table? {
        core.pointee.finish(name: name)
    }
}

/// The aggregator's state, kept behind a pointer so that the per-field work runs without
/// reference counting or exclusivity checks.
struct AggregatorCore {
    let plan: AggregatePlan
    let keyCount: Int, valueCount: Int, filterCount: Int, columnCount: Int
    let keyRole: UnsafeMutablePointer<Int>, valueRole: UnsafeMutablePointer<Int>, filterRole: UnsafeMutablePointer<Int>
    var keyBuffer: UnsafeMutablePointer<UInt8>
    var keyUsed = 0, keyCapacity = 256, keyParts = 0
    let pendingUnits: UnsafeMutablePointer<Int128>
    let pendingScale: UnsafeMutablePointer<Int>
    /// `NumberForm` raw value of the row's value in each slot; 0 when missing.
    let pendingForm: UnsafeMutablePointer<UInt8>
    let filterMatched: UnsafeMutablePointer<Bool>
    var table = GroupKeyTable()
    var counts: UnsafeMutablePointer<Int>
    var firstRecord: UnsafeMutablePointer<Int>
    var accumulators: UnsafeMutablePointer<Accumulator>
    var groupCapacity = 64
    let scales: UnsafeMutablePointer<Int>
    let forms: UnsafeMutablePointer<UInt8>
    let overflowed: UnsafeMutablePointer<Bool>
    var rowProblems: [PendingProblem] = []
    var problems: [PendingProblem] = []
    var problemCount = 0

    init(plan: AggregatePlan) {
        self.plan = plan
        keyCount = plan.keyColumns.count
        valueCount = plan.values.count
        filterCount = plan.filters.count
        columnCount = plan.names.count
        func copy(_ a: [Int]) -> UnsafeMutablePointer<Int> {
            let p = UnsafeMutablePointer<Int>.allocate(capacity: max(a.count, 1))
            p.initialize(from: a, count: a.count)
            return p
        }
        keyRole = copy(plan.keyRole)
        valueRole = copy(plan.valueRole)
        filterRole = copy(plan.filterRole)
        keyBuffer = .allocate(capacity: keyCapacity)
        let v = max(valueCount, 1)
        pendingUnits = .allocate(capacity: v)
        pendingScale = .allocate(capacity: v)
        pendingForm = .allocate(capacity: v)
        pendingForm.initialize(repeating: 0, count: v)
        scales = .allocate(capacity: v)
        scales.initialize(repeating: 0, count: v)
        forms = .allocate(capacity: v)
        forms.initialize(repeating: 0, count: v)
        overflowed = .allocate(capacity: v)
        overflowed.initialize(repeating: false, count: v)
        filterMatched = .allocate(capacity: max(filterCount, 1))
        filterMatched.initialize(repeating: false, count: max(filterCount, 1))
        counts = .allocate(capacity: groupCapacity)
        firstRecord = .allocate(capacity: groupCapacity)
        accumulators = .allocate(capacity: groupCapacity * v)
    }

    func release() {
        for p in [keyRole, valueRole, filterRole, scales] { p.deallocate() }
        keyBuffer.deallocate()
        pendingUnits.deallocate()
        pendingScale.deallocate()
        pendingForm.deallocate()
        forms.deallocate()
        overflowed.deallocate()
        filterMatched.deallocate()
        counts.deallocate()
        firstRecord.deallocate()
        accumulators.deallocate()
        table.release()
    }

    // MARK: per field

    @inline(__always) mutating func field(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        if keyRole[column] >= 0 { appendKey(bytes) }
        let slot = valueRole[column]
        if slot >= 0 { value(slot, column, bytes) }
        let f = filterRole[column]
        if f >= 0 && !filterMatched[f] {
            let t = FieldParser.trim(bytes)
            filterMatched[f] = plan.filters[f].accepted.contains { $0.elementsEqual(t) }
        }
    }

    @inline(__always) mutating func appendKey(_ bytes: UnsafeBufferPointer<UInt8>) {
        appendKeyPart(length: UInt32(truncatingIfNeeded: bytes.count), bytes.baseAddress)
    }

    /// A key part is its length (4 bytes; `UInt32.max` for a field the row does not have)
    /// followed by its bytes.
    @inline(__always) mutating func appendKeyPart(length: UInt32, _ p: UnsafePointer<UInt8>?) {
        let n = length == .max ? 0 : Int(length)
        if keyUsed + 4 + n > keyCapacity {
            var capacity = keyCapacity * 2
            while capacity < keyUsed + 4 + n { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: keyBuffer, count: keyUsed)
            keyBuffer.deallocate()
            keyBuffer = grown
            keyCapacity = capacity
        }
        UnsafeMutableRawPointer(keyBuffer + keyUsed).storeBytes(of: length, as: UInt32.self)
        if n > 0, let p { (keyBuffer + keyUsed + 4).update(from: p, count: n) }
        keyUsed += 4 + n
        keyParts += 1
    }

    @inline(__always) mutating func value(_ slot: Int, _ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        switch FieldParser.exactNumber(bytes) {
        case .value(let d, let form):
            if plan.numericNull && isNull(bytes) { return }
            pendingUnits[slot] = d.units
            pendingScale[slot] = d.scale
            pendingForm[slot] = form.rawValue
        case .mismatch:
            if isNull(bytes) { return }
            rowProblems.append(PendingProblem(record: 0, field: column, column: column + 1,
                                              message: AggregatorCore.notANumber(plan.names[column], bytes)))
        case .invalid(let why):
            let text = String(decoding: FieldParser.trim(bytes), as: UTF8.self)
            rowProblems.append(PendingProblem(record: 0, field: column, column: column + 1,
                                              message: "column \(quotedForMessage(plan.names[column])): \(quotedForMessage(text)) \(why)"))
        }
    }

    /// The message for a value column's field that is not a number, in `TableLoader`'s words.
    static func notANumber(_ name: String, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let why = FieldText.validate(bytes) { return "column \(quotedForMessage(name)): the field \(why)" }
        let text = String(decoding: FieldParser.trim(bytes), as: UTF8.self)
        if let artefact = SpreadsheetArtefact.classify(text) {
            return "column \(quotedForMessage(name)): \(quotedForMessage(text)) is \(artefact), not a value"
        }
        return "column \(quotedForMessage(name)): expected a number, found \(quotedForMessage(text))"
    }

    func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let t = FieldParser.trim(bytes)
        return plan.nullBytes.contains { $0.elementsEqual(t) || $0.elementsEqual(bytes) }
    }

    // MARK: per record

    mutating func resetRow() {
        keyUsed = 0
        keyParts = 0
        for v in 0..<valueCount { pendingForm[v] = 0 }
        for f in 0..<filterCount { filterMatched[f] = false }
        if !rowProblems.isEmpty { rowProblems.removeAll(keepingCapacity: true) }
    }

    @inline(__always) mutating func endRecord(_ record: Int, fieldCount: Int) -> Bool {
        if fieldCount != columnCount {
            addProblem(.raggedRow(record: record, fieldCount: fieldCount, columnCount: columnCount))
        }
        var keep = true
        for f in 0..<filterCount where !filterMatched[f] { keep = false }
        if keep {
            while keyParts < keyCount { appendKeyPart(length: .max, nil) }
            let (g, isNew) = table.find(UnsafeRawBufferPointer(start: keyBuffer, count: keyUsed))
            if isNew { addGroup(g, firstRecord: record) }
            counts[g] &+= 1
            let row = accumulators + g &* valueCount
            for v in 0..<valueCount {
                let form = pendingForm[v]
                if form == 0 {
                    row[v].missing &+= 1
                } else {
                    add(pendingUnits[v], scale: pendingScale[v], to: &row[v], slot: v)
                    forms[v] |= form
                }
            }
            if !rowProblems.isEmpty {
                for var p in rowProblems {
                    p.record = record
                    addProblem(p)
                }
            }
        }
        resetRow()
        return !(plan.strict && problemCount > 0)
    }

    mutating func addProblem(_ p: PendingProblem) {
        problemCount += 1
        if problems.count < AggregateResult.problemLimit { problems.append(p) }
    }

    mutating func addGroup(_ g: Int, firstRecord record: Int) {
        if g == groupCapacity {
            let capacity = groupCapacity * 2
            counts = grow(counts, from: groupCapacity, to: capacity)
            firstRecord = grow(firstRecord, from: groupCapacity, to: capacity)
            accumulators = grow(accumulators, from: groupCapacity * max(valueCount, 1), to: capacity * max(valueCount, 1))
            groupCapacity = capacity
        }
        counts[g] = 0
        firstRecord[g] = record
        (accumulators + g * valueCount).initialize(repeating: Accumulator(), count: valueCount)
    }

    private func grow<T>(_ p: UnsafeMutablePointer<T>, from old: Int, to new: Int) -> UnsafeMutablePointer<T> {
        let q = UnsafeMutablePointer<T>.allocate(capacity: new)
        q.moveInitialize(from: p, count: old)
        p.deallocate()
        return q
    }

    @inline(__always) mutating func add(_ units: Int128, scale: Int, to a: inout Accumulator, slot v: Int) {
        var u = units
        if scale != scales[v] {
            if scale > scales[v] {
                rescale(slot: v, to: scale)
            } else if let scaled = ExactDecimal.scaled(units, by: scales[v] - scale) {
                u = scaled
            } else {
                overflowed[v] = true
                return
            }
        }
        let (s, overflow) = a.sum.addingReportingOverflow(u)
        if overflow { overflowed[v] = true } else { a.sum = s }
        if a.n == 0 {
            a.min = u
            a.max = u
        } else {
            if u < a.min { a.min = u }
            if u > a.max { a.max = u }
        }
        a.n &+= 1
    }

    /// Moves every group's slot `v` to a larger scale (a value with more decimal places came).
    mutating func rescale(slot v: Int, to scale: Int) {
        let places = scale - scales[v]
        for g in 0..<table.count {
            let a = accumulators + g * valueCount + v
            guard a.pointee.n > 0 else { continue }
            if let s = ExactDecimal.scaled(a.pointee.sum, by: places), let lo = ExactDecimal.scaled(a.pointee.min, by: places),
               let hi = ExactDecimal.scaled(a.pointee.max, by: places) {
                a.pointee.sum = s
                a.pointee.min = lo
                a.pointee.max = hi
            } else {
                overflowed[v] = true
            }
        }
        scales[v] = scale
    }

    // MARK: merging parts

    mutating func absorb(_ other: AggregatorCore, recordOffset: Int) {
        for v in 0..<valueCount {
            if other.scales[v] > scales[v] { rescale(slot: v, to: other.scales[v]) }
            forms[v] |= other.forms[v]
            if other.overflowed[v] { overflowed[v] = true }
        }
        for og in 0..<other.table.count {
            let (g, isNew) = table.find(other.table.key(og))
            if isNew { addGroup(g, firstRecord: other.firstRecord[og] + recordOffset) }
            counts[g] += other.counts[og]
            for v in 0..<valueCount {
                let b = other.accumulators[og * valueCount + v]
                accumulators[g * valueCount + v].missing += b.missing
                guard b.n > 0 else { continue }
                let places = scales[v] - other.scales[v]
                guard let sum = ExactDecimal.scaled(b.sum, by: places), let lo = ExactDecimal.scaled(b.min, by: places),
                      let hi = ExactDecimal.scaled(b.max, by: places) else {
                    overflowed[v] = true
                    continue
                }
                combine(&accumulators[g * valueCount + v], Accumulator(sum: sum, min: lo, max: hi, n: b.n, missing: 0), slot: v)
            }
        }
        for var p in other.problems {
            p.record += recordOffset
            problems.append(p)
        }
        problemCount += other.problemCount
    }

    /// Adds `b` (at the same scale) into `a`.
    mutating func combine(_ a: inout Accumulator, _ b: Accumulator, slot v: Int) {
        a.missing += b.missing
        guard b.n > 0 else { return }
        if a.n == 0 {
            a.sum = b.sum
            a.min = b.min
            a.max = b.max
        } else {
            let (s, overflow) = a.sum.addingReportingOverflow(b.sum)
            if overflow { overflowed[v] = true } else { a.sum = s }
            a.min = Swift.min(a.min, b.min)
            a.max = Swift.max(a.max, b.max)
        }
        a.n += b.n
    }

    // MARK: the result

    /// The distinct texts of one key column, numbered, with where each first occurs.
    private struct KeyTexts {
        var table = GroupKeyTable()
        var firstRecord: [Int] = []
        var rows: [Int] = []
        /// Typed value of each distinct text.
        var values: [Value] = []
    }

    /// Types the keys once per distinct text, merges groups whose typed keys are equal, and
    /// sorts them; the work grows with the number of groups and distinct texts, not of rows.
    mutating func finish(name: String) -> Table {
        let groups = table.count
        let columnOrder = plan.keyColumns.sorted()
        let byPosition = columnOrder.map { c in plan.keyColumns.firstIndex(of: c)! }
        var texts = (0..<keyCount).map { _ in KeyTexts() }
        defer { for t in texts { t.table.release() } }
        // The distinct text number of each group's key part, in --by order.
        var groupText = [Int](repeating: 0, count: groups * keyCount)
        var part: [UInt8] = []
        for g in 0..<groups {
            let key = table.key(g)
            var offset = 0
            for p in 0..<keyCount {
                let length = key.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
                offset += 4
                // Tagged: 0 for a field the row did not have, 1 before a field's bytes.
                part.removeAll(keepingCapacity: true)
                if length == .max {
                    part.append(0)
                } else {
                    part.append(1)
                    part.append(contentsOf: key[offset..<(offset + Int(length))])
                    offset += Int(length)
                }
                let k = byPosition[p]
                let (id, isNew) = part.withUnsafeBytes { texts[k].table.find($0) }
                if isNew {
                    texts[k].firstRecord.append(firstRecord[g])
                    texts[k].rows.append(counts[g])
                } else {
                    texts[k].firstRecord[id] = Swift.min(texts[k].firstRecord[id], firstRecord[g])
                    texts[k].rows[id] += counts[g]
                }
                groupText[g * keyCount + k] = id
            }
        }
        var keyTypes: [ColumnType] = []
        // Per key column: the rank of each distinct text's typed value in the sort order;
        // texts whose values are equal share a rank.
        var ranks: [[Int32]] = []
        var rankedValues: [[Value]] = []
        for k in 0..<keyCount {
            keyTypes.append(typeKeys(&texts[k], column: plan.keyColumns[k]))
            var distinctValues: [Value: Int] = [:]
            distinctValues.reserveCapacity(texts[k].values.count)
            var values: [Value] = []
            for v in texts[k].values where distinctValues[v] == nil {
                distinctValues[v] = values.count
                values.append(v)
            }
            let order = values.indices.sorted { AggregatorCore.precedes(values[$0], values[$1]) }
            var rankOfValue = [Int32](repeating: 0, count: values.count)
            for (rank, i) in order.enumerated() { rankOfValue[i] = Int32(rank) }
            ranks.append(texts[k].values.map { rankOfValue[distinctValues[$0]!] })
            rankedValues.append(order.map { values[$0] })
        }

        // Groups whose keys type alike (1,841 and 1841) are one group.
        var merged = GroupKeyTable()
        defer { merged.release() }
        var mergedRanks: [Int32] = []
        var mergedCounts: [Int] = []
        var mergedAccumulators: [Accumulator] = []
        var rankKey = [Int32](repeating: 0, count: keyCount)
        for g in 0..<groups {
            for k in 0..<keyCount { rankKey[k] = ranks[k][groupText[g * keyCount + k]] }
            let (m, isNew) = rankKey.withUnsafeBytes { merged.find($0) }
            if isNew {
                mergedRanks.append(contentsOf: rankKey)
                mergedCounts.append(counts[g])
                for v in 0..<valueCount { mergedAccumulators.append(accumulators[g * valueCount + v]) }
            } else {
                mergedCounts[m] += counts[g]
                for v in 0..<valueCount { combine(&mergedAccumulators[m * valueCount + v], accumulators[g * valueCount + v], slot: v) }
            }
        }
        let order = (0..<merged.count).sorted { a, b in
            for k in 0..<keyCount where mergedRanks[a * keyCount + k] != mergedRanks[b * keyCount + k] {
                return mergedRanks[a * keyCount + k] < mergedRanks[b * keyCount + k]
            }
            return false
        }

        var columns: [Column] = []
        for k in 0..<keyCount {
            columns.append(Column(name: plan.names[plan.keyColumns[k]], type: keyTypes[k],
                                  values: order.map { rankedValues[k][Int(mergedRanks[$0 * keyCount + k])] }))
        }
        if plan.count {
            columns.append(Column(name: "count", type: .integer, values: order.map { .integer(mergedCounts[$0]) }))
        }
        for (v, spec) in plan.values.enumerated() {
            let form = forms[v]
            let type: ColumnType = form == NumberForm.currency.rawValue ? .currency
                : form == NumberForm.percent.rawValue ? .percent
                : form == NumberForm.integer.rawValue ? .integer : .double
            let accs = order.map { mergedAccumulators[$0 * valueCount + v] }
            func typed(_ units: Int128) -> Value {
                let d = ExactDecimal(units: units, scale: scales[v])
                switch type {
                case .integer: return d.integer.map(Value.integer) ?? .double(d.double)
                case .currency: return .currency(d.double)
                case .percent: return .percent(d.double)
                default: return .double(d.double)
                }
            }
            let exactType: ColumnType = type == .integer && accs.contains(where: { a in
                a.n > 0 && ExactDecimal(units: a.sum, scale: scales[v]).integer == nil }) ? .double : type
            if spec.sum {
                columns.append(Column(name: "sum_" + spec.name, type: exactType, values: accs.map { $0.n == 0 ? .missing : typed($0.sum) }))
            }
            if spec.mean {
                let meanType: ColumnType = type == .integer ? .double : type
                columns.append(Column(name: "mean_" + spec.name, type: meanType, values: accs.map { a -> Value in
                    guard a.n > 0 else { return .missing }
                    let mean = ExactDecimal(units: a.sum, scale: scales[v]).double / Double(a.n)
                    switch meanType {
                    case .currency: return .currency(mean)
                    case .percent: return .percent(mean)
                    default: return .double(mean)
                    }
                }))
            }
            if spec.min {
                columns.append(Column(name: "min_" + spec.name, type: type, values: accs.map { $0.n == 0 ? .missing : typed($0.min) }))
            }
            if spec.max {
                columns.append(Column(name: "max_" + spec.name, type: type, values: accs.map { $0.n == 0 ? .missing : typed($0.max) }))
            }
            columns.append(Column(name: "missing_" + spec.name, type: .integer, values: accs.map { .integer($0.missing) }))
        }
        return Table(name: name, columns: columns, rowLines: Array(repeating: 0, count: order.count))
    }

    /// Types the distinct texts of one key column as `TableLoader` types a column, reporting
    /// texts that are not values once each, at their first row.
    private mutating func typeKeys(_ texts: inout KeyTexts, column c: Int) -> ColumnType {
        let name = plan.names[c]
        let count = texts.table.count
        var clean = [String?](repeating: nil, count: count)
        for id in 0..<count {
            let tagged = texts.table.key(id)
            guard tagged[0] == 1 else { continue }   // a short row: reported as such
            let raw = UnsafeBufferPointer(rebasing: tagged.bindMemory(to: UInt8.self)[1...])
            let message: String? = {
                if let why = FieldText.validate(raw) { return "column \(quotedForMessage(name)): the field \(why)" }
                let text = String(decoding: raw, as: UTF8.self)
                let t = text.trimmingSpaces
                if plan.nullTokens.contains(t) || plan.nullTokens.contains(text) { return nil }
                if let artefact = SpreadsheetArtefact.classify(t) {
                    return "column \(quotedForMessage(name)): \(quotedForMessage(t)) is \(artefact), not a value"
                }
                clean[id] = t
                return nil
            }()
            if let message { addKeyProblem(message, texts, id, column: c) }
        }
        // Inference depends on which texts occur, not on their order or number.
        let type = TypeInference.infer(clean.filter { $0 != nil })
        texts.values = Array(repeating: .missing, count: count)
        for id in 0..<count {
            guard let text = clean[id] else { continue }
            switch FieldParser.read(text, as: type) {
            case .value(let v): texts.values[id] = v
            case .invalid(let why):
                addKeyProblem("column \(quotedForMessage(name)): \(quotedForMessage(text)) \(why)", texts, id, column: c)
            case .mismatch:
                addKeyProblem("column \(quotedForMessage(name)): expected \(type.expectation), found \(quotedForMessage(text))", texts, id, column: c)
            }
        }
        return type
    }

    private mutating func addKeyProblem(_ message: String, _ texts: KeyTexts, _ id: Int, column c: Int) {
        let rows = texts.rows[id]
        let suffix = rows > 1 ? " (in \(rows) rows; the first is shown)" : ""
        // Kept whatever the count: the locator keeps the first problems in file order.
        problemCount += 1
        problems.append(PendingProblem(record: texts.firstRecord[id], field: c, column: c + 1, message: message + suffix))
    }

    /// Sort order of typed keys: missing last, numbers by value, periods and dates in time,
    /// text by Unicode code points.
    static func precedes(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.missing, _): return false
        case (_, .missing): return true
        case let (.integer(x), .integer(y)): return x < y
        case let (.period(x), .period(y)): return x < y
        case let (.date(x), .date(y)): return x < y
        case let (.boolean(x), .boolean(y)): return !x && y
        case let (.string(x), .string(y)): return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
        default:
            if let x = a.number, let y = b.number { return x < y }
            return a.description.unicodeScalars.lexicographicallyPrecedes(b.description.unicodeScalars)
        }
    }
}
