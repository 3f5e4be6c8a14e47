// DealFinance benchmarks — `dealbench-data`: writes the fixed-seed workload and checks every
// in-process peer's rounded payment against ours on the whole of it.
//
//   dealbench-data generate [count] [seed]   → .build-data/deals.csv, .build-data/requests.jsonl,
//                                              .build-data/leads.tsv (100,000 leads)
//   dealbench-data aprdump > FILE; aprcompare FILE → compares APR solves of two builds
//   dealbench-data loanresults [count]       → the loan JSON results `digest` hashes, one a line
//   dealbench-data check                     → prints disagreements, writes .build-data/check.tsv
//                                              and .build-data/ours-<workload>.txt (for bench.py)

import BenchSupport
import DealFinance
import DealLeads
import Foundation

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "generate":
    let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
    let seed = arguments.dropFirst(2).first.flatMap { UInt64($0) } ?? 20_260_811
    var g = SeededGenerator(seed: seed)
    var deals: [BenchDeal] = []
    deals.reserveCapacity(count)
    while deals.count < count {
        if let deal = BenchDeal.random(&g) { deals.append(deal) }
    }
    try Workload.write(deals, to: "deals.csv")
    let requests = deals.map(\.requestJSON).joined(separator: "\n") + "\n"
    try requests.write(toFile: Workload.directory + "/requests.jsonl", atomically: true, encoding: .utf8)
    print("dealbench-data: wrote \(deals.count) deals (seed \(seed)) to \(Workload.directory)")
    try LeadWorkload.write(count: 100_000, seed: seed)
    print("dealbench-data: wrote 100000 leads (seed \(seed)) to \(Workload.directory)/leads.tsv")

case "check":
    var report = "workload\tdeals\tfallbacks\tgmp\tc_double\tfoundation_decimal\n"
    for (name, file) in [("random", "deals.csv"), ("ties", "ties.csv")] {
        guard FileManager.default.fileExists(atPath: Workload.directory + "/" + file) else { continue }
        let inputs = Workload.read(file).map(PaymentInputs.init)
        var fallbacks = 0, gmp = 0, double = 0, decimal = 0
        var ours: [String] = []
        ours.reserveCapacity(inputs.count)
        for x in inputs {
            let rounded = try x.problem.rounded(by: .toNearestOrAway)
            let mine = Int64(rounded.minorUnits)
            if rounded.usedExactFallback {
                fallbacks += 1
                if ProcessInfo.processInfo.environment["DEALBENCH_SHOW_FALLBACKS"] != nil { print("fallback:", x.problem, mine) }
            }
            if Peers.gmp(x) != mine { gmp += 1 }
            if Peers.cDouble(x) != mine { double += 1 }
            if Peers.foundationDecimal(x) != Decimal(mine) { decimal += 1 }
            ours.append(String(mine))
        }
        try (ours.joined(separator: "\n") + "\n").write(toFile: Workload.directory + "/ours-\(name).txt", atomically: true, encoding: .utf8)
        report += "\(name)\t\(inputs.count)\t\(fallbacks)\t\(gmp)\t\(double)\t\(decimal)\n"
        print("check \(name): \(inputs.count) deals, exact fallback \(fallbacks); payments differing from ours: GMP \(gmp), C double \(double), Foundation.Decimal \(decimal)")
    }
    try report.write(toFile: Workload.directory + "/check.tsv", atomically: true, encoding: .utf8)

