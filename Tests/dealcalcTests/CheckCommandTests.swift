// DealFinance — dealcalc tests: CheckCommand (statuses of a vector run).
@testable import dealcalc
import Foundation
import Testing

@Suite("CheckCommand")
struct CheckCommandTests {
    @Test("a missing path cannot run (2); a passing file succeeds (0); a failing case fails (1)")
    func statuses() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dealcalc-check-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ expected: String) throws -> String {
            let file = directory.appendingPathComponent("v\(expected).json")
            try Data(#"""
            {"format": "dealfinance-vectors/1", "title": "t", "cases": [{"id": "a", "source": "Documentation/Reference/Loan.md worked example",
             "request": {"calculate": "loan", "sellingPrice": "30000.00", "apr": "6", "term": 60, "balloon": {"amount": "10000.00"}},
             "expect": {"periodicPayment.total": "\#(expected)"}}]}
            """#.utf8).write(to: file)
            return file.path
        }
        #expect(CheckCommand.check([directory.appendingPathComponent("none").path]) == .unusable)
        #expect(CheckCommand.check([try write("436.66")]) == .success)
        #expect(CheckCommand.check([try write("436.67")]) == .requestFailed)
    }
}
