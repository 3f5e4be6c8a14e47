// DealFinance — DealFinanceCTests: Exports+CalculateBatch.swift, a JSON array of requests.

import Testing
import DealFinance
import DealJSON
@testable import DealFinanceC

@Suite("C ABI JSON array batch")
struct CalculateBatchTests {
    /// Runs `answer` over the UTF-8 bytes of `text` (no NUL).
    private func bytes<T>(_ text: String, _ answer: (UnsafeRawBufferPointer) -> T) -> T {
        Array(text.utf8).withUnsafeBytes { answer($0) }
    }

    @Test("Each element is answered as the single request; the first failure is the status")
    func elements() {
        let one = #"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60}"#
        let bad = #"{"calculate":"loan"}"#
        let text = "[\(one),\(bad),\(one)]"
        let (answer, status) = bytes(text, CalculatorBatch.answer)
        let single = bytes(one, CalculatorAnswer.answer)
        let failed = bytes(bad, CalculatorAnswer.answer)
        #expect(answer == "[\(single.text),\(failed.text),\(single.text)]")
        #expect(status == Status.invalidArgument)
    }

    @Test("Anything but an array is invalid_json with an error object")
    func notAnArray() {
        for text in ["{}", "[", "", "3"] {
            let (answer, status) = bytes(text, CalculatorBatch.answer)
            #expect(status == Status.invalidJSON)
            #expect(answer.contains("\"invalid_json\""))
        }
    }
}
