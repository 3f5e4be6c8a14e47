# DealFinance — build and test entry points. `make test` is what CI runs (.ci/run).
SWIFT ?= swift
# Random deals the GMP property tests compare line by line (make test-long: 1,000,000).
PROPERTY_CASES ?= 20000

.PHONY: all build test deps swift-test vectors cli-test test-long bench clean reference-check docs doc-check api-check \
	cabi export-check drift c-test install install-test python-test cabi-test schema-test \
	fuzz-build fuzz fuzz-short sanitizers sanitizer-address sanitizer-thread leak-test \
	wheel wheel-test portfolio-test bench-portfolio

all: build

# $(call apt-dep,CHECK,PACKAGE,HINT): nothing when CHECK succeeds; else apt-get install PACKAGE
# as root, or print HINT and fail.
define apt-dep
	@if $(1); then \
		echo "deps: $(2) present"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "deps: installing $(2) with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	else \
		echo "deps: $(3)" >&2; \
		exit 1; \
	fi
endef

## deps: install what the tests need that may be missing (GMP, the exact oracle; rsvg-convert,
## which renders dealcalc's SVG charts in cli-test).
deps:
	$(call apt-dep,printf '#include <gmp.h>\n' | cc -E -x c - >/dev/null 2>&1,libgmp-dev,the tests need GMP headers: run 'sudo apt-get install libgmp-dev' (Debian/Ubuntu) or 'brew install gmp' (macOS))
	$(call apt-dep,command -v rsvg-convert >/dev/null 2>&1,librsvg2-bin,cli-test renders the SVG charts of dealcalc: run 'sudo apt-get install librsvg2-bin' (Debian/Ubuntu) or 'brew install librsvg' (macOS))

## build: the library products and dealcalc.
build:
	$(SWIFT) build

## swift-test: every Swift Testing suite (unit, property tests against GMP, tie tables).
swift-test: deps
	DEALFINANCE_PROPERTY_CASES=$(PROPERTY_CASES) $(SWIFT) test

## vectors: every published vector through `dealcalc check` (ends with "N passed, N failed").
vectors: build
	$$($(SWIFT) build --show-bin-path)/dealcalc check Vectors

## cli-test: dealcalc's exit codes, outputs, messages and charts (Tests/cli/test_dealcalc.sh).
cli-test: deps build
	Tests/cli/test_dealcalc.sh $$($(SWIFT) build --show-bin-path)/dealcalc

## reference-check: nothing tracked points outside the repository; relative Markdown links resolve
## (the checker's own cases first: Tests/repo/test_check_references.sh).
reference-check:
	Tests/repo/test_check_references.sh
	Tests/repo/check_references.sh

# The public library modules DocC documents (the DealFinance catalog holds the articles).
DOC_TARGETS := DealFinance DealDecimal DealJSON DealEngine DealLeads DealRequests

## docs: DocC archives of the public modules (.build/plugins/Swift-DocC/outputs/*.doccarchive).
## Fails on any DocC warning and on a public declaration without a doc comment (doc-check).
docs:
	@mkdir -p .build
	@$(SWIFT) package --disable-sandbox generate-documentation $(addprefix --target ,$(DOC_TARGETS)) > .build/docs.log 2>&1; \
		status=$$?; cat .build/docs.log; \
		if [ $$status -ne 0 ]; then echo "docs: generate-documentation failed" >&2; exit 1; fi; \
		if grep -q 'warning:' .build/docs.log; then echo "docs: DocC warnings (above)" >&2; exit 1; fi
	$(MAKE) --no-print-directory doc-check

## doc-check: every public declaration of the documented modules has a doc comment.
doc-check:
	@graphs=$$($(SWIFT) package dump-symbol-graph --minimum-access-level public 2>&1 | sed -n 's/^Files written to //p'); \
		if [ -z "$$graphs" ]; then echo "doc-check: no symbol graphs" >&2; exit 1; fi; \
		$(PYTHON) Tests/repo/check_doc_comments.py "$$graphs" $(DOC_TARGETS)

