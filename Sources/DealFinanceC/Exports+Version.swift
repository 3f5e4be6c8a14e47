// DealFinance — exact deal finance. DealFinanceC: dfin_version_number, dfin_version_string,
// dfin_status_string.
//
// These Swift functions are not Swift API; the C declarations in include/dealfinance.h are.

import DealFinance

/// `DealFinanceVersion.string` as a NUL-terminated C string, made once (thread-safe lazy global
/// initialization) and never freed or written again, so sharing it across threads is safe.
nonisolated(unsafe) private let versionCString: UnsafePointer<CChar> = {
    let utf8 = Array(DealFinanceVersion.string.utf8CString)
    let storage = UnsafeMutablePointer<CChar>.allocate(capacity: utf8.count)
    storage.initialize(from: utf8, count: utf8.count)
    return UnsafePointer(storage)
}()

/// `dfin_version_number`: MAJOR·10000 + MINOR·100 + PATCH of the loaded library.
@c(dfin_version_number)
public func dfinVersionNumber() -> Int32 {
    Int32(DealFinanceVersion.major * 10000 + DealFinanceVersion.minor * 100 + DealFinanceVersion.patch)
}

/// `dfin_version_string`: "MAJOR.MINOR.PATCH" in static storage.
@c(dfin_version_string)
public func dfinVersionString() -> UnsafePointer<CChar> {
    versionCString
}

/// `dfin_status_string`: the name of a status, in static storage ("unknown" for others).
@c(dfin_status_string)
public func dfinStatusString(_ status: Int32) -> UnsafePointer<CChar> {
    UnsafeRawPointer(Status.name(status).utf8Start).assumingMemoryBound(to: CChar.self)
}
