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
fuzz:
	go test -run XXX -fuzz FuzzReadJSONL -fuzztime 30s ./internal/ingest
