package mock

import (
	"context"

	"github.com/dyad-events/dyad"
)

var (
	_ dyad.EventStore    = (*EventStore)(nil)
	_ dyad.DocumentStore = (*DocumentStore)(nil)
)

// unset is the error of a call to a method whose Fn field is nil.
func unset(method string) error {
	return dyad.Errorf(dyad.EINTERNAL, "mock: %s called but not set", method)
}

// EventStore is a dyad.EventStore whose methods call the matching Fn field.
type EventStore struct {
	FindEventByIDFn   func(ctx context.Context, id string) (*dyad.Event, error)
	FindEventsFn      func(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, string, error)
	CountEventsFn     func(ctx context.Context, f dyad.EventFilter) (int, error)
	SeriesFn          func(ctx context.Context, f dyad.EventFilter, by dyad.Interval) ([]dyad.SeriesPoint, error)
	TopActorsFn       func(ctx context.Context, f dyad.EventFilter, limit int) ([]dyad.ActorCount, error)
	TopDyadsFn        func(ctx context.Context, f dyad.EventFilter, limit int) ([]dyad.DyadCount, error)
	NetworkFn         func(ctx context.Context, f dyad.EventFilter, limit int) (*dyad.Network, error)
	FindClusterByIDFn func(ctx context.Context, id int64) (*dyad.Cluster, error)
	FindClustersFn    func(ctx context.Context, f dyad.EventFilter) ([]*dyad.Cluster, string, error)
}

// FindEventByID calls FindEventByIDFn.
func (s *EventStore) FindEventByID(ctx context.Context, id string) (*dyad.Event, error) {
	if s.FindEventByIDFn == nil {
		return nil, unset("FindEventByID")
	}
	return s.FindEventByIDFn(ctx, id)
}

// FindEvents calls FindEventsFn.
func (s *EventStore) FindEvents(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, string, error) {
	if s.FindEventsFn == nil {
		return nil, "", unset("FindEvents")
	}
	return s.FindEventsFn(ctx, f)
}

// CountEvents calls CountEventsFn.
func (s *EventStore) CountEvents(ctx context.Context, f dyad.EventFilter) (int, error) {
	if s.CountEventsFn == nil {
		return 0, unset("CountEvents")
	}
	return s.CountEventsFn(ctx, f)
}

// Series calls SeriesFn.
func (s *EventStore) Series(ctx context.Context, f dyad.EventFilter, by dyad.Interval) ([]dyad.SeriesPoint, error) {
	if s.SeriesFn == nil {
		return nil, unset("Series")
	}
	return s.SeriesFn(ctx, f, by)
}

// TopActors calls TopActorsFn.
func (s *EventStore) TopActors(ctx context.Context, f dyad.EventFilter, limit int) ([]dyad.ActorCount, error) {
	if s.TopActorsFn == nil {
		return nil, unset("TopActors")
	}
	return s.TopActorsFn(ctx, f, limit)
}

// TopDyads calls TopDyadsFn.
func (s *EventStore) TopDyads(ctx context.Context, f dyad.EventFilter, limit int) ([]dyad.DyadCount, error) {
	if s.TopDyadsFn == nil {
		return nil, unset("TopDyads")
	}
	return s.TopDyadsFn(ctx, f, limit)
}

// Network calls NetworkFn.
func (s *EventStore) Network(ctx context.Context, f dyad.EventFilter, limit int) (*dyad.Network, error) {
	if s.NetworkFn == nil {
		return nil, unset("Network")
	}
	return s.NetworkFn(ctx, f, limit)
}

// FindClusterByID calls FindClusterByIDFn.
func (s *EventStore) FindClusterByID(ctx context.Context, id int64) (*dyad.Cluster, error) {
	if s.FindClusterByIDFn == nil {
		return nil, unset("FindClusterByID")
	}
	return s.FindClusterByIDFn(ctx, id)
}

// FindClusters calls FindClustersFn.
func (s *EventStore) FindClusters(ctx context.Context, f dyad.EventFilter) ([]*dyad.Cluster, string, error) {
	if s.FindClustersFn == nil {
		return nil, "", unset("FindClusters")
	}
	return s.FindClustersFn(ctx, f)
}

// DocumentStore is a dyad.DocumentStore whose methods call the matching Fn
// field.
type DocumentStore struct {
	FindDocumentByIDFn func(ctx context.Context, id string) (*dyad.StoredDocument, error)
	FindDocumentsFn    func(ctx context.Context, f dyad.DocumentFilter) ([]*dyad.StoredDocument, string, error)
	CreateDocumentsFn  func(ctx context.Context, docs []*dyad.CodedDocument) (int, error)
	ReplaceEventsFn    func(ctx context.Context, docID string, evs []dyad.Event) (*dyad.EventDiff, error)
}

// FindDocumentByID calls FindDocumentByIDFn.
func (s *DocumentStore) FindDocumentByID(ctx context.Context, id string) (*dyad.StoredDocument, error) {
	if s.FindDocumentByIDFn == nil {
		return nil, unset("FindDocumentByID")
	}
	return s.FindDocumentByIDFn(ctx, id)
}

// FindDocuments calls FindDocumentsFn.
func (s *DocumentStore) FindDocuments(ctx context.Context, f dyad.DocumentFilter) ([]*dyad.StoredDocument, string, error) {
	if s.FindDocumentsFn == nil {
		return nil, "", unset("FindDocuments")
	}
	return s.FindDocumentsFn(ctx, f)
}

// CreateDocuments calls CreateDocumentsFn.
func (s *DocumentStore) CreateDocuments(ctx context.Context, docs []*dyad.CodedDocument) (int, error) {
	if s.CreateDocumentsFn == nil {
		return 0, unset("CreateDocuments")
	}
	return s.CreateDocumentsFn(ctx, docs)
}

// ReplaceEvents calls ReplaceEventsFn.
func (s *DocumentStore) ReplaceEvents(ctx context.Context, docID string, evs []dyad.Event) (*dyad.EventDiff, error) {
	if s.ReplaceEventsFn == nil {
		return nil, unset("ReplaceEvents")
	}
	return s.ReplaceEventsFn(ctx, docID, evs)
}
