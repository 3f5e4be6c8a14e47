// DealFinance — DealDecimalTests: DecimalError (DecimalError.swift).

import Testing
import DealDecimal

@Suite("DecimalError")
struct DecimalErrorTests {
    @Test func descriptions() {
        #expect(DecimalError.divisionByZero.description == "division by zero")
        #expect(DecimalError.inexact.description == "the result is not exact and requireExact was given")
        #expect(DecimalError.overflow("too big").description == "too big")
        #expect(DecimalError.invalidFormat(position: 3, message: "expected a digit").description == "expected a digit (at offset 3)")
        #expect(String(describing: DecimalError.divisionByZero) == "division by zero")
    }

    @Test func equality() {
        #expect(DecimalError.invalidFormat(position: 1, message: "m") == .invalidFormat(position: 1, message: "m"))
        #expect(DecimalError.invalidFormat(position: 1, message: "m") != .invalidFormat(position: 2, message: "m"))
        #expect(DecimalError.invalidFormat(position: 1, message: "m") != .invalidFormat(position: 1, message: "n"))
        #expect(DecimalError.overflow("a") != .overflow("b"))
        #expect(DecimalError.inexact != .divisionByZero)
    }

    /// The doc comment's typed-throws example: the error is caught as DecimalError without casts.
    @Test func typedThrowsCatchByCase() {
        var caught: (Int, String)?
        do {
            _ = try ExactDecimal(parsing: "12abc")
        } catch .invalidFormat(let position, let message) {
            caught = (position, message)
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(caught?.0 == 2)
        #expect(caught?.1 == "expected a plain decimal like 1234.56: a digit, '.' or the end, found 'a'")
    }

    @Test func eachCaseIsProducedByTheOperationsThatDocumentIt() throws {
        #expect(throws: DecimalError.divisionByZero) { try ExactDecimal(1).divided(by: .zero, scale: 2, rule: .down) }
        #expect(throws: DecimalError.inexact) { try ExactDecimal(1).divided(by: ExactDecimal(3), scale: 2, rule: .requireExact) }
        #expect(throwsOverflow { _ = try ExactDecimal(coefficient: tenTo(38), scale: 0) })
        #expect(throws: DecimalError.invalidFormat(position: 0, message: "expected a plain decimal like 1234.56: a digit or '-', found 'x'")) {
            try ExactDecimal(parsing: "x")
        }
        let error: any Error = DecimalError.inexact
        #expect(error is DecimalError)
    }
}
