// DealFinance benchmarks — SplitMix64, the same generator and helpers as
// Tests/_DealTestSupport/SeededGenerator.swift (copied: test support is not a product).

/// SplitMix64: output depends only on the seed, on every platform and Swift version.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func below(_ bound: UInt64) -> UInt64 {
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }

    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound))
        if width == .max { return Int(bitPattern: UInt(next())) }
        return range.lowerBound &+ Int(bitPattern: UInt(below(width + 1)))
    }

    public mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
        int(in: 0...(denominator - 1)) < numerator
    }

    public mutating func element<C: RandomAccessCollection>(of c: C) -> C.Element {
        c[c.index(c.startIndex, offsetBy: int(in: 0...(c.count - 1)))]
    }

    /// Dealer-like money in minor units (whole dollars half the time, …99 prices, any cent).
    public mutating func moneyMinor(in range: ClosedRange<Int>) -> Int {
        let raw = int(in: range)
        let value: Int
        switch int(in: 0...3) {
        case 0, 1: value = raw - raw % 100
        case 2: value = raw - raw % 500 + element(of: [0, 99])
        default: value = raw
        }
        return min(max(value, range.lowerBound), range.upperBound)
    }

    /// An APR in percent with 0–`maxDecimals` decimals, "0" one time in 40.
    public mutating func aprText(maxPercent: Int = 30, maxDecimals: Int = 3) -> String {
        if chance(1, in: 40) { return "0" }
        let decimals = int(in: 0...maxDecimals)
        var unit = 1
        for _ in 0..<decimals { unit *= 10 }
        return Self.decimalText(int(in: 0...(maxPercent * unit)), scale: decimals)
    }

    public mutating func term(max: Int = 96) -> Int {
        chance(3, in: 4) ? min(max, 6 * int(in: 2...16)) : int(in: 1...max)
    }

    public mutating func periodsPerYear() -> Int {
        chance(1, in: 2) ? 12 : element(of: [12, 24, 26, 52, 4, 2, 1])
    }

    public static func decimalText(_ value: Int, scale: Int) -> String {
        var digits = String(value)
        guard scale > 0 else { return digits }
        if digits.count <= scale { digits = String(repeating: "0", count: scale + 1 - digits.count) + digits }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        return digits
    }
}
