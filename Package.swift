// swift-tools-version:6.1
import PackageDescription

// Data flows one way: CSV -> TIPTable -> TIPStats/TIPDomain -> TIPCharts -> SVG.
// A module never imports one to its right; the C libraries stay behind CLibCSV and CRmath,
// FreeType and HarfBuzz behind TIPFonts, librsvg and cairo behind TIPRender.
// Linux only: POSIX calls go through Glibc, named in one place (Sources/TIPPlatform/Platform.swift).
let package = Package(
    name: "TIPStat",
    products: [
        .library(name: "TIPText", targets: ["TIPText"]),
        .library(name: "TIPTable", targets: ["TIPTable"]),
        .library(name: "TIPStats", targets: ["TIPStats"]),
        .library(name: "TIPDomain", targets: ["TIPDomain"]),
        .library(name: "TIPFonts", targets: ["TIPFonts"]),
        .library(name: "TIPCharts", targets: ["TIPCharts"]),
        .library(name: "TIPAnalysis", targets: ["TIPAnalysis"]),
        .library(name: "TIPTableCharts", targets: ["TIPTableCharts"]),
        .library(name: "TIPRender", targets: ["TIPRender"]),
        .library(name: "TIPReport", targets: ["TIPReport"]),
        .library(name: "TIPNotebook", targets: ["TIPNotebook"]),
        .executable(name: "tipstat", targets: ["tipstat"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV"),
        .systemLibrary(name: "CRmath", path: "Sources/CRmath"),
        .systemLibrary(name: "CFreeTypeHarfBuzz", path: "Sources/CFreeTypeHarfBuzz", pkgConfig: "harfbuzz",
                       providers: [.apt(["libharfbuzz-dev", "libfreetype-dev"])]),
        .systemLibrary(name: "CRsvgCairo", path: "Sources/CRsvgCairo", pkgConfig: "librsvg-2.0",
                       providers: [.apt(["librsvg2-dev", "libcairo2-dev"])]),
        .target(name: "TIPText"),
        .target(name: "TIPPlatform"),
        .target(name: "TIPTable", dependencies: ["CLibCSV", "TIPText", "TIPPlatform"]),
        .target(name: "TIPStats", dependencies: ["CRmath", "TIPText"]),
        .target(name: "TIPDomain", dependencies: ["TIPTable", "TIPStats", "TIPText"]),
        .target(name: "TIPAnalysis", dependencies: ["TIPText", "TIPTable", "TIPStats", "TIPDomain"]),
        .target(name: "TIPFonts", dependencies: ["CFreeTypeHarfBuzz"]),
        .target(name: "TIPCharts", dependencies: ["TIPText", "TIPFonts"]),
        .target(name: "TIPRender", dependencies: ["CRsvgCairo", "TIPFonts"]),
        .executableTarget(name: "svg-layout-check", dependencies: ["TIPRender"]),
        .target(name: "TIPTableCharts", dependencies: ["TIPText", "TIPTable", "TIPStats", "TIPCharts"]),
        .target(name: "TIPReport", dependencies: ["TIPText", "TIPTable", "TIPStats", "TIPDomain", "TIPCharts", "TIPFonts", "TIPTableCharts"]),
        .target(name: "TIPNotebook", dependencies: ["TIPText", .product(name: "Ink", package: "Ink")]),
        .target(name: "TIPCLI", dependencies: [
            "TIPText", "TIPPlatform", "TIPTable", "TIPStats", "TIPDomain", "TIPAnalysis", "TIPCharts", "TIPTableCharts", "TIPReport", "TIPNotebook",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "tipstat", dependencies: ["TIPCLI"]),
        .testTarget(name: "TIPTextTests", dependencies: ["TIPText"]),
        .testTarget(name: "ArchitectureTests"),
        .testTarget(name: "TIPTableTests", dependencies: ["TIPTable", "TIPPlatform"], exclude: ["Fixtures"]),
        .testTarget(name: "TIPStatsTests", dependencies: ["TIPStats"], exclude: ["Reference"]),
        .testTarget(name: "TIPDomainTests", dependencies: ["TIPDomain", "TIPTestSupport"], exclude: ["Reference"]),
        .target(name: "TIPTestSupport", path: "Tests/TIPTestSupport"),
        .testTarget(name: "TIPFontsTests", dependencies: ["TIPFonts"], exclude: ["Reference"]),
        .testTarget(name: "TIPRenderTests", dependencies: ["TIPRender", "svg-layout-check", "TIPTestSupport"]),
        .testTarget(name: "TIPChartsTests", dependencies: ["TIPCharts", "TIPText", "TIPRender", "svg-layout-check", "TIPTestSupport"], exclude: ["Golden", "render-pngs.sh"]),
        .testTarget(name: "TIPTableChartsTests", dependencies: ["TIPTableCharts", "TIPTestSupport"]),
        .testTarget(name: "TIPAnalysisTests", dependencies: ["TIPAnalysis", "TIPTestSupport"]),
        .testTarget(name: "TIPReportTests", dependencies: ["TIPReport", "TIPTestSupport"]),
        .testTarget(name: "TIPNotebookTests", dependencies: ["TIPNotebook"]),
        .testTarget(name: "TIPCLITests", dependencies: ["TIPCLI", "tipstat", "TIPPlatform", "TIPTestSupport"], exclude: ["Hostile", "Reference", "Golden"]),
    ]
)
