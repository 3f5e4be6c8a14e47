// DealFinance — exact deal finance. _DealFuzzDriver: hands a fuzz target to libFuzzer.
// Built only by `make fuzz` / `make fuzz-short` (DEALFINANCE_FUZZ=1 adds it to Package.swift)
// with -sanitize=fuzzer,address: LLVMFuzzerRunDriver exists only in libFuzzer's runtime.

#if canImport(Glibc)
import Glibc
#endif

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// Runs libFuzzer over one target. SwiftPM gives every executable its own `main`, so each
/// Fuzz/Fuzz*/main.swift calls ``run(_:)`` with its `LLVMFuzzerTestOneInput`, which calls
/// ``check(_:_:_:_:)`` with the target's invariant from `_DealFuzzSupport`.
///
/// ```swift
/// @_cdecl("LLVMFuzzerTestOneInput")
/// public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
///     FuzzDriver.check("FuzzADF", data, size, FuzzChecks.adf)
/// }
/// FuzzDriver.run(fuzzOneInput)
/// ```
public enum FuzzDriver {
    /// Runs the invariant on one input; a broken invariant traps, which libFuzzer reports as a
    /// crash and saves the input.
    public static func check(_ target: String, _ data: UnsafePointer<UInt8>?, _ size: Int,
                             _ invariant: (UnsafeBufferPointer<UInt8>) -> String?) -> CInt {
        let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
        if let failure = invariant(bytes) { fatalError("\(target): \(failure)") }
        return 0
    }

    /// libFuzzer's driver with this process's arguments; exits with its status.
    public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
    }
}
