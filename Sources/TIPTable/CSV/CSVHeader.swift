/// The header row of a CSV file and the dialect it is written in, read before a scan so that
/// every part of a parallel scan knows the columns.
///
/// ```swift
/// if case .success(let header) = CSVHeader.read(.path("cases.csv")) {
///     print(header.names, header.dialect)
/// }
/// ```
public struct CSVHeader: Sendable {
    /// Column names, spaces trimmed.
    public var names: [String]
    /// Physical line of the header row.
    public var line: Int
    public var dialect: CSVDialect

    /// Reads the first record. A file with no record, or with an unreadable first record, is
    /// a problem.
    public static func read(_ input: CSVInput, dialect: CSVDialect? = nil,
                            limits: ReaderLimits = ReaderLimits()) -> Result<CSVHeader, Problem> {
        var names: [String]? = nil
        var line = 0
        do {
            let used = try CSVReader(dialect: dialect, limits: limits).read(input) { record in
                line = record.line
                names = (0..<record.count).map { record.lossyString(at: $0).trimmingSpaces }
                throw CSVReader.Stop()
            }
            guard let names else { return .failure(Problem(file: input.name, message: "the file is empty: a header row is expected")) }
            return .success(CSVHeader(names: names, line: line, dialect: used))
        } catch let failure as CSVReadError {
            return .failure(failure.problem)
        } catch {
            return .failure(Problem(file: input.name, message: "\(error)"))
        }
    }

    /// The index of a column named as the user wrote it (loosely: `Case ID` finds `case_id`).
    public func column(_ name: String) throws(CSVHeaderError) -> Int {
        guard let i = ColumnName.index(of: name, in: names) else {
            throw CSVHeaderError(message: "no column \(quotedForMessage(name)) in the header (columns: \(names.map { quotedForMessage($0) }.joined(separator: ", ")))")
        }
        return i
    }
}
