package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-events/dyad"
)

// The full-text condition (q) reads events_fts (migration 0008), whose
// rowid is eventKey of the event's date and id. A page of a word is read
// from the word's list in rowid order, which is the page's order
// (FindEvents, textFirst); textIn is the condition for the other reads
// (counts, series, top lists), and textExists the check of one event met
// in date order through another index, for a common word with a filter
// that matches few events.
const (
	textIn = "e.id IN (SELECT rowid & 2199023255551 FROM events_fts WHERE events_fts MATCH ?)"
	// keyIDBits is how many low bits of an events_fts rowid hold the
	// event's id; keyIDMask (2^41 - 1, the constant in textIn) keeps them.
	keyIDBits = 41
	keyIDMask = 1<<keyIDBits - 1
	// textSample is how many of a word's newest events FindEvents reads
	// to estimate the share of events that hold the word (reading 20,000
	// cost 12 ms a page of USA and "government" at a million events).
	textSample = 2000
	// textWide is how many events a page may read from the words' side
	// without weighing the words: when the other filters match at least
	// limit/textWide of all events, their matches among the words' are
	// met that often at worst (words and filters independent).
	textWide = 2000
)

var textExists = "EXISTS (SELECT 1 FROM events_fts WHERE events_fts MATCH ? AND rowid = " + eventKey("e.date", "e.id") + ")"

// eventKey returns the SQL of an events_fts rowid for the SQL expressions
// of an event's date (d, used three times: a parameter must be given
// three times) and id (i): the date's day (days since 0000-01-01, plus
// one; 0 for ” and for a date that is not a real YYYY-MM-DD) above bit
// 41, the id below. Keys sort as (date, id) for every real date. It is
// the expression of migration 0008's triggers.
// keyOf returns eventKey's value for an event's date and id.
func keyOf(date string, id int64) int64 {
	day := int64(0)
	if t, err := time.Parse(time.DateOnly, date); err == nil && t.Format(time.DateOnly) == date {
		day = (t.Unix()-year0)/86400 + 1
	}
	return day<<keyIDBits | id
}

// year0 is 0000-01-01T00:00:00Z in Unix seconds.
const year0 = -62167219200

func eventKey(d, i string) string {
	return fmt.Sprintf("(((CASE WHEN date(%[1]s) = %[1]s THEN CAST(julianday(%[1]s) - 1721059.5 AS INTEGER) + 1 ELSE 0 END) << %[3]d) | (%[2]s))",
		d, i, keyIDBits)
}

// cond is a WHERE clause under construction: clauses joined by AND. A
// clause may be a disjunction (alts) that branches splits, so that each
// branch can walk its own index in date order.
type cond struct {
	where []string
	args  []any
	first []int         // index in args of each where clause's first argument
	alts  map[int][]alt // the disjuncts of where clause i, when it is an OR
}

// alt is one disjunct of a clause.
type alt struct {
	sql  string
	args []any
}

func (c *cond) add(sql string, args ...any) {
	c.where = append(c.where, sql)
	c.first = append(c.first, len(c.args))
	c.args = append(c.args, args...)
}

// addOr adds the disjunction of alts as one clause.
func (c *cond) addOr(alts ...alt) {
	var parts []string
	var args []any
	for _, a := range alts {
		parts = append(parts, a.sql)
		args = append(args, a.args...)
	}
	c.add("(("+strings.Join(parts, ") OR (")+"))", args...)
	if c.alts == nil {
		c.alts = map[int][]alt{}
	}
	c.alts[len(c.where)-1] = alts
}

// clauseArgs returns the arguments of where clause i.
func (c *cond) clauseArgs(i int) []any {
	end := len(c.args)
	if i+1 < len(c.first) {
		end = c.first[i+1]
	}
	return c.args[c.first[i]:end]
}

// argIndex returns the index in args of where clause i's first argument.
func (c *cond) argIndex(i int) int { return c.first[i] }

// clone returns a copy of c that can grow on its own.
func (c *cond) clone() *cond {
	out := &cond{}
	for i, w := range c.where {
		if a, ok := c.alts[i]; ok {
			out.addOr(a...)
		} else {
			out.add(w, c.clauseArgs(i)...)
		}
	}
	return out
}

// branches splits c at its disjunctions into conds without any whose
// union is c: (A OR B) AND C gives A AND C, B AND C. Without a
// disjunction it returns c alone.
func (c *cond) branches() []*cond {
	if len(c.alts) == 0 {
		return []*cond{c}
	}
	out := []*cond{{}}
	for i, w := range c.where {
		alts, ok := c.alts[i]
		if !ok {
			for _, b := range out {
				b.add(w, c.clauseArgs(i)...)
			}
			continue
		}
		var next []*cond
		for _, b := range out {
			for _, a := range alts {
				nb := b.clone()
				nb.add(a.sql, a.args...)
				next = append(next, nb)
			}
		}
		out = next
	}
	return out
}

func (c *cond) String() string { return whereClause(c.where) }

