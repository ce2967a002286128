package sqlite

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"math"
	"unsafe"

	"modernc.org/libc"
	"modernc.org/libc/sys/types"
	lib "modernc.org/sqlite/lib"
)

// rawConn is a connection of its own to a store's file through SQLite's C
// API, as modernc translates it to Go, for bulk loads. The database/sql
// driver prepares a statement again on every execution and binds each
// argument by searching all of them: parsing and binding cost a load more
// than writing its rows. A rawConn prepares each statement once and binds
// by position from one reused buffer. It is not safe for concurrent use.
type rawConn struct {
	tls *libc.TLS
	db  uintptr
}

// openRaw opens the existing database file at path for reading and
// writing.
func openRaw(path string) (*rawConn, error) {
	c := &rawConn{tls: libc.NewTLS()}
	name, err := libc.CString(path)
	if err != nil {
		c.tls.Close()
		return nil, err
	}
	defer libc.Xfree(c.tls, name)
	pdb := libc.Xmalloc(c.tls, types.Size_t(unsafe.Sizeof(uintptr(0))))
	if pdb == 0 {
		c.tls.Close()
		return nil, errors.New("open: out of memory")
	}
	defer libc.Xfree(c.tls, pdb)
	rc := lib.Xsqlite3_open_v2(c.tls, name, pdb, lib.SQLITE_OPEN_READWRITE, 0)
	c.db = *(*uintptr)(cmem(pdb))
	if rc != lib.SQLITE_OK {
		err := c.err(rc)
		c.close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	lib.Xsqlite3_busy_timeout(c.tls, c.db, int32(DefaultBusyTimeout.Milliseconds()))
	return c, nil
}

// close closes the connection and its statements' memory.
func (c *rawConn) close() {
	if c.db != 0 {
		lib.Xsqlite3_close_v2(c.tls, c.db)
		c.db = 0
	}
	c.tls.Close()
}

// err returns the connection's last error as a Go error.
func (c *rawConn) err(rc int32) error {
	if c.db == 0 {
		return fmt.Errorf("sqlite error %d", rc)
	}
	return fmt.Errorf("%s (%d)", libc.GoString(lib.Xsqlite3_errmsg(c.tls, c.db)), rc)
}

// exec runs one or more statements that take no arguments.
func (c *rawConn) exec(sql string) error {
	q, err := libc.CString(sql)
	if err != nil {
		return err
	}
	defer libc.Xfree(c.tls, q)
	if rc := lib.Xsqlite3_exec(c.tls, c.db, q, 0, 0, 0); rc != lib.SQLITE_OK {
		return c.err(rc)
	}
	return nil
}

// pragma runs a PRAGMA and returns the first column of its first row
// ("" when it returns none), such as the journal mode it set.
func (c *rawConn) pragma(sql string) (string, error) {
	var v string
	first := true
	err := c.query(sql, func(cols []string) error {
		if first && len(cols) > 0 {
			v, first = cols[0], false
		}
		return nil
	})
	return v, err
}

// query runs a statement that takes no arguments and calls row with the
// text of each result row's columns.
func (c *rawConn) query(sql string, row func(cols []string) error) error {
	st, err := c.prepare(sql)
	if err != nil {
		return err
	}
	defer st.close()
	n := int(lib.Xsqlite3_column_count(c.tls, st.p))
	for {
		switch rc := lib.Xsqlite3_step(c.tls, st.p); rc {
		case lib.SQLITE_DONE:
			return nil
		case lib.SQLITE_ROW:
			cols := make([]string, n)
			for i := range cols {
				cols[i] = libc.GoString(lib.Xsqlite3_column_text(c.tls, st.p, int32(i)))
			}
			if err := row(cols); err != nil {
				return err
			}
		default:
			return c.err(rc)
		}
	}
}

// rawStmt is a prepared statement of a rawConn.
type rawStmt struct {
	c   *rawConn
	p   uintptr
	buf uintptr // text values of the row being written
	cap int
}

// prepare prepares one statement.
func (c *rawConn) prepare(sql string) (*rawStmt, error) {
	q, err := libc.CString(sql)
	if err != nil {
		return nil, err
	}
	defer libc.Xfree(c.tls, q)
	pp := libc.Xmalloc(c.tls, types.Size_t(unsafe.Sizeof(uintptr(0))))
	if pp == 0 {
		return nil, errors.New("prepare: out of memory")
	}
	defer libc.Xfree(c.tls, pp)
	if rc := lib.Xsqlite3_prepare_v2(c.tls, c.db, q, -1, pp, 0); rc != lib.SQLITE_OK {
		return nil, c.err(rc)
	}
	return &rawStmt{c: c, p: *(*uintptr)(cmem(pp))}, nil
}

// close finalizes the statement.
func (s *rawStmt) close() {
	if s.p != 0 {
		lib.Xsqlite3_finalize(s.c.tls, s.p)
		s.p = 0
	}
	if s.buf != 0 {
		libc.Xfree(s.c.tls, s.buf)
		s.buf = 0
	}
}

// exec runs the statement once with vals bound by position, converted
// as database/sql converts arguments: string as text, []byte as a blob,
// integers, floats and bools (0 or 1) as numbers, nil as NULL.
func (s *rawStmt) exec(vals ...any) error {
	tls := s.c.tls
	for i, v := range vals {
		switch v.(type) {
		case string, []byte, int, int64, float64, bool, nil:
		default:
			x, err := driver.DefaultParameterConverter.ConvertValue(v)
			if err != nil {
				return fmt.Errorf("bind %d: %w", i+1, err)
			}
			vals[i] = x
		}
	}
	if err := s.hold(vals); err != nil {
		return err
	}
	off := uintptr(0)
	for i, v := range vals {
		k := int32(i + 1)
		var rc int32
		switch x := v.(type) {
		case string: // static: buf is not written again before the step
			copy(unsafe.Slice((*byte)(cmem(s.buf+off)), len(x)), x)
			rc = lib.Xsqlite3_bind_text(tls, s.p, k, s.buf+off, int32(len(x)), 0)
			off += uintptr(len(x))
		case []byte:
			copy(unsafe.Slice((*byte)(cmem(s.buf+off)), len(x)), x)
			rc = lib.Xsqlite3_bind_blob(tls, s.p, k, s.buf+off, int32(len(x)), 0)
			off += uintptr(len(x))
		case int:
			rc = lib.Xsqlite3_bind_int64(tls, s.p, k, int64(x))
		case int64:
			rc = lib.Xsqlite3_bind_int64(tls, s.p, k, x)
		case float64:
			rc = lib.Xsqlite3_bind_double(tls, s.p, k, x)
		case bool:
			b := int64(0)
			if x {
				b = 1
			}
			rc = lib.Xsqlite3_bind_int64(tls, s.p, k, b)
		case nil:
			rc = lib.Xsqlite3_bind_null(tls, s.p, k)
		default:
			return fmt.Errorf("bind %d: unsupported type %T", k, v)
		}
		if rc != lib.SQLITE_OK {
			return s.c.err(rc)
		}
	}
	rc := lib.Xsqlite3_step(tls, s.p)
	if rc == lib.SQLITE_DONE || rc == lib.SQLITE_ROW {
		rc = lib.Xsqlite3_reset(tls, s.p)
	} else {
		lib.Xsqlite3_reset(tls, s.p)
	}
	if rc != lib.SQLITE_OK {
		return s.c.err(rc)
	}
	return nil
}

// hold makes the text buffer big enough for the strings of vals.
func (s *rawStmt) hold(vals []any) error {
	n := 0
	for _, v := range vals {
		switch x := v.(type) {
		case string:
			n += len(x)
		case []byte:
			n += len(x)
		}
	}
	if n <= s.cap && s.buf != 0 { // never a NULL pointer: SQLite binds NULL for it, not ''
		return nil
	}
	if n > math.MaxInt32 {
		return fmt.Errorf("row of %d bytes of text", n)
	}
	c := max(n, 2*s.cap, 4096)
	p := libc.Xrealloc(s.c.tls, s.buf, types.Size_t(c))
	if p == 0 {
		return errors.New("bind: out of memory")
	}
	s.buf, s.cap = p, c
	return nil
}

// cmem returns a pointer to memory that libc allocated, outside the Go
// heap: the collector neither moves nor frees it, so the address may be
// held as a uintptr (go vet cannot know that, hence the indirection).
func cmem(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }
