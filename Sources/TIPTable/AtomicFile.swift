#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that nothing is ever half-written: the bytes go to a temporary file in the
/// target folder, are flushed to disk, and the temporary file is renamed over the target. An
/// existing file is replaced only on success; on failure the temporary file is removed.
///
/// ```swift
/// try AtomicFile.write("<svg…/>", to: "figures/referrals.svg")
/// ```
public enum AtomicFile {
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): error: \(reason)" }
    }

    public static func write(_ text: String, to path: String, inputs: [String] = []) throws(WriteError) {
        try write(Array(text.utf8), to: path, inputs: inputs)
    }

    /// Writes `bytes` to `path`. `inputs` are files the command read: writing onto one of them
    /// is refused, so an input is never overwritten by its own output.
    public static func write(_ bytes: [UInt8], to path: String, inputs: [String] = []) throws(WriteError) {
        for input in inputs where sameFile(input, path) {
            throw WriteError(path: path, reason: "refusing to write the output onto the input file \(input)")
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !base.isEmpty else { throw WriteError(path: path, reason: "the output path names a folder, not a file") }
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw WriteError(path: path, reason: "the output path is a folder")
        }
        var template = Array((directory.isEmpty ? "/" : directory + "/") .utf8CString.dropLast()) + Array(".\(base).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw WriteError(path: path, reason: "cannot create a file in \(directory): " + String(cString: strerror(errno)))
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer { if !ok { unlink(temporary) } }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                throw WriteError(path: path, reason: "cannot write: " + reason)
            }
            written += n
        }
        // Readable by others as an ordinary file would be (mkstemp creates it 0600).
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
        guard fsync(fd) == 0, close(fd) == 0 else {
            throw WriteError(path: path, reason: "cannot write: " + String(cString: strerror(errno)))
        }
        guard rename(temporary, path) == 0 else {
            throw WriteError(path: path, reason: "cannot replace the file: " + String(cString: strerror(errno)))
        }
        ok = true
    }

    /// Whether two paths name the same existing file (same device and inode).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
