package sqlite

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// textIn is the full-text condition; FindEvents pages a common word's
// events by scanning instead (findByScan).
const (
	textIn     = "e.sentence_id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)"
	commonHits = 2000 // a word matching at least this many sentences is common
)

// cond is a WHERE clause under construction.
type cond struct {
	where []string
	args  []any
	first []int // index in args of each where clause's first argument
}

func (c *cond) add(sql string, args ...any) {
	c.where = append(c.where, sql)
	c.first = append(c.first, len(c.args))
	c.args = append(c.args, args...)
}

// argIndex returns the index in args of where clause i's first argument.
func (c *cond) argIndex(i int) int { return c.first[i] }

// clone returns a copy of c that can grow on its own.
func (c *cond) clone() *cond {
	return &cond{where: append([]string(nil), c.where...), args: append([]any(nil), c.args...), first: append([]int(nil), c.first...)}
}

// without returns a copy of c without where clause i and its arguments.
func (c *cond) without(i int) *cond {
	out := &cond{}
	for k, w := range c.where {
		if k == i {
			continue
		}
		end := len(c.args)
		if k+1 < len(c.first) {
			end = c.first[k+1]
		}
		out.add(w, c.args[c.first[k]:end]...)
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
			c.add("e.cameo >= ? AND e.cameo < ?", p, p+"\xff")
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
	return c, nil
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
		c.add("(("+s+") OR ("+t+"))", append(sa, ta...)...)
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
	c.add("(("+fwd+") OR ("+rev+"))", append(fargs, rargs...)...)
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
// input is read as FTS5 syntax.
func ftsQuery(s string) string {
	var terms []string
	for _, w := range strings.Fields(s) {
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
// table alias t.
func afterCond(c *cond, t, after string) error {
	if after == "" {
		return nil
	}
	cur, err := parseCursor(after)
	if err != nil {
		return err
	}
	c.add(fmt.Sprintf("(%[1]s.date > ? OR (%[1]s.date = ? AND %[1]s.id > ?))", t), cur.date, cur.date, cur.id)
	return nil
}
