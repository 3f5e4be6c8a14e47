// DealFinance — DealJSON: an insertion-ordered JSON object.

/// The members of a JSON object, kept in the order they were written or inserted.
///
/// Keys are matched by their Unicode scalars, not by Swift's canonical equivalence:
/// `"é"` (U+00E9) and `"e\u{301}"` are two different keys, as in RFC 8259 §8.3.
/// Lookup by key is O(1); iteration yields `(key:value:)` pairs in member order, which is
/// also the order ``JSONWriter`` prints. Equality and hashing take the order into account
/// (like `OrderedDictionary`), so equal objects always print the same text.
///
/// ```swift
/// var totals = JSONObject()
/// totals["principal"] = "20000.00"
/// totals["interest"] = "3712.29"
/// totals.keys                        // ["principal", "interest"]
/// totals["principal"] = "19500.00"   // replaces in place; order unchanged
/// totals["interest"] = nil           // removes the member
/// ```
public struct JSONObject: Sendable, Equatable, Hashable, Sequence {
    /// Member names in order.
    private var memberKeys: [String] = []
    /// Member values, parallel to `memberKeys`.
    private var memberValues: [JSONValue] = []
    /// Position of each key in `memberKeys[..<indexedCount]`. Members appended by
    /// ``appendingUnchecked(_:_:)`` stay out of the index until a lookup by a mutation needs
    /// them; reads scan that unindexed tail.
    private var positions: [ExactText: Int] = [:]
    /// How many leading members `positions` covers.
    private var indexedCount = 0

    /// Creates an empty object.
    ///
    /// ```swift
    /// JSONObject().isEmpty   // true
    /// ```
    public init() {}

    /// Creates an object from members in order. Appending a key that is already present
    /// replaces its value in place (the key keeps its first position); use ``JSONReader``
    /// when a repeated key must be an error.
    ///
    /// ```swift
    /// let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
    /// object.keys        // ["a", "b"]
    /// object["a"]        // .number("3")
    /// ```
    ///
    /// - Parameter members: `(key, value)` pairs in the order they should print.
    public init(_ members: [(String, JSONValue)]) {
        for (key, value) in members { self[key] = value }
    }

