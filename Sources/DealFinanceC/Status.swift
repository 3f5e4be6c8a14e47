// DealFinance — exact deal finance. DealFinanceC: the pinned `dfin_status` values and error mapping.

import DealFinance

/// The `dfin_status` codes of `include/dealfinance.h`. The values are pinned forever; a new
/// code takes the next unused number.
enum Status {
    /// `DFIN_OK`.
    static let ok: Int32 = 0
    /// `DFIN_EINVALID_JSON` (SPEC §3.5 `invalid_json`).
    static let invalidJSON: Int32 = 1
    /// `DFIN_EINVALID_ARGUMENT` (SPEC §3.5 `invalid_argument`).
    static let invalidArgument: Int32 = 2
    /// `DFIN_EUNSUPPORTED` (SPEC §3.5 `unsupported`).
    static let unsupported: Int32 = 3
    /// `DFIN_ENO_SOLUTION` (SPEC §3.5 `no_solution`).
    static let noSolution: Int32 = 4
    /// `DFIN_EOVERFLOW` (SPEC §3.5 `overflow`).
    static let overflow: Int32 = 5
    /// `DFIN_EBUFFER_TOO_SMALL`.
    static let bufferTooSmall: Int32 = 6
    /// `DFIN_ENULL_ARGUMENT`.
    static let nullArgument: Int32 = 7
    /// `DFIN_EINTERNAL`.
    static let `internal`: Int32 = 8

    /// The status of a SPEC §3.5 error code.
    static func of(_ code: DealError.Code) -> Int32 {
        switch code {
        case .invalidJSON: invalidJSON
        case .invalidArgument: invalidArgument
        case .unsupported: unsupported
        case .noSolution: noSolution
        case .overflow: overflow
        case .internal: `internal`
        }
    }

    /// The status of a decimal failure: bad text or an inexact result is an invalid argument,
    /// too many digits an overflow.
    static func of(_ error: DecimalError) -> Int32 {
        switch error {
        case .invalidFormat, .inexact, .divisionByZero: invalidArgument
        case .overflow: overflow
        }
    }

    /// The name `dfin_status_string` returns, in static storage.
    static func name(_ status: Int32) -> StaticString {
        switch status {
        case ok: "ok"
        case invalidJSON: "invalid_json"
        case invalidArgument: "invalid_argument"
        case unsupported: "unsupported"
        case noSolution: "no_solution"
        case overflow: "overflow"
        case bufferTooSmall: "buffer_too_small"
        case nullArgument: "null_argument"
        case `internal`: "internal"
        default: "unknown"
        }
    }
}

/// Why an export stops early: the status it returns.
struct ExportFailure: Error {
    /// The `dfin_status` to return.
    let status: Int32

    /// `DFIN_ENULL_ARGUMENT`.
    static let nullArgument = ExportFailure(status: Status.nullArgument)
    /// `DFIN_EINVALID_ARGUMENT`.
    static let invalidArgument = ExportFailure(status: Status.invalidArgument)
    /// `DFIN_EOVERFLOW`.
    static let overflow = ExportFailure(status: Status.overflow)

    /// The failure of a decimal error.
    init(_ error: DecimalError) { status = Status.of(error) }
    /// The failure of a SPEC §3.5 error.
    init(_ error: DealError) { status = Status.of(error.code) }
    /// The failure with a status.
    init(status: Int32) { self.status = status }
}
