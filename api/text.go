package api

import (
	"mime"
	"net/http"
	"path/filepath"

	"github.com/gorilla/mux"
)

// documentText serves the UTF-8 text a document was parsed from. For a
// PDF, Word or HTML file it is the extracted text that every start and end
// of the document counts bytes of (its info says "offsets": "text"); for
// a text file it is the file decoded to UTF-8.
func (s *server) documentText(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	e, ok := s.cfg.Index.Doc(id)
	if !ok {
		writeError(w, http.StatusNotFound, "unknown document: "+id)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Write(e.Text())
}

// documentOriginal serves a document's file as it was added.
func (s *server) documentOriginal(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	e, ok := s.cfg.Index.Doc(id)
	if !ok {
		writeError(w, http.StatusNotFound, "unknown document: "+id)
		return
	}
	data, err := s.cfg.Index.Original(e)
	if err != nil {
		s.log.Error("reading an original", "doc", id, "err", err)
		writeError(w, http.StatusInternalServerError, "cannot read the original of "+id)
		return
	}
	ctype := mime.TypeByExtension(filepath.Ext(e.File))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": e.File}))
	w.Write(data)
}
