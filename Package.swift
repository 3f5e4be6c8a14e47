// swift-tools-version:6.1
// DealFinance — exact deal-finance engine. See README.md and ../shared/SPEC.md (the contract).
import PackageDescription

let package = Package(
    name: "DealFinance",
    products: [
        // MARK: - Public API
        .library(name: "DealFinance", targets: ["DealFinance"]),
        .executable(name: "dealcalc", targets: ["dealcalc"]),
        // The C library libdealfinance.so: include/dealfinance.h is its contract. `make cabi`
        // builds it self-contained (Swift runtime linked statically, only dfin_* exported).
        .library(name: "dealfinance", type: .dynamic, targets: ["DealFinanceC"]),
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
        /// The JSON request/result interface of SPEC §2–§3 over the engine.
        .target(name: "DealRequests", dependencies: ["DealEngine", "DealJSON", "DealLeads"]),
        /// Umbrella module users import.
        .target(name: "DealFinance", dependencies: ["DealDecimal", "DealEngine", "DealRequests", "DealJSON", "DealLeads"]),
        /// The C ABI of include/dealfinance.h: @c exports that only convert, call and map errors.
        .target(name: "DealFinanceC", dependencies: ["DealFinance", "CDealFinanceABI"]),
        /// include/dealfinance.h as a Clang module: the structs the batch exports take.
        .systemLibrary(name: "CDealFinanceABI", path: "Sources/CDealFinanceABI"),
        /// The `dealcalc` command line (Foundation allowed here).
        .executableTarget(name: "dealcalc", dependencies: ["DealFinance"]),

        // MARK: - Test support (never a dependency of a product)
        /// GMP (libgmp-dev) as the exact rational oracle.
        .systemLibrary(name: "CGMP", path: "Tests/CGMP", providers: [.apt(["libgmp-dev"])]),
        .target(name: "_DealTestSupport", dependencies: ["CGMP", "DealFinance"], path: "Tests/_DealTestSupport"),
        /// The invariants the fuzz targets check, shared with FuzzRegressionTests.
        .target(name: "_DealFuzzSupport", dependencies: ["DealFinance", "DealFinanceC"], path: "Fuzz/Support"),

        // MARK: - Unit test bundles
        .testTarget(name: "DealDecimalTests", dependencies: ["DealDecimal", "_DealTestSupport"]),
        .testTarget(name: "DealJSONTests", dependencies: ["DealJSON"]),
        .testTarget(name: "DealEngineTests", dependencies: ["DealEngine", "_DealTestSupport"]),
        .testTarget(name: "DealRequestsTests", dependencies: ["DealRequests", "_DealTestSupport"]),
        .testTarget(name: "DealLeadsTests", dependencies: ["DealLeads", "_DealTestSupport"]),
        .testTarget(name: "DealFinanceCTests", dependencies: ["DealFinanceC", "DealFinance", "CDealFinanceABI"]),
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
