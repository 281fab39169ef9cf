# Build, test, lint and benchmark driftcheck.
GO ?= go

.PHONY: build test lint bench fuzz measure man dist

build:
	$(GO) build -trimpath -o driftcheck ./cmd/driftcheck

test: lint
	$(GO) test ./...

lint:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }

bench:
	$(GO) test -run '^$$' -bench . -count 6 . ./align | tee bench.txt

# Each fuzz target for 30 s. Minimisation is capped at 1 s: with the
# default 60 s, a worker minimising a large interesting input (a DOCX, a TMX)
# reports no executions for minutes (golang/go#51484).
fuzz:
	@for p in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list 'Fuzz.*' $$p | grep ^Fuzz); do \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime 30s -fuzzminimizetime 1s $$p || exit 1; \
	  done; \
	done

# One cold run of the founding case: wall time and peak RSS, and the binary size.
measure: build
	ls -l driftcheck
	/usr/bin/time -v ./driftcheck check --voted testdata/founding/L36.en.txt testdata/founding/RES.zh.txt >/dev/null 2>time.txt || true
	grep -E 'Elapsed|Maximum resident' time.txt

# The manual page and the shell completion scripts, from the CLI itself.
man:
	mkdir -p build/man build/completions
	$(GO) build -o build/driftcheck ./cmd/driftcheck
	build/driftcheck man > build/man/driftcheck.1
	for sh in bash zsh fish; do \
	  build/driftcheck completion $$sh > build/completions/driftcheck.$$sh || exit 1; \
	done

# Release archives of the current commit into dist/ (snapshot: no tag, nothing
# published), with goreleaser pinned in tools/goreleaser/go.mod. The first
# run builds goreleaser (about 5 min, 2 GB of modules).
GORELEASER = $(GO) tool -modfile=tools/goreleaser/go.mod goreleaser
dist:
	$(GORELEASER) release --snapshot --clean
