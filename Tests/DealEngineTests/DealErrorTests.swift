// DealFinance — DealEngineTests: DealError (DealError.swift).

import Testing
import DealEngine

@Suite("DealError")
struct DealErrorTests {
    /// The error codes and their JSON spellings (`internal`: an undecidable proof step).
    @Test func codes() {
        #expect(DealError.Code.allCases.map(\.rawValue) == ["invalid_json", "invalid_argument", "unsupported", "no_solution", "overflow", "internal"])
        #expect(DealError.Code(rawValue: "invalid_argument") == .invalidArgument)
        #expect(DealError.Code(rawValue: "invalidArgument") == nil)
    }

    @Test func invalidArgumentFactory() {
        let error = DealError.invalidArgument("term", "expected a number of payments from 1 to 1200, found 0")
        #expect(error.code == .invalidArgument)
        #expect(error.code.rawValue == "invalid_argument")
        #expect(error.path == "term")
        #expect(error.message == "expected a number of payments from 1 to 1200, found 0")
    }

    @Test func internalFailureFactory() {
        let error = DealError.internalFailure("rate", "the exact signs at the bracket ends do not differ")
        #expect(error.code == .internal)
        #expect(error.code.rawValue == "internal")
        #expect(error.description == "internal at rate: the exact signs at the bracket ends do not differ")
    }

    @Test func descriptionWithAndWithoutPath() {
        #expect(DealError.invalidArgument("term", "expected 1…1200, found 0").description
            == "invalid_argument at term: expected 1…1200, found 0")
        #expect(DealError(code: .invalidJSON, path: "", message: "unexpected end").description == "invalid_json: unexpected end")
        #expect(DealError(code: .noSolution, path: "apr", message: "m").description == "no_solution at apr: m")
        #expect(String(describing: DealError(code: .overflow, path: "x.0", message: "m")) == "overflow at x.0: m")
    }

    @Test func equality() {
        let a = DealError(code: .unsupported, path: "oddDays", message: "m")
        #expect(a == DealError(code: .unsupported, path: "oddDays", message: "m"))
        #expect(a != DealError(code: .overflow, path: "oddDays", message: "m"))
        #expect(a != DealError(code: .unsupported, path: "odd", message: "m"))
        #expect(a != DealError(code: .unsupported, path: "oddDays", message: "n"))
    }

    @Test func isThrowable() {
        func fail() throws(DealError) { throw .invalidArgument("apr", "x") }
        #expect(throws: DealError.invalidArgument("apr", "x")) { try fail() }
    }
}
