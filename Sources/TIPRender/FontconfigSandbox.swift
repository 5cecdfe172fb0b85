import Foundation
import TIPFonts

/// Makes this process's fontconfig see DejaVu Sans only, as on a machine where Helvetica,
/// Arial and Liberation Sans are all missing: every family name then resolves to DejaVu Sans,
/// about 14% wider than Helvetica, and a figure laid out for Helvetica alone would be cut off.
///
/// It writes a `fonts.conf` listing one folder, holding links to DejaVu Sans regular and bold,
/// and points `FONTCONFIG_FILE` at it. fontconfig reads that variable once, when first used, so
/// call this before anything draws text (at the start of a process, as `svg-layout-check
/// --dejavu-only` does); it changes the whole process.
///
/// ```swift
/// let folder = try FontconfigSandbox.restrictToDejaVuSans()
/// let problems = try LayoutCheck.problems(svg: svg)   // as a DejaVu-only machine draws it
/// ```
public enum FontconfigSandbox {
    /// Writes the configuration in a new temporary folder, sets `FONTCONFIG_FILE`, and returns
    /// the folder.
    public static func restrictToDejaVuSans() throws -> String {
        let folder = NSTemporaryDirectory() + "tipstat-fontconfig-" + UUID().uuidString
        let fonts = folder + "/fonts"
        try FileManager.default.createDirectory(atPath: fonts, withIntermediateDirectories: true)
        for file in [FontFile.dejaVuSans, .dejaVuSansBold] {
            guard FileManager.default.fileExists(atPath: file.path) else { throw FontError.missing(file) }
            try FileManager.default.createSymbolicLink(atPath: fonts + "/" + (file.path as NSString).lastPathComponent,
                                                       withDestinationPath: file.path)
        }
        let config = """
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig>
              <dir>\(fonts)</dir>
              <cachedir>\(folder)/cache</cachedir>
            </fontconfig>

            """
        try Data(config.utf8).write(to: URL(fileURLWithPath: folder + "/fonts.conf"))
        setenv("FONTCONFIG_FILE", folder + "/fonts.conf", 1)
        return folder
    }
}
