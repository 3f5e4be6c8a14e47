// DealFinance — exact deal finance. Replays every fuzz corpus and regression input through the
// invariants the libFuzzer targets check (Fuzz/Support), so a crash once found stays fixed even
// where libFuzzer is not available.

import Foundation
import Testing
import _DealFuzzSupport

/// The repository's Fuzz directory, found from this file's path.
private let fuzzDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fuzz")

/// Every file under Fuzz/corpus/<target> and Fuzz/regressions/<target>.
private func inputs(_ target: String) -> [URL] {
    ["corpus", "regressions"].flatMap { folder -> [URL] in
        let directory = fuzzDirectory.appendingPathComponent(folder).appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
    }
}

/// A file's bytes, read with stdio: Foundation's `Data(contentsOf:)` leaks its 4 KiB buffer
/// for an empty file (swift-foundation, 6.3.1), which LeakSanitizer reports in `make sanitizers`.
private func readBytes(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        bytes += chunk[0..<count]
        if count < chunk.count { return ferror(file) == 0 ? bytes : nil }
    }
}

private func replay(_ target: String, _ check: (UnsafeBufferPointer<UInt8>) -> String?) throws {
    let files = inputs(target)
    #expect(!files.isEmpty, "no inputs under Fuzz/corpus/\(target)")
    for file in files {
        let bytes = try #require(readBytes(file.path), "cannot read \(file.path)")
        let failure = bytes.withUnsafeBufferPointer { check($0) }
        #expect(failure == nil, "\(file.lastPathComponent): \(failure ?? "")")
    }
}

@Suite struct FuzzRegressionTests {
    @Test func decimalCorpusAndRegressions() throws { try replay("FuzzDecimal", FuzzChecks.decimal) }
    @Test func requestCorpusAndRegressions() throws { try replay("FuzzRequest", FuzzChecks.request) }
    @Test func cABICorpusAndRegressions() throws { try replay("FuzzCABI", FuzzChecks.cABI) }
    @Test func adfCorpusAndRegressions() throws { try replay("FuzzADF", FuzzChecks.adf) }
}
