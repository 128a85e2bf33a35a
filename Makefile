# Entraide: build, run, test, lint, install. Every target installs what it needs on Debian.
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL = DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends
ARGS ?=

.PHONY: all deps test-deps build release run test lint format install uninstall bench fuzz soak crash clean schemas

all: build

## deps: the libxml2 headers (libxml2-dev) and pkg-config, installed when missing.
deps:
	@if ! pkg-config --exists libxml-2.0 2>/dev/null; then \
	  echo "Installing libxml2-dev and pkg-config…"; \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) libxml2-dev pkg-config; \
	fi

## test-deps: deps, plus xmllint (libxml2-utils), which tests use to cross-check the schemas, the sqlite3
## shell, which tests use to read and damage registries behind the program's back, and the PostgreSQL server
## (Debian's postgresql), which the tests start as a throwaway cluster for the shared-registry tests.
test-deps: deps
	@if ! command -v xmllint >/dev/null 2>&1; then \
	  echo "Installing libxml2-utils (xmllint)…"; \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) libxml2-utils; \
	fi
	@if ! command -v sqlite3 >/dev/null 2>&1; then \
	  echo "Installing sqlite3…"; \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) sqlite3; \
	fi
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  echo "Installing postgresql (the tests' throwaway server)…"; \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) postgresql; \
	fi

build: deps
	$(SWIFT) build

## release: the Swift runtime and Foundation linked statically: the binary starts in about a third of the time
## (see docs/validate.md, Performance).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

## run: build and start entraide (ARGS="validate" to pass arguments).
run: build
	@$$($(SWIFT) build --show-bin-path)/entraide $(ARGS)

## test: every test (unit, schema cross-checks, end-to-end through the built binary).
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel --num-workers 2

## schemas: Sources/CourseXML/BuiltInSchemas.swift (the XSDs built into the binary) from Courses/schema/*.xsd.
## Run it after editing an XSD: a test fails while the two differ.
schemas:
	bash Scripts/generate-schemas

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Benchmarks Fuzz

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Benchmarks Fuzz

## install: the binary in $(PREFIX)/bin and the shipped courses in $(PREFIX)/share/entraide/Courses.
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/entraide/Courses/schema"
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/entraide" "$(DESTDIR)$(PREFIX)/bin/entraide"
	install -m 644 Courses/*.xml "$(DESTDIR)$(PREFIX)/share/entraide/Courses/"
	install -m 644 Courses/schema/*.xsd "$(DESTDIR)$(PREFIX)/share/entraide/Courses/schema/"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/entraide"
	rm -rf "$(DESTDIR)$(PREFIX)/share/entraide"

## bench: release build, then the benchmarks of Benchmarks/ (see docs/PERFORMANCE.md): hyperfine, the sqlite3
## tool (the roster's reference) and GNU time (peak memory) installed when missing. Data cached in .build-bench/.
bench: release test-deps
	@missing=""; \
	command -v hyperfine >/dev/null 2>&1 || missing="$$missing hyperfine"; \
	command -v sqlite3 >/dev/null 2>&1 || missing="$$missing sqlite3"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	if [ -n "$$missing" ]; then echo "Installing$$missing…"; $(SUDO) apt-get update -qq && $(APT_INSTALL) $$missing; fi
	bash Benchmarks/run

## fuzz: under libFuzzer and AddressSanitizer, FUZZ_SECONDS (default 600) for each of FUZZ_TARGETS: the course
## loader (seeds: the shipped courses and the test fixtures), the answer parser, the conditions parser and the CSV
## imports (helpers, attendance sheets) and the JSON import (`import json`: refused whole, or exported back the same):
## any bytes must give findings or a refusal, never a crash or a hang. A crash
## or a hang leaves its input in .build-fuzz/findings; replay it with `FUZZ_TARGET=T swift run EntraideFuzz FILE`.
## Linked with lld: gold stops with an internal error on the sanitized objects.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= loader answers conditions csv json
fuzz: deps
	$(SWIFT) build --scratch-path .build-fuzz --product EntraideFuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
	mkdir -p .build-fuzz/findings .build-fuzz/seeds-answers .build-fuzz/seeds-conditions .build-fuzz/seeds-csv
	printf '1 2 3' > .build-fuzz/seeds-answers/list; printf 'vrai' > .build-fuzz/seeds-answers/word
	printf 'ecoute >= 2 and not (x = 1 or y < 3)' > .build-fuzz/seeds-conditions/a
	printf 'nom;syndicat;région\nAnn Lee;CSN;Estrie\n"B ""x""",L,R\n' > .build-fuzz/seeds-csv/helpers
	printf 'helper_id,course,date,note\nalee,ecoute-active,2026-11-01,Salle B\n' > .build-fuzz/seeds-csv/sheet
	@for target in $(FUZZ_TARGETS); do \
	  mkdir -p .build-fuzz/corpus-$$target; \
	  case $$target in \
	    loader) seeds="Courses Tests/CourseXMLTests/Fixtures"; dict="-dict=Fuzz/xml.dict";; \
	    json) seeds="Fuzz/seeds-json"; dict="-dict=Fuzz/json.dict";; \
	    *) seeds=".build-fuzz/seeds-$$target"; dict="";; \
	  esac; \
	  echo "fuzz: $$target for $(FUZZ_SECONDS) s"; \
	  SWIFT_BACKTRACE=enable=no FUZZ_TARGET=$$target $$($(SWIFT) build --scratch-path .build-fuzz --show-bin-path)/EntraideFuzz \
	    .build-fuzz/corpus-$$target $$seeds $$dict \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=.build-fuzz/findings/$$target- || exit 1; \
	done

## crash: the crash tests at scale (make test runs 25 and 5): CRASH_KILLS SIGKILLs of `entraide run` sessions over the
## shipped courses at random moments (default 200), CRASH_IMPORT_KILLS of `helpers import` and of `record --from`
## (default 25 each); after each, integrity_check, every acknowledged answer kept, the same result as an
## uninterrupted run, all or nothing. Prints the figures for docs/RELIABILITY.md; CRASH_SEED=N replays a run.
CRASH_KILLS ?= 200
CRASH_IMPORT_KILLS ?= 25
crash: test-deps
	$(SWIFT) build --build-tests
	@set -o pipefail; CRASH_KILLS=$(CRASH_KILLS) CRASH_IMPORT_KILLS=$(CRASH_IMPORT_KILLS) \
	  $(SWIFT) test --skip-build --filter 'killedSessionsLoseNo|aKilledHelpersImport|aKilledAttendanceSheet' 2>&1 \
	  | tee .build/crash.log | grep -E '^crash:|✘|Test run with'

## soak: the whole test suite SOAK_ROUNDS times in a row (default 20), stopping at the first failure, for
## the tests where processes or threads race (two processes on one registry, parallel validation).
SOAK_ROUNDS ?= 20
soak: test-deps
	$(SWIFT) build --build-tests
	@for round in $$(seq 1 $(SOAK_ROUNDS)); do \
	  if $(SWIFT) test --skip-build --parallel --num-workers 2 > .build/soak.log 2>&1; then \
	    echo "soak: round $$round of $(SOAK_ROUNDS) passed"; \
	  else \
	    echo "soak: round $$round of $(SOAK_ROUNDS) FAILED; output in .build/soak.log"; exit 1; \
	  fi; \
	done

clean:
	rm -rf .build .build-fuzz .build-bench
