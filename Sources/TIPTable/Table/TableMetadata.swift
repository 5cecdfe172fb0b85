import Foundation
import TIPPlatform

/// What a dataset's metadata file says of one column, in the W3C CSVW vocabulary.
public struct ColumnMetadata: Sendable, Hashable {
    public var name: String
    public var title: String?
    public var description: String?
    /// TIPStat's type: `tipstat:type` when given, otherwise mapped from the CSVW datatype.
    public var type: ColumnType?
    /// Unit of measure (`tipstat:unit`): "arrests", "USD", "percent".
    public var unit: String?
    public var nullTokens: [String]?
    public var required: Bool

    public init(name: String, title: String? = nil, description: String? = nil, type: ColumnType? = nil,
                unit: String? = nil, nullTokens: [String]? = nil, required: Bool = false) {
        self.name = name
        self.title = title
        self.description = description
        self.type = type
        self.unit = unit
        self.nullTokens = nullTokens
        self.required = required
    }
}

/// A dataset's metadata: the `NAME.csv-metadata.json` file beside `NAME.csv`, in the W3C CSV on
/// the Web vocabulary (CSVW) where it fits — `dc:title`, `dc:source`, `dc:description`,
/// `tableSchema.columns` with `name`, `titles`, `datatype`, `null`, `required` — and
/// `tipstat:` properties for what CSVW lacks (`tipstat:schema`, `tipstat:type`,
/// `tipstat:unit`). `notes` holds free-text notes.
public struct TableMetadata: Sendable, Hashable {
    public var title: String?
    public var description: String?
    /// `dc:source`: the publications the data is transcribed from.
    public var source: String?
    public var license: String?
    /// `tipstat:schema`: judicial, referrals, demographics, hotline, providers, demand.
    public var schema: String?
    public var delimiter: String?
    /// The CSVW dialect's `encoding` (a label such as `utf-8` or `windows-1252`).
    public var encoding: String?
    public var nullTokens: [String]?
    public var columns: [ColumnMetadata]
    public var notes: [String]
    /// Extra statute numbers a judicial dataset may use (`tipstat:statutes`).
    public var statutes: [String]

    public init(title: String? = nil, description: String? = nil, source: String? = nil, license: String? = nil,
                schema: String? = nil, delimiter: String? = nil, nullTokens: [String]? = nil,
                columns: [ColumnMetadata] = [], notes: [String] = [], statutes: [String] = []) {
        self.title = title
        self.description = description
        self.source = source
        self.license = license
        self.schema = schema
        self.delimiter = delimiter
        self.nullTokens = nullTokens
        self.columns = columns
        self.notes = notes
        self.statutes = statutes
    }

    /// The metadata path CSVW looks for beside a CSV file: `NAME.csv-metadata.json`.
    public static func path(besides csvPath: String) -> String { csvPath + "-metadata.json" }

    /// Reads the metadata file at `path`. Returns nil when there is none; throws a problem
    /// naming the file when it exists but is not valid metadata, is not a regular file (a
    /// folder, a device, a pipe, a broken link: never waited on, never read without end), or is
    /// larger than `maxBytes`.
    public static func load(path: String, maxBytes: Int = ReaderLimits().maxMetadataBytes) throws(CSVReadError) -> TableMetadata? {
        func fail(_ message: String) -> CSVReadError { CSVReadError(problem: Problem(file: path, message: message)) }
        var link = stat()
        guard lstat(path, &link) == 0 else { return nil }
        // Non-blocking, so that opening a FIFO without a writer returns at once.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw fail("the metadata file is a symbolic link to a file that does not exist") }
            throw fail("cannot open the metadata file: " + String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw fail("cannot read the metadata file: " + String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw fail("the metadata path is a folder, not a JSON file")
        default: throw fail("the metadata path is a device, pipe or socket, not a JSON file")
        }
        let tooLarge = fail("the metadata file is larger than the limit of \(maxBytes) bytes (raise it with --max-metadata-bytes)")
        guard info.st_size <= maxBytes else { throw tooLarge }
        // Read at most one byte past the limit: the file may have grown since fstat.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw fail("cannot read the metadata file: " + String(cString: strerror(errno))) }
            if n == 0 { break }
            filled += n
        }
        guard filled <= maxBytes else { throw tooLarge }
        return try parse(Data(bytes[0..<filled]), name: path)
    }