## api-check: the Swift products' surface (Tests/api): `import DealFinance` gives the pricing
## API and neither the lead model nor the JSON implementation; `import DealLeads` gives the leads.
api-check: build
	@modules=$$($(SWIFT) build --show-bin-path)/Modules; \
	for file in Pricing Leads; do \
		$(SWIFT)c -typecheck -I $$modules Tests/api/$$file.swift || { echo "api-check: Tests/api/$$file.swift must compile" >&2; exit 1; }; \
	done; \
	for file in LeadsHidden JSONHidden; do \
		if $(SWIFT)c -typecheck -I $$modules Tests/api/$$file.swift 2>/dev/null; then \
			echo "api-check: Tests/api/$$file.swift compiled: import DealFinance re-exports what it must not" >&2; exit 1; fi; \
	done; \
	echo "api-check: import DealFinance is pricing only; import DealLeads has the lead model"

## schema-test: schemas/ (JSON Schema 2020-12) against every vector request and answer and against
## the decoder's required and unknown fields (Tests/schema/validate.py, in its own virtualenv);
## the Python binding's TypedDicts (dealfinance/types.py) written from them (Tests/schema/typehints.py).
SCHEMA_BUILD := .build-schema
schema-test: build
	@if ! $(SCHEMA_BUILD)/venv/bin/python -c 'import jsonschema, referencing' 2>/dev/null; then \
		rm -rf $(SCHEMA_BUILD)/venv && $(PYTHON) -m venv $(SCHEMA_BUILD)/venv && \
		$(SCHEMA_BUILD)/venv/bin/python -m pip install --quiet --disable-pip-version-check 'jsonschema>=4.18'; \
	fi
	$(SCHEMA_BUILD)/venv/bin/python Tests/schema/typehints.py --check
	$(SCHEMA_BUILD)/venv/bin/python Tests/schema/validate.py $$($(SWIFT) build --show-bin-path)/dealcalc

## test: everything CI runs.
test: reference-check deps build swift-test vectors cli-test api-check schema-test cabi-test portfolio-test leak-test fuzz-short sanitizers

## test-long: the property tests with 1,000,000 random loans and 1,000,000 random leases
## (line by line against GMP) and 100,000 random APR problems (the exact equation at the rate).
test-long:
	$(MAKE) swift-test PROPERTY_CASES=1000000

## bench: the nested benchmark package (Benchmarks/): one table of ours vs every peer, and
## Benchmarks/RESULTS.md + ratios.svg (with the C ABI batch through `make cabi`'s library). Never part of `make test`.
bench: build cabi
	cd Benchmarks && SWIFT=$(SWIFT) ./bench.sh

clean:
	rm -rf .build $(CABI_BUILD) $(SCHEMA_BUILD) $(FUZZ_BUILD) .build-asan .build-tsan bindings/python/dealfinance/libdealfinance.so bindings/python/build bindings/python/dealfinance.egg-info \
		$(PORTFOLIO_BUILD) bindings/python/dist

# ------------------------------------------------------------------------------------------
# The C ABI: libdealfinance.so (include/dealfinance.h), its checks and the Python binding.
# ------------------------------------------------------------------------------------------
CC_GCC ?= gcc
CC_CLANG ?= clang
PREFIX ?= /usr/local
PYTHON ?= python3
# A separate scratch path: the static-stdlib release flags would otherwise rebuild .build.
CABI_BUILD := .build-cabi
CABI_LIB := $(CABI_BUILD)/lib
DFIN_VERSION := $(shell sed -n 's/^\#define DFIN_VERSION_STRING "\(.*\)"/\1/p' include/dealfinance.h)
DFIN_MAJOR := $(firstword $(subst ., ,$(DFIN_VERSION)))
SONAME := libdealfinance.so.$(DFIN_MAJOR)
# The Swift runtime is linked in statically (-static-stdlib) and hidden by the version script,
# so the library needs no Swift toolchain at run time. lld keeps .dynsym to the exports alone.
CABI_FLAGS := -c release --scratch-path $(CABI_BUILD) --product dealfinance \
	-Xswiftc -static-stdlib -Xswiftc -use-ld=lld \
	-Xlinker --version-script=include/dealfinance.map -Xlinker -soname=$(SONAME)
C_STRICT := -std=c99 -Wall -Wextra -Werror -pedantic
C_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=undefined
# The toolchain's clang links with gold by default, which warns about ASan's symbols.
LD_FOR_gcc :=
LD_FOR_clang := -fuse-ld=bfd

