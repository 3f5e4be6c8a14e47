// DealFinance — dealcalc tests: DealCalc (the root command: subcommands, usage errors, statuses).
import ArgumentParser
@testable import dealcalc
import Testing

@Suite("DealCalc")
struct DealCalcTests {
    @Test("the subcommands, each under its own name")
    func subcommands() {
        #expect(DealCalc.configuration.subcommands.map { $0.configuration.commandName } == ["quote", "check", "reconcile", "leads"])
    }

    @Test("usage errors are validation failures, which dealcalc exits with 2", arguments: [
        ["quote", "--bogus"], ["quote", "--format", "xml", "x.json"], ["quote", "--example", "nope"], ["frobnicate"],
        ["check"], ["leads", "x", "--insights", "nobody"], ["leads", "x", "--report", "funnel", "--summary", "L-1"],
    ])
    func usageErrors(arguments: [String]) {
        #expect(throws: (any Error).self) { _ = try DealCalc.parseAsRoot(arguments) }
        do { _ = try DealCalc.parseAsRoot(arguments) } catch {
            #expect(DealCalc.exitCode(for: error) == .validationFailure)
        }
        #expect(ExitCode.unusable.rawValue == 2 && ExitCode.requestFailed.rawValue == 1)
    }
}
