package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/dyad-events/dyad"
)

// The synthetic archive the 10-million-event benchmark runs on: documents
// of synthEvents events each, spread uniformly over synthDays days from
// synthStart, by actors drawn from a Zipf-like distribution over countries
// (a few countries in most events, as in real event data) and sectors,
// with CAMEO codes drawn from a weighted list. Generated with a fixed
// seed, so every load is the same archive.
const synthEvents = 10 // per document

var (
	synthStart = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	synthDays  = 3653 // 2015-01-01 … 2024-12-31

	synthCountries = []string{"USA", "CHN", "RUS", "UKR", "ISR", "IRN", "PSE", "GBR", "FRA", "DEU", "IND", "PAK",
		"AFG", "IRQ", "SYR", "TUR", "SAU", "JPN", "PRK", "KOR", "EGY", "LBN", "YEM", "NGA", "SDN", "ETH", "SOM",
		"MEX", "BRA", "VEN", "COL", "CUB", "CAN", "AUS", "IDN", "PHL", "MMR", "THA", "VNM", "BGD", "LBY", "MLI",
		"KEN", "ZAF", "COD", "POL", "ITA", "ESP", "GRC", "SRB", "HUN", "BLR", "GEO", "ARM", "AZE", "KAZ", "QAT",
		"ARE", "JOR", "TWN"}
	synthSectors = []string{"GOV", "GOV", "GOV", "MIL", "MIL", "REB", "OPP", "CVL", "BUS", "MED", "", "", "POL", "JUD"}
	synthCodes   = []struct {
		code      string
		quad      int
		goldstein float64
		plover    string
		weight    int
	}{
		{"010", 1, 0, "", 12}, {"020", 1, 3, "", 4}, {"036", 1, 4, "CONSULT", 8}, {"040", 1, 1, "CONSULT", 14},
		{"042", 1, 1.9, "CONSULT", 6}, {"043", 1, 2.8, "CONSULT", 6}, {"046", 1, 7, "CONSULT", 3}, {"051", 1, 3.4, "COOPERATE", 5},
		{"057", 1, 8, "AGREE", 3}, {"061", 2, 6.4, "COOPERATE", 3}, {"071", 2, 7.4, "AID", 2}, {"080", 2, 5, "YIELD", 2},
		{"111", 3, -2, "ACCUSE", 6}, {"112", 3, -2, "ACCUSE", 5}, {"120", 3, -4, "REJECT", 3}, {"130", 3, -4.4, "THREATEN", 3},
		{"138", 3, -7, "THREATEN", 1}, {"141", 3, -6.5, "PROTEST", 3}, {"163", 3, -8, "SANCTION", 2}, {"173", 4, -5, "COERCE", 3},
		{"180", 4, -9, "ASSAULT", 2}, {"190", 4, -10, "FIGHT", 4}, {"193", 4, -10, "FIGHT", 2}, {"195", 4, -10, "FIGHT", 2},
	}
	synthOutlets = []string{"AP", "AFP", "Reuters", "BBC", "VOA", "Xinhua", "TASS", "Al Jazeera", "DW", "NHK",
		"Yonhap", "ANI", "Dawn", "Kyiv Independent", "Haaretz", "IRNA", "Anadolu", "France 24", "CNA", "Wire"}
)

// synth draws the archive's rows.
type synth struct {
	r      *rand.Rand
	zipf   *rand.Zipf
	codes  []int // synthCodes indexes, repeated by weight
	docNum int
}

func newSynth(seed uint64) *synth {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	s := &synth{r: r, zipf: rand.NewZipf(r, 1.3, 2, uint64(len(synthCountries)-1))}
	for i, c := range synthCodes {
		for range c.weight {
			s.codes = append(s.codes, i)
		}
	}
	return s
}

func (s *synth) actor() dyad.Actor {
	c := synthCountries[s.zipf.Uint64()]
	return dyad.Actor{Code: c + synthSectors[s.r.IntN(len(synthSectors))], Country: c}
}

