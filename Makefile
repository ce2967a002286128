# Thin aliases over go; CI runs .ci/run.
.PHONY: build test vet bench fuzz
build:
	go build -o bin/dyad ./cmd/dyad
test:
	go test ./...
vet:
	go vet ./...
bench:
	go test -run XXX -bench . -benchmem ./...
# Every fuzz target in turn, FUZZTIME each (.ci/fuzz finds them).
FUZZTIME ?= 2m
fuzz:
	FUZZTIME=$(FUZZTIME) .ci/fuzz
