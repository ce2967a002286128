package loadtest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"
)

// Case is one request to repeat: a path with its query, under a name.
type Case struct {
	Name string
	Path string // e.g. /api/events?actor=USA
}

// Options bound a load test.
type Options struct {
	Clients  int           // concurrent clients
	Requests int           // requests per case, in all
	Duration time.Duration // most time per case; the case stops when it is up
	Client   *http.Client  // nil: a client with a 30 s timeout
}

// Defaults of DefaultOptions.
const (
	DefaultClients  = 10
	DefaultRequests = 200
	DefaultDuration = 30 * time.Second
)

// DefaultOptions returns 10 clients, 200 requests and at most 30 s a case.
func DefaultOptions() Options {
	return Options{Clients: DefaultClients, Requests: DefaultRequests, Duration: DefaultDuration}
}

// Result is what one case measured.
type Result struct {
	Case
	N, Errors     int           // requests answered, and those not 200 or failed
	FirstError    string        // the first error, for the report
	P50, P95, P99 time.Duration // latency percentiles of the answered requests
	Max           time.Duration
	Elapsed       time.Duration
}

// String formats r on one line ending in p95=<ms>.
func (r Result) String() string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }
	return fmt.Sprintf("%-26s n=%d errors=%d p50=%s p99=%s max=%s p95=%s", r.Name, r.N, r.Errors, ms(r.P50), ms(r.P99), ms(r.Max), ms(r.P95))
}

// Run runs each case against base (http://host:port) in turn and returns
// their results in order. It stops early, with the results so far, when
// ctx is done.
func Run(ctx context.Context, base string, cases []Case, opts Options) []Result {
	if opts.Clients <= 0 {
		opts.Clients = DefaultClients
	}
	if opts.Requests <= 0 {
		opts.Requests = DefaultRequests
	}
	if opts.Duration <= 0 {
		opts.Duration = DefaultDuration
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: 30 * time.Second}
	}
	var out []Result
	for _, c := range cases {
		if ctx.Err() != nil {
			break
		}
		out = append(out, runCase(ctx, base, c, opts))
	}
	return out
}

// runCase requests one case from opts.Clients goroutines.
func runCase(ctx context.Context, base string, c Case, opts Options) Result {
	ctx, cancel := context.WithTimeout(ctx, opts.Duration)
	defer cancel()
	r := Result{Case: c}
	var mu sync.Mutex
	var lat []time.Duration
	left := opts.Requests
	take := func() bool {
		mu.Lock()
		defer mu.Unlock()
		if left <= 0 || ctx.Err() != nil {
			return false
		}
		left--
		return true
	}
	start := time.Now()
	var wg sync.WaitGroup
	for range opts.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for take() {
				d, err := get(ctx, opts.Client, base+c.Path)
				mu.Lock()
				switch {
				case err != nil && ctx.Err() != nil: // cut by the time bound: not counted
				case err != nil:
					r.Errors++
					if r.FirstError == "" {
						r.FirstError = err.Error()
					}
				default:
					lat = append(lat, d)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	r.Elapsed = time.Since(start)
	r.N = len(lat)
	slices.Sort(lat)
	r.P50, r.P95, r.P99 = percentile(lat, 50), percentile(lat, 95), percentile(lat, 99)
	if len(lat) > 0 {
		r.Max = lat[len(lat)-1]
	}
	return r
}

// get requests url and reads the whole answer, returning how long it took.
func get(ctx context.Context, client *http.Client, url string) (time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	t0 := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("%s: status %d", url, resp.StatusCode)
	}
	return time.Since(t0), nil
}

// percentile returns the p-th percentile of sorted latencies (nearest
// rank), 0 for none.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (p*len(sorted)+99)/100 - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}
