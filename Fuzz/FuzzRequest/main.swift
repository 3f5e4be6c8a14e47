// DealFinance — exact deal finance. The libFuzzer target FuzzRequest (see RELIABILITY.md), built
// only by `make fuzz` / `make fuzz-short` with -sanitize=fuzzer,address.

import _DealFuzzDriver
import _DealFuzzSupport

/// The input check libFuzzer calls (also the symbol its static library expects).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzDriver.check("FuzzRequest", data, size, FuzzChecks.request)
}

FuzzDriver.run(fuzzOneInput)
