// DealFinance — exact deal finance. dealcalc: `check` (Documentation/Reference/Vectors.md, Dealcalc.md).

import ArgumentParser
import DealFinance
import DealJSON
import DealLeads
import Foundation

/// `dealcalc check PATH…`: runs every case of the vector files given or found below the
/// directories given, prints one `FAIL` line per failing path and `N passed, N failed`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every case of the vector files given or found below the directories given.",
        discussion: "Prints one FAIL line per failing path and ends with \"N passed, N failed\". Exit status: 0 every case passed; 1 a case failed; 2 a file cannot be read or parsed.")

    @Argument(help: "Vector files (dealfinance-vectors/1) or directories of them.", completion: .file())
    var paths: [String]

    func run() throws {
        let status = Self.check(paths)
        if status != .success { throw status }
    }

    static func check(_ paths: [String]) -> ExitCode {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                complain("dealcalc check: cannot read \(path)")
                return .unusable
            }
            if isDirectory.boolValue {
                guard let walker = FileManager.default.enumerator(atPath: path) else {
                    complain("dealcalc check: cannot list \(path)")
                    return .unusable
                }
                var found: [String] = []
                while let relative = walker.nextObject() as? String {
                    if relative.hasSuffix(".json") { found.append((path as NSString).appendingPathComponent(relative)) }
                }
                files += found.sorted()
            } else {
                files.append(path)
            }
        }
        var vectorFiles: [VectorFile] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                complain("dealcalc check: cannot read \(file)")
                return .unusable
            }
            do {
                let json = try JSONReader().parse(Array(data))
                vectorFiles.append(try VectorFile(json: json, name: file))
            } catch let error as JSONParseError {
                complain("dealcalc check: \(file) is not valid JSON: \(error.message) (line \(error.line), column \(error.column))")
                return .unusable
            } catch {
                complain("dealcalc check: \(error)")
                return .unusable
            }
        }
        var passed = 0, failed = 0
        for file in vectorFiles {
            for vectorCase in file.cases {
                let failures = vectorCase.check()
                if failures.isEmpty { passed += 1 } else {
                    failed += 1
                    for failure in failures { print("FAIL \(failure)") }
                }
            }
        }
        print("\(passed) passed, \(failed) failed")
        return failed == 0 ? .success : .requestFailed
    }
}