case "digest":
    // FNV-1a over the JSON results (with schedule and explanations) of the first N requests:
    // an optimization must leave it unchanged (byte-identical results).
    let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 20_000
    let text = try String(contentsOfFile: Workload.directory + "/requests.jsonl", encoding: .utf8)
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for line in text.split(separator: "\n", maxSplits: count).prefix(count) {
        let request = Array(line.dropLast().utf8) + Array(#","includeSchedule":true,"explain":true}"#.utf8)
        for byte in DealCalculator.answer(requestBytes: request).json.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
    }
    print("digest of \(count) results: \(String(hash, radix: 16))")
    // The same over the lease quotes (with schedule and explanations) of the first N deals
    // as leases (`BenchDeal.lease`), through the lease result object.
    var leaseHash: UInt64 = 0xcbf2_9ce4_8422_2325
    let leases = Workload.read(limit: count).compactMap(\.lease)
    for lease in leases {
        let value: String
        do { value = try lease.quote(includeSchedule: true).jsonText(explain: true) } catch { value = jsonString("\(error)") }
        for byte in value.utf8 { leaseHash = (leaseHash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }
    print("digest of \(leases.count) lease results: \(String(leaseHash, radix: 16))")
    // The same over the lead scores (every contribution and reason, lead by lead) and the hot
    // sheet of all 100,000 leads, if the lead workload has been written.
    if FileManager.default.fileExists(atPath: Workload.directory + "/leads.tsv") {
        var leadHash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) { for byte in text.utf8 { leadHash = (leadHash ^ UInt64(byte)) &* 0x100_0000_01b3 } }
        var leads = LeadWorkload.read()
        let scorer = LeadScorer()
        for lead in leads {
            let score = try scorer.score(lead, asOf: LeadWorkload.asOf)
            mix("\(score.score) \(score.total) \(score.priority)")
            for part in score.contributions { mix("|\(part.rule) \(part.points) \(part.reason)") }
            mix("\n")
        }
        for row in LeadWorkload.scoreAndHotSheet(&leads) { mix("\(row)\n") }
        print("digest of \(leads.count) lead scores and the hot sheet: \(String(leadHash, radix: 16))")
    }

case "aprdigest":
    // FNV-1a over every field of the Regulation Z APR results (unitPeriod override off and
    // on; the errorBound's bits too) of the first N deals' APR problems: byte-identical solves.
    let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 20_000
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var solved = 0
    for var problem in Workload.read(limit: count).compactMap(\.aprProblem) {
        for unit in [nil, PaymentFrequency.monthly, .biweekly] {
            problem.unitPeriod = unit
            let text: String
            if let r = try? problem.solve() {
                text = "\(r.apr) \(r.aprDisclosed) \(r.unitPeriod) \(r.unitPeriodsPerYear) \(r.errorBound.bitPattern) \(r.isIrregular)\n"
                solved += 1
            } else { text = "error\n" }
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
    }
    print("aprdigest of \(solved) solves: \(String(hash, radix: 16))")

case "loanresults":
    // The JSON results that `digest` hashes for loans, one a line: to see which fields an
    // intended change moved (`diff` of two builds' output).
    let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 20_000
    let text = try String(contentsOfFile: Workload.directory + "/requests.jsonl", encoding: .utf8)
    for line in text.split(separator: "\n", maxSplits: count).prefix(count) {
        let request = Array(line.dropLast().utf8) + Array(#","includeSchedule":true,"explain":true}"#.utf8)
        print(DealCalculator.answer(requestBytes: request).json)
    }

case "aprdump", "aprcompare":
    // The aprdigest solves, one line each: `apr errorBound|aprDisclosed unitPeriod unitPeriodsPerYear
    // amountFinanced totalOfPayments financeCharge isIrregular` or `error code path message`.
    // `aprdump > FILE` with one build, `aprcompare FILE` with another: counts the `apr` values
    // that differ, the largest difference, and every other field or error that differs.
    let compare = arguments.first == "aprcompare"
    var old: [Substring] = []
    if compare {
        guard let file = arguments.dropFirst().first,
              let text = try? String(contentsOfFile: String(file), encoding: .utf8) else {
            print("usage: dealbench-data aprcompare FILE (written by aprdump)"); exit(2)
        }
        old = text.split(separator: "\n")
    }
    var lines: [String] = []
    for var problem in Workload.read(limit: 20_000).compactMap(\.aprProblem) {
        for unit in [nil, PaymentFrequency.monthly, .biweekly] {
            problem.unitPeriod = unit
            do {
                let r = try problem.solve()
                lines.append("\(r.apr) \(r.errorBound)|\(r.aprDisclosed) \(r.unitPeriod) \(r.unitPeriodsPerYear) \(r.amountFinanced) \(r.totalOfPayments) \(r.financeCharge) \(r.isIrregular)")
            } catch {
                lines.append("error \(error.code.rawValue) \(error.path) \(error.message)")
            }
        }
    }
    if !compare {
        for line in lines { print(line) }
    } else {
        guard old.count == lines.count else { print("aprcompare: \(old.count) old lines, \(lines.count) new"); exit(1) }
        var aprDiffers = 0, otherDiffers = 0, errors = 0, largest = 0.0, largestLine = ""
        var largestBound = 0.0, boundsTooWide = 0
        for (a, b) in zip(old, lines) {
            if a.hasPrefix("error") || b.hasPrefix("error") {
                errors += 1
                if a != b { otherDiffers += 1; print("differs: \(a) | \(b)") }
                continue
            }
            let (oa, ob) = (a.split(separator: "|", maxSplits: 1), b.split(separator: "|", maxSplits: 1))
            if oa[1] != ob[1] { otherDiffers += 1; print("differs: \(a) | \(b)") }
            let (oldAPR, newAPR) = (oa[0].split(separator: " "), ob[0].split(separator: " "))
            let newBound = Double(newAPR[1])!
            largestBound = max(largestBound, newBound)
            if newBound > 1e-10 { boundsTooWide += 1 }
            if oldAPR[0] != newAPR[0] {
                aprDiffers += 1
                // Both have 12 decimals: the difference in units of 10^-12, exactly.
                let units = { (text: Substring) in Int(text.filter { $0 != "." })! }
                let difference = Double(abs(units(oldAPR[0]) - units(newAPR[0]))) / 1e12
                if difference > largest { largest = difference; largestLine = "\(a) → \(b)" }
            }
        }
        print("aprcompare of \(lines.count) solves (\(errors) errors): apr differs in \(aprDiffers), largest difference \(largest) (\(largestLine)); other fields or errors differ in \(otherDiffers); largest errorBound \(largestBound), above 1e-10: \(boundsTooWide)")
        if otherDiffers > 0 || boundsTooWide > 0 { exit(1) }
    }

case "profile":
    // For callgrind: `valgrind --tool=callgrind dealbench-data profile quote 2000`.
    let what = arguments.dropFirst().first ?? "payment"
    let count = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 2000
    let deals = Workload.read(limit: count)
    var sink = 0
    switch what {
    case "payment":
        let inputs = deals.map(PaymentInputs.init)
        for x in inputs { sink &+= Int(Peers.ours(x)) }
    case "quote":
        let loans = deals.map(\.loan)
        for loan in loans { sink &+= (try? loan.quote())?.numberOfPayments ?? 0 }
    case "schedule360":
        let loans: [RetailLoan] = deals.compactMap { deal in
            var d = deal
            (d.periodsPerYear, d.term, d.balloonPercent) = (12, 360, "")
            return d.resolved()?.loan
        }
        for loan in loans { sink &+= (try? loan.quote(includeSchedule: true))?.schedule?.count ?? 0 }
    case "json":
        let text = (try? String(contentsOfFile: Workload.directory + "/requests.jsonl", encoding: .utf8)) ?? ""
        let requests = text.split(separator: "\n", maxSplits: count).prefix(count).map { Array($0.utf8) }
        for request in requests { sink &+= DealCalculator.answer(requestBytes: request).json.utf8.count }
    case "leasequote":
        let leases = deals.compactMap(\.lease)
        for lease in leases { sink &+= (try? lease.quote())?.numberOfPayments ?? 0 }
    case "aprsolve":
        let problems = deals.compactMap(\.aprProblem)
        for problem in problems { sink &+= (try? problem.solve())?.aprDisclosed.description.count ?? 0 }
    case "leads":
        // `count` passes of scoring all 100,000 leads and building the hot sheet.
        var leads = LeadWorkload.read()
        for _ in 0..<count { sink &+= LeadWorkload.scoreAndHotSheet(&leads).count }
    default:
        print("profile: payment | quote | leasequote | aprsolve | schedule360 | json | leads")
    }
    print(sink)

default:
    print("usage: dealbench-data generate [count] [seed] | check | digest | aprdigest | aprdump | aprcompare FILE | profile WHAT [count]")
    exit(2)
}

/// `text` as a JSON string, escaped as the library's JSON writer escapes it (`"`, `\\`,
/// `\n` `\r` `\t` `\b` `\f`, `\u00xx` for the other controls): the lease digest's error lines.
func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case _ where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
