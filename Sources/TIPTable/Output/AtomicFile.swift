import TIPPlatform
import TIPText

/// Writes files so that nothing is ever half-written: the bytes go to a temporary file in the
/// target folder, are flushed to disk, and the temporary file is renamed over the target. An
/// existing file is replaced only on success, keeping its permissions; on failure the temporary
/// file is removed and the target is untouched.
///
/// - Writing onto one of the command's inputs is refused, however the path reaches it (`./`,
///   `../`, a symbolic link, a hard link): they are compared by device and inode.
/// - A symbolic link to a file stays a link: the file it points to is replaced.
/// - A device or a pipe (`/dev/null`, `/dev/stdout` on a terminal, a FIFO) is written directly:
///   renaming over it would replace the device node itself.
///
/// ```swift
/// try AtomicFile.write("<svg…/>", to: "figures/referrals.svg")
/// ```
public enum AtomicFile {
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { TerminalText.escaped("\(path): error: \(reason)") }
    }

    public static func write(_ text: String, to path: String, inputs: [String] = []) throws(WriteError) {
        try write(Array(text.utf8), to: path, inputs: inputs)
    }

    /// Writes `bytes` to `path`. `inputs` are files the command read: writing onto one of them
    /// is refused, so an input is never overwritten by its own output.
    public static func write(_ bytes: [UInt8], to path: String, inputs: [String] = []) throws(WriteError) {
        func fail(_ reason: String) -> WriteError { WriteError(path: path, reason: reason) }
        for input in inputs where sameFile(input, path) {
            throw fail("refusing to write the output onto the input file \(input)")
        }
        guard !path.hasSuffix("/") else { throw fail("the output path names a folder, not a file") }
        var info = stat()
        let exists = stat(path, &info) == 0
        let kind = info.st_mode & S_IFMT
        if exists && kind == S_IFDIR { throw fail("the output path is a folder") }
        if exists && kind != S_IFREG { return try writeThrough(bytes, to: path) }

        // The file a symbolic link points to is the one replaced.
        let target = exists ? resolvedPath(path) ?? path : path
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[..<$0]) } ?? "."
        let base = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array((directory.isEmpty ? "/" : directory + "/").utf8CString.dropLast()) + Array(".\(base).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw fail(folderProblem(directory.isEmpty ? "/" : directory, errno: errno)) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer { if !ok { unlink(temporary) } }
        do {
            try writeAll(bytes, to: fd)
        } catch {
            close(fd)
            throw fail(error.reason)
        }
        // A replaced file keeps its permissions; a new one is readable by others as an
        // ordinary file would be (mkstemp creates it 0600).
        let mask = umask(0)
        umask(mask)
        fchmod(fd, exists ? info.st_mode & 0o777 : 0o666 & ~mask)
        let synced = fsync(fd) == 0
        let syncError = errno
        guard close(fd) == 0, synced else { throw fail("cannot write: " + String(cString: strerror(synced ? errno : syncError))) }
        guard rename(temporary, target) == 0 else {
            throw fail("cannot replace the file: " + String(cString: strerror(errno)))
        }
        ok = true
    }

    /// Whether two paths name the same existing file (same device and inode).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// Why a file cannot be created in `directory`, in words.
    static func folderProblem(_ directory: String, errno code: Int32) -> String {
        switch code {
        case ENOENT: return "cannot write the output: the folder \(directory) does not exist"
        case ENOTDIR: return "cannot write the output: \(directory) is not a folder"
        case EACCES, EPERM, EROFS: return "cannot write the output: the folder \(directory) is not writable (\(String(cString: strerror(code))))"
        default: return "cannot create a file in \(directory): " + String(cString: strerror(code))
        }
    }

    private struct WriteFailure: Error { let reason: String }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) throws(WriteFailure) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(reason: "cannot write: " + String(cString: strerror(errno)))
            }
            written += n
        }
    }

    /// A device or pipe: opened and written as it is; there is no file to leave half-written.
    private static func writeThrough(_ bytes: [UInt8], to path: String) throws(WriteError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw WriteError(path: path, reason: "cannot open for writing: " + String(cString: strerror(errno))) }
        defer { close(fd) }
        do { try writeAll(bytes, to: fd) } catch { throw WriteError(path: path, reason: error.reason) }
    }

    private static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