// doc returns the next document, its sentence and its events.
func (s *synth) doc() (*dyad.Document, dyad.Sentence, []dyad.Event) {
	i := s.docNum
	s.docNum++
	day := synthStart.AddDate(0, 0, s.r.IntN(synthDays))
	src, tgt := s.actor(), s.actor()
	text := fmt.Sprintf("Officials of %s and %s met over the dispute in report %d, sources said.", src.Country, tgt.Country, i)
	doc := &dyad.Document{ID: fmt.Sprintf("b%08d", i), Text: text, Date: day,
		Source: synthOutlets[s.r.IntN(len(synthOutlets))], URL: fmt.Sprintf("https://news.example/%d", i)}
	sent := dyad.Sentence{Index: 0, Span: dyad.Span{End: len(text)}, Text: text}
	evs := make([]dyad.Event, synthEvents)
	for k := range evs {
		c := synthCodes[s.codes[s.r.IntN(len(s.codes))]]
		d := day.AddDate(0, 0, -s.r.IntN(3))
		if k > 0 { // the story's other events are between other actors
			src, tgt = s.actor(), s.actor()
		}
		evs[k] = dyad.Event{Schema: 1, ID: fmt.Sprintf("%s:0:%d", doc.ID, k), DocID: doc.ID, Date: d.Format("2006-01-02"),
			Modality: dyad.Asserted, Confidence: math.Round(s.r.Float64()*100) / 100, Source: src, Target: tgt,
			CAMEO:  dyad.CAMEO{Code: c.code, Root: c.code[:2], QuadClass: c.quad, Goldstein: c.goldstein},
			PLOVER: dyad.PLOVER{Event: c.plover}}
	}
	return doc, sent, evs
}

// loadSynth appends docs synthetic documents (synthEvents events each) to
// the store with COPY, one transaction per chunk, starting at document
// number from (so an interrupted load resumes).
func loadSynth(ctx context.Context, d *DB, from, docs int, progress func(done int)) error {
	days := map[time.Time]bool{undated: true}
	for i := range synthDays + 3 {
		days[synthStart.AddDate(0, 0, i-3)] = true
	}
	if err := d.ensurePartitions(ctx, days); err != nil {
		return err
	}
	s := newSynth(1)
	for range from { // replay the draws of the documents loaded before
		s.doc()
	}
	now := time.Now().UTC()
	const chunk = 20000
	for done := from; done < docs; done += chunk {
		n := min(chunk, docs-done)
		var drows, srows, krows, erows [][]any
		for range n {
			doc, sent, evs := s.doc()
			h := sha256.Sum256([]byte(doc.Text))
			drows = append(drows, []any{doc.ID, hex.EncodeToString(h[:]), doc.URL, "", doc.Text, doc.Date, doc.Source, now, int32(1), int32(len(evs))})
			srows = append(srows, []any{doc.ID, int32(0), int32(0), int32(sent.Span.End), sent.Text})
			for k := range evs {
				row, err := eventRow(doc, &evs[k], map[int]bool{0: true})
				if err != nil {
					return err
				}
				erows = append(erows, row)
				krows = append(krows, []any{row[0], row[1], row[3]})
			}
		}
		err := pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, "SET LOCAL synchronous_commit = off"); err != nil {
				return err
			}
			for _, c := range []struct {
				table string
				cols  []string
				rows  [][]any
			}{
				{"documents", []string{"id", "hash", "url", "title", "text", "date", "source", "ingested", "n_sentences", "n_events"}, drows},
				{"sentences", []string{"doc_id", "idx", "start", "end", "text"}, srows},
				{"event_keys", []string{"event_id", "doc_id", "day"}, krows},
				{"events", eventColumns, erows},
			} {
				if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
					return fmt.Errorf("copy %s: %w", c.table, err)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if progress != nil {
			progress(done + n)
		}
	}
	return nil
}
