//===--- SeededGenerator.swift --------------------------------*- swift -*-===//
//
// This source file is part of the DealFinance open source project.
// Test support only: never a dependency of a product.
//
//===----------------------------------------------------------------------===//

/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast generator whose
/// output depends only on the seed, on every platform and Swift version.
///
/// The helpers below draw values with their own arithmetic (not the standard
/// library's `random(in:using:)`, whose algorithm may change), so a seed
/// replays the same deals everywhere.
///
///     var g = SeededGenerator(seed: 42)
///     let price = g.moneyMinor(in: 5_000_00...80_000_00)
///     let apr = g.aprText()          // e.g. "6.875"
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  /// The whole state; copy it to replay.
  public private(set) var state: UInt64

  /// A generator starting from `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  ///
  ///     var g = SeededGenerator(seed: 0)
  ///     g.next()   // 0xE220A8397B1DCDAF
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0 ..< bound` (`bound > 0`), unbiased (Lemire's
  /// multiply-and-reject).
  public mutating func below(_ bound: UInt64) -> UInt64 {
    precondition(bound > 0, "SeededGenerator.below: empty range")
    var product = next().multipliedFullWidth(by: bound)
    if product.low < bound {
      let threshold = (0 &- bound) % bound
      while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
    }
    return product.high
  }

  /// A uniform integer in `range`.
  ///
  ///     g.int(in: 1...96)
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    let width = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound))
    if width == .max { return Int(bitPattern: UInt(next())) }
    return range.lowerBound &+ Int(bitPattern: UInt(below(width + 1)))
  }

  /// `true` with probability `numerator / denominator`.
  public mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
    int(in: 0...(denominator - 1)) < numerator
  }

  /// One element of a non-empty collection.
  public mutating func element<C: RandomAccessCollection>(of c: C) -> C.Element {
    precondition(!c.isEmpty, "SeededGenerator.element: empty collection")
    return c[c.index(c.startIndex, offsetBy: int(in: 0...(c.count - 1)))]
  }

  /// A money amount in minor units like a dealer's: half the time whole
  /// dollars, a quarter of the time ending in 0, 5 or 9 dollars and 00 or 99
  /// cents style prices, otherwise any cent — kept inside `range`.
  ///
  ///     g.moneyMinor(in: 1_000_00...100_000_00)   // e.g. 27_495_00
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

  /// An APR in percent as decimal text, 0…`maxPercent` with 0–`maxDecimals`
  /// decimals (mostly 2–3, as lenders quote), e.g. `"6.9"`, `"4.125"`, `"0"`.
  public mutating func aprText(maxPercent: Int = 30, maxDecimals: Int = 3) -> String {
    if chance(1, in: 40) { return "0" }
    let decimals = int(in: 0...maxDecimals)
    var unit = 1
    for _ in 0..<decimals { unit *= 10 }
    return Self.decimalText(int(in: 0...(maxPercent * unit)), scale: decimals)
  }

  /// A percentage of a price (balloon, residual), e.g. `"35"` or `"42.5"`.
  public mutating func percentText(in range: ClosedRange<Int>) -> String {
    Self.decimalText(int(in: (range.lowerBound * 10)...(range.upperBound * 10)), scale: 1)
  }

  /// A term: mostly 12–96 in steps of 6, sometimes any 1…`max`.
  public mutating func term(max: Int = 96) -> Int {
    chance(3, in: 4) ? min(max, 6 * int(in: 2...16)) : int(in: 1...max)
  }

  /// Periods a year of one of the loan frequencies (12, 24, 26, 52, 4, 2, 1),
  /// monthly most often.
  public mutating func periodsPerYear() -> Int {
    chance(1, in: 2) ? 12 : element(of: [12, 24, 26, 52, 4, 2, 1])
  }

  /// `value / 10^scale` as plain decimal text (`value ≥ 0`).
  static func decimalText(_ value: Int, scale: Int) -> String {
    var digits = String(value)
    guard scale > 0 else { return digits }
    if digits.count <= scale { digits = String(repeating: "0", count: scale + 1 - digits.count) + digits }
    digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
    return digits
  }
}
