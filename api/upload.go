package api

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/gorilla/mux"

	"reportkb/index"
	"reportkb/index/ingest"
)

// DefaultMaxUpload is the largest document accepted by default, in bytes.
const DefaultMaxUpload = 50 << 20

// authorized checks the API token of a write request: "Authorization:
// Bearer TOKEN" or "X-API-Token: TOKEN", compared in constant time. With
// no token configured, writes are disabled.
func (s *server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if s.cfg.Token == "" {
		writeError(w, http.StatusForbidden, "changing documents over HTTP is disabled: start the server with -token or REPORTKB_TOKEN")
		return false
	}
	if !tokenIs(apiToken(r), s.cfg.Token) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="reportkb"`)
		writeError(w, http.StatusUnauthorized, "missing or wrong API token (Authorization: Bearer TOKEN)")
		return false
	}
	return true
}

// apiToken returns the token of a request: "Authorization: Bearer TOKEN"
// (the scheme in any case, as RFC 9110 has it) or "X-API-Token: TOKEN".
func apiToken(r *http.Request) string {
	if t := r.Header.Get("X-API-Token"); t != "" {
		return t
	}
	return bearer(r)
}

// bearer returns the token of "Authorization: Bearer TOKEN", or "".
func bearer(r *http.Request) string {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !ok || !strings.EqualFold(scheme, "bearer") {
		return ""
	}
	return strings.TrimSpace(tok)
}

// tokenIs compares a token given with a configured one in constant time;
// an empty configured token matches nothing.
func tokenIs(got, want string) bool {
	if want == "" || got == "" {
		return false
	}
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1
}

// AddResponse is the body of a successful POST /api/v1/documents.
type AddResponse struct {
	Document DocumentInfo `json:"document"`
	Replaced bool         `json:"replaced"`
}

// addDocument takes a report as a multipart upload (field "file") or as
// the raw body with ?name=FILE.
func (s *server) addDocument(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(w, r) {
		return
	}
	// An upload may take longer than the server's other requests allow:
	// its deadlines move to UploadTimeout, which is longer than extraction
	// may take, so that a slow PDF gets its 422 rather than a cut reply;
	// they move again when its turn comes.
	rc := http.NewResponseController(w)
	deadline := time.Now().Add(s.cfg.UploadTimeout)
	rc.SetReadDeadline(deadline)
	rc.SetWriteDeadline(deadline)
	// Uploads queue: one is read and added at a time, so that concurrent
	// uploads cannot multiply the memory an add takes.
	if s.waiting.Add(1) > maxWaitingUploads {
		s.waiting.Add(-1)
		w.Header().Set("Retry-After", "10")
		writeError(w, http.StatusServiceUnavailable, "too many uploads waiting: retry later")
		return
	}
	select {
	case s.uploads <- struct{}{}:
		s.waiting.Add(-1)
		defer func() { <-s.uploads }()
	case <-r.Context().Done():
		s.waiting.Add(-1)
		return
	}
	deadline = time.Now().Add(s.cfg.UploadTimeout)
	rc.SetReadDeadline(deadline)
	rc.SetWriteDeadline(deadline)
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload+1<<20)
	name, data, err := s.readUpload(r)
	if err != nil {
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe), errors.Is(err, errTooLarge):
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("document over %d bytes", s.cfg.MaxUpload))
		default:
			writeError(w, http.StatusBadRequest, err.Error())
		}
		return
	}
	e, err := s.cfg.Index.Add(name, data)
	if err != nil {
		writeError(w, addStatus(err), err.Error())
		return
	}
	s.log.Info("document added", "doc", e.Doc.ID, "bytes", len(data), "replaced", e.Replaced)
	writeJSON(w, http.StatusCreated, AddResponse{Document: Info(e.Summary), Replaced: e.Replaced})
}

var errTooLarge = errors.New("document too large")

// maxWaitingUploads is how many uploads may wait for their turn; more
// are refused with 503.
const maxWaitingUploads = 16

func (s *server) readUpload(r *http.Request) (string, []byte, error) {
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "multipart/form-data" {
		mr, err := r.MultipartReader()
		if err != nil {
			return "", nil, fmt.Errorf("bad multipart body: %v", err)
		}
		_ = params
		for {
			part, err := mr.NextPart()
			if err == io.EOF {
				return "", nil, errors.New(`no file in the upload: send it in a form field named "file"`)
			}
			if err != nil {
				return "", nil, fmt.Errorf("bad multipart body: %w", err)
			}
			if part.FileName() == "" {
				part.Close()
				continue
			}
			name := filepath.Base(part.FileName())
			data, err := readLimited(part, s.cfg.MaxUpload)
			part.Close()
			return name, data, err
		}
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		return "", nil, errors.New("missing ?name=FILE.txt for a raw upload (or send multipart/form-data with a file field)")
	}
	data, err := readLimited(r.Body, s.cfg.MaxUpload)
	return filepath.Base(name), data, err
}

func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, errTooLarge
	}
	return data, nil
}

// addStatus maps an error adding a document to an HTTP status.
func addStatus(err error) int {
	switch {
	case errors.Is(err, index.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, index.ErrReadOnly):
		return http.StatusForbidden
	case errors.Is(err, ingest.ErrUnsupported):
		return http.StatusUnsupportedMediaType
	case errors.Is(err, ingest.ErrNoPdftotext):
		return http.StatusNotImplemented
	case errors.Is(err, ingest.ErrEmpty), errors.Is(err, ingest.ErrBinary), errors.Is(err, ingest.ErrEncoding), errors.Is(err, ingest.ErrCorrupt),
		errors.Is(err, ingest.ErrNeedsOCR):
		return http.StatusUnprocessableEntity
	case strings.Contains(err.Error(), "invalid document id"):
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

func (s *server) deleteDocument(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(w, r) {
		return
	}
	id := mux.Vars(r)["id"]
	if err := s.cfg.Index.Remove(id); err != nil {
		if errors.Is(err, index.ErrNotFound) {
			writeError(w, http.StatusNotFound, "unknown document: "+id)
			return
		}
		if errors.Is(err, index.ErrReadOnly) {
			writeError(w, http.StatusForbidden, err.Error())
			return
		}
		s.log.Error("remove", "doc", id, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	s.log.Info("document removed", "doc", id)
	writeJSON(w, http.StatusOK, map[string]string{"deleted": id})
}
