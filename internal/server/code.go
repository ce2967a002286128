package server

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// Coder codes one document without storing it. cmd/dyad passes the coding
// pipeline; the server never imports it.
type Coder interface {
	// Code returns the events of doc and a plain-text explanation of
	// what was found in each sentence and why.
	Code(ctx context.Context, doc *dyad.Document) (*Coded, error)
}

// Coded is what a Coder found in one document.
type Coded struct {
	Events      []dyad.Event
	Explanation string
}

// pastedID is the document id of a pasted story; its events are not in
// the store, so pages do not link to them.
const pastedID = "pasted"

// codeRequest is the JSON body of POST /api/code.
type codeRequest struct {
	Text  string `json:"text"`
	Title string `json:"title"`
	Date  string `json:"date"` // publication date, YYYY-MM-DD; "" for unknown
}

// codeAnswer is the answer of POST /api/code.
type codeAnswer struct {
	Events      []eventView `json:"events"`
	Explanation string      `json:"explanation"`
}

func (s *Server) handleCode(w http.ResponseWriter, r *http.Request) {
	if s.opts.Coder != nil {
		release, ok := s.startCoding(w, r)
		if !ok {
			s.writeError(w, r, errBusy)
			return
		}
		defer release()
	}
	req, err := readCodeRequest(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ans, err := s.code(r.Context(), req)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ans)
}

// errBusy answers a story sent while every coding slot is taken.
var errBusy = dyad.Errorf(eBusy, "every coder is busy: retry later")

// code runs the Coder over one pasted story.
func (s *Server) code(ctx context.Context, req *codeRequest) (*codeAnswer, error) {
	if s.opts.Coder == nil {
		return nil, dyad.Errorf(eUnavailable, "this server has no coder")
	}
	doc := &dyad.Document{ID: pastedID, Title: req.Title, Text: req.Text}
	if req.Date != "" {
		t, err := time.Parse(time.DateOnly, req.Date)
		if err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "date: want YYYY-MM-DD, got %q", req.Date)
		}
		doc.Date = t
	}
	if strings.TrimSpace(doc.Text) == "" {
		return nil, dyad.Errorf(dyad.EINVALID, "text: empty")
	}
	if !utf8.ValidString(doc.Text) {
		return nil, dyad.Errorf(dyad.EINVALID, "text: not UTF-8")
	}
	c, err := s.opts.Coder.Code(ctx, doc)
	if err != nil {
		return nil, err
	}
	ans := &codeAnswer{Events: []eventView{}, Explanation: c.Explanation}
	for i := range c.Events {
		ans.Events = append(ans.Events, view(&c.Events[i]))
	}
	return ans, nil
}

// readCodeRequest reads a JSON body, or a plain-text one as the story.
func readCodeRequest(r *http.Request) (*codeRequest, error) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	req := &codeRequest{}
	switch mt {
	case "application/json":
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(req); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return nil, err
			}
			return nil, dyad.Errorf(dyad.EINVALID, "body: %v", err)
		}
	case "text/plain", "":
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		req.Text = string(b)
		req.Date = r.URL.Query().Get("date")
	default:
		return nil, dyad.Errorf(dyad.EINVALID, "content type %q: want application/json or text/plain", mt)
	}
	return req, nil
}
