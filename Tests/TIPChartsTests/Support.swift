import Foundation

/// The package root, from this file's path.
let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

let goldenDirectory = packageRoot + "/Tests/TIPChartsTests/Golden"

/// Writes `svg` to a temporary file and returns its path.
func temporarySVG(_ svg: String, name: String) throws -> String {
    let path = NSTemporaryDirectory() + "tipcharts-\(name)-\(UUID().uuidString).svg"
    try Data(svg.utf8).write(to: URL(fileURLWithPath: path))
    return path
}
