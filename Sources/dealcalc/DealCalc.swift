// DealFinance — exact deal finance. dealcalc: the root command and its exit statuses.

import ArgumentParser
import DealFinance
import DealJSON
import DealLeads
import Foundation

/// `dealcalc`: one subcommand per file (`QuoteCommand`, `CheckCommand`, `LeadsCommand`), each
/// with its own `--help`; `--version`, `--generate-completion-script bash|zsh|fish`.
///
/// ```sh
/// dealcalc quote --example loan --format table
/// ```
struct DealCalc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dealcalc",
        abstract: "Exact deal finance: quotes, vector checks, lead reports (Documentation/Reference/Dealcalc.md).",
        version: "dealcalc \(DealFinanceVersion.string)",
        subcommands: [QuoteCommand.self, CheckCommand.self, ReconcileCommand.self, LeadsCommand.self])

    func run() throws {
        throw ValidationError("give a command: quote, check or leads")
    }

    /// Parses the arguments, runs the command and exits with the documented status: a usage
    /// error (unknown command or option, missing or bad value) exits 2, not ArgumentParser's 64.
    static func runAsCommandLine(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Self.exit()
        } catch {
            if exitCode(for: error) == .validationFailure {
                complain(fullMessage(for: error))
                Foundation.exit(ExitCode.unusable.rawValue)
            }
            Self.exit(withError: error)
        }
    }
}

extension ExitCode {
    /// 1: the request failed (its error object is on standard output), or a vector case failed.
    static var requestFailed: ExitCode { ExitCode(1) }
    /// 2: the command cannot run — unreadable file, unparseable vector file, usage error.
    static var unusable: ExitCode { ExitCode(2) }
}

/// The output formats; each command says which it draws.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, table, svg
}

/// Prints one line to standard error.
func complain(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
