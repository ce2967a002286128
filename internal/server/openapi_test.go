package server_test

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/server"
)

// spec is the part of openapi.json the conformance test reads.
type spec struct {
	Paths      map[string]map[string]operation `json:"paths"`
	Components struct {
		Schemas    map[string]*schema   `json:"schemas"`
		Parameters map[string]parameter `json:"parameters"`
	} `json:"components"`
}

type operation struct {
	Parameters []parameter `json:"parameters"`
	Responses  map[string]struct {
		Content map[string]struct {
			Schema *schema `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

type parameter struct {
	Ref    string  `json:"$ref"`
	Name   string  `json:"name"`
	In     string  `json:"in"`
	Schema *schema `json:"schema"`
}

type schema struct {
	Ref        string             `json:"$ref"`
	Type       any                `json:"type"`
	Properties map[string]*schema `json:"properties"`
	Required   []string           `json:"required"`
	Items      *schema            `json:"items"`
	AllOf      []*schema          `json:"allOf"`
	Enum       []any              `json:"enum"`
	Format     string             `json:"format"`
	Minimum    *float64           `json:"minimum"`
}

// check validates v against sc: required properties present, no property
// the schema does not name, arrays item by item. It returns the problems.
func (sp *spec) check(sc *schema, v any, at string) []string {
	if sc == nil {
		return nil
	}
	if sc.Ref != "" {
		return sp.check(sp.Components.Schemas[strings.TrimPrefix(sc.Ref, "#/components/schemas/")], v, at)
	}
	var errs []string
	if len(sc.AllOf) > 0 {
		known := map[string]bool{}
		for _, part := range sc.AllOf {
			p := sp.resolve(part)
			for k := range p.Properties {
				known[k] = true
			}
			errs = append(errs, sp.checkObject(p, v, at, nil)...)
		}
		if obj, ok := v.(map[string]any); ok {
			for k := range obj {
				if !known[k] {
					errs = append(errs, fmt.Sprintf("%s.%s: not in the schema", at, k))
				}
			}
		}
		return errs
	}
	if sc.Items != nil {
		if arr, ok := v.([]any); ok {
			for i, x := range arr {
				errs = append(errs, sp.check(sc.Items, x, fmt.Sprintf("%s[%d]", at, i))...)
			}
		}
		return errs
	}
	if sc.Properties != nil {
		return sp.checkObject(sc, v, at, sc.Properties)
	}
	return nil
}

// checkObject checks required properties and, when known is set, that
// every property is known; then each property's value.
func (sp *spec) checkObject(sc *schema, v any, at string, known map[string]*schema) []string {
	obj, ok := v.(map[string]any)
	if !ok {
		return []string{fmt.Sprintf("%s: %T, want an object", at, v)}
	}
	var errs []string
	for _, r := range sc.Required {
		if _, ok := obj[r]; !ok {
			errs = append(errs, fmt.Sprintf("%s: required %q missing", at, r))
		}
	}
	for k, x := range obj {
		p, ok := sc.Properties[k]
		if !ok && known != nil {
			errs = append(errs, fmt.Sprintf("%s.%s: not in the schema", at, k))
		}
		errs = append(errs, sp.check(p, x, at+"."+k)...)
	}
	return errs
}

func (sp *spec) resolve(sc *schema) *schema {
	for sc != nil && sc.Ref != "" {
		sc = sp.Components.Schemas[strings.TrimPrefix(sc.Ref, "#/components/schemas/")]
	}
	return sc
}

// sample is a valid value for a query parameter of schema sc.
func sample(name string, sc *schema) string {
	switch {
	case name == "dyad":
		return "USA-PRK"
	case name == "after":
		return ""
	case len(sc.Enum) > 0:
		return fmt.Sprint(sc.Enum[0])
	case sc.Format == "date":
		return "2016-03-01"
	case sc.Type == "boolean":
		return "true"
	case sc.Type == "integer" || sc.Type == "number":
		if sc.Minimum != nil {
			return fmt.Sprint(*sc.Minimum)
		}
		return "1"
	case strings.Contains(name, "country"):
		return "USA"
	case name == "cameo" || name == "root":
		return "19"
	}
	return "USA"
}

// TestOpenAPIConformance checks the API's answers over a real SQLite store
// against the schemas openapi.json gives them, and that every documented
// parameter is accepted and an undocumented one refused.
func TestOpenAPIConformance(t *testing.T) {
	s, err := server.New(MustSQLite(t, fixture()), server.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	var sp spec
	getJSON(t, s, "/api/openapi.json", 200, &sp)
	var first page
	getJSON(t, s, "/api/events?limit=1", 200, &first)
	var clusters struct {
		Clusters []struct{ ID int64 } `json:"clusters"`
	}
	getJSON(t, s, "/api/clusters?limit=1", 200, &clusters)
	concrete := map[string]string{
		"/api/events/{id}":   "/api/events/" + url.PathEscape(first.Events[0].ID),
		"/api/clusters/{id}": "",
	}
	if len(clusters.Clusters) > 0 {
		concrete["/api/clusters/{id}"] = fmt.Sprintf("/api/clusters/%d", clusters.Clusters[0].ID)
	}
	for path, ops := range sp.Paths {
		op, ok := ops["get"]
		if !ok || !strings.HasPrefix(path, "/api/") || path == "/api/openapi.json" {
			continue
		}
		target := path
		if c, ok := concrete[path]; ok {
			if target = c; c == "" {
				continue
			}
		}
		t.Run(strings.ReplaceAll(path, "/", "_"), func(t *testing.T) {
			var body any
			getJSON(t, s, target, 200, &body)
			sc := op.Responses["200"].Content["application/json"].Schema
			if sc == nil {
				t.Fatalf("no 200 schema for %s", path)
			}
			for _, e := range sp.check(sc, body, "body") {
				t.Error(e)
			}
			var names []string
			for _, p := range op.Parameters {
				if p.Ref != "" {
					p = sp.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
				}
				if p.In != "query" {
					continue
				}
				names = append(names, p.Name)
				q := url.Values{p.Name: {sample(p.Name, p.Schema)}}
				code, resp, _ := do(t, s, "GET", target+"?"+q.Encode(), "", "")
				if code != 200 && !(code == 400 && p.Name == "dyad") {
					t.Errorf("documented parameter %s=%s: status %d: %s", p.Name, q.Get(p.Name), code, resp)
				}
			}
			code, resp, _ := do(t, s, "GET", target+"?dayd=USA-PRK", "", "")
			if code != 400 || !strings.Contains(resp, "dayd: unknown parameter") {
				t.Errorf("misspelt parameter: status %d %s, want 400 naming it", code, resp)
			}
			if slices.Contains(names, "source") && !slices.Contains(names, "dyad") {
				t.Errorf("%s takes source and target but does not document dyad", path)
			}
		})
	}
}

func TestDyadParameter(t *testing.T) {
	s := newFixtureServer(t)
	var both, dy page
	getJSON(t, s, "/api/events?source=USA&target=PRK&count=true&limit=5", 200, &both)
	getJSON(t, s, "/api/events?dyad=usa-prk&count=true&limit=5", 200, &dy)
	if both.Count == nil || dy.Count == nil || *both.Count != *dy.Count || *dy.Count == 0 {
		t.Fatalf("dyad=USA-PRK counts %v, source&target %v", dy.Count, both.Count)
	}
	var all page
	getJSON(t, s, "/api/events?count=true&limit=1", 200, &all)
	if *all.Count <= *dy.Count {
		t.Fatalf("dyad filter does not narrow: %d of %d", *dy.Count, *all.Count)
	}
	var e apiError
	getJSON(t, s, "/api/events?dyad=USA", 400, &e)
	if !strings.Contains(e.Error.Message, "dyad") {
		t.Fatalf("bad dyad: %q", e.Error.Message)
	}
	getJSON(t, s, "/api/events?dyad=USA-PRK&source=USA", 400, &e)
}
