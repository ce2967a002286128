package train

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/eval"
	"github.com/dyad-events/dyad/internal/extract"
	"github.com/dyad-events/dyad/internal/linear"
	"github.com/dyad-events/dyad/internal/pipeline"
)

// silverLine writes one silver record of our own: a sentence and, when
// verb is not empty, one event from src to tgt.
func silverLine(story string, i, start int, text, code, verb, src, srcC, tgt, tgtC string) string {
	evs := "[]"
	if verb != "" {
		evs = fmt.Sprintf(`[{"source": {"text": %q, "country": %q, "role": ""}, "target": {"text": %q, "country": %q, "role": ""}, "cameo": %q, "trigger": %q, "modality": "asserted"}]`,
			src, srcC, tgt, tgtC, code, verb)
	}
	return fmt.Sprintf(`{"id": "%s#%d", "story": %q, "date": "2024-01-0%d", "title": "t", "start": %d, "end": %d, "text": %q, "events": %s}`,
		story, i, story, 1+i%9, start, start+len(text), text, evs)
}

// scoldings writes a made-up silver set of our own, analysed by p: a
// story for each ordered pair of eight countries that keep (who scolded
// whom, then a sentence with no event).
func scoldings(t *testing.T, p *pipeline.Pipeline, keep func(i, j int) bool) []Analysed {
	t.Helper()
	countries := [][2]string{{"France", "FRA"}, {"Germany", "DEU"}, {"Japan", "JPN"}, {"China", "CHN"}, {"Brazil", "BRA"},
		{"Kenya", "KEN"}, {"Canada", "CAN"}, {"Mexico", "MEX"}}
	var lines []string
	n := 0
	for i, a := range countries {
		for j, b := range countries {
			if i == j || !keep(i, j) {
				continue
			}
			story := fmt.Sprintf("s:%d", n)
			n++
			s1 := fmt.Sprintf("%s scolded %s over the dispute.", a[0], b[0])
			s2 := fmt.Sprintf("%s hosted a football match on Sunday.", b[0])
			lines = append(lines,
				silverLine(story, 0, 0, s1, "111", "scolded", a[0], a[1], b[0], b[1]),
				silverLine(story, 1, len(s1)+1, s2, "", "", "", "", "", ""))
		}
	}
	stories, err := eval.ReadSilver(writeTemp(t, strings.Join(lines, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	var as []Analysed
	for i := range stories {
		as = append(as, Analysed{Story: &stories[i], Sents: p.Analyse(stories[i].Doc)})
	}
	return as
}

// rulesPipeline is the pipeline training reads stories with.
func rulesPipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	opts := pipeline.DefaultOptions()
	opts.Rules = true
	p, err := pipeline.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestEventsLearn trains the extractor on a small made-up set (who
// criticised whom, and sentences with no event) and codes sentences it
// never saw, with actors it never saw in those roles.
func TestEventsLearn(t *testing.T) {
	p := rulesPipeline(t)
	as := scoldings(t, p, func(i, j int) bool { return (i+j)%3 != 0 })
	opt := DefaultEventOptions()
	opt.Epochs = 5
	m, err := Events(as, opt)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Codes()["scold 11"]; got != "111" {
		t.Errorf("code learned for scold in root 11: %q, want 111", got)
	}
	// The word-level models alone, and with the sentence model.
	words := *m
	words.Sentence = linear.Weights{}
	for _, x := range []*extract.Extractor{extract.New(&words), extract.New(m)} {
		checkCoded(t, p, x)
	}
}

func checkCoded(t *testing.T, p *pipeline.Pipeline, x *extract.Extractor) {
	check := func(text string, want string) {
		t.Helper()
		st, err := eval.ReadSilver(writeTemp(t, silverLine("held", 0, 0, text, "", "", "", "", "", "")))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range p.Analyse(st[0].Doc) {
			for _, e := range x.Code(st[0].Doc, s) {
				got = append(got, e.CAMEO.Root+" "+e.Source.Country+">"+e.Target.Country)
				if !strings.HasPrefix(e.Evidence.Rule, "model:11:scold") || !strings.Contains(e.Evidence.Rule, "=") || e.Confidence <= 0 {
					t.Errorf("%q: evidence %q, confidence %v: want the model, the word and its features", text, e.Evidence.Rule, e.Confidence)
				}
			}
		}
		if strings.Join(got, ",") != want {
			t.Errorf("%q coded %v, want %q", text, got, want)
		}
	}
	check("Italy scolded Spain over the dispute.", "11 ITA>ESP")
	check("Spain hosted a football match on Sunday.", "")
}

func writeTemp(t *testing.T, content string) string {
	path := t.TempDir() + "/x.jsonl"
	if err := writeFile(path, content+"\n"); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeFile(path, content string) error { return os.WriteFile(path, []byte(content), 0o644) }

func TestMeanFrozen(t *testing.T) {
	a := frozen{keys: []uint32{1, 5}, counts: []uint16{2, 1}, class: []uint8{0, 2, 1}, w: []float32{2, 4, 6}}
	b := frozen{keys: []uint32{1, 3}, counts: []uint16{1, 1}, class: []uint8{2, 0}, w: []float32{2, -2}}
	m := meanFrozen([]frozen{a, b})
	// Key 1: class 0 (2+0)/2, class 2 (4+2)/2; key 3: class 0 -1; key 5: class 1 3.
	want := frozen{keys: []uint32{1, 3, 5}, counts: []uint16{2, 1, 1}, class: []uint8{0, 2, 0, 1}, w: []float32{1, 3, -1, 3}}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("mean %+v, want %+v", m, want)
	}
	if got := meanFrozen([]frozen{a}); !reflect.DeepEqual(got, a) {
		t.Errorf("mean of one %+v", got)
	}
}

func TestFrozenPrune(t *testing.T) {
	fz := frozen{keys: []uint32{1, 3, 5}, counts: []uint16{2, 1, 1}, class: []uint8{0, 2, 0, 1}, w: []float32{1, 0.2, -0.3, 3}}
	want := frozen{keys: []uint32{1, 5}, counts: []uint16{1, 1}, class: []uint8{0, 1}, w: []float32{1, 3}}
	if got := fz.prune(0.5); !reflect.DeepEqual(got, want) {
		t.Errorf("pruned %+v, want %+v", got, want)
	}
}

// TestTrainMargin: with a margin the perceptron keeps learning from
// instances it already gets right until the right class leads by the
// margin, so the trained weights separate the classes further than a
// plain perceptron's, which stops at the first right answer.
func TestTrainMargin(t *testing.T) {
	xs := []instance{{feats: []uint32{7, 1}, class: 1}, {feats: []uint32{7, 2}, class: 0}}
	opt := DefaultEventOptions()
	opt.Epochs, opt.Prune = 3, 0
	gap := func(margin int) float32 {
		fz := trainInstances("toy", xs, 2, 1, margin, opt)
		var w [2]float32 // feature 1's weights, by class
		j := 0
		for i, k := range fz.keys {
			for c := 0; c < int(fz.counts[i]); c, j = c+1, j+1 {
				if k == 1 {
					w[fz.class[j]] = fz.w[j]
				}
			}
		}
		return w[1] - w[0]
	}
	plain, wide := gap(0), gap(5)
	if plain <= 0 || wide <= plain {
		t.Errorf("feature 1's lead for its class: %v plain, %v with a margin of 5; want a positive lead, wider with the margin", plain, wide)
	}
}
