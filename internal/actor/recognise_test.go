package actor_test

import (
	"sort"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/linear"
)

// wordModel returns a mention model whose only features are words (the
// tagger's template 1) with the given scores per tag, and the roles.
func wordModel(words map[string][actor.NumTags]float32, roles ...string) *actor.MentionModel {
	type feat struct {
		key uint32
		w   [actor.NumTags]float32
	}
	var fs []feat
	for w, s := range words {
		fs = append(fs, feat{linear.Str(linear.Template(1), w), s})
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].key < fs[j].key })
	m := &actor.MentionModel{Roles: roles}
	var ws []float32
	prev := uint32(0)
	for _, f := range fs {
		m.Tags.Deltas = append(m.Tags.Deltas, f.key-prev)
		prev = f.key
		m.Tags.Counts = append(m.Tags.Counts, actor.NumTags)
		for c := range actor.NumTags {
			m.Tags.Class = append(m.Tags.Class, uint8(c))
			ws = append(ws, f.w[c])
		}
	}
	m.Tags.Classes = actor.NumTags
	m.Tags.Q, m.Tags.Scale = linear.Quantize(ws)
	return m
}

// TestRecogniser finds, with a model that knows two made-up words, the
// actors the dictionary cannot: coded by the head word's role, by a
// demonym among their words, or not at all when nothing codes them.
func TestRecogniser(t *testing.T) {
	mm := wordModel(map[string][actor.NumTags]float32{
		"zorblers": {0, 5, 8},  // an actor's word, inside more than first
		"iraqi":    {0, 6, 1},  // opens an actor
		"quibbles": {0, 5, 0},  // an actor's word with no role
		"attacked": {5, 0, -5}, // outside
	}, "zorblers REB", "quibbles -")
	m := mustMatcher(t).WithRecogniser(actor.NewRecogniser(mm))
	date := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ name, text, want string }{
		{"HeadRole", "Zorblers attacked the town.", "REB:Zorblers"},
		{"Demonym", "Iraqi zorblers attacked the town.", "IRQREB:Iraqi zorblers"},
		{"NoCode", "Quibbles attacked the town.", ""},
		{"DictionaryFirst", "Japan attacked the zorblers.", "JPN:Japan | REB:zorblers"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := find(m, tt.text, date); got != tt.want {
				t.Errorf("find(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
	if got := find(mustMatcher(t), "Zorblers attacked the town.", date); got != "" {
		t.Errorf("without the recogniser: %q, want nothing", got)
	}
}

// TestModifiedName gives a name found by its shape the country of a
// demonym before it in its noun phrase.
func TestModifiedName(t *testing.T) {
	m := mustMatcher(t)
	date := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ name, text, want string }{
		{"Demonym", "Palestinian poet Kyle Vosh spoke.", "PSE:Kyle Vosh"},
		{"NoDemonym", "The poet Kyle Vosh spoke.", ":Kyle Vosh"},
		{"NotAcrossClause", "Palestinian leaders met, and Kyle Vosh spoke.", "PSEGOV:Palestinian leaders | :Kyle Vosh"},
		{"BodyInCompound", "The U.N.-appointed poet Kyle Vosh spoke.", "IGOUNO:Kyle Vosh"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := find(m, tt.text, date); got != tt.want {
				t.Errorf("find(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestRecogniserFolds reads a story the recogniser learned from with the
// fold that left it out, and any other text with the full model.
func TestRecogniserFolds(t *testing.T) {
	seen := "Zorblers attacked the town."
	mm := wordModel(map[string][actor.NumTags]float32{"zorblers": {0, 5, 0}}, "zorblers REB")
	blind := wordModel(map[string][actor.NumTags]float32{"town": {0, 5, 0}})
	mm.Folds = []linear.Weights{blind.Tags, blind.Tags}
	mm.Seen = []uint64{actor.TextHash(seen)}
	m := mustMatcher(t).WithRecogniser(actor.NewRecogniser(mm))
	date := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	if got, want := find(m.ForStory(seen), seen, date), ""; got != want {
		t.Errorf("a story learned from: %q, want %q (its fold knows no zorblers)", got, want)
	}
	other := "Zorblers attacked the city."
	if got, want := find(m.ForStory(other), other, date), "REB:Zorblers"; got != want {
		t.Errorf("a story never seen: %q, want %q", got, want)
	}
}

// TestHyphenPairs reads two countries joined by a hyphen before a noun
// as a compound actor, and nothing else joined so.
func TestHyphenPairs(t *testing.T) {
	m := mustMatcher(t)
	date := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ name, text, want string }{
		{"Adjectives", "He denounced the Turkish-Libyan maritime agreement.", "TUR+LBY:Turkish-Libyan"},
		{"Names", "The Japan-China talks resumed.", "JPN+CHN:Japan-China"},
		{"NoNoun", "It was Japan-Korea.", ""},
		{"NotCountries", "The six-party talks resumed.", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := find(m, tt.text, date); got != tt.want {
				t.Errorf("find(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
