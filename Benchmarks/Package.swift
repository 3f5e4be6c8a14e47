// swift-tools-version:6.1
// DealFinance benchmarks — a nested package so that the root `swift build` / `make test` never
// build it. Run with `make bench` from the repository root (see README.md here).
import PackageDescription

let package = Package(
    name: "DealFinanceBenchmarks",
    dependencies: [
        .package(name: "DealFinance", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        /// The C peers: the naive `double` formula with `pow`, and exact GMP `mpq` rationals.
        .target(name: "CPeers", path: "Sources/CPeers", linkerSettings: [.linkedLibrary("gmp"), .linkedLibrary("m")]),
        /// The shared workload file reader, the Swift peers (Foundation.Decimal) and the checks.
        .target(name: "BenchSupport", dependencies: ["CPeers", .product(name: "DealFinance", package: "DealFinance"),
                                                    .product(name: "DealLeads", package: "DealFinance")],
                path: "Sources/BenchSupport"),
        /// Writes the fixed-seed workload files and the correctness report (`dealbench-data`).
        .executableTarget(name: "dealbench-data", dependencies: ["BenchSupport", .product(name: "DealLeads", package: "DealFinance")],
                          path: "Sources/dealbench-data"),
        /// The timed suite (ordo-one/benchmark): ours and every in-process peer on the same deals.
        .executableTarget(
            name: "DealBenchmarks",
            dependencies: ["BenchSupport", .product(name: "DealLeads", package: "DealFinance"),
                           .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/DealBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
