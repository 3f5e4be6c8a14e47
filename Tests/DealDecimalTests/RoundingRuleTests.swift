// DealFinance — DealDecimalTests: RoundingRule (RoundingRule.swift).

import Testing
import DealDecimal

/// The independent oracle: `numerator / denominator` rounded by `rule`, from the floor and a
/// comparison of twice the remainder with the divisor, on plain integers. `nil` means "inexact"
/// for `requireExact`.
func oracleDivide(_ numerator: Int128, _ denominator: Int128, _ rule: RoundingRule) -> Int128? {
    precondition(denominator != 0)
    var n = numerator, d = denominator
    if d < 0 { n = -n; d = -d }
    var floor = n / d
    if n % d < 0 { floor -= 1 }
    let remainder = n - floor * d            // 0 ≤ remainder < d
    if remainder == 0 { return floor }
    let ceiling = floor + 1
    let positive = n > 0                      // the exact quotient's sign (it is not zero)
    let towardZero = positive ? floor : ceiling
    let awayFromZero = positive ? ceiling : floor
    let even = floor % 2 == 0 ? floor : ceiling
    let odd = floor % 2 == 0 ? ceiling : floor
    let twice = 2 * remainder
    func nearest(tie: Int128) -> Int128 { twice < d ? floor : (twice > d ? ceiling : tie) }
    switch rule {
    case .down: return floor
    case .up: return ceiling
    case .towardZero: return towardZero
    case .awayFromZero: return awayFromZero
    case .toNearestOrDown: return nearest(tie: floor)
    case .toNearestOrUp: return nearest(tie: ceiling)
    case .toNearestOrZero: return nearest(tie: towardZero)
    case .toNearestOrAway: return nearest(tie: awayFromZero)
    case .toNearestOrEven: return nearest(tie: even)
    case .toOdd: return odd
    case .requireExact: return nil
    }
}

/// The table of RoundingRule's doc comment: values −1.5, −0.5, 0.5, 0.7, 1.2, 2.5.
let roundingTable: [(RoundingRule, [Int])] = [
    (.down, [-2, -1, 0, 0, 1, 2]),
    (.up, [-1, 0, 1, 1, 2, 3]),
    (.towardZero, [-1, 0, 0, 0, 1, 2]),
    (.awayFromZero, [-2, -1, 1, 1, 2, 3]),
    (.toNearestOrDown, [-2, -1, 0, 1, 1, 2]),
    (.toNearestOrUp, [-1, 0, 1, 1, 1, 3]),
    (.toNearestOrZero, [-1, 0, 0, 1, 1, 2]),
    (.toNearestOrAway, [-2, -1, 1, 1, 1, 3]),
    (.toNearestOrEven, [-2, 0, 0, 1, 1, 2]),
    (.toOdd, [-1, -1, 1, 1, 1, 3]),
]
let roundingTableTenths: [Int] = [-15, -5, 5, 7, 12, 25]

