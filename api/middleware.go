package api

import (
	"crypto/sha256"
	"crypto/subtle"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/mux"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"golang.org/x/time/rate"
)

// metrics are the server's Prometheus metrics, in a registry of its own.
type metrics struct {
	reg       *prometheus.Registry
	requests  *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	answers   *prometheus.CounterVec
	limited   prometheus.Counter
	cacheHits prometheus.Counter
}

func newMetrics(s *server) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "reportkb_http_requests_total", Help: "HTTP requests by route, method and status code.",
	}, []string{"route", "method", "code"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "reportkb_http_request_duration_seconds", Help: "HTTP request latency by route.",
		Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10},
	}, []string{"route", "method"})
	m.answers = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "reportkb_questions_total", Help: "Questions answered and abstained from.",
	}, []string{"result"})
	m.limited = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "reportkb_rate_limited_total", Help: "Requests refused with 429 by the per-client rate limit.",
	})
	m.cacheHits = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "reportkb_answer_cache_hits_total", Help: "Questions answered from the cache of recent answers.",
	})
	m.reg.MustRegister(m.requests, m.latency, m.answers, m.limited, m.cacheHits,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "reportkb_documents", Help: "Documents in the index."},
			func() float64 { return float64(s.cfg.Index.Len()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "reportkb_index_bytes", Help: "Size of the index directory on disk."},
			func() float64 { return dirSize(s.cfg.Index.Dir()) }),
	)
	return m
}

func dirSize(dir string) float64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return float64(n)
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// statusWriter records the status code and size of a response.
type statusWriter struct {
	http.ResponseWriter
	code  int
	bytes int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// Flush lets streamed chat answers through.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// observe logs each request (method, route, status, size, duration and
// client; never bodies, tokens or secrets) and counts it in the metrics.
func (s *server) observe(router *mux.Router, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.code == 0 {
			sw.code = http.StatusOK
		}
		route := "unmatched"
		var match mux.RouteMatch
		if router.Match(r, &match) && match.Route != nil {
			if t, err := match.Route.GetPathTemplate(); err == nil {
				route = t
			}
		}
		d := time.Since(start)
		s.metrics.requests.WithLabelValues(route, r.Method, strconv.Itoa(sw.code)).Inc()
		s.metrics.latency.WithLabelValues(route, r.Method).Observe(d.Seconds())
		level := slog.LevelInfo
		if sw.code >= 500 {
			level = slog.LevelError
		}
		s.log.Log(r.Context(), level, "request", "method", r.Method, "route", route, "status", sw.code,
			"bytes", sw.bytes, "duration", d.Round(time.Microsecond), "client", clientIP(r, false))
	})
}

// clientIP returns the address a request came from: the connection's
// peer, or with trustProxy the first address of X-Forwarded-For.
func clientIP(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			return strings.TrimSpace(strings.Split(xff, ",")[0])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// limiter holds a token bucket per client.
type limiter struct {
	mu      sync.Mutex
	rate    rate.Limit
	burst   int
	clients map[string]*client
	last    time.Time // last sweep of idle clients
}

type client struct {
	lim  *rate.Limiter
	seen time.Time
}

func newLimiter(perSecond float64, burst int) *limiter {
	return &limiter{rate: rate.Limit(perSecond), burst: burst, clients: map[string]*client{}, last: time.Now()}
}

func (l *limiter) allow(key string) bool {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.last) > time.Minute {
		for k, c := range l.clients {
			if now.Sub(c.seen) > 3*time.Minute {
				delete(l.clients, k)
			}
		}
		l.last = now
	}
	c, ok := l.clients[key]
	if !ok {
		c = &client{lim: rate.NewLimiter(l.rate, l.burst)}
		l.clients[key] = c
	}
	c.seen = now
	return c.lim.AllowN(now, 1)
}

// guard applies, to the API and chat routes, the per-client rate limit,
// the optional read token and CORS.
func (s *server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		api := strings.HasPrefix(p, "/api/") || strings.HasPrefix(p, "/v1/") || strings.HasPrefix(p, "/bots/") || p == "/mcp"
		if api && s.cors(w, r) {
			return // a preflight request, answered
		}
		if api && s.limiter != nil && !s.limiter.allow(clientIP(r, s.cfg.TrustProxy)) {
			s.metrics.limited.Inc()
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusTooManyRequests, "too many requests: slow down")
			return
		}
		if s.cfg.ReadToken != "" && (api || p == "/metrics") && !strings.HasPrefix(p, "/bots/") && !s.readAuthorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="reportkb"`)
			writeError(w, http.StatusUnauthorized, "missing or wrong read token (Authorization: Bearer TOKEN)")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// readAuthorized checks the read token (or the write token, which also
// grants reading).
func (s *server) readAuthorized(r *http.Request) bool {
	got := r.Header.Get("X-API-Token")
	if a := r.Header.Get("Authorization"); got == "" && len(a) > 7 && strings.EqualFold(a[:7], "bearer ") {
		got = strings.TrimSpace(a[7:])
	}
	have := sha256.Sum256([]byte(got))
	for _, tok := range []string{s.cfg.ReadToken, s.cfg.Token, s.cfg.ChatKey} {
		if tok == "" {
			continue
		}
		want := sha256.Sum256([]byte(tok))
		if subtle.ConstantTimeCompare(want[:], have[:]) == 1 {
			return true
		}
	}
	return false
}

// cors sets the CORS headers for allowed origins and answers preflight
// requests. CORS is off unless origins are configured.
func (s *server) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || len(s.cfg.CORSOrigins) == 0 {
		return false
	}
	allowed := false
	for _, o := range s.cfg.CORSOrigins {
		if o == "*" || o == origin {
			allowed = true
		}
	}
	if !allowed {
		return false
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", origin)
	h.Add("Vary", "Origin")
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		h.Set("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS")
		h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, X-API-Token")
		h.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	return false
}
