import TIPPlatform

/// The files of one folder, for commands that take a folder of datasets.
public enum DirectoryListing {
    /// The names of the entries of `folder` ending in `suffix`, hidden ones left out, sorted by
    /// name (byte order, the same on every machine); nil when the folder cannot be read.
    ///
    /// ```swift
    /// DirectoryListing.files(in: "Datasets", suffix: ".csv")   // ["dcf-demographics.csv", ...]
    /// ```
    public static func files(in folder: String, suffix: String) -> [String]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(suffix) && !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Whether `path` exists and is neither a regular file nor a folder (a FIFO, device or
    /// socket). A file found in a folder, rather than named by the user, is not read when it is
    /// one: reading could wait for ever (a FIFO with no writer) or never end (a device).
    public static func isSpecialFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && ![S_IFREG, S_IFDIR].contains(info.st_mode & S_IFMT)
    }
}
