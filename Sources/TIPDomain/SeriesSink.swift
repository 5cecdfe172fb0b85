import TIPTable

/// The columns a series derivation reads, resolved against the header.
struct SeriesPlan: Sendable {
    let request: JudicialSeriesRequest
    let names: [String]
    let statute: Int, date: Int, disposition: Int, dispositionDate: Int?
    /// Conviction values, trimmed and lowercased, as bytes.
    let convictions: [[UInt8]]
    let nullBytes: [[UInt8]]
    let wanted: [Bool]

    init(_ request: JudicialSeriesRequest, header: CSVHeader) throws(CSVHeaderError) {
        self.request = request
        names = header.names
        statute = try header.column(request.statuteColumn)
        date = try header.column(request.dateColumn)
        disposition = try header.column(request.dispositionColumn)
        if let d = request.dispositionDateColumn { dispositionDate = try header.column(d) } else { dispositionDate = nil }
        convictions = request.convictionValues.map { Array($0.trimmingSpaces.lowercased().utf8) }
        nullBytes = request.nullTokens.map { Array($0.utf8) }
        let used = [statute, date, disposition] + (dispositionDate.map { [$0] } ?? [])
        wanted = names.indices.map { used.contains($0) }
    }

    /// The period number of a date: the year, or quarters or months counted from year 0.
    func ordinal(_ d: CalendarDate) -> Int32 {
        switch request.granularity {
        case .year: return Int32(d.year)
        case .quarter: return Int32(d.year * 4 + (d.month - 1) / 3)
        case .month: return Int32(d.year * 12 + d.month - 1)
        }
    }

    func period(_ ordinal: Int32) -> Period {
        let n = Int(ordinal)
        switch request.granularity {
        case .year: return Period(year: n)
        case .quarter:
            let y = n / 4, q = n % 4
            return Period(start: YearMonth(year: y, month: 3 * q + 1)!, end: YearMonth(year: y, month: 3 * q + 3)!)!
        case .month:
            let m = YearMonth(year: n / 12, month: n % 12 + 1)!
            return Period(start: m, end: m)!
        }
    }
}

/// The scan sink of `JudicialSeriesRequest`: counts charges and convictions by the raw bytes
/// of the statute and the period number; statutes are normalised and checked once per
/// distinct text at the end.
final class SeriesSink: ScanSink {
    let plan: SeriesPlan
    private let core: UnsafeMutablePointer<SeriesCore>

    init(plan: SeriesPlan) {
        self.plan = plan
        core = .allocate(capacity: 1)
        core.initialize(to: SeriesCore(plan: plan))
        super.init()
    }

    deinit {
        core.pointee.table.release()
        core.deinitialize(count: 1)
        core.deallocate()
    }

    override func field(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) { core.pointee.field(column, bytes) }
    override func skipRecord() { core.pointee.resetRow() }
    override func endRecord(_ record: Int, fieldCount: Int) -> Bool { core.pointee.endRecord(record, fieldCount: fieldCount) }
    override func absorb(_ later: ScanSink, recordOffset: Int) {
        core.pointee.absorb(unsafeDowncast(later, to: SeriesSink.self).core.pointee, recordOffset: recordOffset)
    }
    override var problems: [PendingProblem] { core.pointee.problems }
    override var problemCount: Int { core.pointee.problemCount }
    override func finish(name: String) -> Table? { core.pointee.finish(name: name) }
}

/// A date field's reading: a period number, missing, or a problem already noted.
enum DateReading { case period(Int32), missing, bad }

struct SeriesCore {
    let plan: SeriesPlan
    var table = GroupKeyTable()
    var arrests: [Int] = []
    var convictions: [Int] = []
    var firstRecord: [Int] = []
    // The current row.
    var statute: [UInt8] = []
    var statuteMissing = true
    var date: DateReading = .missing
    var dispositionDate: DateReading = .missing
    var convicted = false
    var key: [UInt8] = []
    var rowProblems: [PendingProblem] = []
    var problems: [PendingProblem] = []
    var problemCount = 0

    init(plan: SeriesPlan) {
        self.plan = plan
        statute.reserveCapacity(64)
        key.reserveCapacity(72)
    }

