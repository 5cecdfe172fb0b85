# TIPStat: two commands set everything up on a fresh Debian machine.
#   make report   installs what is missing, builds in release, writes the figure set and summary
#   make test     installs what is missing, builds, runs every test
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Libraries the build links (libcsv, R's standalone math library; FreeType and HarfBuzz measure
# chart text, librsvg and cairo draw PNG and PDF, found through pkg-config) and the fonts chart
# text is measured with (Liberation Sans, Helvetica's metrics; DejaVu Sans, the wider fallback).
BUILD_PACKAGES := libcsv-dev r-mathlib pkg-config libfreetype-dev libharfbuzz-dev librsvg2-dev libcairo2-dev \
	fonts-liberation fonts-dejavu-core
# Tools the tests drive: xmllint and rsvg-convert check every SVG, chromium loads the figure index.
TEST_PACKAGES := $(BUILD_PACKAGES) libxml2-utils librsvg2-bin chromium
# `make bench` compiles the C peer and times every program with GNU time.
BENCH_PACKAGES := $(BUILD_PACKAGES) gcc time python3
DATASETS ?= Datasets
OUT ?= report
TIPSTAT_RELEASE := .build/release/tipstat
TIPSTAT_DEBUG := .build/debug/tipstat
# The council's analyses as executable notebooks: `make test` checks them, `make report` renders them.
NOTEBOOKS := $(wildcard Notebooks-md/*.md)

.PHONY: deps-build deps-test deps-bench build release test report bench clean fuzz sanitize bench-memory

# Installs the Debian packages of $(1) that are missing, with sudo only when not root.
define install_missing
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps-build:
	$(call install_missing,$(BUILD_PACKAGES))

deps-test:
	$(call install_missing,$(TEST_PACKAGES))

deps-bench:
	$(call install_missing,$(BENCH_PACKAGES))

build: deps-build
	$(SWIFT) build

release: deps-build
	$(SWIFT) build -c release --product tipstat

test: deps-test
	$(SWIFT) build
	$(SWIFT) test
	$(TIPSTAT_DEBUG) notebook check $(NOTEBOOKS)

report: release
	$(TIPSTAT_RELEASE) validate $(DATASETS)/*.csv
	$(TIPSTAT_RELEASE) summary $(DATASETS)
	$(TIPSTAT_RELEASE) report --datasets $(DATASETS) --out $(OUT) --link 'The analyses behind the figures, as notebooks=notebooks/index.html'
	$(TIPSTAT_RELEASE) notebook html $(NOTEBOOKS) --out $(OUT)/notebooks --title "The council's analyses: notebooks"

# Throughput and peak memory of `tipstat aggregate` against C on libcsv, Python, pandas and
# polars on a generated 200 MB file in bench-data/ (git-ignored); not part of `make test`.
bench: deps-bench release
	mkdir -p bench-data
	gcc -O2 -o bench-data/libcsv_aggregate Benchmarks/libcsv_aggregate.c -lcsv
	python3 Benchmarks/bench.py

clean:
	rm -rf .build $(OUT)

# libFuzzer harnesses (Fuzz/Package.swift), each run FUZZ_SECONDS with the committed seeds in
# Fuzz/Corpus/NAME and the dictionary Fuzz/NAME.dict (else Fuzz/csv.dict); new inputs and crashes go to
# fuzz-artifacts/NAME (git-ignored).
FUZZ_SECONDS ?= 600
FUZZ_HARNESSES ?= $(sort $(notdir $(patsubst %/main.swift,%,$(wildcard Fuzz/Sources/*Fuzz/main.swift))))

fuzz: deps-build
	cd Fuzz && $(SWIFT) build -c release -Xswiftc -sanitize=fuzzer,address
	@failed=""; for h in $(FUZZ_HARNESSES); do \
	  mkdir -p fuzz-artifacts/$$h/corpus Fuzz/Corpus/$$h; \
	  dict=Fuzz/csv.dict; if [ -f Fuzz/$$h.dict ]; then dict=Fuzz/$$h.dict; fi; \
	  echo "== $$h: $(FUZZ_SECONDS) s"; \
	  SWIFT_BACKTRACE=enable=no Fuzz/.build/release/$$h -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	    -use_value_profile=1 -dict=$$dict -print_final_stats=1 -artifact_prefix=fuzz-artifacts/$$h/ \
	    fuzz-artifacts/$$h/corpus Fuzz/Corpus/$$h 2>fuzz-artifacts/$$h/log.txt; status=$$?; \
	  grep -E "^#[0-9]+[[:space:]]+DONE|^Done|stat::(number_of_executed|average_exec|peak_rss)" fuzz-artifacts/$$h/log.txt; \
	  if [ $$status -ne 0 ]; then failed="$$failed $$h"; \
	    grep -E -A2 "Fatal error|ERROR: AddressSanitizer|Test unit written" fuzz-artifacts/$$h/log.txt; fi; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz findings in:$$failed (inputs in fuzz-artifacts/)"; exit 1; fi

# The whole test suite under AddressSanitizer (with LeakSanitizer; leaks inside Foundation and
# XCTest suppressed), then ThreadSanitizer, each in its own build folder (.build-asan,
# .build-tsan; git-ignored). The tests run the sanitized tipstat binary too.
# UndefinedBehaviorSanitizer is not among them: swiftc refuses -sanitize=undefined on Linux, it
# instruments C code only and the package compiles none (libcsv and Rmath are system
# libraries), and Swift traps on overflow, out-of-range indices and bad unwraps in every build.
sanitize: deps-test
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan-suppressions.txt \
	  $(SWIFT) test --sanitize=address --scratch-path .build-asan
	TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --sanitize=thread --scratch-path .build-tsan
