// DealFinance — exact deal finance. dealcalc: `quote`.

import DealFinance
import DealJSON
import Foundation

/// `dealcalc quote FILE|-` and `dealcalc quote --example NAME`, JSON or a table.
enum QuoteCommand {
    static func run(_ arguments: [String]) -> ExitCode {
        var source: String? = nil
        var example: String? = nil
        var format = "json"
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--example", "--format":
                guard index + 1 < arguments.count else {
                    complain("dealcalc quote: \(argument) needs a value\n\(usage)")
                    return .unusable
                }
                if argument == "--example" { example = arguments[index + 1] } else { format = arguments[index + 1] }
                index += 2
                continue
            default:
                if argument.hasPrefix("--") || source != nil {
                    complain("dealcalc quote: unexpected argument \"\(argument)\"\n\(usage)")
                    return .unusable
                }
                source = argument
            }
            index += 1
        }
        guard format == "json" || format == "table" else {
            complain("dealcalc quote: --format must be json or table, found \"\(format)\"")
            return .unusable
        }
        let requestBytes: [UInt8]
        switch (source, example) {
        case (nil, let name?):
            guard let text = DealCalculator.exampleRequest(named: name) else {
                complain("dealcalc quote: unknown example \"\(name)\"; examples: \(DealCalculator.exampleNames.joined(separator: ", "))")
                return .unusable
            }
            requestBytes = Array(text.utf8)
        case (let path?, nil):
            guard let bytes = readInput(path) else { return .unusable }
            requestBytes = bytes
        default:
            complain("dealcalc quote: give exactly one of FILE, - or --example NAME\n\(usage)")
            return .unusable
        }
        let answer = DealCalculator.calculate(requestBytes: requestBytes)
        if DealCalculator.isError(answer) || format == "json" {
            print(JSONWriter(pretty: true).write(answer))
        } else {
            print(BreakdownTable(result: answer).render(), terminator: "")
        }
        return DealCalculator.isError(answer) ? .failed : .success
    }

    /// The bytes of a file, or of standard input for `-`; nil (after a message) when unreadable.
    static func readInput(_ path: String) -> [UInt8]? {
        if path == "-" {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            complain("dealcalc: cannot read \(path)")
            return nil
        }
        return Array(data)
    }
}