    /// The value of the member named `key`, or `nil`. Setting a value for a new key appends
    /// it at the end, for an existing key replaces it in place; setting `nil` removes the
    /// member.
    ///
    /// ```swift
    /// var object: JSONObject = ["a": 1]
    /// object["b"] = true     // appended
    /// object["a"] = nil      // removed; keys == ["b"]
    /// ```
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return memberValues[position]
        }
        set {
            indexAll()
            if let position = positions[ExactText(key)] {
                if let newValue {
                    memberValues[position] = newValue
                } else {
                    removeMember(at: position)
                }
            } else if let newValue {
                appendNewMember(key, newValue)
            }
        }
    }

    /// The member names in order.
    ///
    /// ```swift
    /// let object: JSONObject = ["z": 1, "a": 2]
    /// object.keys   // ["z", "a"]
    /// ```
    public var keys: [String] { memberKeys }

    /// The member values in order.
    ///
    /// ```swift
    /// let object: JSONObject = ["z": 1, "a": 2]
    /// object.values   // [.number("1"), .number("2")]
    /// ```
    public var values: [JSONValue] { memberValues }

    /// The number of members.
    ///
    /// ```swift
    /// let object: JSONObject = ["a": 1]
    /// object.count   // 1
    /// ```
    public var count: Int { memberKeys.count }

    /// Whether the object has no members.
    ///
    /// ```swift
    /// JSONObject().isEmpty   // true
    /// ```
    public var isEmpty: Bool { memberKeys.isEmpty }

    /// The position of the member named `key` in member order, or `nil`: the index into
    /// ``keys`` and ``values`` (request decoding marks the members it has read by position).
    ///
    /// ```swift
    /// let object: JSONObject = ["a": 1, "b": 2]
    /// object.memberIndex(of: "b")   // 1
    /// ```
    package func memberIndex(of key: String) -> Int? { position(of: key) }

    /// The value of the member at `index` (a position from ``memberIndex(of:)``).
    ///
    /// ```swift
    /// let object: JSONObject = ["a": 1]
    /// object.memberValue(at: 0)   // .number("1")
    /// ```
    package func memberValue(at index: Int) -> JSONValue { memberValues[index] }

    /// Whether a member named `key` exists (used by the reader to reject repeated keys).
    func containsKey(_ key: String) -> Bool { position(of: key) != nil }

    /// The position of `key`: the index, then a scan of the members appended unchecked.
    private func position(of key: String) -> Int? {
        let text = ExactText(key)
        if indexedCount > 0, let position = positions[text] { return position }
        // The byte counts first (a stored field of a native or small string), inline: most
        // members of a scan differ in length from the key.
        let length = key.utf8.count
        var position = indexedCount
        while position < memberKeys.count {
            if memberKeys[position].utf8.count == length, ExactText(memberKeys[position]) == text { return position }
            position += 1
        }
        return nil
    }

    /// Brings every member into the index.
    private mutating func indexAll() {
        while indexedCount < memberKeys.count {
            positions[ExactText(memberKeys[indexedCount])] = indexedCount
            indexedCount += 1
        }
    }

    /// Appends a member whose key is known to be absent. Objects of fewer than
    /// ``unindexedLimit`` members stay unindexed (a scan of a few keys is cheaper than
    /// hashing them); from that size on every member is indexed.
    mutating func appendNewMember(_ key: String, _ value: JSONValue) {
        if memberKeys.count >= Self.unindexedLimit {
            indexAll()
            positions[ExactText(key)] = memberKeys.count
            indexedCount = memberKeys.count + 1
        }
        memberKeys.append(key)
        memberValues.append(value)
    }

    /// The member count below which ``appendNewMember(_:_:)`` leaves members to the scan.
    static let unindexedLimit = 16

    /// Appends a member whose key the caller guarantees is not already present (result
    /// objects built from fixed, distinct field names), without the duplicate-key lookup and
    /// without indexing it: the cheap way to build an object that is written, not queried.
    /// Lookups still find it (by a scan of the unindexed members, indexed on the first
    /// mutation by key). Appending a key that is present is a programming error (checked in
    /// debug builds).
    ///
    /// ```swift
    /// var row = JSONObject()
    /// row.appendUnchecked("number", .number("1"))
    /// row.appendUnchecked("payment", .string("436.66"))
    /// ```
    package mutating func appendUnchecked(_ key: String, _ value: JSONValue) {
        assert(position(of: key) == nil, "JSONObject.appendUnchecked: repeated key \(key)")
        memberKeys.append(key)
        memberValues.append(value)
    }

    /// Reserves room for `count` members, so that building a result object of known size
    /// appends without regrowing its arrays.
    ///
    /// ```swift
    /// var result = JSONObject()
    /// result.reserveCapacity(40)
    /// ```
    package mutating func reserveCapacity(_ count: Int) {
        memberKeys.reserveCapacity(count)
        memberValues.reserveCapacity(count)
    }

    /// Creates an object from members whose keys the caller guarantees are distinct
    /// (``appendUnchecked(_:_:)`` for each, in order).
    package init(uncheckedUniqueMembers members: [(String, JSONValue)]) {
        memberKeys.reserveCapacity(members.count)
        memberValues.reserveCapacity(members.count)
        for (key, value) in members { appendUnchecked(key, value) }
    }

    private mutating func removeMember(at position: Int) {
        indexAll()
        positions[ExactText(memberKeys[position])] = nil
        memberKeys.remove(at: position)
        memberValues.remove(at: position)
        for later in position..<memberKeys.count { positions[ExactText(memberKeys[later])] = later }
        indexedCount = memberKeys.count
    }

    /// Two objects are equal when they hold equal members in the same order. Keys compare
    /// by Unicode scalars, like strings in ``JSONValue``.
    ///
    /// ```swift
    /// (["a": 1, "b": 2] as JSONObject) == ["b": 2, "a": 1]   // false: order differs
    /// ```
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.memberKeys.elementsEqual(rhs.memberKeys) { ExactText($0) == ExactText($1) }
            && lhs.memberValues == rhs.memberValues
    }

    /// Hashes the members in order, consistently with `==`.
    ///
    /// ```swift
    /// Set<JSONObject>([["a": 1], ["a": 1]]).count   // 1
    /// ```
    public func hash(into hasher: inout Hasher) {
        hasher.combine(memberKeys.count)
        for key in memberKeys { hasher.combine(ExactText(key)) }
        hasher.combine(memberValues)
    }

    /// Iterates the members in order as `(key:value:)` pairs.
    ///
    /// ```swift
    /// var iterator = (["a": 1] as JSONObject).makeIterator()
    /// iterator.next()   // (key: "a", value: .number("1"))
    /// ```
    public struct Iterator: IteratorProtocol, Sendable {
        private let keys: [String]
        private let values: [JSONValue]
        private var position = 0

        init(keys: [String], values: [JSONValue]) {
            self.keys = keys
            self.values = values
        }

        /// The next member, or `nil` after the last.
        ///
        /// ```swift
        /// var iterator = JSONObject().makeIterator()
        /// iterator.next()   // nil
        /// ```
        public mutating func next() -> (key: String, value: JSONValue)? {
            guard position < keys.count else { return nil }
            defer { position += 1 }
            return (key: keys[position], value: values[position])
        }
    }

    /// Returns an iterator over the members in order.
    ///
    /// ```swift
    /// for (key, value) in object { print(key, value.kindName) }
    /// ```
    public func makeIterator() -> Iterator { Iterator(keys: memberKeys, values: memberValues) }

    /// The exact number of members.
    ///
    /// ```swift
    /// (["a": 1] as JSONObject).underestimatedCount   // 1
    /// ```
    public var underestimatedCount: Int { memberKeys.count }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object from a dictionary literal in written order; a repeated key
    /// replaces the earlier value in place.
    ///
    /// ```swift
    /// let object: JSONObject = ["term": 60, "apr": "6.9"]
    /// ```
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
