package postgres

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-events/dyad"
)

// cond is a WHERE clause under construction; add numbers its ?
// placeholders as $1, $2, … in order. A clause may be a disjunction
// (alts) that branches splits, so that each branch can walk its own
// index in date order.
type cond struct {
	where []string
	args  []any
	alts  map[int][]string // the numbered disjuncts of where clause i

	// The clause gathering the documents whose sentences have the words
	// of a text search (-1: none), and its placeholder: FindEvents drops
	// it for a common word (textCommon).
	textAny   int
	textArg   string
	textWord  string
	textCheck string // the placeholder of the clause checking each event's sentence (textAny+1)
	textWords bool   // set by textForm: read the word's events from event_words

	// keysFirst makes a page of one branch read its keys first and then
	// its rows (pageQuery), as a page of branches does: set for a dyad,
	// whose index holds the quad class and the CAMEO root a page also
	// checks. A generic plan reading whole rows costs that index and the
	// target's alike (one row a partition, by its guess) and may walk
	// the target's, reading the row of every event of the target.
	keysFirst bool
}

// alt is one disjunct of a clause, with ? placeholders.
type alt struct {
	sql  string
	args []any
}

func (c *cond) add(sql string, args ...any) {
	c.where = append(c.where, c.number(sql))
	c.args = append(c.args, args...)
}

