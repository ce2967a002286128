package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/ontology"
)

// Options say how many events to make, over which period, from which seed.
type Options struct {
	Events  int       // events in all
	Seed    uint64    // the same seed gives the same documents
	From    time.Time // first event date
	Days    int       // length of the period in days
	PerDoc  float64   // mean events per document
	Vocab   int       // words in the vocabulary, the invented ones included
	Outlets int       // document sources used, at most len(outlets)
}

// Defaults of DefaultOptions.
const (
	DefaultEvents = 1_000_000
	DefaultDays   = 3653 // 2015 to 2024
	DefaultPerDoc = 5
	DefaultVocab  = 50_000
)

// DefaultOptions returns the options of a million events over 2015–2024.
func DefaultOptions() Options {
	return Options{Events: DefaultEvents, Seed: 1, From: time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC),
		Days: DefaultDays, PerDoc: DefaultPerDoc, Vocab: DefaultVocab, Outlets: len(outlets)}
}

// Generator makes coded documents. It is not safe for concurrent use.
type Generator struct {
	opts    Options
	r       *rand.Rand
	made    int // events made so far
	docs    int
	today   int   // day of the documents being made
	quota   []int // cumulative events due by the end of each day
	country *sampler[string]
	role    *sampler[string]
	code    *sampler[dyad.CAMEO]
	mod     *sampler[dyad.Modality]
	outlet  *sampler[string]
	word    *rand.Zipf
	plover  map[string]dyad.PLOVER
}

// New returns a generator for opts; zero fields take DefaultOptions'.
func New(opts Options) *Generator {
	def := DefaultOptions()
	if opts.Events <= 0 {
		opts.Events = def.Events
	}
	if opts.From.IsZero() {
		opts.From = def.From
	}
	if opts.Days <= 0 {
		opts.Days = def.Days
	}
	if opts.PerDoc < 1 {
		opts.PerDoc = def.PerDoc
	}
	if opts.Vocab < len(words) {
		opts.Vocab = def.Vocab
	}
	if opts.Outlets <= 0 || opts.Outlets > len(outlets) {
		opts.Outlets = len(outlets)
	}
	r := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	g := &Generator{opts: opts, r: r, plover: map[string]dyad.PLOVER{}}
	g.country = countrySampler(r)
	g.role = newSampler(r, len(roleCounts), func(i int) (string, float64) { return roleCounts[i].code, float64(roleCounts[i].n) })
	g.code = codeSampler(r)
	g.mod = newSampler(r, len(modalityCounts), func(i int) (dyad.Modality, float64) {
		return dyad.Modality(modalityCounts[i].m), float64(modalityCounts[i].n)
	})
	g.quota = dayQuotas(opts)
	g.outlet = newSampler(r, opts.Outlets, func(i int) (string, float64) { return outlets[i], 1 / float64(i+1) })
	g.word = rand.NewZipf(r, 1.07, 2, uint64(opts.Vocab-1))
	for _, c := range ontology.Codes() {
		if p, ok := ontology.PLOVER(c.Code); ok {
			g.plover[c.Code] = p
		}
	}
	return g
}

// Made returns how many events the generator has made.
func (g *Generator) Made() int { return g.made }

// Next returns documents holding about max events (never more), nil when
// Options.Events have been made. Documents come in order of publication,
// as an archive grows: each day gets its share of the events.
func (g *Generator) Next(max int) []*dyad.CodedDocument {
	var out []*dyad.CodedDocument
	for n := 0; n < max && g.made < g.opts.Events; {
		for g.today < len(g.quota)-1 && g.made >= g.quota[g.today] {
			g.today++
		}
		k := min(g.perDoc(), max-n, g.quota[g.today]-g.made)
		if k <= 0 {
			break
		}
		out = append(out, g.document(k))
		n, g.made = n+k, g.made+k
	}
	return out
}

// dayQuotas returns the cumulative number of events due by the end of
// each day: the archive grows threefold over the period, with fewer
// events at weekends. The last day's quota is Options.Events.
func dayQuotas(opts Options) []int {
	w := make([]float64, opts.Days)
	total := 0.0
	for i := range w {
		w[i] = 1 + 2*float64(i)/float64(opts.Days)
		if wd := opts.From.AddDate(0, 0, i).Weekday(); wd == time.Saturday || wd == time.Sunday {
			w[i] *= 0.6
		}
		total += w[i]
	}
	q := make([]int, opts.Days)
	sum := 0.0
	for i := range w {
		sum += w[i]
		q[i] = int(math.Round(sum / total * float64(opts.Events)))
	}
	q[len(q)-1] = opts.Events
	return q
}

// perDoc draws a document's number of events: 1 plus a geometric count.
func (g *Generator) perDoc() int {
	p := 1 / g.opts.PerDoc
	k := 1 + int(math.Log(1-g.r.Float64())/math.Log(1-p))
	return min(k, 40)
}

// document makes one document of k events, one sentence each.
func (g *Generator) document(k int) *dyad.CodedDocument {
	id := fmt.Sprintf("synth-%09d", g.docs) // ids sort in the order they are made
	g.docs++
	date := g.opts.From.AddDate(0, 0, g.today)
	cd := &dyad.CodedDocument{Doc: &dyad.Document{ID: id, Date: date, Source: g.outlet.draw()}}
	var text strings.Builder
	for i := range k {
		ev := g.event(id, i, date)
		start := text.Len()
		sent := g.sentence(&ev, start)
		text.WriteString(sent)
		text.WriteByte(' ')
		cd.Sentences = append(cd.Sentences, dyad.Sentence{Index: i, Span: dyad.Span{Start: start, End: start + len(sent)}, Text: sent})
		ev.Text = sent
		cd.Events = append(cd.Events, ev)
	}
	cd.Doc.Text = text.String()
	return cd
}

