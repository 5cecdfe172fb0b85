import TIPPlatform

/// The few file-system questions the commands ask, over POSIX calls.
enum FileSystem {
    static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The folder part of a path ("." for a bare name).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The path made absolute against the working folder, with `.` and `..` resolved lexically.
    static func absolute(_ path: String) -> String {
        var base = ""
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            if getcwd(&buffer, buffer.count) != nil {
                base = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
        var parts: [Substring] = []
        for part in (base + "/" + path).split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Creates a folder and its parents; existing ones are fine.
    static func makeDirectories(_ path: String) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if !isDirectory(current) { mkdir(current, 0o755) }
        }
    }

    /// Reads a whole file; nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n > 0 { bytes += buffer[0..<n] }
            if n < buffer.count { return ferror(f) == 0 ? bytes : nil }
        }
    }

    /// Every file below a folder, as paths relative to it, sorted.
    static func files(under root: String) -> [String] {
        var found: [String] = []
        func walk(_ relative: String) {
            guard let dir = opendir(root + relative) else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name != ".", name != ".." else { continue }
                let path = relative + "/" + name
                if isDirectory(root + path) { walk(path) } else { found.append(path) }
            }
        }
        walk("")
        return found.sorted()
    }

    /// Removes a folder and everything in it.
    static func removeTree(_ root: String) {
        for file in files(under: root) { unlink(root + file) }
        var dirs: [String] = []
        func collect(_ path: String) {
            guard let dir = opendir(path) else { return }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != ".", name != "..", isDirectory(path + "/" + name) { collect(path + "/" + name) }
            }
            closedir(dir)
            dirs.append(path)
        }
        collect(root)
        for d in dirs { rmdir(d) }
    }
}
