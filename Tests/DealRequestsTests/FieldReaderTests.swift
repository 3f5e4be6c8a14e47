// DealFinance — DealRequestsTests: FieldReader (strict, path-tracking reading of one object).

import Testing
import DealDecimal
import DealEngine
import DealJSON
@testable import DealRequests
import _DealTestSupport

private func reader(_ text: String, path: String = "deal") throws -> FieldReader {
    try FieldReader(try JSONReader().parse(text), path: path)
}

/// Runs `body` expecting a DealError and returns it.
private func failure(_ body: () throws(DealError) -> Void) -> DealError? {
    do { try body() } catch { return error }
    return nil
}

@Suite("FieldReader")
struct FieldReaderTests {
    @Test("Only objects can be read; the message names what was found")
    func onlyObjects() {
        for (text, found) in [("[]", "an array"), ("1", "the JSON number 1"), (#""x""#, "the string \"x\""), ("true", "true"), ("null", "null")] {
            let error = failure { () throws(DealError) in _ = try FieldReader(try! JSONReader().parse(text), path: "tax") }
            #expect(error == .invalidArgument("tax", "expected an object, found \(found)"))
        }
    }

    @Test("Paths: members are joined with dots; at the top the key alone")
    func paths() throws {
        #expect(try reader("{}", path: "").path("term") == "term")
        #expect(try reader("{}", path: "fees.3").path("amount") == "fees.3.amount")
    }

    @Test("absent: a field's documented default only when the field is not given; a bad value is still an error")
    func absentDefaults() throws {
        var fields = try reader(#"{"fv":"-100.5","type":1,"bad":12.5,"n":"x"}"#)
        #expect(try fields.decimal("fv", absent: .zero) == ExactDecimal(parsing: "-100.5"))
        #expect(try fields.decimal("pv", absent: .zero) == .zero)
        #expect(try fields.integer("type", absent: 0) == 1)
        #expect(try fields.integer("per", absent: 7) == 7)
        #expect(failure { () throws(DealError) in _ = try fields.decimal("bad", absent: .zero) }?.path == "deal.bad")
        #expect(failure { () throws(DealError) in _ = try fields.integer("n", absent: 0) }?.path == "deal.n")
    }

    @Test("decimal: strings parse exactly, absent is nil, numbers and other kinds are rejected")
    func decimals() throws {
        var fields = try reader(#"{"a":"12.50","b":12.5,"c":true,"d":"1e3","e":"-0.01"}"#)
        #expect(try fields.decimal("a") == ExactDecimal(parsing: "12.50"))
        #expect(try fields.decimal("a")?.scale == 2)
        #expect(try fields.decimal("missing") == nil)
        #expect(try fields.decimal("e") == ExactDecimal(parsing: "-0.01"))
        let number = failure { () throws(DealError) in _ = try fields.decimal("b") }
        #expect(number == .invalidArgument("deal.b", "expected a decimal string such as \"12.5\" (JSON numbers lose cents), found the JSON number 12.5"))
        let bool = failure { () throws(DealError) in _ = try fields.decimal("c") }
        #expect(bool == .invalidArgument("deal.c", "expected a decimal string such as \"1234.56\", found true"))
        let exponent = failure { () throws(DealError) in _ = try fields.decimal("d") }
        #expect(exponent?.path == "deal.d")
        #expect(exponent?.message.hasPrefix("expected a plain decimal such as \"1234.56\" (digits, one optional '.', optional leading '-'), found \"1e3\"") == true)
        let missing = failure { () throws(DealError) in _ = try fields.requiredDecimal("nope") }
        #expect(missing == .invalidArgument("deal.nope", "expected a decimal string, found nothing (the field is required)"))
    }

    @Test("integer: whole JSON numbers only, at most 12 characters")
    func integers() throws {
        var fields = try reader(#"{"a":60,"b":-3,"c":60.0,"d":6e1,"e":"60","f":123456789012,"g":1234567890123,"h":-0}"#)
        #expect(try fields.integer("a") == 60)
        #expect(try fields.integer("b") == -3)
        #expect(try fields.integer("f") == 123456789012)
        #expect(try fields.integer("h") == 0)
        #expect(try fields.integer("none") == nil)
        #expect(failure { () throws(DealError) in _ = try fields.integer("c") } == .invalidArgument("deal.c", "expected a whole number such as 60, found 60.0"))
        #expect(failure { () throws(DealError) in _ = try fields.integer("d") } == .invalidArgument("deal.d", "expected a whole number such as 60, found 6e1"))
        #expect(failure { () throws(DealError) in _ = try fields.integer("e") } == .invalidArgument("deal.e", "expected a whole JSON number, found the string \"60\""))
        #expect(failure { () throws(DealError) in _ = try fields.integer("g") } == .invalidArgument("deal.g", "expected a whole number such as 60, found 1234567890123"))
        #expect(failure { () throws(DealError) in _ = try fields.requiredInteger("term") } == .invalidArgument("deal.term", "expected a whole number, found nothing (the field is required)"))
    }

    @Test("bool, string, choice")
    func scalars() throws {
        var fields = try reader(#"{"t":true,"f":false,"s":"x","n":1,"freq":"weekly","bad":"Weekly"}"#)
        #expect(try fields.bool("t") == true)
        #expect(try fields.bool("f") == false)
        #expect(try fields.bool("none") == nil)
        #expect(failure { () throws(DealError) in _ = try fields.bool("s") } == .invalidArgument("deal.s", "expected true or false, found the string \"x\""))
        #expect(try fields.string("s") == "x")
        #expect(failure { () throws(DealError) in _ = try fields.string("n") } == .invalidArgument("deal.n", "expected a string, found the JSON number 1"))
        #expect(try fields.choice("freq", PaymentFrequency.self) == .weekly)
        #expect(try fields.choice("absent", PaymentFrequency.self) == nil)
        #expect(failure { () throws(DealError) in _ = try fields.choice("bad", PaymentTiming.self) } == .invalidArgument("deal.bad", "expected one of \"arrears\", \"advance\", found \"Weekly\""))
    }

    @Test("date: YYYY-MM-DD or the calendar's message at the field's path")
    func dates() throws {
        var fields = try reader(#"{"ok":"2026-02-28","bad":"2026-02-30","short":"2026-2-3"}"#)
        #expect(try fields.date("ok") == CivilDate(year: 2026, month: 2, day: 28))
        #expect(try fields.date("none") == nil)
        let bad = failure { () throws(DealError) in _ = try fields.date("bad") }
        #expect(bad == .invalidArgument("deal.bad", "expected a date YYYY-MM-DD, found \"2026-02-30\" (February 2026 has 28 days)"))
        #expect(failure { () throws(DealError) in _ = try fields.date("short") }?.path == "deal.short")
    }

    @Test("array: elements with their paths, at most `limit` of them")
    func arrays() throws {
        var fields = try reader(#"{"a":[1,"x"],"b":{},"c":[1,2,3]}"#)
        let elements = try #require(try fields.array("a", limit: 2))
        #expect(elements.map(\.path) == ["deal.a.0", "deal.a.1"])
        #expect(elements.map(\.value) == [1, "x"])
        #expect(try fields.array("none", limit: 2) == nil)
        #expect(failure { () throws(DealError) in _ = try fields.array("b", limit: 2) } == .invalidArgument("deal.b", "expected an array, found an object"))
        #expect(failure { () throws(DealError) in _ = try fields.array("c", limit: 2) } == .invalidArgument("deal.c", "expected at most 2 entries, found 3"))
    }

    @Test("object: a nested reader with the nested path")
    func objects() throws {
        var fields = try reader(#"{"tax":{"rate":"7"},"n":3}"#)
        var tax = try #require(try fields.object("tax"))
        #expect(tax.path == "deal.tax")
        #expect(try tax.decimal("rate") == ExactDecimal(7))
        #expect(try fields.object("none") == nil)
        #expect(failure { () throws(DealError) in _ = try fields.object("n") } == .invalidArgument("deal.n", "expected an object, found the JSON number 3"))
        #expect(fields.has("tax"))
        #expect(!fields.has("none"))
    }

    @Test("finish: members never read are unknown fields; reading absent keys does not add members")
    func finish() throws {
        var fields = try reader(#"{"apr":"6","term":60,"aprr":"7"}"#, path: "")
        _ = try fields.decimal("apr")
        _ = try fields.integer("term")
        _ = try fields.decimal("downPayment")   // absent: fine
        let error = failure { () throws(DealError) in try fields.finish() }
        #expect(error == .invalidArgument("aprr", "expected only the fields \"apr\", \"term\", \"downPayment\", found the unknown field \"aprr\""))
        _ = try fields.decimal("aprr")
        #expect(failure { () throws(DealError) in try fields.finish() } == nil)
        // `has` does not count as reading.
        var other = try reader(#"{"x":1}"#)
        #expect(other.has("x"))
        #expect(failure { () throws(DealError) in try other.finish() }?.path == "deal.x")
        _ = try other.integer("x")
        #expect(failure { () throws(DealError) in try other.finish() } == nil)
    }

    @Test("describe and excerpt keep messages short")
    func describing() {
        #expect(FieldReader.describe(.number("30000")) == "the JSON number 30000")
        #expect(FieldReader.describe(.string("abc")) == "the string \"abc\"")
        #expect(FieldReader.describe(.bool(false)) == "false")
        #expect(FieldReader.describe(.null) == "null")
        #expect(FieldReader.describe(.array([])) == "an array")
        #expect(FieldReader.describe(.object(JSONObject())) == "an object")
        let forty = String(repeating: "a", count: 40)
        #expect(FieldReader.excerpt(forty) == forty)
        #expect(FieldReader.excerpt(forty + "b") == String(repeating: "a", count: 37) + "…")
        #expect(FieldReader.describe(.string(String(repeating: "z", count: 1000))).count < 60)
    }

    /// `finish()` skips the name comparison when every member was found by a read (objects
    /// below 64 members). On seeded objects of 0…70 members, read in a random order, some
    /// keys twice, some absent keys, some members left unread, it throws exactly what the
    /// name-by-name check throws (the first unread member in member order, every read key).
    @Test("finish: the found-member shortcut throws exactly what the name-by-name check throws")
    func finishMatchesTheNameCheck() throws {
        var rng = SeededGenerator(seed: 0xF1E1D)
        var sawUnknown = false, sawClean = false
        for round in 0..<600 {
            let size = round < 71 ? round : Int.random(in: 0...70, using: &rng)
            let keys = (0..<size).map { ["k\($0)", "é\($0)", "e\u{301}x\($0)"][$0 % 3] }
            let text = "{" + keys.map { "\(JSONWriter(pretty: false).write(.string($0))):\"1\"" }.joined(separator: ",") + "}"
            var fields = try reader(text)
            let unread = size == 0 || Bool.random(using: &rng) ? -1 : Int.random(in: 0..<size, using: &rng)
            var read: [String] = []
            for index in keys.indices.shuffled(using: &rng) where index != unread {
                read.append(keys[index])
                _ = try fields.string(keys[index])
                if Int.random(in: 0..<5, using: &rng) == 0 {
                    read.append(keys[index])
                    _ = try fields.string(keys[index])
                }
                if Int.random(in: 0..<5, using: &rng) == 0 {
                    read.append("absent\(index)")
                    _ = try fields.string("absent\(index)")
                }
            }
            // The name-by-name check of the previous `finish()`.
            var expected: DealError?
            for key in keys where !read.contains(key) {
                let known = read.map { "\"\($0)\"" }.joined(separator: ", ")
                expected = .invalidArgument("deal.\(key)", "expected only the fields \(known), found the unknown field \"\(key)\"")
                break
            }
            let error = failure { () throws(DealError) in try fields.finish() }
            #expect(error == expected, "size \(size), unread \(unread)")
            if expected == nil { sawClean = true } else { sawUnknown = true }
        }
        #expect(sawClean && sawUnknown)
    }
}
