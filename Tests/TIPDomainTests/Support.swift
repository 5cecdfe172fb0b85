import TIPTable
import TIPDomain

/// The repository's root, from this file's path (tests run from a clean clone).
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

let datasetsFolder = repositoryRoot + "/Datasets"

func dataset(_ text: String, kind: DatasetKind, statutes: Set<String> = []) -> Dataset {
    Dataset.load(.bytes(Array(text.utf8), name: "d.csv"), kind: kind, options: LoadOptions(readMetadata: false), extraStatutes: statutes)
}

func messages(_ d: Dataset) -> [String] { d.problems.map(\.description) }
