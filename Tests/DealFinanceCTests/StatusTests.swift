// DealFinance — DealFinanceCTests: the pinned statuses and the JSON error codes they name.

import Testing
import DealFinance
import DealJSON
@testable import DealFinanceC

@Suite("Status")
struct StatusTests {
    @Test("Every JSON error code has its pinned status, named by the same string")
    func codes() {
        let expected: [DealError.Code: Int32] = [.invalidJSON: 1, .invalidArgument: 2, .unsupported: 3, .noSolution: 4, .overflow: 5, .internal: 8]
        for code in DealError.Code.allCases {
            #expect(Status.of(code) == expected[code], "\(code)")
            #expect("\(Status.name(Status.of(code)))" == code.rawValue)
        }
    }

    @Test("An internal error object answers DFIN_EINTERNAL")
    func internalAnswer() throws {
        let answer = DealCalculator.errorObject(.internalFailure("rate", "m"))
        #expect(DealCalculator.isError(answer))
        #expect(answer.value(atPath: "error.code")?.stringValue == "internal")
        #expect(Status.of(try #require(DealError.Code(rawValue: "internal"))) == Status.internal)
    }
}
