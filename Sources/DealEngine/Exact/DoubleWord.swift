// DealFinance — exact deal finance. DealEngine: double-word arithmetic (about 106 bits) with
// proven relative error bounds, for deciding an APR's rounding without wide integers.

/// A double-word number `hi + lo` (|lo| ≤ ulp(hi) / 2): the unevaluated sum of two doubles.
///
/// The operations are the algorithms of M. Joldes, J.-M. Muller and V. Popescu, "Tight and
/// rigorous error bounds for basic building blocks of double-word arithmetic", ACM TOMS 44(2),
/// 2017: sum `AccurateDWPlusDW` (relative error ≤ 3u² + 13u³), product `DWTimesDW3`
/// (≤ 4u²) and quotient `DWDivDW1` (≤ 15u² + 56u³), u = 2⁻⁵³, without underflow or
/// overflow. ``relativeError`` (16u²) bounds the sum and product, twice it the quotient.
/// `DoubleWordTests` checks every operation against exact rationals.
///
/// ```swift
/// let third = DoubleWord(exactly: 1) * DoubleWord(1.0 / 3)   // 0.333… to 53 bits, exactly
/// (DoubleWord(exactly: 1 << 60) + DoubleWord(exactly: 1)).value(exactly:)   // 2^60 + 1
/// ```
struct DoubleWord: Sendable, Equatable {
    var hi: Double
    var lo: Double

    /// The bound on one operation's relative error used by the callers: 16u² = 2⁻¹⁰².
    static let relativeError = Double(sign: .plus, exponent: -102, significand: 1)

    /// A double, exactly.
    init(_ x: Double) { (hi, lo) = (x, 0) }

    init(hi: Double, lo: Double) { (self.hi, self.lo) = (hi, lo) }

    /// An integer below 2¹⁰⁶ in magnitude, exactly; nil beyond.
    init?(exactly x: Int128) {
        guard x.magnitude < UInt128(1) << 106 else { return nil }
        // x = h·2^53 + l with |h| < 2^53 and 0 ≤ l < 2^53: both exact in a double (64-bit
        // conversions, no generic 128-bit one), and their sum exact as a double word.
        let h = Int64(truncatingIfNeeded: x >> 53), l = Int64(truncatingIfNeeded: x & ((1 << 53) - 1))
        (hi, lo) = Self.twoSum(Double(h) * 0x1p53, Double(l))
    }

    /// s + t = a + b exactly with s = fl(a + b) (|a| ≥ |b| or a = 0).
    @inline(__always) static func fastTwoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        return (s, b - (s - a))
    }

    /// s + t = a + b exactly with s = fl(a + b).
    @inline(__always) static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        let a1 = s - b, b1 = s - a1
        return (s, (a - a1) + (b - b1))
    }

    /// p + e = a · b exactly with p = fl(a · b) (a fused multiply-add).
    @inline(__always) static func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))
    }

    /// `AccurateDWPlusDW`.
    static func + (x: DoubleWord, y: DoubleWord) -> DoubleWord {
        let (sh, sl) = twoSum(x.hi, y.hi)
        let (th, tl) = twoSum(x.lo, y.lo)
        let c = sl + th
        let (vh, vl) = fastTwoSum(sh, c)
        let w = tl + vl
        let (zh, zl) = fastTwoSum(vh, w)
        return DoubleWord(hi: zh, lo: zl)
    }

    static prefix func - (x: DoubleWord) -> DoubleWord { DoubleWord(hi: -x.hi, lo: -x.lo) }

    /// `DWTimesDW3`.
    static func * (x: DoubleWord, y: DoubleWord) -> DoubleWord {
        let (ch, cl1) = twoProduct(x.hi, y.hi)
        let tl0 = x.lo * y.lo
        let tl1 = tl0.addingProduct(x.hi, y.lo)
        let cl2 = tl1.addingProduct(x.lo, y.hi)
        let cl3 = cl1 + cl2
        let (zh, zl) = fastTwoSum(ch, cl3)
        return DoubleWord(hi: zh, lo: zl)
    }

    /// `DWDivDW1` (y ≠ 0); its error is bounded here by 2 · ``relativeError``.
    static func / (x: DoubleWord, y: DoubleWord) -> DoubleWord {
        let th = x.hi / y.hi
        // r = y · th (DWTimesFP1).
        let (ch, cl1) = twoProduct(y.hi, th)
        let cl2 = y.lo * th
        let (rh0, tl1) = fastTwoSum(ch, cl2)
        let (rh, rl) = fastTwoSum(rh0, tl1 + cl1)
        let pi = x.hi - rh
        let delta = pi + (x.lo - rl)
        let (zh, zl) = fastTwoSum(th, delta / y.hi)
        return DoubleWord(hi: zh, lo: zl)
    }

    /// x^n, n ≥ 0, by repeated squaring: at most 2·⌈log₂(n + 1)⌉ products.
    func power(_ n: Int) -> DoubleWord {
        var result = DoubleWord(1), base = self, e = n
        while e > 0 {
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return result
    }

    /// γₖ for k double-word operations: k·ε / (1 − k·ε), ε = ``relativeError`` (∞ when k·ε ≥ ½).
    static func gamma(_ operations: Int) -> Double {
        let k = Double(operations) * relativeError
        return k < 0.5 ? k / (1 - k) : .infinity
    }
}