    public static func parse(_ data: Data, name: String) throws(CSVReadError) -> TableMetadata {
        func fail(_ message: String) -> CSVReadError {
            CSVReadError(problem: Problem(file: name, message: message))
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw jsonFailure(error as NSError, data: data, name: name)
        }
        guard let root = object as? [String: Any] else { throw fail("the metadata must be a JSON object") }
        var meta = TableMetadata()
        meta.title = text(root["dc:title"] ?? root["title"])
        meta.description = text(root["dc:description"])
        meta.source = texts(root["dc:source"]).map { $0.joined(separator: "; ") }
        meta.license = text(root["dc:license"])
        meta.schema = text(root["tipstat:schema"])
        meta.notes = texts(root["notes"]) ?? []
        meta.statutes = texts(root["tipstat:statutes"]) ?? []
        if let dialect = root["dialect"] as? [String: Any] {
            meta.delimiter = text(dialect["delimiter"])
            meta.encoding = text(dialect["encoding"])
        }
        let schema = root["tableSchema"] as? [String: Any]
        meta.nullTokens = texts(schema?["null"] ?? root["null"])
        if let columns = schema?["columns"] {
            guard let list = columns as? [[String: Any]] else { throw fail("tableSchema.columns must be a list of objects") }
            for (i, c) in list.enumerated() {
                guard let columnName = text(c["name"]) ?? texts(c["titles"])?.first else {
                    throw fail("column \(i + 1) of tableSchema.columns has no name")
                }
                var type: ColumnType?
                if let t = text(c["tipstat:type"]) {
                    guard let known = ColumnType(rawValue: t) else {
                        throw fail("column \(quotedForMessage(columnName)): unknown tipstat:type \(quotedForMessage(t)) (expected one of \(ColumnType.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    type = known
                } else if let d = c["datatype"] {
                    let base = text(d) ?? text((d as? [String: Any])?["base"])
                    type = base.flatMap(csvwType)
                    if base != nil && type == nil {
                        throw fail("column \(quotedForMessage(columnName)): unsupported datatype \(quotedForMessage(base!))")
                    }
                }
                meta.columns.append(ColumnMetadata(
                    name: columnName, title: texts(c["titles"])?.first, description: text(c["dc:description"]),
                    type: type, unit: text(c["tipstat:unit"]), nullTokens: texts(c["null"]),
                    required: (c["required"] as? Bool) ?? false))
            }
        }
        return meta
    }

    /// A JSON syntax error located by line and column: Foundation reports "… around
    /// character N.", which is turned into the position a text editor shows.
    private static func jsonFailure(_ error: NSError, data: Data, name: String) -> CSVReadError {
        let detail = (error.userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
        var line: Int?, column: Int?
        if let range = detail.range(of: "character "),
           let offset = Int(detail[range.upperBound...].prefix { $0.isNumber }) {
            var l = 1, c = 1
            for byte in data.prefix(offset) {
                if byte == 10 { l += 1; c = 1 } else if byte & 0xC0 != 0x80 { c += 1 }
            }
            line = l
            column = c
        }
        let reason = detail.split(separator: " around character").first.map(String.init) ?? detail
        return CSVReadError(problem: Problem(file: name, line: line, column: column,
                                             message: "the metadata is not valid JSON: \(reason)"))
    }

    /// CSVW (XML Schema) datatypes mapped to TIPStat's column types.
    static func csvwType(_ name: String) -> ColumnType? {
        switch name {
        case "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
             "unsignedInt", "unsignedLong", "unsignedShort", "nonPositiveInteger", "negativeInteger":
            return .integer
        case "decimal", "double", "float", "number": return .double
        case "boolean": return .boolean
        case "date": return .date
        case "gYear", "gYearMonth": return .period
        case "string", "normalizedString", "token", "any", "anyURI", "json": return .string
        default: return nil
        }
    }

    /// A JSON string, or the first `@value` of a CSVW natural-language property.
    private static func text(_ v: Any?) -> String? {
        if let s = v as? String { return s }
        if let o = v as? [String: Any] { return o["@value"] as? String }
        if let a = v as? [Any], let first = a.first { return text(first) }
        return nil
    }

    private static func texts(_ v: Any?) -> [String]? {
        if let a = v as? [Any] { return a.compactMap { text($0) } }
        return text(v).map { [$0] }
    }

    /// The metadata of the column named `name`.
    public func column(_ name: String) -> ColumnMetadata? {
        columns.first { $0.name == name } ?? columns.first { ColumnName.matches($0.name, name) }
    }
}