@Suite("RoundingRule")
struct RoundingRuleTests {
    @Test func casesAndNames() {
        #expect(RoundingRule.allCases == [.down, .up, .towardZero, .awayFromZero, .toNearestOrDown, .toNearestOrUp,
                                          .toNearestOrZero, .toNearestOrAway, .toNearestOrEven, .toOdd, .requireExact])
        #expect(RoundingRule.allCases.map(\.rawValue) == ["down", "up", "towardZero", "awayFromZero", "toNearestOrDown",
            "toNearestOrUp", "toNearestOrZero", "toNearestOrAway", "toNearestOrEven", "toOdd", "requireExact"])
        #expect(RoundingRule(rawValue: "HALF_UP") == nil)
        #expect(RoundingRule(rawValue: "bankers") == nil)
    }

    /// Every cell of the doc-comment table, through `divide` (tenths by 10).
    @Test(arguments: roundingTable)
    func docTableThroughDivide(rule: RoundingRule, expected: [Int]) throws {
        #expect(expected.count == roundingTableTenths.count)
        for (tenths, result) in zip(roundingTableTenths, expected) {
            let (tenths, result) = (Int128(tenths), Int128(result))
            #expect(try rule.divide(tenths, by: 10) == result, "\(rule) \(tenths)/10")
            #expect(try rule.divide(-tenths, by: -10) == result, "\(rule) \(-tenths)/-10")
            #expect(oracleDivide(tenths, 10, rule) == result, "oracle \(rule) \(tenths)/10")
        }
    }

    @Test func docTableRequireExactThrowsForEveryColumn() {
        for tenths in roundingTableTenths {
            #expect(throws: DecimalError.inexact) { try RoundingRule.requireExact.divide(Int128(tenths), by: 10) }
        }
        #expect(roundingTable.count == RoundingRule.allCases.count - 1)
    }

    @Test func docCommentExamples() throws {
        #expect(try RoundingRule.toNearestOrAway.divide(5, by: 2) == 3)
        #expect(try RoundingRule.toNearestOrEven.divide(5, by: 2) == 2)
        #expect(try RoundingRule.down.divide(-1, by: 3) == -1)
        #expect(try RoundingRule.toNearestOrEven.adjust(truncated: 2, negative: false, remainderVersusHalf: 0) == 2)
        #expect(try RoundingRule.toNearestOrEven.adjust(truncated: 3, negative: false, remainderVersusHalf: 0) == 4)
        #expect(try RoundingRule.toNearestOrEven.adjust(truncated: -3, negative: true, remainderVersusHalf: 0) == -4)
    }

    /// numerics-style exhaustive check: every n in −300…300, d in ±1…±40, every rule.
    @Test func divideIsExhaustivelyCorrectOnASmallDomain() throws {
        var failures: [String] = []
        var checked = 0
        for rule in RoundingRule.allCases {
            for n in Int128(-300)...300 {
                for magnitude in Int128(1)...40 {
                    for d in [magnitude, -magnitude] {
                        checked += 1
                        let expected = oracleDivide(n, d, rule)
                        let actual = try inexactAsNil { try rule.divide(n, by: d) }
                        if actual != expected, failures.count < 20 {
                            failures.append("\(rule) \(n)/\(d): got \(String(describing: actual)), expected \(String(describing: expected))")
                        }
                    }
                }
            }
        }
        #expect(checked == 11 * 601 * 80)
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func requireExactThrowsExactlyWhenInexact() throws {
        for n in Int128(-100)...100 {
            for d in Int128(1)...12 {
                if n % d == 0 {
                    #expect(try RoundingRule.requireExact.divide(n, by: d) == n / d)
                } else {
                    #expect(throws: DecimalError.inexact) { try RoundingRule.requireExact.divide(n, by: d) }
                }
            }
        }
    }

    @Test func divisionByZeroAndOverflow() throws {
        for rule in RoundingRule.allCases {
            #expect(throws: DecimalError.divisionByZero) { try rule.divide(1, by: 0) }
            #expect(throws: DecimalError.divisionByZero) { try rule.divide(0, by: 0) }
            #expect(throwsOverflow { _ = try rule.divide(.min, by: -1) })
        }
        #expect(try RoundingRule.down.divide(.min, by: 1) == .min)
        #expect(try RoundingRule.down.divide(.max, by: -1) == -Int128.max)
    }

    /// Extremes: remainders near the divisor, where 2·remainder would overflow a naive check.
    @Test func extremeOperandsAgainstTheOracle() throws {
        let big = Int128.max
        let cases: [(Int128, Int128)] = [
            (big, big - 1), (big, 2), (big - 1, 2), (big, big / 2), (big, big / 2 + 1), (.min, 2), (.min + 1, 2),
            (.min, 3), (.min, .max), (.max, .min), (.min + 1, .min), (big / 2 + 1, big), (big / 2, big),
            (-(big / 2) - 1, big), (3, big),
        ]
        for (n, d) in cases {
            for rule in RoundingRule.allCases where rule != .requireExact {
                let expected = try oracleDivideWide(n, d, rule)
                #expect(try rule.divide(n, by: d) == expected, "\(rule) \(n)/\(d)")
            }
        }
    }

    @Test func adjustWorksOnOtherIntegerTypes() throws {
        #expect(try RoundingRule.awayFromZero.adjust(truncated: Int8(-3), negative: true, remainderVersusHalf: -1) == -4)
        #expect(try RoundingRule.toOdd.adjust(truncated: UInt8(4), negative: false, remainderVersusHalf: -1) == 5)
        #expect(try RoundingRule.toNearestOrUp.adjust(truncated: -2, negative: true, remainderVersusHalf: 0) == -2)
        #expect(try RoundingRule.toNearestOrDown.adjust(truncated: -2, negative: true, remainderVersusHalf: 0) == -3)
        #expect(throws: DecimalError.inexact) { try RoundingRule.requireExact.adjust(truncated: 1, negative: false, remainderVersusHalf: 1) }
    }
}

/// The oracle for operands near the Int128 limits, done on UInt128 magnitudes and Int256-free
/// comparisons: floor via truncation and sign, then remainder against divisor − remainder.
func oracleDivideWide(_ numerator: Int128, _ denominator: Int128, _ rule: RoundingRule) throws -> Int128 {
    let negative = (numerator < 0) != (denominator < 0)
    let (q, r) = numerator.magnitude.quotientAndRemainder(dividingBy: denominator.magnitude)
    if r == 0 { return negative ? -Int128(q) : Int128(q) }
    let lowMagnitude = q, highMagnitude = q + 1      // magnitudes of the two neighbours
    let rest = denominator.magnitude - r
    let versusHalf = r < rest ? -1 : (r == rest ? 0 : 1)
    func signed(_ m: UInt128) -> Int128 { negative ? -Int128(m) : Int128(m) }
    let floor = negative ? signed(highMagnitude) : signed(lowMagnitude)
    let ceiling = floor + 1
    let towardZero = signed(lowMagnitude), away = signed(highMagnitude)
    let nearestLow = versusHalf < 0 ? towardZero : away   // used only when not a tie
    func nearest(_ tie: Int128) -> Int128 { versusHalf == 0 ? tie : nearestLow }
    switch rule {
    case .down: return floor
    case .up: return ceiling
    case .towardZero: return towardZero
    case .awayFromZero: return away
    case .toNearestOrDown: return nearest(floor)
    case .toNearestOrUp: return nearest(ceiling)
    case .toNearestOrZero: return nearest(towardZero)
    case .toNearestOrAway: return nearest(away)
    case .toNearestOrEven: return nearest(lowMagnitude % 2 == 0 ? towardZero : away)
    case .toOdd: return lowMagnitude % 2 == 1 ? towardZero : away
    case .requireExact: throw DecimalError.inexact
    }
}
