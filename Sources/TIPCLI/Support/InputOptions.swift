import ArgumentParser
import TIPTable
import TIPDomain

extension OutputFormat: ExpressibleByArgument {}
extension DatasetKind: ExpressibleByArgument {}
extension DateOrder: ExpressibleByArgument {}

/// How input files are read: shared by every command that reads CSV.
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Field delimiter: , ; | or tab (default: detected).", valueName: "char"))
    var delimiter: String?

    @Option(name: .customLong("null"), help: ArgumentHelp(
        "A text read as a missing value; repeat for several. Replaces the defaults: empty, NA, N/A, NULL, -, —.",
        valueName: "text"))
    var nullTokens: [String] = []

    @Option(help: ArgumentHelp(
        "The files' text encoding: utf-8 or windows-1252 (also cp1252, latin1, iso-8859-1). Default: the metadata's, else UTF-8.",
        valueName: "name"))
    var encoding: String?

    @Option(help: ArgumentHelp("How date cells are written: iso (2016-03-04), mdy (3/4/2016) or dmy (4/3/2016).", valueName: "order"))
    var dateOrder: DateOrder = .iso

    @Flag(help: "Stop at the first problem.")
    var strict = false

    @Option(help: ArgumentHelp("Largest field accepted, in bytes.", valueName: "n"))
    var maxFieldBytes: Int = ReaderLimits().maxFieldBytes

    @Option(help: ArgumentHelp("Most fields accepted in one row.", valueName: "n"))
    var maxFields: Int = ReaderLimits().maxFieldsPerRow

    @Option(help: ArgumentHelp(
        "Largest file accepted, in bytes (default 268435456, 256 MiB, for commands that hold the table; 17179869184, 16 GiB, for the streaming aggregate and series).",
        valueName: "n"))
    var maxFileBytes: Int64?

    @Option(help: ArgumentHelp("Largest metadata file (NAME.csv-metadata.json) accepted, in bytes.", valueName: "n"))
    var maxMetadataBytes: Int = ReaderLimits().maxMetadataBytes

    @Option(help: ArgumentHelp("Errors reported in a file before its checking stops.", valueName: "n"))
    var maxErrors: Int = ReaderLimits().maxErrors

    func validate() throws {
        if let delimiter, CSVDialect(delimiterName: delimiter) == nil {
            throw ValidationError("--delimiter must be one character such as , ; | or the word tab, not \"\(delimiter)\"")
        }
        if let encoding, TextEncoding(label: encoding) == nil {
            throw ValidationError("--encoding must be one of \(TextEncoding.labels), not \"\(encoding)\"")
        }
        guard maxFieldBytes > 0, maxFields > 0, (maxFileBytes ?? 1) > 0, maxMetadataBytes > 0, maxErrors > 0 else {
            throw ValidationError("the --max-* limits must be positive")
        }
    }

    /// The options as given. `streaming` commands, whose memory does not grow with the file,
    /// default to a larger file-size cap.
    func loadOptions(raw: Bool = false, streaming: Bool = false) -> LoadOptions {
        LoadOptions(
            dialect: delimiter.flatMap(CSVDialect.init(delimiterName:)),
            nullTokens: nullTokens.isEmpty ? LoadOptions.defaultNullTokens : Set(nullTokens),
            raw: raw, strict: strict,
            limits: ReaderLimits(maxFieldBytes: maxFieldBytes, maxFieldsPerRow: maxFields,
                                 maxFileBytes: maxFileBytes ?? (streaming ? ReaderLimits.streamingMaxFileBytes : ReaderLimits().maxFileBytes),
                                 maxMetadataBytes: maxMetadataBytes, maxErrors: maxErrors),
            encoding: encoding.flatMap(TextEncoding.init(label:)), dateOrder: dateOrder)
    }
}

/// Which schema a file is checked against.
struct SchemaOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Check against this schema instead of the one the metadata names.", valueName: "kind"))
    var schema: DatasetKind?

    @Option(name: .customLong("statute"), help: ArgumentHelp("Accept this statute number as known; repeat for several.", valueName: "number"))
    var extraStatutes: [String] = []
}

extension Dataset {
    /// Loads a dataset as the CLI options say; the path is resolved against the console's
    /// folder and messages name the file as the user wrote it.
    static func load(_ path: String, input: InputOptions, schema: SchemaOptions? = nil, raw: Bool = false) -> Dataset {
        Dataset.load(Console.current.input(path), kind: schema?.schema,
                     options: input.loadOptions(raw: raw), extraStatutes: Set(schema?.extraStatutes ?? []))
    }
}
