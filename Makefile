# Entraide: build, run, test, lint, install. Every target installs what it needs on Debian.
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL = DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends
ARGS ?=

.PHONY: all deps test-deps build release run test lint format install uninstall bench fuzz soak clean

all: build

## deps: the libxml2 headers (libxml2-dev) and pkg-config, installed when missing.
deps:
	@if ! pkg-config --exists libxml-2.0 2>/dev/null; then \
	  echo "Installing libxml2-dev and pkg-config…"; \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) libxml2-dev pkg-config; \
	fi

## test-deps: deps, plus xmllint (libxml2-utils), which tests use to cross-check the schemas.
test-deps: deps
	@if ! command -v xmllint >/dev/null 2>&1; then \
	  echo "Installing libxml2-utils (xmllint)…"; \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) libxml2-utils; \
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

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Benchmarks

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Benchmarks

## install: the binary in $(PREFIX)/bin and the shipped courses in $(PREFIX)/share/entraide/Courses.
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/entraide/Courses/schema"
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/entraide" "$(DESTDIR)$(PREFIX)/bin/entraide"
	install -m 644 Courses/*.xml "$(DESTDIR)$(PREFIX)/share/entraide/Courses/"
	install -m 644 Courses/schema/*.xsd "$(DESTDIR)$(PREFIX)/share/entraide/Courses/schema/"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/entraide"
	rm -rf "$(DESTDIR)$(PREFIX)/share/entraide"

## bench: release build, then the benchmarks of Benchmarks/ (see README, Performance).
bench: release test-deps
	@command -v hyperfine >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(APT_INSTALL) hyperfine; }
	bash Benchmarks/run

clean:
	rm -rf .build
