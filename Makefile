# TIPStat: two commands set everything up on a fresh Debian machine.
#   make report   installs what is missing, builds in release, writes the figure set and summary
#   make test     installs what is missing, builds, runs every test
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Libraries the build links (libcsv, R's standalone math library).
BUILD_PACKAGES := libcsv-dev r-mathlib
# Tools the tests drive: xmllint and rsvg-convert check every SVG, chromium loads the figure index;
# fonts-liberation gives them Helvetica's metrics, which the charts lay text out with.
TEST_PACKAGES := $(BUILD_PACKAGES) libxml2-utils librsvg2-bin chromium fonts-liberation
# `make bench` compiles the C peer and times every program with GNU time.
BENCH_PACKAGES := $(BUILD_PACKAGES) gcc time python3
DATASETS ?= Datasets
OUT ?= report
TIPSTAT_RELEASE := .build/release/tipstat
TIPSTAT_DEBUG := .build/debug/tipstat
# The council's analyses as executable notebooks: `make test` checks them, `make report` renders them.
NOTEBOOKS := $(wildcard Notebooks-md/*.md)

.PHONY: deps-build deps-test deps-bench build release test report bench clean

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