func whereClause(where []string) string {
	if len(where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(where, " AND ")
}

// eventCond turns f (all but its paging) into a WHERE clause on events e.
// Returns EINVALID for a malformed date or quad class.
func eventCond(f dyad.EventFilter) (*cond, error) {
	c := &cond{}
	if err := dateCond(c, f.From, ">="); err != nil {
		return nil, err
	}
	if err := dateCond(c, f.To, "<="); err != nil {
		return nil, err
	}
	actorConds(c, f)
	if f.Country != nil {
		c.addOr(alt{"e.source_country = ?", []any{*f.Country}}, alt{"e.target_country = ?", []any{*f.Country}})
	}
	if f.SourceCountry != nil {
		c.add("e.source_country = ?", *f.SourceCountry)
	}
	if f.TargetCountry != nil {
		c.add("e.target_country = ?", *f.TargetCountry)
	}
	if f.CAMEO != nil {
		// A root has events_root, a code events_cameo, both ending in
		// the date; a three-digit code is a range of events_cameo (the
		// code and its four-digit codes), which a page reads code by
		// code (codeBranches).
		p := *f.CAMEO
		if len(p) > 2 && (f.Country != nil || f.SourceCountry != nil || f.TargetCountry != nil) {
			// A code's root is its first two digits: with a country,
			// events_*_country_root seek on it.
			c.add("e.root = ?", p[:2])
		}
		switch len(p) {
		case 2:
			c.add("e.root = ?", p)
		case 3:
			c.add(codeRange, p, p+"\xff")
		case 4:
			c.add("e.cameo = ?", p)
		default:
			c.add(codeRange, p, p+"\xff")
		}
	}
	if f.PLOVER != nil {
		c.add("e.plover = ?", strings.ToUpper(*f.PLOVER))
	}
	if f.QuadClass != nil {
		if q := *f.QuadClass; q < 1 || q > 4 {
			return nil, dyad.Errorf(dyad.EINVALID, "quad class %d: want 1 to 4", q)
		}
		c.add("e.quad = ?", *f.QuadClass)
	}
	if f.Modality != nil {
		c.add("e.modality = ?", string(*f.Modality))
	}
	if f.MinConfidence != nil {
		c.add("e.confidence >= ?", *f.MinConfidence)
	}
	if f.Text != nil && strings.TrimSpace(*f.Text) != "" {
		c.add(textIn, ftsQuery(*f.Text))
	}
	if f.DocID != nil {
		c.add("e.doc_id = ?", *f.DocID)
	}
	if f.DocSource != nil {
		c.add("e.doc_source = ?", *f.DocSource)
	}
	if f.ClusterID != nil {
		c.add("e.cluster_id = ?", *f.ClusterID)
	}
	if f.DateSource != nil {
		if ds := *f.DateSource; !ds.Valid() {
			return nil, dyad.Errorf(dyad.EINVALID, "date source %q: want %s or %s", ds, dyad.DateFromText, dyad.DateFromPublication)
		}
		c.add("e.date_source = ?", string(*f.DateSource))
	}
	return c, nil
}

// codeRange is the condition of a CAMEO code's prefix: a range of
// events_cameo.
const codeRange = "e.cameo >= ? AND e.cameo < ?"

// maxCodeBranches is how many codes a prefix may cover for a page to read
// them as branches; past it the page reads the range and sorts it.
const maxCodeBranches = 64

// codeBranches splits c's range of CAMEO codes (a three-digit code of f)
// into one condition a code, "e.cameo = ?", for each code the events hold
// in that range (a seek of events_cameo each), so that a page reads each
// code's events in date order from events_cameo and merges them, as it
// does an actor's two sides, instead of sorting every event of the range.
// It leaves c as it is when another filter has an index of its own to
// walk (an actor, a country, a document, an outlet, a cluster, words),
// or the range covers more than maxCodeBranches codes.
func (d *DB) codeBranches(ctx context.Context, c *cond, f dyad.EventFilter) error {
	if f.CAMEO == nil || len(*f.CAMEO) != 3 || len(c.alts) > 0 || f.Actor != nil || f.Source != nil || f.Target != nil ||
		f.Country != nil || f.SourceCountry != nil || f.TargetCountry != nil || f.DocID != nil || f.DocSource != nil ||
		f.ClusterID != nil || hasText(f) {
		return nil
	}
	i := slices.Index(c.where, codeRange)
	if i < 0 {
		return nil
	}
	lo, hi := c.clauseArgs(i)[0], c.clauseArgs(i)[1]
	rows, err := d.db.QueryContext(ctx, `WITH RECURSIVE c(code) AS (
		SELECT (SELECT min(cameo) FROM events WHERE cameo >= ?1 AND cameo < ?2)
		UNION ALL
		SELECT (SELECT min(cameo) FROM events WHERE cameo > c.code AND cameo < ?2) FROM c WHERE c.code IS NOT NULL)
		SELECT code FROM c WHERE code IS NOT NULL LIMIT ?3`, lo, hi, maxCodeBranches+1)
	if err != nil {
		return fmt.Errorf("codes of %v: %w", lo, err)
	}
	defer rows.Close()
	var alts []alt
	for rows.Next() {
		var code string
		if err := rows.Scan(&code); err != nil {
			return err
		}
		alts = append(alts, alt{"e.cameo = ?", []any{code}})
	}
	if err := rows.Err(); err != nil || len(alts) == 0 || len(alts) > maxCodeBranches {
		return err // no code: the range matches nothing, read as it is
	}
	out := &cond{}
	for j, w := range c.where {
		if j == i {
			out.addOr(alts...)
		} else {
			out.add(w, c.clauseArgs(j)...)
		}
	}
	*c = *out
	return nil
}

// dateCond adds a bound on the event date.
func dateCond(c *cond, d *string, op string) error {
	if d == nil {
		return nil
	}
	if _, err := time.Parse("2006-01-02", *d); err != nil {
		return dyad.Errorf(dyad.EINVALID, "bad date %q (want YYYY-MM-DD)", *d)
	}
	c.add("e.date "+op+" ?", *d)
	return nil
}

// actorConds adds the source, target and either-side actor conditions.
func actorConds(c *cond, f dyad.EventFilter) {
	if f.Actor != nil {
		s, sa := codeCond("source", *f.Actor)
		t, ta := codeCond("target", *f.Actor)
		c.addOr(alt{s, sa}, alt{t, ta})
	}
	if f.Source == nil && f.Target == nil {
		return
	}
	fwd, fargs := dyadCond("source", "target", f.Source, f.Target)
	if !f.Undirected {
		c.add(fwd, fargs...)
		return
	}
	rev, rargs := dyadCond("target", "source", f.Source, f.Target)
	c.addOr(alt{fwd, fargs}, alt{rev, rargs})
}

// dyadCond matches the source code against a and the target against b,
// in the columns named by sa and sb.
func dyadCond(sa, sb string, a, b *string) (string, []any) {
	var parts []string
	var args []any
	for _, x := range []struct {
		col string
		p   *string
	}{{sa, a}, {sb, b}} {
		if x.p != nil {
			s, xa := codeCond(x.col, *x.p)
			parts = append(parts, s)
			args = append(args, xa...)
		}
	}
	return strings.Join(parts, " AND "), args
}

// codeCond matches the actor code in side (source or target) as a prefix.
// The three-letter root goes first so that the dyad index can seek on it.
func codeCond(side, p string) (string, []any) {
	p = strings.ToUpper(p)
	switch {
	case len(p) == 3:
		return "e." + side + "_root = ?", []any{p}
	case len(p) > 3:
		return "e." + side + "_root = ? AND e." + side + "_code >= ? AND e." + side + "_code < ?", []any{p[:3], p, p + "\xff"}
	default:
		return "e." + side + "_code >= ? AND e." + side + "_code < ?", []any{p, p + "\xff"}
	}
}

// ftsQuery makes user words into an FTS5 query of quoted terms, so that no
// input is read as FTS5 syntax. Control characters separate words: a NUL
// inside quotes ends the query's string early ("unterminated string").
func ftsQuery(s string) string {
	var terms []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		terms = append(terms, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return strings.Join(terms, " ")
}

// pageSize applies the default and the cap to a filter's Limit.
func pageSize(n int) int {
	switch {
	case n <= 0:
		return dyad.DefaultPageSize
	case n > dyad.MaxPageSize:
		return dyad.MaxPageSize
	}
	return n
}

// eventCursor is the position after the last event of a page.
type eventCursor struct {
	date string
	id   int64
}

func (c eventCursor) String() string { return c.date + "/" + strconv.FormatInt(c.id, 10) }

func parseCursor(s string) (eventCursor, error) {
	i := strings.LastIndexByte(s, '/')
	if i < 0 {
		return eventCursor{}, dyad.Errorf(dyad.EINVALID, "bad cursor %q", s)
	}
	id, err := strconv.ParseInt(s[i+1:], 10, 64)
	if err != nil {
		return eventCursor{}, dyad.Errorf(dyad.EINVALID, "bad cursor %q", s)
	}
	return eventCursor{date: s[:i], id: id}, nil
}

// afterCond adds the keyset condition for a cursor over (date, id) of
// table alias t: the rows after it in ascending order, or before it when
// desc is set.
func afterCond(c *cond, t, after string, desc bool) error {
	if after == "" {
		return nil
	}
	cur, err := parseCursor(after)
	if err != nil {
		return err
	}
	// The first term seeks: a deep page starts where the cursor stands
	// instead of walking the index from the first date.
	if desc {
		c.add(fmt.Sprintf("%[1]s.date <= ? AND (%[1]s.date < ? OR %[1]s.id < ?)", t), cur.date, cur.date, cur.id)
		return nil
	}
	c.add(fmt.Sprintf("%[1]s.date >= ? AND (%[1]s.date > ? OR %[1]s.id > ?)", t), cur.date, cur.date, cur.id)
	return nil
}
