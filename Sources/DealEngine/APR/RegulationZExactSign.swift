// DealFinance — exact deal finance. DealEngine: the exact sign of the Regulation Z Appendix J
// equation at a rational rate (the decision behind the APR's correct rounding).

import DealDecimal

extension AnnualPercentageRate {
    /// The exact sign of Σ a / ((1 + f·i)(1 + i)^t) at the rate i = p/q > −1, for `terms`
    /// measured from ``advances`` then ``payments`` in that order (advances negative); f is
    /// each term's exact fraction ``Term/exact``.
    ///
    /// With X = q + p and Y = q, the value times the positive X^T (T the largest t) is
    /// Σ_g (d_g·q / e_g) · H_g, where g runs over the distinct fractions n_g/d_g,
    /// e_g = d_g·q + n_g·p and H_g = Σ a·X^(T−t)·Y^t over the group's terms (in cents, the
    /// amounts at one scale). Times Π e_g it is the integer Σ_g H_g·d_g·q·Π_{h≠g} e_h, whose
    /// sign is the equation's. Each H_g is built by Horner's rule over increasing t; the
    /// products of the other groups' e_h come from prefix and suffix products.
    ///
    /// ```swift
    /// // 1,000 advanced, 1,100 one year later, annual unit-period: zero at exactly 10 %.
    /// problem.regzExactSign(terms, at: ExactFraction(WideInteger(1), WideInteger(10)))   // 0
    /// ```
    func regzExactSign(_ terms: [Term], at rate: ExactFraction) -> Int {
        let p = rate.numerator, q = rate.denominator
        let x = q + p
        guard !x.isNegative, !x.isZero, terms.count == advances.count + payments.count else { return 0 }
        var scale = 0
        for k in advances.indices { scale = max(scale, advances[k].amount.scale) }
        for k in payments.indices { scale = max(scale, payments[k].amount.scale) }
        func amount(_ k: Int) -> WideInteger {
            let value = k < advances.count ? advances[k].amount : payments[k - advances.count].amount
            let integer = WideInteger(value.coefficient).multiplied(byPowerOfTen: scale - value.scale)
            return k < advances.count ? -integer : integer
        }
        let (fractions, groups, largest) = Self.fractionGroups(terms)
        // H_g for each group.
        var h: [WideInteger] = []
        for g in fractions.indices {
            let members = groups[g]
            var acc = WideInteger.zero, yPower = WideInteger(1), last = 0
            for k in members {
                let t = terms[k].whole
                if t > last {
                    acc = acc * x.power(t - last)
                    yPower = yPower * q.power(t - last)
                    last = t
                }
                acc = acc + amount(k) * yPower
            }
            h.append(largest > last ? acc * x.power(largest - last) : acc)
        }
        let e = fractions.map { WideInteger($0.denominator) * q + WideInteger($0.numerator) * p }
        var prefix = [WideInteger(1)]
        for g in e.indices { prefix.append(prefix[g] * e[g]) }
        var suffix = WideInteger(1), total = WideInteger.zero
        for g in e.indices.reversed() {
            total = total + h[g] * WideInteger(fractions[g].denominator) * q * prefix[g] * suffix
            suffix = suffix * e[g]
        }
        return total.isZero ? 0 : (total.isNegative ? -1 : 1)
    }

    /// The terms grouped by their exact fraction in lowest terms (first-seen order), each
    /// group's term indices sorted by t, and the largest t.
    static func fractionGroups(_ terms: [Term]) -> (fractions: [(numerator: Int, denominator: Int)], members: [[Int]], largest: Int) {
        var largest = 0
        var fractions: [(numerator: Int, denominator: Int)] = []
        var members: [[Int]] = []
        var previous = -1
        for k in terms.indices {
            largest = max(largest, terms[k].whole)
            let (n, d) = terms[k].exact
            let common = n == 0 ? d : gcd(n, d)
            let reduced = (numerator: n / common, denominator: d / common)
            // The previous term's group first (series), then a linear search.
            if previous >= 0, fractions[previous] == reduced {
                members[previous].append(k)
            } else if let known = fractions.firstIndex(where: { $0 == reduced }) {
                members[known].append(k)
                previous = known
            } else {
                previous = fractions.count
                fractions.append(reduced)
                members.append([k])
            }
        }
        for g in members.indices {
            var sorted = true
            for j in members[g].indices.dropFirst() where terms[members[g][j - 1]].whole > terms[members[g][j]].whole { sorted = false; break }
            if !sorted { members[g].sort { terms[$0].whole < terms[$1].whole } }
        }
        return (fractions, members, largest)
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (abs(a), abs(b))
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
