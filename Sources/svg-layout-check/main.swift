import Foundation
import TIPRender

// svg-layout-check [--dejavu-only] [--boxes] FILE.svg...
//
// Checks each figure with LayoutCheck: every text inside the canvas, clear of the other texts
// and of the data marks, as librsvg lays it out. Prints "FILE: ok" or one line per problem;
// exits 0 when every file is clean, 1 when any has a problem, 2 on a usage or reading error.
// --dejavu-only: as a machine without Helvetica, Arial and Liberation Sans draws them (fontconfig
// limited to DejaVu Sans). --boxes: also prints each located element's box, tab-separated.

let usage = "usage: svg-layout-check [--dejavu-only] [--boxes] FILE.svg..."
var arguments = Array(CommandLine.arguments.dropFirst())
let dejaVuOnly = arguments.contains("--dejavu-only")
let boxes = arguments.contains("--boxes")
arguments.removeAll { $0 == "--dejavu-only" || $0 == "--boxes" }
if arguments.isEmpty || arguments.contains(where: { $0.hasPrefix("-") }) {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
var sandbox: String?
if dejaVuOnly {
    do { sandbox = try FontconfigSandbox.restrictToDejaVuSans() } catch {
        FileHandle.standardError.write(Data("svg-layout-check: \(error)\n".utf8))
        exit(2)
    }
}
defer { if let sandbox { try? FileManager.default.removeItem(atPath: sandbox) } }
var status: Int32 = 0
for path in arguments {
    guard let data = FileManager.default.contents(atPath: path), let svg = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(path): error: cannot read the file as UTF-8\n".utf8))
        status = 2
        continue
    }
    do {
        if boxes {
            for e in try LayoutCheck.elements(svg: svg) {
                print([path, e.id, e.isText ? "text" : "mark", "\(e.x)", "\(e.y)", "\(e.width)", "\(e.height)"].joined(separator: "\t"))
            }
        }
        let problems = try LayoutCheck.problems(svg: svg)
        if problems.isEmpty { print("\(path): ok") }
        for p in problems { print("\(path): \(p)") }
        if !problems.isEmpty && status == 0 { status = 1 }
    } catch {
        FileHandle.standardError.write(Data("\(path): error: \(error)\n".utf8))
        status = 2
    }
}
exit(status)
