import FuzzSupport
import TIPTable

// The libcsv streaming reader on arbitrary bytes, at three chunk sizes so that every chunk
// boundary falls inside quotes, line ends and multi-byte characters. Invariants: it never
// crashes; it reads the same records and stops with the same problem at every chunk size;
// lines are located from 1 and never go backwards; limits hold; the records, written back with
// CSVWriter, read back the same.

/// What one read produced.
struct Reading: Equatable {
    var dialect: CSVDialect?
    var records: [[[UInt8]]] = []
    var fieldLines: [[Int]] = []
    var failure: Problem?
}

/// Small limits, so that inputs of a few kilobytes reach them.
let limits = ReaderLimits(maxFieldBytes: 300, maxFieldsPerRow: 40, maxFileBytes: 1 << 20)

func read(_ bytes: [UInt8], chunkSize: Int, dialect: CSVDialect? = nil) -> Reading {
    var reading = Reading()
    do {
        reading.dialect = try CSVReader(dialect: dialect, limits: limits, chunkSize: chunkSize)
            .read(.bytes(bytes, name: "fuzz.csv")) { record in
                reading.records.append((0..<record.count).map { Array(record.bytes($0)) })
                reading.fieldLines.append((0..<record.count).map { record.line(ofField: $0) })
            }
    } catch let error as CSVReadError {
        reading.failure = error.problem
    } catch {
        fatalError("the reader threw something other than a CSVReadError: \(error)")
    }
    return reading
}

/// Physical lines of the input: CRLF, CR and LF each end one.
func physicalLines(_ bytes: [UInt8]) -> Int {
    var count = 1, i = 0
    while i < bytes.count {
        if bytes[i] == 13 { count += 1; if i + 1 < bytes.count && bytes[i + 1] == 10 { i += 1 } }
        else if bytes[i] == 10 { count += 1 }
        i += 1
    }
    return count
}

fuzz { data in
    let bytes = Array(data)
    let whole = read(bytes, chunkSize: 1 << 16)
    let small = read(bytes, chunkSize: 16)
    let odd = read(bytes, chunkSize: 17 + bytes.count % 97)
    require(whole == small, "chunk 16 disagrees with 64 KiB: \(small.failure?.description ?? "records") vs \(whole.failure?.description ?? "records")")
    require(whole == odd, "an odd chunk size disagrees with 64 KiB")

    let lines = physicalLines(bytes)
    var previous = 1
    for (record, fieldLines) in zip(whole.records, whole.fieldLines) {
        require(!record.isEmpty && record.count <= limits.maxFieldsPerRow, "a record of \(record.count) fields")
        require(record.allSatisfy { $0.count <= limits.maxFieldBytes }, "a field over the limit")
        require(fieldLines.first! >= previous && zip(fieldLines, fieldLines.dropFirst()).allSatisfy { $0 <= $1 },
                "field lines go backwards: \(fieldLines) after \(previous)")
        require(fieldLines.last! <= lines, "line \(fieldLines.last!) of \(lines)")
        previous = fieldLines.last!
    }
    if let p = whole.failure {
        require(p.line.map { $0 >= 1 && $0 <= lines } ?? true, "problem line \(p.line!) of \(lines)")
        require(p.column.map { $0 >= 1 && $0 <= limits.maxFieldsPerRow + 1 } ?? true, "problem column \(p.column!)")
        require(p.line != nil || p.column == nil, "a column without a line")
        require(!p.message.isEmpty && !p.message.contains("\n"), "message \(p.message)")
        return
    }

    // Round trip: text records written with CSVWriter in the same dialect read back the same.
    guard let dialect = whole.dialect,
          whole.records.allSatisfy({ $0.allSatisfy { field in field.withUnsafeBufferPointer { FieldText.validate($0) == nil } } })
    else { return }
    let delimiter = Character(Unicode.Scalar(dialect.delimiter))
    var text = ""
    for record in whole.records {
        text += CSVWriter.line(record.map { CSVWriter.field(String(decoding: $0, as: UTF8.self), neutralise: false, delimiter: delimiter) },
                               delimiter: delimiter)
    }
    let again = read(Array(text.utf8), chunkSize: 1 << 16, dialect: dialect)
    require(again.failure == nil, "the written CSV does not read: \(again.failure!)")
    require(again.records == whole.records, "the written CSV reads back different records")
}
