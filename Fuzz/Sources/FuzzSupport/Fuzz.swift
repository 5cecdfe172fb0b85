#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's entry point when the program has its own `main`: it parses libFuzzer's options
/// from the command line and calls `callback` with each input.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// The harness body: set once by ``fuzz(_:)`` before the driver starts, read by the callback.
/// libFuzzer runs inputs one at a time on one thread.
nonisolated(unsafe) private var harnessBody: ((UnsafeRawBufferPointer) -> Void)?

/// The symbol libFuzzer's runtime refers to; the driver calls the same body.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    harnessBody?(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// Runs libFuzzer over `body`: every input is handed to it; a crash, a trap (`fatalError`,
/// `precondition`, an overflow) or an AddressSanitizer report is a finding.
///
/// ```swift
/// // Sources/NAMEFuzz/main.swift
/// import FuzzSupport
/// fuzz { bytes in _ = parse(Array(bytes)) }
/// ```
public func fuzz(_ body: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
    harnessBody = body
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in testOneInput(data, size) })
}

/// Stops the run with a finding when an invariant does not hold.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant broken: " + message()) }
}