## cabi: the release libdealfinance.so, staged in .build-cabi/lib with its SONAME links.
cabi:
	$(SWIFT) build $(CABI_FLAGS)
	@mkdir -p $(CABI_LIB)
	cp $(CABI_BUILD)/release/libdealfinance.so $(CABI_LIB)/libdealfinance.so.$(DFIN_VERSION)
	ln -sf libdealfinance.so.$(DFIN_VERSION) $(CABI_LIB)/$(SONAME)
	ln -sf $(SONAME) $(CABI_LIB)/libdealfinance.so

## export-check: exports are exactly the header's functions; no Swift toolchain dependency.
export-check: cabi
	@nm -D --defined-only $(CABI_LIB)/libdealfinance.so | awk '$$2 != "A" {sub(/@.*/, "", $$3); print $$3}' | sort > $(CABI_BUILD)/exported.txt
	@sed -n 's/^DFIN_API [^(]*[ *]\(dfin_[a-z0-9_]*\)(.*/\1/p' include/dealfinance.h | sort > $(CABI_BUILD)/declared.txt
	@if grep -v '^dfin_' $(CABI_BUILD)/exported.txt; then echo "export-check: symbols other than dfin_* exported (above)" >&2; exit 1; fi
	@if ! diff -u $(CABI_BUILD)/declared.txt $(CABI_BUILD)/exported.txt; then echo "export-check: exports differ from include/dealfinance.h (- declared, + exported)" >&2; exit 1; fi
	@if readelf -d $(CABI_LIB)/libdealfinance.so | grep -Ei 'libswift|libFoundation|libdispatch|libBlocksRuntime|/opt/swift|usr/lib/swift'; then \
		echo "export-check: the library depends on the Swift toolchain (above)" >&2; exit 1; fi
	@echo "export-check: $$(wc -l < $(CABI_BUILD)/exported.txt) dfin_* symbols exported, all declared; NEEDED: $$(readelf -d $(CABI_LIB)/libdealfinance.so | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | tr '\n' ' ')"

