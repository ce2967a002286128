package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/dyad-events/dyad/internal/testingutil"
)

func TestPlural(t *testing.T) {
	tests := []struct{ in, want string }{
		{"American", "American(s)"}, {"Chinese", "Chinese"}, {"British", "British"},
		{"French", "French"}, {"Iraqi", "Iraqi(s)"}, {"Swiss", "Swiss"}, {"Malagasy", "Malagasy"},
	}
	for _, tt := range tests {
		if got := plural(tt.in); got != tt.want {
			t.Errorf("plural(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGoodName(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"United States", true}, {"US", true}, {"GB", false}, {"Korea, Republic of", false},
		{"Côte d'Ivoire", true}, {"Zhōngguó", false}, {"中华人民共和国", false},
		{"Republic of China (Taiwan)", false}, {"Saint Helena, Ascension and Tristan da Cunha", true},
	}
	for _, tt := range tests {
		if got := goodName(tt.in); got != tt.want {
			t.Errorf("goodName(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestMergeTerms(t *testing.T) {
	in := []term{
		{iso: "JPN", role: "head_of_government", start: "2021-11-10", end: "2022-08-10"},
		{iso: "JPN", role: "head_of_government", start: "2021-10-04", end: "2024-10-01"},
		{iso: "JPN", role: "head_of_government", start: "2022-08-10", end: "2023-09-13"},
		{iso: "USA", role: "head_of_state", start: "2009-01-20", end: "2017-01-20"},
		{iso: "USA", role: "head_of_government", start: "2009-01-20", end: "2017-01-20"},
	}
	want := []term{
		{iso: "USA", role: "both", start: "2009-01-20", end: "2017-01-20"},
		{iso: "JPN", role: "head_of_government", start: "2021-10-04", end: "2024-10-01"},
	}
	if got := merge(in); !reflect.DeepEqual(got, want) {
		t.Errorf("merge:\n got %+v\nwant %+v", got, want)
	}
}

// TestMergeDied: a death that ends one of the rows of a merged term ends
// the term, whichever row carries it.
func TestMergeDied(t *testing.T) {
	in := []term{
		{iso: "MKD", role: "head_of_state", start: "1999-12-15", end: "2004-02-26"},
		{iso: "MKD", role: "head_of_state", start: "1999-12-15", end: "2004-02-26", died: true},
		{iso: "LKA", role: "head_of_state", start: "1989-01-02", end: "1993-05-01", died: true},
		{iso: "LKA", role: "head_of_government", start: "1989-01-02", end: "1993-05-01"},
		{iso: "JPN", role: "head_of_government", start: "2000-01-01", end: "2001-01-01", died: true},
		{iso: "JPN", role: "head_of_government", start: "2000-06-01", end: "2002-01-01"},
	}
	want := []term{
		{iso: "LKA", role: "both", start: "1989-01-02", end: "1993-05-01", died: true},
		{iso: "MKD", role: "head_of_state", start: "1999-12-15", end: "2004-02-26", died: true},
		{iso: "JPN", role: "head_of_government", start: "2000-01-01", end: "2002-01-01"}, // lived on past the first row's end
	}
	if got := merge(in); !reflect.DeepEqual(got, want) {
		t.Errorf("merge:\n got %+v\nwant %+v", got, want)
	}
}

func TestDropForeign(t *testing.T) {
	indep := map[string]bool{"FRA": true, "AND": true, "GBR": true, "CAN": true}
	tests := []struct {
		name string
		in   []term
		want []string
	}{
		{"CoPrince", []term{{iso: "FRA", role: "head_of_state"}, {iso: "AND", role: "head_of_state"}}, []string{"FRA"}},
		{"Realm", []term{{iso: "CAN", role: "head_of_state"}, {iso: "GBR", role: "head_of_state"}}, []string{"GBR"}},
		{"PrimeMinister", []term{{iso: "CAN", role: "head_of_government"}}, []string{"CAN"}},
	}
	for _, tt := range tests {
		var got []string
		for _, x := range dropForeign(tt.in, indep) {
			got = append(got, x.iso)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: dropForeign kept %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestGenerated regenerates the data into a temporary directory and
// compares it with the committed files, when the reference data is there.
func TestGenerated(t *testing.T) {
	ref := testingutil.SharedData(t, "reference")
	dir := t.TempDir()
	if err := run([]string{"-ref", ref, "-out", dir}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"countries.txt", "leaders.txt"} {
		got, _ := os.ReadFile(filepath.Join(dir, f))
		want, _ := os.ReadFile(filepath.Join("..", "..", "data", f))
		if string(got) != string(want) {
			t.Errorf("data/%s is stale: run `go run ./internal/gen` in internal/dict", f)
		}
	}
}
