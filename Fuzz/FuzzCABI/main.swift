// DealFinance — exact deal finance. The libFuzzer target FuzzCABI (see RELIABILITY.md).
// Built only by `make fuzz` / `make fuzz-short` (DEALFINANCE_FUZZ=1 adds it to
// Package.swift) with -sanitize=fuzzer,address. SwiftPM gives every executable its own
// `main`, so this one hands over to libFuzzer's driver (LLVMFuzzerRunDriver).

#if canImport(Glibc)
import Glibc
#endif
import _DealFuzzSupport

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The input check libFuzzer calls (also the symbol its static library expects).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
    if let failure = FuzzChecks.cABI(bytes) { fatalError("FuzzCABI: \(failure)") }
    return 0
}

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