## drift: the Swift compiler's header for the exports and include/dealfinance.h agree.
## The exports use `package` API of the library modules, so the typecheck needs the package
## name SwiftPM compiled them with (DealFinanceC's -package-name in the build plan, read by
## Tests/C/package_name.py; SwiftPM derives it from the checkout directory's name).
drift: cabi
	@mkdir -p $(CABI_BUILD)/drift
	$(SWIFT)c -typecheck -module-name DealFinanceC -package-name "$$($(PYTHON) Tests/C/package_name.py $(CABI_BUILD)/release/description.json DealFinanceC)" \
		-I $(CABI_BUILD)/release/Modules -I Sources/CDealFinance Sources/DealFinanceC/*.swift \
		-emit-clang-header-path $(CABI_BUILD)/drift/DealFinanceC-Swift.h
	$(CC_CLANG) $(C_STRICT) -Iinclude -I$(CABI_BUILD)/drift -fsyntax-only Tests/C/drift.c
	@echo "drift: include/dealfinance.h matches the Swift exports"

## c-test: Tests/C with gcc and clang, strict C99, address and undefined-behaviour sanitizers.
c-test: cabi
	@set -e; for cc in gcc clang; do \
		compiler=$$([ $$cc = gcc ] && echo $(CC_GCC) || echo $(CC_CLANG)); \
		ld=$$([ $$cc = clang ] && echo "$(LD_FOR_clang)" || true); \
		for test in test_abi test_concurrency test_batch; do \
			$$compiler $(C_STRICT) $(C_SANITIZE) $$ld -pthread -Iinclude Tests/C/$$test.c \
				-L$(CABI_LIB) -ldealfinance -Wl,-rpath,$(CURDIR)/$(CABI_LIB) -o $(CABI_BUILD)/$$test-$$cc; \
			echo "c-test: $$test ($$cc)"; \
			$(CABI_BUILD)/$$test-$$cc; \
		done; \
	done

## install: header, library (with SONAME links) and a generated dealfinance.pc under PREFIX.
install: cabi
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 644 include/dealfinance.h $(DESTDIR)$(PREFIX)/include/dealfinance.h
	install -m 755 $(CABI_LIB)/libdealfinance.so.$(DFIN_VERSION) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libdealfinance.so.$(DFIN_VERSION) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(PREFIX)/lib/libdealfinance.so
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$${prefix}/lib' 'includedir=$${prefix}/include' '' \
		'Name: dealfinance' 'Description: Exact vehicle deal pricing (DealFinance C ABI)' \
		'Version: $(DFIN_VERSION)' 'Libs: -L$${libdir} -ldealfinance' 'Cflags: -I$${includedir}' \
		> $(DESTDIR)$(PREFIX)/lib/pkgconfig/dealfinance.pc

## install-test: install into a scratch prefix; build Tests/C/example.c with pkg-config; run it
## with an empty environment and only the install directory on the loader path.
install-test: cabi
	rm -rf $(CURDIR)/$(CABI_BUILD)/prefix
	$(MAKE) --no-print-directory install PREFIX=$(CURDIR)/$(CABI_BUILD)/prefix
	PKG_CONFIG_PATH=$(CURDIR)/$(CABI_BUILD)/prefix/lib/pkgconfig sh -c \
		'$(CC_GCC) $(C_STRICT) Tests/C/example.c $$(pkg-config --cflags --libs dealfinance) -o $(CABI_BUILD)/example'
	@if env -i LD_LIBRARY_PATH=$(CURDIR)/$(CABI_BUILD)/prefix/lib ldd $(CABI_BUILD)/example | grep -Ei 'swift|not found'; then \
		echo "install-test: the example needs the Swift toolchain or misses a library (above)" >&2; exit 1; fi
	env -i LD_LIBRARY_PATH=$(CURDIR)/$(CABI_BUILD)/prefix/lib $(CABI_BUILD)/example
	@echo "install-test: example ran against $(CABI_BUILD)/prefix with no Swift library directory on the loader path"

## python-test: the ctypes package in a fresh virtualenv; every vector through the C ABI.
python-test: cabi
	cp $(CABI_LIB)/libdealfinance.so.$(DFIN_VERSION) bindings/python/dealfinance/libdealfinance.so
	rm -rf $(CABI_BUILD)/venv bindings/python/build bindings/python/dealfinance.egg-info
	$(PYTHON) -m venv $(CABI_BUILD)/venv
	$(CABI_BUILD)/venv/bin/python -m pip install --quiet --disable-pip-version-check "./bindings/python[arrow]" pytest
	cd bindings/python && DEALFINANCE_VECTORS=$(CURDIR)/Vectors DEALFINANCE_EXPECT_INSTALLED=1 \
		$(CURDIR)/$(CABI_BUILD)/venv/bin/pytest -q -p no:cacheprovider tests

## cabi-test: every C ABI check, in CI order.
cabi-test: export-check drift c-test install-test python-test

# ------------------------------------------------------------------------------------------
# Portfolios: the wheel, its install test, DuckDB and Spark (bindings/python/README.md).
# ------------------------------------------------------------------------------------------
PORTFOLIO_BUILD := .build-portfolio
PORTFOLIO_VENV := $(PORTFOLIO_BUILD)/venv
# What the engine tests and the wheel build need, from PyPI (pyspark needs Java 17 or later).
PORTFOLIO_PACKAGES := numpy pyarrow "pandas<3" duckdb pyspark pytest build numpy-financial
# PATH without the Swift toolchain, for the wheel install test.
PATH_WITHOUT_SWIFT := $(shell printf '%s' "$$PATH" | tr ':' '\n' | grep -v -e '^/opt/swift' -e 'swift' | paste -sd:)

$(PORTFOLIO_VENV)/ready:
	rm -rf $(PORTFOLIO_VENV)
	$(PYTHON) -m venv $(PORTFOLIO_VENV)
	$(PORTFOLIO_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $(PORTFOLIO_PACKAGES)
	touch $@

## wheel: `python -m build` of bindings/python (sdist, then the wheel built from it) with
## libdealfinance.so inside: bindings/python/dist/dealfinance-<v>-py3-none-linux_x86_64.whl.
wheel: cabi $(PORTFOLIO_VENV)/ready
	cp $(CABI_LIB)/libdealfinance.so.$(DFIN_VERSION) bindings/python/dealfinance/libdealfinance.so
	rm -rf bindings/python/dist bindings/python/build bindings/python/dealfinance.egg-info
	$(PORTFOLIO_VENV)/bin/python -m build --outdir bindings/python/dist bindings/python > $(PORTFOLIO_BUILD)/build.log 2>&1 \
		|| { tail -30 $(PORTFOLIO_BUILD)/build.log; exit 1; }
	@ls bindings/python/dist/*-py3-none-linux_*.whl
	@unzip -l bindings/python/dist/*.whl | grep -q 'dealfinance/libdealfinance.so' || { echo "wheel: no libdealfinance.so inside" >&2; exit 1; }

## wheel-test: the wheel in a fresh virtualenv with no Swift on PATH and an empty
## LD_LIBRARY_PATH (import, one quote, one batch); and a source tree outside a clone without
## the library refused at install time with a message saying what to run.
wheel-test: wheel
	rm -rf $(PORTFOLIO_BUILD)/wheel-venv $(PORTFOLIO_BUILD)/outside
	env PATH="$(PATH_WITHOUT_SWIFT)" LD_LIBRARY_PATH= $(PYTHON) -m venv $(PORTFOLIO_BUILD)/wheel-venv
	env PATH="$(PATH_WITHOUT_SWIFT)" LD_LIBRARY_PATH= $(PORTFOLIO_BUILD)/wheel-venv/bin/python -m pip install --quiet \
		--disable-pip-version-check --no-index bindings/python/dist/*.whl
	cd $(PORTFOLIO_BUILD) && env -u DEALFINANCE_LIBRARY PATH="$(PATH_WITHOUT_SWIFT)" LD_LIBRARY_PATH= wheel-venv/bin/python -c \
		'import dealfinance, shutil; assert shutil.which("swift") is None; \
		assert dealfinance.calculate({"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60})["periodicPayment"]["total"] == "579.98"; \
		print("wheel-test: dealfinance", dealfinance.version(), "imported from", dealfinance.__file__, "without Swift")'
	mkdir -p $(PORTFOLIO_BUILD)/outside && cp -R bindings/python $(PORTFOLIO_BUILD)/outside/python
	rm -rf $(PORTFOLIO_BUILD)/outside/python/dealfinance/libdealfinance.so $(PORTFOLIO_BUILD)/outside/python/dist
	@if env PATH="$(PATH_WITHOUT_SWIFT)" $(PORTFOLIO_BUILD)/wheel-venv/bin/python -m pip install --disable-pip-version-check \
		--force-reinstall $(PORTFOLIO_BUILD)/outside/python > $(PORTFOLIO_BUILD)/outside.log 2>&1; then \
		echo "wheel-test: a source tree without the library was installed" >&2; exit 1; fi
	@grep -q "make wheel" $(PORTFOLIO_BUILD)/outside.log || { cat $(PORTFOLIO_BUILD)/outside.log; echo "wheel-test: no advice" >&2; exit 1; }
	@echo "wheel-test: a source tree without libdealfinance.so is refused at install time with the advice to run 'make wheel'"

## bench-portfolio: Benchmarks/python/portfolio.py over PORTFOLIO_ROWS fixed-seed loans (10 M):
## rows/s of the C batches (1 core, 2 threads), numpy-financial, decimal128 (Intel libbid),
## DuckDB, Spark local[2] and a Python loop; writes Benchmarks/RESULTS-portfolio.md. Never in make test.
PORTFOLIO_ROWS ?= 10000000
bench-portfolio: wheel
	@printf '#include <bid_conf.h>\n' | cc -E -x c - >/dev/null 2>&1 || \
		{ echo "bench-portfolio: the decimal128 peer needs libintelrdfpmath-dev (sudo apt-get install libintelrdfpmath-dev)" >&2; exit 1; }
	$(PORTFOLIO_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps bindings/python/dist/*.whl
	env -u DEALFINANCE_LIBRARY $(PORTFOLIO_VENV)/bin/python Benchmarks/python/portfolio.py $(PORTFOLIO_ROWS) $(CURDIR)/$(PORTFOLIO_BUILD)/bench

## portfolio-test: the wheel in the portfolio virtualenv; dealfinance.batch against the scalar
## path; a portfolio priced in DuckDB (Arrow UDF) and in Spark (mapInArrow, local[2]).
portfolio-test: wheel-test
	$(PORTFOLIO_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps bindings/python/dist/*.whl
	cd bindings/python && env -u DEALFINANCE_LIBRARY $(CURDIR)/$(PORTFOLIO_VENV)/bin/pytest -q -p no:cacheprovider tests/test_batch.py
	env -u DEALFINANCE_LIBRARY $(PORTFOLIO_VENV)/bin/pytest -q -p no:cacheprovider Tests/portfolio

# ------------------------------------------------------------------------------------------
# Reliability (RELIABILITY.md): libFuzzer targets, sanitizer builds of the tests, leak test.
# ------------------------------------------------------------------------------------------
FUZZ_BUILD := .build-fuzz
FUZZ_CONFIG ?= debug
FUZZ_TARGETS := FuzzDecimal FuzzRequest FuzzCABI FuzzADF
# Seconds each target runs: `make fuzz FUZZ_SECONDS=3600`; fuzz-short (run by test) uses 30.
FUZZ_SECONDS ?= 300
# Extra libFuzzer flags, e.g. FUZZ_FLAGS=-jobs=2 or -max_len=65536.
FUZZ_FLAGS ?=
# The Fuzz/Fuzz* executables exist only when DEALFINANCE_FUZZ=1 (see Package.swift).
FUZZ_SWIFT_FLAGS := -c $(FUZZ_CONFIG) --scratch-path $(FUZZ_BUILD) \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld

## fuzz-build: the four libFuzzer executables (Swift harnesses, -sanitize=fuzzer,address).
fuzz-build:
	@for target in $(FUZZ_TARGETS); do \
		DEALFINANCE_FUZZ=1 $(SWIFT) build $(FUZZ_SWIFT_FLAGS) --product $$target 2>&1 \
			| grep -v "Cannot export local symbol" || exit 1; \
	done

## fuzz: each target for FUZZ_SECONDS on a scratch copy of its corpus (Fuzz/corpus/<target>
## stays as committed; new inputs land in .build-fuzz/corpus/<target>). A crash stops the run
## and leaves .build-fuzz/artifacts/<target>-crash-*: fix it, then copy the input into
## Fuzz/regressions/<target>/ (FuzzRegressionTests replays it in swift test).
fuzz: fuzz-build
	@set -e; for target in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_BUILD)/corpus/$$target $(FUZZ_BUILD)/artifacts; \
		dict=$$([ $$target = FuzzRequest ] && echo -dict=Fuzz/request.dict || true); \
		regressions=$$([ -d Fuzz/regressions/$$target ] && echo Fuzz/regressions/$$target || true); \
		echo "fuzz: $$target for $(FUZZ_SECONDS) s"; \
		ASAN_OPTIONS=detect_leaks=1 $(FUZZ_BUILD)/$(FUZZ_CONFIG)/$$target \
			-max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=30 -rss_limit_mb=3072 \
			-print_final_stats=1 $$dict -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$target- $(FUZZ_FLAGS) \
			$(FUZZ_BUILD)/corpus/$$target Fuzz/corpus/$$target $$regressions \
			> $(FUZZ_BUILD)/$$target.log 2>&1 \
			|| { tail -40 $(FUZZ_BUILD)/$$target.log; echo "fuzz: $$target FAILED (log: $(FUZZ_BUILD)/$$target.log)" >&2; exit 1; }; \
		grep -E '^stat::number_of_executed_units|^Done' $(FUZZ_BUILD)/$$target.log | tr '\n' ' '; echo; \
	done

## fuzz-short: every target for 30 s (run by make test).
fuzz-short:
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=30

# Random deals per property test in the sanitizer runs (instrumented code is 2–10× slower).
SANITIZER_PROPERTY_CASES ?= 500

## sanitizers: the whole Swift test suite under AddressSanitizer and ThreadSanitizer, each in
## its own scratch path (.build-asan, .build-tsan), with fewer property cases.
sanitizers: sanitizer-address sanitizer-thread

## (--disable-xctest: every suite is Swift Testing, and XCTest's empty run leaks its own
## runner objects, which LeakSanitizer reports as a failure of ours.)
sanitizer-address: deps
	DEALFINANCE_PROPERTY_CASES=$(SANITIZER_PROPERTY_CASES) $(SWIFT) test --disable-xctest --sanitize=address --scratch-path .build-asan

sanitizer-thread: deps
	DEALFINANCE_PROPERTY_CASES=$(SANITIZER_PROPERTY_CASES) $(SWIFT) test --disable-xctest --sanitize=thread --scratch-path .build-tsan

## leak-test: 100,000 C ABI calls over every function and error path under LeakSanitizer.
leak-test: cabi
	$(CC_CLANG) $(C_STRICT) -fsanitize=address $(LD_FOR_clang) -Iinclude Tests/C/test_leaks.c \
		-L$(CABI_LIB) -ldealfinance -Wl,-rpath,$(CURDIR)/$(CABI_LIB) -o $(CABI_BUILD)/test_leaks
	ASAN_OPTIONS=detect_leaks=1 $(CABI_BUILD)/test_leaks
