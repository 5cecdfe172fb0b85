// swift-tools-version:6.1
import PackageDescription

// libFuzzer harnesses over the main package (`..`), one executable per harness, built with
// `-Xswiftc -sanitize=fuzzer,address` by `make fuzz`. They live apart from the main package
// because a fuzz executable only links with the fuzzer runtime.
//
// Adding a harness: one file, `Sources/NAMEFuzz/main.swift` calling `fuzz { bytes in ... }`, and
// one line below naming the modules it tests. Seeds go in `Corpus/NAMEFuzz/`.
let harnesses: [(name: String, modules: [String])] = [
    ("CSVReaderFuzz", ["TIPTable"]),
    ("TableLoaderFuzz", ["TIPTable"]),
    ("DatasetFuzz", ["TIPTable", "TIPDomain"]),
    ("NotebookFuzz", ["TIPNotebook"]),
]

let package = Package(
    name: "TIPStatFuzz",
    dependencies: [.package(name: "TIPStat", path: "..")],
    targets: [.target(name: "FuzzSupport")] + harnesses.map { harness in
        .executableTarget(name: harness.name, dependencies: ["FuzzSupport"]
            + harness.modules.map { .product(name: $0, package: "TIPStat") })
    }
)
