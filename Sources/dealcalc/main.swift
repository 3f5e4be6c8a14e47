// DealFinance — exact deal finance. dealcalc: the command line (SPEC §6).

import DealFinance
import Foundation

/// Exit codes of SPEC §6.
enum ExitCode: Int32 {
    case success = 0
    case failed = 1
    case unusable = 2
}

let usage = """
usage: dealcalc quote FILE|- [--format json|table]
       dealcalc quote --example \(DealCalculator.exampleNames.joined(separator: "|")) [--format json|table]
       dealcalc check PATH...
       dealcalc reconcile FILE|- [--format text|json]
       dealcalc leads PATH... [--report NAME | --summary LEAD-ID [--deal FILE]] [--as-of INSTANT] [--format table|json]
       dealcalc --help | --version
"""

/// Prints one line to standard error.
func complain(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

func run(_ arguments: [String]) -> ExitCode {
    guard let command = arguments.first else {
        complain(usage)
        return .unusable
    }
    switch command {
    case "quote":
        return QuoteCommand.run(Array(arguments.dropFirst()))
    case "check":
        return CheckCommand.run(Array(arguments.dropFirst()))
    case "reconcile":
        return ReconcileCommand.run(Array(arguments.dropFirst()))
    case "leads":
        return LeadsCommand.run(Array(arguments.dropFirst()))
    case "--help", "-h", "help":
        print(usage)
        return .success
    case "--version", "version":
        print("dealcalc \(DealFinanceVersion.string)")
        return .success
    default:
        complain("dealcalc: unknown command \"\(command)\"\n\(usage)")
        return .unusable
    }
}

let code = run(Array(CommandLine.arguments.dropFirst()))
exit(code.rawValue)
