// The one place TIPStat names its platform. TIPStat builds and is tested on Linux only
// (Debian with Swift 6.3): it reads and writes files, lists folders and locks through the C
// library, Glibc. Every module that makes a POSIX call imports this module instead of
// repeating a `#if canImport(Glibc) ... #elseif canImport(Darwin)` preamble whose Darwin
// branch no one builds; porting TIPStat to another platform starts and ends here.
//
//     import TIPPlatform
//     let fd = open(path, O_RDONLY | O_CLOEXEC)   // Glibc's open(2)
#if canImport(Glibc)
@_exported import Glibc
#else
#error("TIPStat is Linux-only: it builds against Glibc (see Sources/TIPPlatform/Platform.swift)")
#endif
