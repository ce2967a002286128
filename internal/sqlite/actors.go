package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad"
)

// SearchActors returns the actors of the stored events whose code starts
// with q or whose name contains it, ignoring ASCII case, most often named
// first, at most limit of them; an empty q lists the most named. Events
// counts all the actor rows (sources, targets and compound members) with
// the code, whichever name matched, and Name is the name it was most
// often found under. It reads the
// actor_names table (migration 0003), one row per code and name, so a
// search is a scan of a few thousand rows, not of every actor.
func (d *DB) SearchActors(ctx context.Context, q string, limit int) ([]dyad.ActorCount, error) {
	q = strings.TrimSpace(q)
	where, args := "", []any{}
	if q != "" {
		lit := likeEscaper.Replace(q)
		where = ` WHERE code IN (SELECT code FROM actor_names WHERE code LIKE ? ESCAPE '\' OR name LIKE ? ESCAPE '\')`
		args = append(args, lit+"%", "%"+lit+"%")
	}
	query := `SELECT code, max(country), sum(n) AS total,
		coalesce((SELECT b.name FROM actor_names b WHERE b.code = a.code AND b.name <> '' ORDER BY b.n DESC, b.name LIMIT 1), '')
		FROM actor_names a` + where + ` GROUP BY code ORDER BY total DESC, code LIMIT ?`
	rows, err := d.db.QueryContext(ctx, query, append(args, pageSize(limit))...)
	if err != nil {
		return nil, fmt.Errorf("search actors: %w", err)
	}
	defer rows.Close()
	var out []dyad.ActorCount
	for rows.Next() {
		var a dyad.ActorCount
		if err := rows.Scan(&a.Code, &a.Country, &a.Events, &a.Name); err != nil {
			return nil, fmt.Errorf("search actors: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// likeEscaper quotes LIKE's wildcards (and its escape) in user input.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
