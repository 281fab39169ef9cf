# Build, test, lint and benchmark driftcheck.
GO ?= go

.PHONY: build test lint bench fuzz measure

build:
	$(GO) build -trimpath -o driftcheck ./cmd/driftcheck

test: lint
	$(GO) test ./...

lint:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }

bench:
	$(GO) test -run '^$$' -bench . -count 6 . ./align | tee bench.txt

fuzz:
	@for p in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list 'Fuzz.*' $$p | grep ^Fuzz); do \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime 30s $$p || exit 1; \
	  done; \
	done

# One cold run of the founding case: wall time and peak RSS, and the binary size.
measure: build
	ls -l driftcheck
	/usr/bin/time -v ./driftcheck check --voted testdata/founding/L36.en.txt testdata/founding/RES.zh.txt >/dev/null 2>time.txt || true
	grep -E 'Elapsed|Maximum resident' time.txt