// number replaces sql's ? placeholders with $n, counting on from the
// arguments c holds.
func (c *cond) number(sql string) string {
	var b strings.Builder
	n := len(c.args)
	for _, r := range sql {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// addOr adds the disjunction of alts as one clause.
func (c *cond) addOr(alts ...alt) {
	var parts []string
	for _, a := range alts {
		parts = append(parts, c.number(a.sql))
		c.args = append(c.args, a.args...)
	}
	c.where = append(c.where, "(("+strings.Join(parts, ") OR (")+"))")
	if c.alts == nil {
		c.alts = map[int][]string{}
	}
	c.alts[len(c.where)-1] = parts
}

// branches splits c's clauses at its disjunctions: (A OR B) AND C gives
// [A, C] and [B, C]. The clauses keep their numbering: every branch reads
// c.args, and a statement that unites the branches uses every argument.
func (c *cond) branches() [][]string {
	out := [][]string{nil}
	for i, w := range c.where {
		alts, ok := c.alts[i]
		if !ok {
			alts = []string{w}
		}
		var next [][]string
		for _, b := range out {
			for _, a := range alts {
				next = append(next, append(append([]string(nil), b...), a))
			}
		}
		out = next
	}
	return out
}

// arg adds one more argument and returns its placeholder.
func (c *cond) arg(v any) string {
	c.args = append(c.args, v)
	return "$" + strconv.Itoa(len(c.args))
}

func (c *cond) String() string {
	if len(c.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(c.where, " AND ")
}

// eventCond turns f (all but its paging) into a WHERE clause on events e.
// Returns EINVALID for a malformed date or quad class.
func eventCond(f dyad.EventFilter) (*cond, error) {
	c := &cond{textAny: -1}
	if err := dateCond(c, f.From, ">="); err != nil {
		return nil, err
	}
	if err := dateCond(c, f.To, "<="); err != nil {
		return nil, err
	}
	actorConds(c, f)
	if f.Country != nil {
		// One clause, not branches: no index leads with a country, so
		// each branch would walk the same index (the other filters', or
		// the days') and read the same rows.
		c.add("(e.source_country = ? OR e.target_country = ?)", *f.Country, *f.Country)
	}
	if f.SourceCountry != nil {
		c.add("e.source_country = ?", *f.SourceCountry)
	}
	if f.TargetCountry != nil {
		c.add("e.target_country = ?", *f.TargetCountry)
	}
	if f.CAMEO != nil {
		if p := *f.CAMEO; len(p) == 2 {
			c.add("e.root = ?", p)
		} else {
			sql, args := prefixCond("e.cameo", p)
			c.add(sql, args...)
		}
	}
	if f.PLOVER != nil {
		c.add("e.plover = ?", strings.ToUpper(*f.PLOVER))
	}
	if f.QuadClass != nil {
		if q := *f.QuadClass; q < 1 || q > 4 {
			return nil, dyad.Errorf(dyad.EINVALID, "quad class %d: want 1 to 4", q)
		}
		c.add("e.quad = ?", int16(*f.QuadClass))
	}
	if f.Modality != nil {
		c.add("e.modality = ?", string(*f.Modality))
	}
	if f.MinConfidence != nil {
		c.add("e.confidence >= ?", float32(*f.MinConfidence))
	}
	if f.Text != nil && strings.TrimSpace(*f.Text) != "" {
		text := textQuery(*f.Text)
		// The matching documents first, from the GIN index, so that the
		// planner seeks events by document rather than walking them all
		// in date order hoping to meet a match; then the sentence itself.
		c.textAny, c.textArg, c.textWord = len(c.where), "$"+strconv.Itoa(len(c.args)+1), text
		c.add(`e.doc_id = ANY(ARRAY(SELECT s.doc_id FROM sentences s
			WHERE to_tsvector('simple', s.text) @@ plainto_tsquery('simple', ?)))`, text)
		// Each event's own sentence, checked row by row: as an EXISTS the
		// planner would join every matching sentence by hash instead.
		c.textCheck = "$" + strconv.Itoa(len(c.args)+1)
		c.add(`coalesce((SELECT to_tsvector('simple', s.text) @@ plainto_tsquery('simple', ?) FROM sentences s
			WHERE s.doc_id = e.doc_id AND s.idx = e.sentence_idx), false)`, text)
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

// parseDay parses a filter's YYYY-MM-DD date.
func parseDay(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, dyad.Errorf(dyad.EINVALID, "bad date %q (want YYYY-MM-DD)", s)
	}
	return t, nil
}

// dateCond adds a bound on the event day.
func dateCond(c *cond, d *string, op string) error {
	if d == nil {
		return nil
	}
	t, err := parseDay(*d)
	if err != nil {
		return err
	}
	c.add("e.day "+op+" ?", t)
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
		c.keysFirst = f.Source != nil && f.Target != nil
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
		sql, args := prefixCond("e."+side+"_code", p)
		return "e." + side + "_root = ? AND " + sql, append([]any{p[:3]}, args...)
	default:
		return prefixCond("e."+side+"_code", p)
	}
}

// prefixCond matches the strings of col (collation "C") starting with p.
// A range of bytes where it can: a cached generic plan (the store's
// statements are planned once per connection, see Open) seeks an index
// on a range of parameters, never on a LIKE pattern, which only a plan
// for the one value can turn into a range.
func prefixCond(col, p string) (string, []any) {
	if p == "" {
		return "TRUE", nil
	}
	if last := p[len(p)-1]; last < 0x7f {
		return col + " >= ? AND " + col + " < ?", []any{p, p[:len(p)-1] + string(last+1)}
	}
	return col + " LIKE ?", []any{likePrefix(p)}
}

// likePrefix makes p into a LIKE pattern matching the strings starting
// with it.
func likePrefix(p string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(p) + "%"
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

// cursor is the position after the last row of a page: a date (events'
// day or clusters' date) and an id.
type cursor struct {
	day time.Time
	id  int64
}

func (c cursor) String() string { return dayString(c.day) + "/" + strconv.FormatInt(c.id, 10) }

func parseCursor(s string) (cursor, error) {
	bad := dyad.Errorf(dyad.EINVALID, "bad cursor %q", s)
	i := strings.LastIndexByte(s, '/')
	if i < 0 {
		return cursor{}, bad
	}
	id, err := strconv.ParseInt(s[i+1:], 10, 64)
	if err != nil {
		return cursor{}, bad
	}
	day := undated
	if s[:i] != "" {
		if day, err = time.Parse("2006-01-02", s[:i]); err != nil {
			return cursor{}, bad
		}
	}
	return cursor{day: day, id: id}, nil
}

// afterCond adds the keyset condition for a cursor over (col, id) of
// table alias t: the rows after it in ascending order, or before it when
// desc is set.
func afterCond(c *cond, t, col, after string, desc bool) error {
	if after == "" {
		return nil
	}
	cur, err := parseCursor(after)
	if err != nil {
		return err
	}
	op := ">"
	if desc {
		op = "<"
	}
	// The bound on the date alone lets a generic plan leave out the
	// partitions before it (or after it, desc) when it starts.
	c.add(t+"."+col+" "+op+"= ?", cur.day)
	c.add("("+t+"."+col+", "+t+".id) "+op+" (?, ?)", cur.day, cur.id)
	return nil
}

// textQuery makes control characters of a text search spaces: PostgreSQL
// text cannot hold a NUL.
func textQuery(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}
