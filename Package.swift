// swift-tools-version:6.1
import PackageDescription

// Data flows one way: CSV -> TIPTable -> TIPStats/TIPDomain -> TIPCharts -> SVG.
// A module never imports one to its right; the C libraries stay behind CLibCSV and CRmath,
// FreeType and HarfBuzz behind TIPFonts, librsvg and cairo behind TIPRender.
let package = Package(
    name: "TIPStat",
    products: [
        .library(name: "TIPTable", targets: ["TIPTable"]),
        .library(name: "TIPStats", targets: ["TIPStats"]),
        .library(name: "TIPDomain", targets: ["TIPDomain"]),
        .library(name: "TIPFonts", targets: ["TIPFonts"]),
        .library(name: "TIPCharts", targets: ["TIPCharts"]),
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
        .target(name: "TIPTable", dependencies: ["CLibCSV"]),
        .target(name: "TIPStats", dependencies: ["CRmath"]),
        .target(name: "TIPDomain", dependencies: ["TIPTable", "TIPStats"]),
        .target(name: "TIPFonts", dependencies: ["CFreeTypeHarfBuzz"]),
        .target(name: "TIPCharts", dependencies: ["TIPFonts"]),
        .target(name: "TIPRender", dependencies: ["CRsvgCairo", "TIPFonts"]),
        .executableTarget(name: "svg-layout-check", dependencies: ["TIPRender"]),
        .target(name: "TIPReport", dependencies: ["TIPTable", "TIPStats", "TIPDomain", "TIPCharts", "TIPFonts"]),
        .target(name: "TIPNotebook", dependencies: [.product(name: "Ink", package: "Ink")]),
        .target(name: "TIPCLI", dependencies: [
            "TIPTable", "TIPStats", "TIPDomain", "TIPCharts", "TIPReport", "TIPNotebook",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "tipstat", dependencies: ["TIPCLI"]),
        .testTarget(name: "TIPTableTests", dependencies: ["TIPTable"], exclude: ["Fixtures"]),
        .testTarget(name: "TIPStatsTests", dependencies: ["TIPStats"], exclude: ["Reference"]),
        .testTarget(name: "TIPDomainTests", dependencies: ["TIPDomain"]),
        .target(name: "TIPTestSupport", path: "Tests/TIPTestSupport"),
        .testTarget(name: "TIPFontsTests", dependencies: ["TIPFonts"], exclude: ["Reference"]),
        .testTarget(name: "TIPRenderTests", dependencies: ["TIPRender", "svg-layout-check", "TIPTestSupport"]),
        .testTarget(name: "TIPChartsTests", dependencies: ["TIPCharts", "TIPRender", "svg-layout-check", "TIPTestSupport"], exclude: ["Golden", "render-pngs.sh"]),
        .testTarget(name: "TIPReportTests", dependencies: ["TIPReport", "TIPTestSupport"]),
        .testTarget(name: "TIPNotebookTests", dependencies: ["TIPNotebook"]),
        .testTarget(name: "TIPCLITests", dependencies: ["TIPCLI", "tipstat", "TIPTestSupport"], exclude: ["Hostile", "Reference", "Golden"]),
    ]
)
