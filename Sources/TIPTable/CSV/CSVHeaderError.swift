/// A column a command asked for is not in the header.
///
/// ```swift
/// do { _ = try header.column("town") } catch { print(error.message) }   // no column "town" in the header (columns: ...)
/// ```
public struct CSVHeaderError: Error, Sendable {
    public var message: String
}
