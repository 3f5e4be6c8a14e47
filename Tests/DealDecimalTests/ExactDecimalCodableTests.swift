// DealFinance — DealDecimalTests: Codable as a JSON string (ExactDecimal+Codable.swift).

import Foundation
import Testing
import DealDecimal

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

@Suite("ExactDecimal: Codable")
struct ExactDecimalCodableTests {
    private struct Payment: Codable, Equatable {
        var amount: ExactDecimal
        var rate: ExactDecimal
    }

    /// Encodes as the canonical text in a JSON string, scale kept, never a number.
    @Test func encodesAsAString() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(Payment(amount: dec("436.60"), rate: dec("0.00000000000000000000000000000000000001")))
        #expect(String(decoding: data, as: UTF8.self) == #"{"amount":"436.60","rate":"0.00000000000000000000000000000000000001"}"#)
    }

    /// Round-trips value and scale through JSON, including 38-digit values a Double cannot hold.
    @Test func roundTrips() throws {
        let payment = Payment(amount: dec("-99999999999999999999999999999999999.999"), rate: dec("6.900"))
        let decoded = try JSONDecoder().decode(Payment.self, from: JSONEncoder().encode(payment))
        #expect(decoded == payment)
        #expect(decoded.amount.description == "-99999999999999999999999999999999999.999")
        #expect(decoded.rate.scale == 3)
    }

    /// A JSON number is refused (a decoder may have rounded it through a Double); bad text
    /// names the coding path.
    @Test func refusesNumbersAndBadText() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Payment.self, from: Data(#"{"amount":436.66,"rate":"6"}"#.utf8)) }
        do {
            _ = try JSONDecoder().decode(Payment.self, from: Data(#"{"amount":"436.66","rate":"6,9"}"#.utf8))
            Issue.record("decoded 6,9")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.map(\.stringValue) == ["rate"])
            #expect(context.debugDescription.contains("6,9"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// LosslessStringConvertible through the same canonical text.
    @Test func losslessString() {
        #expect(ExactDecimal("12.50")?.description == "12.50")
        #expect(ExactDecimal(dec("-0.005").description) == dec("-0.005"))
        #expect(ExactDecimal("1e3") == nil)
    }
}
