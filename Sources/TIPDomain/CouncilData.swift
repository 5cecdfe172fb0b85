import TIPTable

/// Every dataset of a folder, checked against its schema and read into the council's records:
/// what the analyses, the figure set and the notebooks start from. Files are recognised by the
/// schema their metadata names (`tipstat:schema`); several files of one kind add their rows in
/// file-name order. A file without a schema is left out; a file with errors contributes no
/// records and its problems are kept, so a caller can refuse to draw from broken data.
///
/// ```swift
/// let data = try CouncilData.load(directory: "Datasets")
/// data.problems.filter { $0.severity == .error }   // []
/// data.referrals.map(\.referrals)                   // [4, 30, 31, 13, 94, 133, 151, 202, 456, 210, 241]
/// ```
public struct CouncilData: Sendable {
    /// The folder could not be read, or holds no dataset with a schema.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        /// The folder, as named to the loader.
        public let folder: String
        public let message: String

        public var description: String { "\(folder): error: \(message)" }
    }

    public var datasets: [Dataset]
    public var judicial: [JudicialRecord] = []
    public var referrals: [ReferralRecord] = []
    public var demographics: [DemographicRecord] = []
    public var hotline: [HotlineRecord] = []
    public var providers: [ProviderRecord] = []
    /// The demand factors; nil when no demand dataset is present.
    public var demand: DemandAssumptions?

    /// Builds the records from datasets already loaded.
    public init(datasets: [Dataset]) {
        self.datasets = datasets
        var demandRows: [RowReader] = []
        for d in datasets where !d.hasErrors {
            guard let kind = d.kind, let table = d.table else { continue }
            let rows = RowReader.rows(of: table, schema: kind.schema())
            switch kind {
            case .judicial: judicial += rows.compactMap(JudicialRecord.init)
            case .referrals: referrals += rows.compactMap(ReferralRecord.init)
            case .demographics: demographics += rows.compactMap(DemographicRecord.init)
            case .hotline: hotline += rows.compactMap(HotlineRecord.init)
            case .providers: providers += rows.compactMap(ProviderRecord.init)
            case .demand: demandRows += rows
            }
        }
        demand = demandRows.isEmpty ? nil : DemandAssumptions(rows: demandRows)
    }

    /// Loads every `*.csv` of `directory` (not its subfolders) with its metadata.
    ///
    /// - Parameter displayName: how the folder is named in file names and messages (default:
    ///   `directory` itself).
    /// - Throws: ``LoadError`` when the folder cannot be read or holds no dataset with a schema.
    public static func load(directory: String, displayName: String? = nil,
                            options: LoadOptions = LoadOptions()) throws(LoadError) -> CouncilData {
        let shown = displayName ?? directory
        guard let names = DirectoryListing.files(in: directory, suffix: ".csv") else {
            throw LoadError(folder: shown, message: "cannot read the folder")
        }
        let prefix = shown.hasSuffix("/") ? shown : shown + "/"
        let datasets = names.map { name in
            Dataset.unreadSpecialFile(directory + "/" + name, name: prefix + name)
                ?? Dataset.load(.file(directory + "/" + name, name: prefix + name), options: options)
        }.filter { $0.kind != nil || $0.hasErrors }
        guard !datasets.isEmpty else {
            throw LoadError(folder: shown, message: "the folder holds no dataset with a tipstat:schema in its metadata")
        }
        return CouncilData(datasets: datasets)
    }

    /// Every problem of every dataset, in file order.
    public var problems: [Problem] { datasets.flatMap(\.problems) }

    /// Whether any dataset has an error.
    public var hasErrors: Bool { datasets.contains(where: \.hasErrors) }

    /// The dataset of a kind (the first, when there are several).
    public func dataset(_ kind: DatasetKind) -> Dataset? { datasets.first { $0.kind == kind } }

    /// The distinct sources of the records used, in the order first met: for a figure's
    /// "Source:" line.
    public static func sources(_ provenances: [Provenance]) -> [String] {
        var seen = Set<String>()
        return provenances.compactMap(\.source).filter { seen.insert($0).inserted }
    }
}
