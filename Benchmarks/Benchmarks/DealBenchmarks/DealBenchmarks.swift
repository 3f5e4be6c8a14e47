// DealFinance benchmarks — the timed suite. Every benchmark but `leads` runs 1,000 operations per
// sample (scalingFactor .kilo) over the shared workload (`.build-data/deals.csv`), cycling through
// the deals, so ours and each peer see the same inputs. `make bench` reads the raw samples.

import Benchmark
import BenchSupport
import DealFinance
import DealLeads
import Foundation

/// A cursor over the workload shared by the samples of one benchmark.
final class Cursor: @unchecked Sendable {
    var index = 0
    @inline(__always) func next(_ count: Int) -> Int {
        let i = index
        index = i + 1 == count ? 0 : i + 1
        return i
    }
}

let deals = Workload.read()
let paymentInputs = deals.map(PaymentInputs.init)
let loans = deals.map(\.loan)
let requests: [[UInt8]] = {
    let text = (try? String(contentsOfFile: Workload.directory + "/requests.jsonl", encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map { Array($0.utf8) }
}()
/// The first 1,000 deals as 360-payment monthly loans without a balloon.
let loans360: [RetailLoan] = deals.prefix(1000).compactMap { deal in
    var d = deal
    (d.periodsPerYear, d.term, d.balloonPercent) = (12, 360, "")
    return d.resolved()?.loan
}
/// The first 1,000 deals as leases (`BenchDeal.lease`) and as 72-payment Reg Z APR problems with
/// an odd first period (`BenchDeal.aprProblem`), built outside the timed loop.
let leases: [Lease] = deals.prefix(1000).compactMap(\.lease)
let aprProblems: [AnnualPercentageRate] = deals.prefix(1000).compactMap(\.aprProblem)
/// The 100,000 fixed-seed leads of `.build-data/leads.tsv` (`LeadWorkload`), read outside the timed loop.
let leads = LeadWorkload.read()
let gridTerms = [36, 48, 60, 72, 84, 96]
let gridDowns = ["0", "1000.00", "2500.00", "5000.00", "7500.00"].map { try! ExactDecimal(parsing: $0) }

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 2,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 400
    )

    func payment(_ name: String, _ body: @escaping @Sendable (PaymentInputs) -> some Any) {
        let cursor = Cursor()
        Benchmark("payment/\(name)") { benchmark in
            let count = paymentInputs.count
            for _ in benchmark.scaledIterations {
                blackHole(body(paymentInputs[cursor.next(count)]))
            }
        }
    }
    payment("ours") { Peers.ours($0) }
    payment("c-double") { Peers.cDouble($0) }
    payment("gmp-mpq") { Peers.gmp($0) }
    payment("foundation-decimal") { Peers.foundationDecimal($0) }

    let quoteCursor = Cursor()
    Benchmark("quote/ours") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! loans[quoteCursor.next(loans.count)].quote())
        }
    }

    let leaseCursor = Cursor()
    Benchmark("leasequote/ours") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! leases[leaseCursor.next(leases.count)].quote())
        }
    }

    let aprCursor = Cursor()
    Benchmark("aprsolve/ours") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! aprProblems[aprCursor.next(aprProblems.count)].solve())
        }
    }

    let scheduleCursor = Cursor()
    Benchmark("schedule360/ours") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! loans360[scheduleCursor.next(loans360.count)].quote(includeSchedule: true))
        }
    }

    let jsonCursor = Cursor()
    Benchmark("json/ours") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(DealCalculator.answer(requestBytes: requests[jsonCursor.next(requests.count)]).json)
        }
    }

    // One operation = score all 100,000 leads (storing score and band) + build the hot sheet:
    // one pass per iteration, not 1,000 (report.py divides these samples by 1).
    Benchmark("leads/ours", configuration: .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .nanoseconds,
                                                 warmupIterations: 1, scalingFactor: .one, maxDuration: .seconds(10),
                                                 maxIterations: 21)) { benchmark in
        var store = leads   // the lead store the pass updates in place (copied once, untimed)
        store[0].score = nil
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(LeadWorkload.scoreAndHotSheet(&store))
        }
    }

    // One operation = one reconcile request answered (the whole bounded search and the
    // implied-value solves); report.py divides these samples by 1.
    for (name, request) in [("reconcileloan", ReconcileWorkload.loan), ("reconcilelease", ReconcileWorkload.lease)] {
        let bytes = Array(request.utf8)
        Benchmark("\(name)/ours", configuration: .init(metrics: [.wallClock, .mallocCountTotal], timeUnits: .nanoseconds,
                                                      warmupIterations: 1, scalingFactor: .one, maxDuration: .seconds(10),
                                                      maxIterations: 21)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(DealCalculator.answer(requestBytes: bytes))
            }
        }
    }

    let gridCursor = Cursor()
    Benchmark("grid30/ours") { benchmark in
        for _ in benchmark.scaledIterations {
            var loan = loans[gridCursor.next(loans.count)]
            loan.balloon = nil
            for term in gridTerms {
                for down in gridDowns {
                    loan.frequency = .monthly
                    loan.term = term
                    loan.downPayment = down
                    blackHole(try? loan.quote())
                }
            }
        }
    }
}
