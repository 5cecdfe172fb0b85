import TIPTable

/// Loads CSV text given in a test, with the name `t.csv` in messages.
func load(_ text: String, _ options: LoadOptions = LoadOptions()) -> LoadResult {
    var o = options
    o.readMetadata = false
    return TableLoader(options: o).load(.bytes(Array(text.utf8), name: "t.csv"))
}

func load(bytes: [UInt8], _ options: LoadOptions = LoadOptions()) -> LoadResult {
    TableLoader(options: options).load(.bytes(bytes, name: "t.csv"))
}

/// Every record of CSV text as strings, with the line each record starts on.
func records(_ text: String, dialect: CSVDialect? = nil, chunkSize: Int = 1 << 16) throws -> [(line: Int, fields: [String])] {
    var out: [(Int, [String])] = []
    try CSVReader(dialect: dialect, chunkSize: chunkSize).read(.bytes(Array(text.utf8), name: "t.csv")) { r in
        out.append((r.line, (0..<r.count).map { r.lossyString(at: $0) }))
    }
    return out
}

func messages(_ r: LoadResult) -> [String] { r.problems.map(\.description) }