// event makes the i-th event of document id, published on date.
func (g *Generator) event(id string, i int, date time.Time) dyad.Event {
	src := g.actor("")
	tgt := dyad.Actor{}
	switch x := g.r.Float64(); {
	case x < 0.1: // no target
	case x < 0.1+0.9*domesticShare && src.Country != "" && src.Country != "IGO":
		tgt = g.actor(src.Country)
	default:
		tgt = g.actor("")
	}
	c := g.code.draw()
	mod := g.mod.draw()
	day := date
	if mod == dyad.Historical {
		day = day.AddDate(0, 0, -1-g.r.IntN(700))
	} else if g.r.IntN(5) == 0 {
		day = day.AddDate(0, 0, -g.r.IntN(4))
	}
	return dyad.Event{Schema: dyad.SchemaVersion, ID: id + ":" + strconv.Itoa(i) + ":0", DocID: id, Sentence: i,
		Source: src, Target: tgt, CAMEO: c, PLOVER: g.plover[c.Code],
		Date: day.Format(time.DateOnly), DatePrecision: dyad.PrecisionDay, DateSource: dyad.DateFromPublication,
		Modality: mod, Confidence: math.Round((0.3+0.7*math.Sqrt(g.r.Float64()))*100) / 100,
		Evidence: dyad.Evidence{Rule: "synth"}}
}

// actor draws an actor; country, when set, is its country.
func (g *Generator) actor(country string) dyad.Actor {
	if country == "" {
		country = g.country.draw()
	}
	role := g.role.draw()
	a := dyad.Actor{Country: country}
	switch country {
	case "":
		if role == "" {
			role = "CVL"
		}
		a.Code = role
	case "IGO":
		a.Code = "IGO" + igoGroups[g.r.IntN(len(igoGroups))]
		a.Country = a.Code
		role = ""
	default:
		a.Code = country + role
	}
	if role != "" {
		a.Sectors = []string{role}
	}
	a.Text = a.Code
	return a
}

// sentence writes the sentence of ev, which starts at byte off of the
// document, and sets the spans of its actors and verb.
func (g *Generator) sentence(ev *dyad.Event, off int) string {
	var b strings.Builder
	put := func(s string) dyad.Span {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		start := off + b.Len()
		b.WriteString(s)
		return dyad.Span{Start: start, End: off + b.Len()}
	}
	ev.Source.Span = put(ev.Source.Text)
	verb := "c" + ev.CAMEO.Code
	ev.Evidence.Verb, ev.Evidence.VerbSpan = verb, put(verb)
	if ev.Target.Code != "" {
		ev.Target.Span = put(ev.Target.Text)
	}
	for range 6 + g.r.IntN(10) {
		put(g.wordAt(int(g.word.Uint64())))
	}
	b.WriteByte('.')
	return b.String()
}

// wordAt returns the vocabulary's i-th word.
func (g *Generator) wordAt(i int) string {
	if i < len(words) {
		return words[i]
	}
	return "w" + strconv.Itoa(i)
}

// sampler draws values in proportion to their weights.
type sampler[T any] struct {
	r    *rand.Rand
	vals []T
	cum  []float64
}

func newSampler[T any](r *rand.Rand, n int, at func(int) (T, float64)) *sampler[T] {
	s := &sampler[T]{r: r}
	total := 0.0
	for i := range n {
		v, w := at(i)
		if w <= 0 {
			continue
		}
		total += w
		s.vals, s.cum = append(s.vals, v), append(s.cum, total)
	}
	return s
}

func (s *sampler[T]) draw() T {
	x := s.r.Float64() * s.cum[len(s.cum)-1]
	return s.vals[sort.SearchFloat64s(s.cum, x)]
}

// countrySampler draws countries: the counted ones in proportion to their
// counts, then the tail with Zipf weights continuing below the last count.
func countrySampler(r *rand.Rand) *sampler[string] {
	n := len(countryCounts) + len(tailCountries)
	last := float64(countryCounts[len(countryCounts)-1].n)
	return newSampler(r, n, func(i int) (string, float64) {
		if i < len(countryCounts) {
			return countryCounts[i].code, float64(countryCounts[i].n)
		}
		k := float64(i - len(countryCounts) + 1)
		return tailCountries[i-len(countryCounts)], last * float64(len(countryCounts)) / (float64(len(countryCounts)) + k)
	})
}

// codeSampler draws CAMEO event codes: each root in proportion to its
// count, within it the counted codes by their counts and the rest evenly.
func codeSampler(r *rand.Rand) *sampler[dyad.CAMEO] {
	var codes []dyad.CAMEO
	var weights []float64
	for ri, rc := range rootCounts {
		root := strconv.Itoa(ri + 1)
		if len(root) == 1 {
			root = "0" + root
		}
		var rest []dyad.CAMEO
		left := float64(rc)
		for _, c := range ontology.Codes() {
			if len(c.Code) < 3 || c.Code[:2] != root {
				continue
			}
			if n, ok := codeCounts[c.Code]; ok {
				codes, weights = append(codes, c.CAMEO()), append(weights, float64(n))
				left -= float64(n)
				continue
			}
			rest = append(rest, c.CAMEO())
		}
		for _, c := range rest {
			codes, weights = append(codes, c), append(weights, max(left, float64(rc)/10)/float64(len(rest)))
		}
	}
	return newSampler(r, len(codes), func(i int) (dyad.CAMEO, float64) { return codes[i], weights[i] })
}
