import Foundation
import Testing

/// The dependency rule, enforced: general modules know nothing of the council.
///
/// The council modules are those that hold the council's data kinds, analyses, figures and
/// front end; every other module of the package is general and may depend on none of them,
/// directly or through another module, in `Package.swift` or by an `import` in its sources. A
/// module added later (a renderer, an optimiser) is general unless it is listed here, so the
/// rule covers it without a change to this test.
@Suite("Package graph")
struct PackageGraphTests {
    static let councilModules: Set<String> = ["TIPDomain", "TIPAnalysis", "TIPReport", "TIPCLI", "tipstat"]
    /// The general modules the architecture names; each must exist and stay general.
    static let namedGeneralModules = ["TIPText", "TIPPlatform", "TIPTable", "TIPStats", "TIPCharts", "TIPTableCharts"]

    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static let graph: PackageGraph = {
        let manifest = (try? String(contentsOfFile: root + "/Package.swift", encoding: .utf8)) ?? ""
        return PackageGraph(manifest: manifest)
    }()

    @Test("the manifest reads: every module the architecture names is a target")
    func manifestReads() {
        for name in Self.namedGeneralModules + Array(Self.councilModules) {
            #expect(Self.graph.targets[name] != nil, "no target \(name) in Package.swift")
        }
        #expect(Self.graph.targets["TIPDomain"]?.dependencies.contains("TIPTable") == true)
    }

    @Test("no general module depends on a council module, directly or through another")
    func generalModulesKnowNothingOfTheCouncil() {
        for (name, target) in Self.graph.targets where !target.isTest && !Self.councilModules.contains(name) {
            let reached = Set(Self.graph.dependencies(of: name))
            #expect(reached.isDisjoint(with: Self.councilModules),
                    "\(name) depends on \(reached.intersection(Self.councilModules).sorted().joined(separator: ", "))")
        }
    }

    @Test("no general module imports a council module in its sources")
    func noCouncilImports() throws {
        for (name, target) in Self.graph.targets where !target.isTest && !Self.councilModules.contains(name) {
            let folder = Self.root + "/" + (target.path ?? "Sources/\(name)")
            let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }
            for file in files {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ").map(String.init)
                    guard let i = words.firstIndex(of: "import"), i + 1 < words.count else { continue }
                    #expect(!Self.councilModules.contains(words[i + 1]), "\(name)/\(file) imports \(words[i + 1])")
                }
            }
        }
    }

    @Test("the reader of the manifest finds a council dependency added to a general module")
    func detectsAViolation() {
        let bad = PackageGraph(manifest: """
            .target(name: "TIPCharts", dependencies: ["TIPText"]),
            .target(name: "TIPText", dependencies: [
                "Helper", .product(name: "Ink", package: "Ink"),
            ]),
            .target(name: "Helper", dependencies: ["TIPDomain"]),
            .target(name: "TIPDomain"),
            """)
        #expect(bad.dependencies(of: "TIPCharts") == ["TIPText", "Helper", "TIPDomain"])
        #expect(bad.targets["TIPText"]?.dependencies == ["Helper"])
    }
}

/// Targets and their dependencies read from a `Package.swift`: each `.target`,
/// `.executableTarget`, `.systemLibrary` and `.testTarget` call, its `name`, its `path` and the
/// quoted target names in its `dependencies` list (products of other packages are left out:
/// they are not modules of this package).
struct PackageGraph {
    struct Target {
        var dependencies: [String]
        var path: String?
        var isTest: Bool
    }

    var targets: [String: Target] = [:]

    init(manifest: String) {
        let text = Array(manifest)
        var i = 0
        while i < text.count {
            let rest = String(text[i..<min(i + 20, text.count)])
            let kind = ["testTarget(", "executableTarget(", "systemLibrary(", "target("].first { rest.hasPrefix("." + $0) }
            guard let kind, let close = PackageGraph.closing(text, from: i + kind.count + 1) else { i += 1; continue }
            let call = String(text[(i + kind.count + 1)...close])
            if let name = PackageGraph.string(after: "name:", in: call) {
                targets[name] = Target(dependencies: PackageGraph.dependencies(in: call), path: PackageGraph.string(after: "path:", in: call),
                                       isTest: kind == "testTarget(")
            }
            i = close
        }
    }

    /// Every module `name` reaches through its dependencies, nearest first.
    func dependencies(of name: String) -> [String] {
        var seen: [String] = []
        var queue = targets[name]?.dependencies ?? []
        while !queue.isEmpty {
            let next = queue.removeFirst()
            guard !seen.contains(next) else { continue }
            seen.append(next)
            queue += targets[next]?.dependencies ?? []
        }
        return seen
    }

    /// The index of the bracket closing the one opened just before `start`.
    static func closing(_ text: [Character], from start: Int) -> Int? {
        var depth = 1, i = start, inString = false
        while i < text.count {
            let c = text[i]
            if c == "\"" { inString.toggle() }
            if !inString {
                if c == "(" || c == "[" { depth += 1 }
                if c == ")" || c == "]" { depth -= 1; if depth == 0 { return i } }
            }
            i += 1
        }
        return nil
    }

    /// The string literal after `label` at the top level of a call's arguments.
    static func string(after label: String, in call: String) -> String? {
        guard let range = call.range(of: label) else { return nil }
        let after = call[range.upperBound...].drop { $0 == " " }
        guard after.first == "\"" else { return nil }
        return String(after.dropFirst().prefix { $0 != "\"" })
    }

    /// The quoted names in the `dependencies: [...]` list, without `.product(...)` entries.
    static func dependencies(in call: String) -> [String] {
        guard let range = call.range(of: "dependencies:"), let open = call[range.upperBound...].firstIndex(of: "[") else { return [] }
        let chars = Array(call[call.index(after: open)...])
        guard let end = closing(chars, from: 0) else { return [] }
        var names: [String] = []
        var i = 0, depth = 0
        while i < end {
            let c = chars[i]
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if c == "\"" {
                let name = String(chars[(i + 1)...].prefix { $0 != "\"" })
                if depth == 0 { names.append(name) }
                i += name.count + 2
                continue
            }
            i += 1
        }
        return names
    }
}
