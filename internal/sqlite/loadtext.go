package sqlite

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// textRow is a row of events_fts: an event's key (keyOf) and the text of
// its sentence.
type textRow struct {
	key  int64
	text string
}

// textLoad builds the full-text index of a bulk load (events_fts) in a
// file of its own, on a goroutine of its own, while the load writes the
// rows, the summaries and the indexes into the store: FTS5's tokenizing,
// its segments and their merge are one writer's work, and SQLite lets one
// connection at a time write a file. At a million events that work was
// about 40% of the writer's insert stage and a stage of its own after it
// (77 s at ten million). When the store is built, copyText moves the
// finished index's tables (FTS5's shadow tables: its segments, their
// index, the document sizes and the settings) into the store, rows in
// rowid order, without reading the text again.
//
// Rows whose keys ascend are written with their chunk, one transaction a
// chunk; FTS5 starts a new segment at every key that does not ascend, so
// the others (events dated before one already written) are held and
// written in key order at the end. FTS5 does not merge the segments as
// they pile up (textLoadStart); one 'optimize' merges them into one at the
// end (textLoadDone), as a common word's check per event (MATCH with
// rowid =) opens the word's list in every segment.
type textLoad struct {
	*sideFile
	in     chan []textRow
	closed bool
	// stop, closed by remove, stops the builder early.
	stop     chan struct{}
	stopOnce sync.Once
}

// startTextLoad starts building, in a new file beside the store at path,
// the full-text table that create makes (events_fts's CREATE VIRTUAL
// TABLE). send hands it rows, end says there are no more, wait waits for
// the index, remove deletes the file.
func startTextLoad(path, create string) (*textLoad, error) {
	// Up to 16 chunks wait (about 100 MB of text at 50,000 events a
	// chunk): the writer goes on while the text falls a little behind.
	t := &textLoad{in: make(chan []textRow, 16), stop: make(chan struct{})}
	s, err := startSide(path, "fts", func(c *rawConn) error { return t.run(c, create) })
	if err != nil {
		return nil, err
	}
	t.sideFile = s
	return t, nil
}

// send hands the rows of one chunk to the builder.
func (t *textLoad) send(rows []textRow) { t.in <- rows }

// end says there are no more rows.
func (t *textLoad) end() {
	if !t.closed {
		t.closed = true
		close(t.in)
	}
}

// remove stops the builder (it drops the rows still to write) and deletes
// its file.
func (t *textLoad) remove() {
	t.stopOnce.Do(func() { close(t.stop) })
	t.end()
	t.sideFile.remove()
}

// run builds the index from the rows sent until the channel closes. After
// an error it reads and drops the rest, so that send never blocks.
func (t *textLoad) run(c *rawConn, create string) (err error) {
	defer func() {
		if err != nil {
			for range t.in {
			}
			err = fmt.Errorf("full-text index: %w", err)
		}
	}()
	if err := c.exec(create + "; " + textLoadStart); err != nil {
		return err
	}
	st, err := c.prepare("INSERT INTO events_fts (rowid, text) VALUES (?, ?)")
	if err != nil {
		return err
	}
	defer st.close()
	var last int64 // keys are positive: an event's id is
	var late []textRow
	for rows := range t.in {
		if t.stopped() {
			return errTextStopped
		}
		err := inTx(c, func() error {
			for _, r := range rows {
				if r.key <= last {
					// A copy: the sentence's text may be a slice of its
					// whole document's.
					late = append(late, textRow{r.key, strings.Clone(r.text)})
					continue
				}
				last = r.key
				if err := st.exec(r.key, r.text); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if t.stopped() {
		return errTextStopped
	}
	slices.SortFunc(late, func(a, b textRow) int { return cmp.Compare(a.key, b.key) })
	return inTx(c, func() error {
		for _, r := range late {
			if err := st.exec(r.key, r.text); err != nil {
				return err
			}
		}
		return c.exec(textLoadDone)
	})
}

var errTextStopped = errors.New("stopped")

func (t *textLoad) stopped() bool {
	select {
	case <-t.stop:
		return true
	default:
		return false
	}
}

// sideFile is a database file beside a store that a load writes on a
// goroutine of its own, with a connection of its own, while the load's
// writer writes the store (SQLite lets one connection at a time write a
// file); copyTables then copies its tables into the store.
type sideFile struct {
	path string
	done chan error
}

// startSide creates a new file beside the store at path (its name, then
// "."+name and a random part) and runs write on a connection to it, on a
// goroutine of its own.
func startSide(path, name string, write func(c *rawConn) error) (*sideFile, error) {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+"."+name+"-*")
	if err != nil {
		return nil, err
	}
	f.Close()
	s := &sideFile{path: f.Name(), done: make(chan error, 1)}
	go func() {
		s.done <- func() error {
			c, err := openRaw(s.path)
			if err != nil {
				return err
			}
			defer c.close()
			// A file thrown away if anything fails, as the load's.
			if err := c.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144"); err != nil {
				return err
			}
			return write(c)
		}()
	}()
	return s, nil
}

// wait returns when write has returned, with its error.
func (s *sideFile) wait() error {
	err := <-s.done
	s.done <- err // for a second call
	return err
}

// remove waits for write and deletes the file.
func (s *sideFile) remove() {
	s.wait()
	for _, x := range []string{"", "-journal", "-wal", "-shm"} {
		os.Remove(s.path + x)
	}
}

// copyTables replaces the rows of the store's tables with those of the
// same tables in the side file, in one transaction of c. The tables must
// be the same (made by the same statements), without triggers or indexes
// in the store: the rows are copied as they are, in key order.
func (s *sideFile) copyTables(c *rawConn, tables []string) error {
	st, err := c.prepare("ATTACH DATABASE ? AS side")
	if err != nil {
		return err
	}
	err = st.exec(s.path)
	st.close()
	if err != nil {
		return err
	}
	defer c.exec("DETACH DATABASE side")
	return inTx(c, func() error {
		for _, t := range tables {
			q := fmt.Sprintf("DELETE FROM main.%[1]q; INSERT INTO main.%[1]q SELECT * FROM side.%[1]q", t)
			if err := c.exec(q); err != nil {
				return fmt.Errorf("%s: %w", t, err)
			}
		}
		return nil
	})
}

// copyText replaces the tables of the store's empty events_fts (FTS5's
// shadow tables: its segments, their index, the document sizes and the
// settings) with the ones textLoad built: the same CREATE VIRTUAL TABLE,
// by the same SQLite, makes the same tables.
func (t *textLoad) copyText(c *rawConn) error {
	var tables []string
	if err := c.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'events\\_fts\\_%' ESCAPE '\\' ORDER BY name",
		func(cols []string) error {
			tables = append(tables, cols[0])
			return nil
		}); err != nil {
		return err
	}
	if len(tables) == 0 {
		return fmt.Errorf("no events_fts tables")
	}
	return t.copyTables(c, tables)
}
