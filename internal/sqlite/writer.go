package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/dyad-events/dyad"
)

// writer holds the prepared statements of one write transaction.
type writer struct {
	ctx context.Context
	tx  *sql.Tx
	now time.Time

	doc, sentence, event, actor, place, quote, count *sql.Stmt
}

func newWriter(ctx context.Context, tx *sql.Tx, now time.Time) (*writer, error) {
	w := &writer{ctx: ctx, tx: tx, now: now}
	for _, p := range []struct {
		st **sql.Stmt
		q  string
	}{
		{&w.doc, `INSERT INTO documents (id, hash, url, title, text, date, source, ingested, n_sentences, n_events)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`},
		{&w.sentence, "INSERT INTO sentences (doc_id, idx, start, end, text) VALUES (?, ?, ?, ?, ?)"},
		{&w.event, "INSERT INTO events (" + eventColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
		{&w.actor, "INSERT INTO actors (event_id, role, code, country, name, text, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"},
		{&w.place, "INSERT INTO places (event_id, name, country, lat, lon, geonames_id) VALUES (?, ?, ?, ?, ?, ?)"},
		{&w.quote, "INSERT INTO quotes (event_id, text, speaker_code, speaker_text, direct) VALUES (?, ?, ?, ?, ?)"},
		{&w.count, "UPDATE documents SET n_events = (SELECT count(*) FROM events WHERE doc_id = ?1) WHERE id = ?1"},
	} {
		st, err := tx.PrepareContext(ctx, p.q)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("prepare: %w", err)
		}
		*p.st = st
	}
	return w, nil
}

func (w *writer) close() {
	for _, st := range []*sql.Stmt{w.doc, w.sentence, w.event, w.actor, w.place, w.quote, w.count} {
		if st != nil {
			st.Close()
		}
	}
}

// insertDocument inserts the document row, its sentences and its events,
// and reports false when the document was already stored.
func (w *writer) insertDocument(cd *dyad.CodedDocument) (bool, error) {
	doc := cd.Doc
	date := ""
	if !doc.Date.IsZero() {
		date = doc.Date.UTC().Format(time.RFC3339)
	}
	res, err := w.doc.ExecContext(w.ctx, doc.ID, dyad.ContentHash(doc), doc.URL, doc.Title, doc.Text,
		date, doc.Source, w.now.Format(time.RFC3339), len(cd.Sentences), len(cd.Events))
	if err != nil {
		return false, fmt.Errorf("document: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	sids := make(map[int]int64, len(cd.Sentences))
	for _, s := range cd.Sentences {
		res, err := w.sentence.ExecContext(w.ctx, doc.ID, s.Index, s.Span.Start, s.Span.End, s.Text)
		if err != nil {
			return false, fmt.Errorf("sentence %d: %w", s.Index, err)
		}
		sids[s.Index], _ = res.LastInsertId()
	}
	if err := w.insertEvents(doc, cd.Events, sids, false); err != nil {
		return false, err
	}
	return true, nil
}

// insertEvents inserts events of doc with their actors, places and quotes
// and, with recount, recounts the document's events (a new document's
// row is inserted with its count: a recount reads the events by the
// document index, which a bulk load has dropped).
func (w *writer) insertEvents(doc *dyad.Document, evs []dyad.Event, sids map[int]int64, recount bool) error {
	for i := range evs {
		if err := w.insertEvent(doc, &evs[i], sids); err != nil {
			return fmt.Errorf("event %s: %w", evs[i].ID, err)
		}
	}
	if !recount {
		return nil
	}
	_, err := w.count.ExecContext(w.ctx, doc.ID)
	return err
}

func (w *writer) insertEvent(doc *dyad.Document, ev *dyad.Event, sids map[int]int64) error {
	row, err := eventRow(doc, ev, sids)
	if err != nil {
		return err
	}
	res, err := w.event.ExecContext(w.ctx, row...)
	if err != nil {
		return err
	}
	rowid, _ := res.LastInsertId()
	return w.insertDetails(rowid, ev)
}

// eventColumns are the columns eventRow fills, in its order.
const eventColumns = `event_id, doc_id, sentence_id, date,
	source_root, source_code, source_country, target_root, target_code, target_country,
	cameo, root, quad, goldstein, plover, modality, confidence, doc_source, date_source, record`

// eventRow returns the values of eventColumns for ev of doc.
func eventRow(doc *dyad.Document, ev *dyad.Event, sids map[int]int64) ([]any, error) {
	rec := *ev
	rec.Text = "" // kept once, in sentences
	b, err := json.Marshal(&rec)
	if err != nil {
		return nil, err
	}
	var sid any
	if id, ok := sids[ev.Sentence]; ok {
		sid = id
	}
	src, tgt := actorCode(ev.Source), actorCode(ev.Target)
	return []any{ev.ID, doc.ID, sid, ev.Date,
		root3(src), src, ev.Source.Country, root3(tgt), tgt, ev.Target.Country,
		ev.CAMEO.Code, ev.CAMEO.Root, ev.CAMEO.QuadClass, ev.CAMEO.Goldstein,
		ev.PLOVER.Event, string(ev.Modality), ev.Confidence, doc.Source, string(ev.DateSource), b}, nil
}

// insertDetails inserts the actor, place and quote rows of one event.
func (w *writer) insertDetails(rowid int64, ev *dyad.Event) error {
	for _, r := range []struct {
		role string
		a    dyad.Actor
	}{{"source", ev.Source}, {"target", ev.Target}} {
		if err := w.insertActor(rowid, r.role, r.a); err != nil {
			return err
		}
		for _, m := range r.a.Members {
			if err := w.insertActor(rowid, r.role+"_member", m); err != nil {
				return err
			}
		}
	}
	if p := ev.Location; p != nil {
		if _, err := w.place.ExecContext(w.ctx, rowid, p.Name, p.Country, p.Lat, p.Lon, p.GeoNamesID); err != nil {
			return err
		}
	}
	if q := ev.Quote; q != nil {
		if _, err := w.quote.ExecContext(w.ctx, rowid, q.Text, q.Speaker.Code, q.Speaker.Text, q.Direct); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) insertActor(rowid int64, role string, a dyad.Actor) error {
	if a.IsZero() && a.Text == "" {
		return nil
	}
	_, err := w.actor.ExecContext(w.ctx, rowid, role, a.Code, a.Country, a.Name, a.Text, a.Span.Start, a.Span.End)
	return err
}

// actorCode is the code an actor is filed under; a compound actor with no
// code of its own is filed under its first member's.
func actorCode(a dyad.Actor) string {
	if a.Code == "" && len(a.Members) > 0 {
		return a.Members[0].Code
	}
	return a.Code
}

// root3 returns the first three letters of a code: its country or IGO
// part, on which the dyad index seeks.
func root3(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}
