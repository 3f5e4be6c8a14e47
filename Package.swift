// swift-tools-version:6.1
// DealFinance — exact deal-finance engine. See README.md and Documentation/README.md (the JSON interface).
import PackageDescription

let package = Package(
    name: "DealFinance",
    // ExactDecimal keeps an Int128 coefficient (and Int128 appears in public signatures such as
    // ExactDecimal.coefficient): the standard library has Int128 from macOS 15, iOS 18, tvOS 18,
    // watchOS 11 and visionOS 2. Linux and Windows have no minimum.
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
    products: [
        // MARK: - Public API
        /// Pricing: `import DealFinance` (exact decimals, the engine, the JSON request interface).
        .library(name: "DealFinance", targets: ["DealFinance"]),
        /// The lead-and-deal model (leads, ADF, scoring, analytics): `import DealLeads`. A separate
        /// product so that a pricing user does not import a CRM.
        .library(name: "DealLeads", targets: ["DealLeads"]),
        .executable(name: "dealcalc", targets: ["dealcalc"]),
        // The C library libdealfinance.so: include/dealfinance.h is its contract. `make cabi`
        // builds it self-contained (Swift runtime linked statically, only dfin_* exported).
        .library(name: "dealfinance", type: .dynamic, targets: ["DealFinanceC"]),
    ],
    dependencies: [
        // Only for `make docs` (swift package generate-documentation); no target depends on it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // Only the `dealcalc` executable parses its command line with it; the libraries stay
        // standard-library-only.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: - Library modules (one-way: DealDecimal ← DealEngine ← DealLeads ← DealRequests ← DealFinance)
        /// Exact decimal values, the rounding vocabulary and wide integers. Standard library only.
        .target(name: "DealDecimal"),
        /// A strict RFC 8259 JSON reader and canonical writer. Standard library only.
        .target(name: "DealJSON"),
        /// Calendar, time value of money and the retail loan engine. Standard library only.
        .target(name: "DealEngine", dependencies: ["DealDecimal"]),
        /// The lead-and-deal model: leads, workflows, activity log, scoring, follow-ups,
        /// assignment and identity (VIN, phone, email). Documentation/Leads.md.
        .target(name: "DealLeads", dependencies: ["DealEngine", "DealJSON"]),
        /// The JSON request/result interface (Documentation/Reference) over the engine.
        .target(name: "DealRequests", dependencies: ["DealEngine", "DealJSON", "DealLeads"]),
        /// The pricing umbrella users import: re-exports DealDecimal, DealEngine and DealRequests,
        /// not the JSON implementation (DealJSON) nor the lead model (DealLeads).
        .target(name: "DealFinance", dependencies: ["DealDecimal", "DealEngine", "DealRequests"]),
        /// include/dealfinance.h as a Clang module: the C types (dfin_error) the exports use.
        .systemLibrary(name: "CDealFinance"),
        /// The C ABI of include/dealfinance.h: @c exports that only convert, call and map errors.
        .target(name: "DealFinanceC", dependencies: ["CDealFinance", "DealFinance", "DealJSON"]),
        /// The `dealcalc` command line (Foundation allowed here).
        .executableTarget(name: "dealcalc", dependencies: [
            "DealFinance", "DealJSON", "DealLeads", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: - Test support (never a dependency of a product)
        /// GMP (libgmp-dev) as the exact rational oracle.
        .systemLibrary(name: "CGMP", path: "Tests/CGMP", providers: [.apt(["libgmp-dev"])]),
        .target(name: "_DealTestSupport", dependencies: ["CGMP", "DealFinance", "DealJSON", "DealLeads"], path: "Tests/_DealTestSupport"),
        /// The invariants the fuzz targets check, shared with FuzzRegressionTests.
        .target(name: "_DealFuzzSupport", dependencies: ["CDealFinance", "DealFinance", "DealFinanceC", "DealJSON", "DealLeads"], path: "Fuzz/Support"),

        // MARK: - Unit test bundles
        .testTarget(name: "DealDecimalTests", dependencies: ["DealDecimal", "_DealTestSupport"]),
        .testTarget(name: "DealJSONTests", dependencies: ["DealJSON"]),
        .testTarget(name: "DealEngineTests", dependencies: ["DealEngine", "_DealTestSupport"]),
        .testTarget(name: "DealRequestsTests", dependencies: ["DealRequests", "_DealTestSupport"]),
        .testTarget(name: "DealLeadsTests", dependencies: ["DealLeads", "_DealTestSupport"]),
        .testTarget(name: "DealFinanceCTests", dependencies: ["CDealFinance", "DealFinanceC", "DealFinance", "DealJSON"]),
        /// dealcalc's tables, charts and command-line parsing (its outputs and exit statuses:
        /// Tests/cli/test_dealcalc.sh).
        .testTarget(name: "dealcalcTests", dependencies: ["dealcalc", "DealFinance", "DealJSON", "DealLeads"]),
        /// Replays Fuzz/corpus and Fuzz/regressions through the fuzz targets' invariants.
        .testTarget(name: "FuzzRegressionTests", dependencies: ["_DealFuzzSupport"]),
    ]
)

// MARK: - libFuzzer targets (RELIABILITY.md)
// Only `make fuzz` / `make fuzz-short` see them: they set DEALFINANCE_FUZZ=1 and build with
// `-sanitize=fuzzer,address` in their own scratch path. libFuzzer supplies `main`, so these
// executables do not link without it, which is why normal builds never list them.
if Context.environment["DEALFINANCE_FUZZ"] == "1" {
    package.targets.append(.target(name: "_DealFuzzDriver", path: "Fuzz/Driver"))
    for name in ["FuzzDecimal", "FuzzRequest", "FuzzCABI", "FuzzADF"] {
        package.products.append(.executable(name: name, targets: [name]))
        package.targets.append(.executableTarget(
            name: name, dependencies: ["_DealFuzzDriver", "_DealFuzzSupport"], path: "Fuzz/\(name)"))
    }
}