    mutating func field(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        if column == plan.statute {
            statute.removeAll(keepingCapacity: true)
            statute.append(contentsOf: bytes)
            statuteMissing = isNull(bytes)
        }
        if column == plan.date { date = readDate(column, bytes) }
        if column == plan.dispositionDate { dispositionDate = readDate(column, bytes) }
        if column == plan.disposition {
            let t = trimmed(bytes)
            convicted = plan.convictions.contains { value in
                value.count == t.count && zip(value, t).allSatisfy { $0 == ($1 >= 65 && $1 <= 90 ? $1 + 32 : $1) }
            }
        }
    }

    private func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = b.count
        while lo < hi && (b[lo] == 32 || b[lo] == 9) { lo += 1 }
        while hi > lo && (b[hi - 1] == 32 || b[hi - 1] == 9) { hi -= 1 }
        return UnsafeBufferPointer(rebasing: b[lo..<hi])
    }

    private func isNull(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let t = trimmed(b)
        return plan.nullBytes.contains { $0.elementsEqual(t) || $0.elementsEqual(b) }
    }

    /// ISO 8601 dates, also with a time after them (`2016-03-04T10:30`, `2016-03-04 10:30`), or
    /// dates in the request's other order (`3/4/2016`).
    private mutating func readDate(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> DateReading {
        if isNull(bytes) { return .missing }
        var t = trimmed(bytes)
        if plan.request.dateOrder != .iso {
            if let d = plan.request.dateOrder.date(t) { return .period(plan.ordinal(d)) }
            note(column, "expected \(plan.request.dateOrder.expectation), found \(quotedForMessage(String(decoding: t, as: UTF8.self)))")
            return .bad
        }
        if t.count > 10 && (t[10] == UInt8(ascii: "T") || t[10] == UInt8(ascii: " ")) { t = UnsafeBufferPointer(rebasing: t[0..<10]) }
        switch FieldParser.read(t, as: .date) {
        case .value(.date(let d)): return .period(plan.ordinal(d))
        case .invalid(let why):
            note(column, "\(quotedForMessage(String(decoding: t, as: UTF8.self))) \(why)")
        default:
            note(column, "expected \(ColumnType.date.expectation), found \(quotedForMessage(String(decoding: trimmed(bytes), as: UTF8.self)))")
        }
        return .bad
    }

    private mutating func note(_ column: Int, _ message: String) {
        rowProblems.append(PendingProblem(record: 0, field: column, column: column + 1,
                                          message: "column \(quotedForMessage(plan.names[column])): " + message))
    }

    mutating func resetRow() {
        statute.removeAll(keepingCapacity: true)
        statuteMissing = true
        date = .missing
        dispositionDate = .missing
        convicted = false
        if !rowProblems.isEmpty { rowProblems.removeAll(keepingCapacity: true) }
    }

    mutating func endRecord(_ record: Int, fieldCount: Int) -> Bool {
        if fieldCount != plan.names.count {
            add(.raggedRow(record: record, fieldCount: fieldCount, columnCount: plan.names.count))
        }
        if statuteMissing { note(plan.statute, "a value is required in every row") }
        if case .missing = date { note(plan.date, "a value is required in every row") }
        let convictionDate = plan.dispositionDate == nil ? date : dispositionDate
        if convicted, plan.dispositionDate != nil, case .missing = convictionDate {
            note(plan.dispositionDate!, "a conviction needs its disposition date")
        }
        if rowProblems.isEmpty {
            if case .period(let p) = date { count(record, p, conviction: false) }
            if convicted, case .period(let p) = convictionDate { count(record, p, conviction: true) }
        } else {
            for var p in rowProblems {
                p.record = record
                add(p)
            }
        }
        resetRow()
        return !(plan.request.strict && problemCount > 0)
    }

    private mutating func count(_ record: Int, _ period: Int32, conviction: Bool) {
        key.removeAll(keepingCapacity: true)
        withUnsafeBytes(of: period.littleEndian) { key.append(contentsOf: $0) }
        key.append(contentsOf: statute)
        let (g, isNew) = key.withUnsafeBytes { table.find($0) }
        if isNew {
            arrests.append(0)
            convictions.append(0)
            firstRecord.append(record)
        }
        if conviction { convictions[g] += 1 } else { arrests[g] += 1 }
    }

    private mutating func add(_ p: PendingProblem) {
        problemCount += 1
        if problems.count < AggregateResult.problemLimit { problems.append(p) }
    }

    mutating func absorb(_ other: SeriesCore, recordOffset: Int) {
        for og in 0..<other.table.count {
            let (g, isNew) = table.find(other.table.key(og))
            if isNew {
                arrests.append(0)
                convictions.append(0)
                firstRecord.append(other.firstRecord[og] + recordOffset)
            }
            arrests[g] += other.arrests[og]
            convictions[g] += other.convictions[og]
        }
        for var p in other.problems {
            p.record += recordOffset
            problems.append(p)
        }
        problemCount += other.problemCount
    }

    mutating func finish(name: String) -> Table {
        struct StatuteText { var normalized: String?; var firstRecord: Int; var rows: Int }
        var statutes: [[UInt8]: StatuteText] = [:]
        var periods: [Int32] = []
        var entries: [(raw: [UInt8], period: Int32, g: Int)] = []
        for g in 0..<table.count {
            let key = table.key(g)
            let period = Int32(littleEndian: key.loadUnaligned(as: Int32.self))
            let raw = Array(key[4...])
            entries.append((raw, period, g))
            var s = statutes[raw] ?? StatuteText(normalized: nil, firstRecord: firstRecord[g], rows: 0)
            s.firstRecord = min(s.firstRecord, firstRecord[g])
            s.rows += arrests[g]
            statutes[raw] = s
        }
        let extra = plan.request.extraStatutes
        let column = plan.statute
        for (raw, info) in statutes {
            let text = String(decoding: raw, as: UTF8.self)
            let statute = Statutes.normalized(text, sectionOnly: plan.request.sectionsOnly)
            let suffix = info.rows > 1 ? " (in \(info.rows) rows; the first is shown)" : ""
            let header = "column \(quotedForMessage(plan.names[column])): "
            if !Statutes.isWellFormed(statute) {
                problems.append(PendingProblem(record: info.firstRecord, field: column, column: column + 1, message:
                    header + "\(quotedForMessage(text)) is not a statute number such as 53a-192a or 53a-83(c)" + suffix))
                problemCount += 1
            } else if !Statutes.isKnown(statute, extra: extra) {
                problems.append(PendingProblem(record: info.firstRecord, field: column, column: column + 1, message:
                    header + "unknown statute \(quotedForMessage(statute)); if it is right, pass --statute \(Statutes.section(of: statute))" + suffix))
                problemCount += 1
            } else {
                statutes[raw]!.normalized = statute
            }
        }
        var counts: [String: [Int32: (arrests: Int, convictions: Int)]] = [:]
        for e in entries {
            guard let statute = statutes[e.raw]!.normalized else { continue }
            var c = counts[statute, default: [:]][e.period] ?? (0, 0)
            c.arrests += arrests[e.g]
            c.convictions += convictions[e.g]
            counts[statute, default: [:]][e.period] = c
            periods.append(e.period)
        }
        var rows: [[Value]] = []
        if let first = periods.min(), let last = periods.max() {
            for statute in counts.keys.sorted() {
                let offence = Statutes.offences[Statutes.section(of: statute)].map(Value.string) ?? .missing
                for p in first...last {
                    let c = counts[statute]![p] ?? (0, 0)
                    rows.append([.string(statute), offence, .period(plan.period(p)), .integer(c.arrests), .integer(c.convictions)])
                }
            }
        }
        let names: [(String, ColumnType)] = [("statute", .string), ("offence", .string), ("period", .period),
                                             ("arrests", .integer), ("convictions", .integer)]
        let columns = names.enumerated().map { i, nc in Column(name: nc.0, type: nc.1, values: rows.map { $0[i] }) }
        return Table(name: name, columns: columns, rowLines: Array(repeating: 0, count: rows.count))
    }
}
