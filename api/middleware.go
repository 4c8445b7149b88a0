package api

import (
	"container/list"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
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

// Unwrap lets http.ResponseController reach the connection (uploads set
// their own deadlines).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

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
			"bytes", sw.bytes, "duration", d.Round(time.Microsecond), "client", s.clientIP(r))
	})
}

// clientIP returns the address a request came from (see clientAddr).
func (s *server) clientIP(r *http.Request) string {
	return clientAddr(r, s.cfg.TrustProxy || len(s.cfg.TrustedProxies) > 0, s.cfg.TrustedProxies)
}

// clientAddr returns the address a request came from: the connection's
// peer or, when trust is set, the address X-Forwarded-For gives for the
// client. Proxies append the address they received a request from, so
// only the entries on the right were written by proxies of ours: the
// client is the rightmost entry that is not one of the trusted proxies
// (with none listed, the rightmost entry, as the one reverse proxy in
// front wrote it). Entries further left are the client's own claims and
// are never used. With trusted proxies listed, a peer that is not one of
// them is the client, whatever its headers say.
func clientAddr(r *http.Request, trust bool, proxies []netip.Prefix) string {
	peer := r.RemoteAddr
	if host, _, err := net.SplitHostPort(peer); err == nil {
		peer = host
	}
	if !trust || len(proxies) > 0 && !inPrefixes(peer, proxies) {
		return peer
	}
	var hops []string
	for _, v := range r.Header.Values("X-Forwarded-For") {
		for _, h := range strings.Split(v, ",") {
			if h = strings.TrimSpace(h); h != "" {
				hops = append(hops, h)
			}
		}
	}
	for i := len(hops) - 1; i >= 0; i-- {
		if i > 0 && len(proxies) > 0 && inPrefixes(hops[i], proxies) {
			continue
		}
		return normalizeAddr(hops[i])
	}
	return peer
}

// normalizeAddr returns the address of an X-Forwarded-For entry without
// its port, or the entry cut to 64 bytes when it is no address.
func normalizeAddr(s string) string {
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap().String()
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap().String()
	}
	return s[:min(len(s), 64)]
}

func inPrefixes(s string, prefixes []netip.Prefix) bool {
	a, err := netip.ParseAddr(normalizeAddr(s))
	if err != nil {
		return false
	}
	for _, p := range prefixes {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// limitKey is the key of a client in the rate limiter: its IPv4 address,
// or the /64 network of an IPv6 address (one host's share of addresses).
func limitKey(addr string) string {
	a, err := netip.ParseAddr(addr)
	if err != nil || a.Is4() {
		return addr
	}
	p, _ := a.Prefix(64)
	return p.String()
}

// limiter holds a token bucket per client, for at most max clients; the
// least recently seen are dropped first, and any idle for longer than
// idle. It is safe for concurrent use.
type limiter struct {
	mu      sync.Mutex
	rate    rate.Limit
	burst   int
	max     int
	idle    time.Duration
	now     func() time.Time
	clients map[string]*list.Element // of *client, in lru
	lru     *list.List               // front: most recently seen
}

type client struct {
	key  string
	lim  *rate.Limiter
	seen time.Time
}

// Bounds of the limiter's table of clients.
const (
	maxLimitedClients = 1 << 16
	limiterIdle       = 3 * time.Minute
)

func newLimiter(perSecond float64, burst int) *limiter {
	return &limiter{rate: rate.Limit(perSecond), burst: burst, max: maxLimitedClients, idle: limiterIdle,
		now: time.Now, clients: map[string]*list.Element{}, lru: list.New()}
}

func (l *limiter) allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	// The least recently seen are at the back: drop those idle too long.
	for el := l.lru.Back(); el != nil && now.Sub(el.Value.(*client).seen) > l.idle; el = l.lru.Back() {
		l.drop(el)
	}
	el, ok := l.clients[key]
	if !ok {
		if l.lru.Len() >= l.max {
			l.drop(l.lru.Back())
		}
		el = l.lru.PushFront(&client{key: key, lim: rate.NewLimiter(l.rate, l.burst)})
		l.clients[key] = el
	}
	c := el.Value.(*client)
	c.seen = now
	l.lru.MoveToFront(el)
	return c.lim.AllowN(now, 1)
}

func (l *limiter) drop(el *list.Element) {
	l.lru.Remove(el)
	delete(l.clients, el.Value.(*client).key)
}

// len returns the number of clients held.
func (l *limiter) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lru.Len()
}

// guard applies, to the API and chat routes, the per-client rate limit,
// the optional read token and CORS.
func (s *server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if len(s.cfg.AllowedHosts) > 0 && p != "/healthz" && !s.hostAllowed(r.Host) {
			writeError(w, http.StatusMisdirectedRequest, "this server does not answer for host "+strconv.Quote(r.Host)+" (see -allowed-hosts)")
			return
		}
		api := strings.HasPrefix(p, "/api/") || strings.HasPrefix(p, "/v1/") || strings.HasPrefix(p, "/bots/") || p == "/mcp"
		if api && s.cors(w, r) {
			return // a preflight request, answered
		}
		if api && s.limiter != nil && !s.limiter.allow(limitKey(s.clientIP(r))) {
			s.metrics.limited.Inc()
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusTooManyRequests, "too many requests: slow down")
			return
		}
		// The robots authenticate with their signatures, the chat endpoints
		// with the chat key when one is set; the rest needs the read token.
		own := strings.HasPrefix(p, "/bots/") || strings.HasPrefix(p, "/v1/") && s.cfg.ChatKey != ""
		if s.cfg.ReadToken != "" && (api || p == "/metrics") && !own && !s.readAuthorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="reportkb"`)
			writeError(w, http.StatusUnauthorized, "missing or wrong read token (Authorization: Bearer TOKEN)")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// hostAllowed reports whether host (a Host header, with or without port)
// is one of AllowedHosts.
func (s *server) hostAllowed(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	for _, a := range s.cfg.AllowedHosts {
		if strings.EqualFold(host, strings.Trim(a, "[]")) {
			return true
		}
	}
	return false
}

// readAuthorized checks the read token (or the write token, which also
// grants reading). The chat key does not: it opens the chat endpoints
// only.
func (s *server) readAuthorized(r *http.Request) bool {
	got := apiToken(r)
	return tokenIs(got, s.cfg.ReadToken) || tokenIs(got, s.cfg.Token)
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
