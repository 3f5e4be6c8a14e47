// DealFinance — DealJSON tests: JSONObject (order, replacement, removal, equality).
import DealJSON
import Testing

@Suite("JSONObject")
struct JSONObjectTests {
    @Test("new keys append; existing keys replace in place")
    func insertionOrder() {
        var object = JSONObject()
        #expect(object.isEmpty && object.count == 0)
        object["b"] = 1
        object["a"] = 2
        object["b"] = 3
        #expect(object.keys == ["b", "a"])
        #expect(object.values == [.number("3"), .number("2")])
        #expect(object["b"] == .number("3"))
        #expect(object["missing"] == nil)
        #expect(!object.isEmpty && object.count == 2)
    }

    @Test("setting nil removes and later keys are still found")
    func removal() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3, "d": 4]
        object["b"] = nil
        #expect(object.keys == ["a", "c", "d"])
        #expect(object["c"] == .number("3") && object["d"] == .number("4"))
        object["x"] = nil   // removing a missing key changes nothing
        #expect(object.count == 3)
        object["b"] = 5     // re-added at the end
        #expect(object.keys == ["a", "c", "d", "b"])
        object["d"] = 6
        #expect(object.keys == ["a", "c", "d", "b"] && object["d"] == .number("6"))
        object["a"] = nil
        object["c"] = nil
        object["d"] = nil
        object["b"] = nil
        #expect(object.isEmpty && object == JSONObject())
    }

    @Test("init from members: a repeated key replaces the value at its first position")
    func initFromMembers() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == .number("3"))
    }

    @Test("iteration yields members in order")
    func iteration() {
        let object: JSONObject = ["z": 1, "a": "two", "m": nil]
        let members = Array(object)
        #expect(members.map(\.key) == ["z", "a", "m"])
        #expect(members.map(\.value) == [.number("1"), .string("two"), .null])
        #expect(object.underestimatedCount == 3)
        var iterator = JSONObject().makeIterator()
        #expect(iterator.next() == nil)
    }

    @Test("equality and hashing depend on order and exact key scalars")
    func equality() {
        let ab: JSONObject = ["a": 1, "b": 2]
        let ba: JSONObject = ["b": 2, "a": 1]
        #expect(ab != ba)
        #expect(ab == JSONObject([("a", 1), ("b", 2)]))
        #expect(Set([ab, ab, ba]).count == 2)
        var precomposed = JSONObject()
        precomposed["\u{E9}"] = 1
        var decomposed = JSONObject()
        decomposed["e\u{301}"] = 1
        #expect(precomposed != decomposed)
        #expect(precomposed["e\u{301}"] == nil)
        precomposed["e\u{301}"] = 2
        #expect(precomposed.count == 2)
    }

    /// Members appended unchecked (not indexed) behave like indexed ones for every read and
    /// mutation, and the object equals one built with the subscript.
    /// The reader leaves objects below 16 members unindexed and indexes larger ones: lookups,
    /// repeated-key errors and later mutations must behave the same at every size and
    /// position, with keys that differ only by canonically equivalent scalars or by length.
    @Test("parsed objects of 0…40 members: lookups, repeated keys and mutations at every size")
    func parsedObjectsAtEverySize() throws {
        func key(_ k: Int) -> String { ["é\(k)", "e\u{301}\(k)", "k\(k)", "k\(k)x"][k % 4] }
        for size in 0...40 {
            let keys = (0..<size).map(key)
            let text = "{" + keys.enumerated().map { "\(JSONWriter(pretty: false).write(.string($0.element))): \($0.offset)" }
                .joined(separator: ", ") + "}"
            guard case .object(var object) = try JSONReader().parse(text) else {
                Issue.record("not an object")
                continue
            }
            var reference = JSONObject()
            for (offset, name) in keys.enumerated() { reference[name] = .number(String(offset)) }
            #expect(object == reference && object.keys == keys)
            for (offset, name) in keys.enumerated() { #expect(object[name] == .number(String(offset)), "\(size) \(name)") }
            #expect(object[key(size)] == nil && object["k"] == nil && object["e"] == nil)
            // A repeated key anywhere is rejected, at the repeated key's offset.
            for repeated in 0..<size {
                let duplicate = String(text.dropLast()) + ", \(JSONWriter(pretty: false).write(.string(keys[repeated]))): 0}"
                do {
                    _ = try JSONReader().parse(duplicate)
                    Issue.record("size \(size): repeated \(keys[repeated]) accepted")
                } catch {
                    #expect(error.kind == .duplicateKey && error.path == keys[repeated])
                    #expect(error.offset == text.utf8.count + 1)
                }
            }
            // Mutations after parsing: replace, remove, add.
            if size > 0 {
                object[keys[size / 2]] = .bool(true)
                reference[keys[size / 2]] = .bool(true)
                object[keys[0]] = nil
                reference[keys[0]] = nil
            }
            object["added"] = .null
            reference["added"] = .null
            #expect(object == reference && object.keys == reference.keys)
            for name in reference.keys { #expect(object[name] == reference[name]) }
        }
    }

    @Test("memberIndex/memberValue agree with keys, values and the subscript; reserveCapacity changes nothing")
    func memberIndexAndReserve() throws {
        for size in [0, 1, 15, 16, 17, 40] {
            let keys = (0..<size).map { $0 % 2 == 0 ? "é\($0)" : "k\($0)" }
            let text = "{" + keys.enumerated().map { "\"\($0.element)\": \($0.offset)" }.joined(separator: ",") + "}"
            guard case .object(var object) = try JSONReader().parse(text) else { Issue.record("not an object"); continue }
            for (offset, key) in keys.enumerated() {
                #expect(object.memberIndex(of: key) == offset)
                #expect(object.memberValue(at: offset) == object[key] && object.values[offset] == object[key])
            }
            #expect(object.memberIndex(of: "e\u{301}0") == nil && object.memberIndex(of: "absent") == nil)
            let before = object
            object.reserveCapacity(100)
            #expect(object == before && object.keys == keys)
            object["added"] = .null
            #expect(object.memberIndex(of: "added") == size)
        }
    }

    @Test func appendUncheckedMatchesSubscript() {
        var fast = JSONObject()
        var checked = JSONObject()
        for k in 0..<40 {
            fast.appendUnchecked("key\(k)", .number(String(k)))
            checked["key\(k)"] = .number(String(k))
        }
        #expect(fast == checked)
        #expect(fast.hashValue == checked.hashValue)
        #expect(fast.keys == checked.keys && fast.count == 40)
        #expect(fast["key0"] == .number("0") && fast["key39"] == .number("39") && fast["key40"] == nil)
        // Mutations by key index the unchecked members first.
        fast["key7"] = .bool(true)
        checked["key7"] = .bool(true)
        fast["key3"] = nil
        checked["key3"] = nil
        fast["new"] = .null
        checked["new"] = .null
        #expect(fast == checked)
        #expect(fast.keys.firstIndex(of: "key7") == 6 && fast["key8"] == .number("8"))
        // Appending unchecked after indexed members, then reading both kinds.
        fast.appendUnchecked("tail", .string("t"))
        #expect(fast["tail"] == .string("t") && fast["new"] == .null && fast.keys.last == "tail")
        let built = JSONObject(uncheckedUniqueMembers: [("b", 1), ("a", 2)])
        #expect(built == JSONObject([("b", 1), ("a", 2)]) && built["a"] == .number("2"))
        // Keys still match by Unicode scalars in the unindexed tail.
        var scalars = JSONObject()
        scalars.appendUnchecked("\u{E9}", 1)
        #expect(scalars["e\u{301}"] == nil && scalars["\u{E9}"] == .number("1"))
    }
}
