// DealFinance — exact deal finance. DealFinanceC: the pinned `dfin_status` values and error mapping.

import DealFinance

/// The `dfin_status` codes of `include/dealfinance.h`. The values are pinned forever; a new
/// code takes the next unused number.
enum Status {
    /// `DFIN_OK`.
    static let ok: Int32 = 0
    /// `DFIN_EINVALID_JSON` (Documentation/Reference/Errors.md `invalid_json`).
    static let invalidJSON: Int32 = 1
    /// `DFIN_EINVALID_ARGUMENT` (Documentation/Reference/Errors.md `invalid_argument`).
    static let invalidArgument: Int32 = 2
    /// `DFIN_EUNSUPPORTED` (Documentation/Reference/Errors.md `unsupported`).
    static let unsupported: Int32 = 3
    /// `DFIN_ENO_SOLUTION` (Documentation/Reference/Errors.md `no_solution`).
    static let noSolution: Int32 = 4
    /// `DFIN_EOVERFLOW` (Documentation/Reference/Errors.md `overflow`).
    static let overflow: Int32 = 5
    /// `DFIN_EBUFFER_TOO_SMALL`.
    static let bufferTooSmall: Int32 = 6
    /// `DFIN_ENULL_ARGUMENT`.
    static let nullArgument: Int32 = 7
    /// `DFIN_EINTERNAL`.
    static let `internal`: Int32 = 8

    /// The status of a Documentation/Reference/Errors.md error code.
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

/// Why an export stops early: the status it returns and, for `dfin_error`, the parameter it
/// concerns (`path`: a C parameter name such as `apr` or `periods_per_year`, or `aprs[3]` in a
/// batch) and a sentence saying what was expected and what was found.
struct ExportFailure: Error {
    /// The `dfin_status` to return.
    let status: Int32
    /// The C parameter (or array element) at fault; empty when no single one is.
    let path: String
    /// What was expected and what was found.
    let message: String

    /// `DFIN_ENULL_ARGUMENT` for the pointer parameter `name`.
    static func nullArgument(_ name: String) -> ExportFailure {
        ExportFailure(status: Status.nullArgument, path: name, message: "expected a pointer, found NULL")
    }
    /// `DFIN_EINVALID_ARGUMENT` at `name`.
    static func invalidArgument(_ name: String, _ message: String) -> ExportFailure {
        ExportFailure(status: Status.invalidArgument, path: name, message: message)
    }

    /// The failure of a decimal error at the parameter `name`.
    init(_ error: DecimalError, at name: String) {
        self.init(status: Status.of(error), path: name, message: error.description)
    }
    /// The failure of an engine error; the engine's field names become the C parameter names.
    init(_ error: DealError) {
        self.init(status: Status.of(error.code), path: Self.cParameterNames[error.path] ?? error.path, message: error.message)
    }
    /// The failure with a status, path and message.
    init(status: Int32, path: String, message: String) {
        self.status = status
        self.path = path
        self.message = message
    }

    /// The same failure of deal `index` of a batch: a per-deal parameter becomes its array
    /// element (`principal` → `principals[3]`); a shared parameter keeps its name.
    func inBatch(at index: Int) -> ExportFailure {
        guard let array = Self.batchArrays[path] else { return self }
        return ExportFailure(status: status, path: "\(array)[\(index)]", message: message)
    }

    /// The engine's names of the loan payment's fields → the header's parameter names.
    static let cParameterNames = ["periodsPerYear": "periods_per_year", "minorUnitDigits": "minor_digits"]
    /// A loan payment's per-deal parameters → the batch's arrays.
    static let batchArrays = ["principal": "principals", "balloon": "balloons", "apr": "aprs", "term": "terms"]
}
