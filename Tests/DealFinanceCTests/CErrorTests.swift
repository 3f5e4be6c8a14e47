// DealFinance — DealFinanceCTests: the caller's dfin_error (CError.swift).

import CDealFinance
import Testing
@testable import DealFinanceC

@Suite("CError")
struct CErrorTests {
    /// Texts are NUL-terminated and cut before a UTF-8 sequence that does not fit whole.
    @Test func copyCutsAtACharacterBoundary() {
        var bytes = [UInt8](repeating: 0xFF, count: 6)
        bytes.withUnsafeMutableBytes { CError.copy("abcd€", into: $0) }   // € is 3 bytes: "abcd" + NUL
        #expect(Array(bytes.prefix(5)) == Array("abcd".utf8) + [0])
        bytes.withUnsafeMutableBytes { CError.copy("ab€", into: $0) }     // fits: 5 bytes + NUL
        #expect(bytes == Array("ab€".utf8) + [0])
        bytes.withUnsafeMutableBytes { CError.copy("", into: $0) }
        #expect(bytes[0] == 0)
    }

    /// `report` writes the failure's status, path and message, or ok and empty texts.
    @Test func reportFillsTheDetail() {
        var error = dfin_error()
        let status = CError.report(&error) { () throws(ExportFailure) in throw .invalidArgument("term", "expected 1 to 1200, found 0") }
        #expect(status == Status.invalidArgument && error.status == Status.invalidArgument)
        #expect(text(&error.path) == "term" && text(&error.message) == "expected 1 to 1200, found 0")
        let long = String(repeating: "é", count: 300)
        _ = CError.report(&error) { () throws(ExportFailure) in throw .invalidArgument("apr", long) }
        #expect(text(&error.message) == String(repeating: "é", count: 127))   // 255 bytes hold 127 two-byte characters
        #expect(CError.report(&error) { () throws(ExportFailure) in } == Status.ok)
        #expect(error.status == Status.ok && text(&error.path).isEmpty && text(&error.message).isEmpty)
        #expect(CError.report(nil) { () throws(ExportFailure) in throw .nullArgument("out") } == Status.nullArgument)
    }

    private func text<T>(_ field: inout T) -> String {
        withUnsafeBytes(of: &field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
