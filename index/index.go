// Package index keeps the reports: their original files, their parsed
// structure in memory, and a bleve (scorch) index of their paragraphs and
// sentences segmented into words.
//
// An Index is safe for concurrent use. Readers never wait for a whole
// add: a document becomes visible, or is replaced, in one step.
package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"

	"reportkb/index/report"
	"reportkb/index/segment"
)

// Schema is the version of the parser and of the index layout. An index
// written with another version is rebuilt from the stored originals, so
// a stale index is never served.
const Schema = 1

// Config configures an Index.
type Config struct {
	// Dir is the index directory. It holds the original files, the
	// manifest and the bleve index.
	Dir string
	// Segmenter splits text into words; it must be safe for concurrent use.
	Segmenter segment.Segmenter
	// SegmenterName names the segmenter in the index; an index built with
	// another segmenter is rebuilt. Defaults to "jieba".
	SegmenterName string
	// Seeds are documents to add when they are missing or have changed,
	// such as the reports embedded in the binary.
	Seeds []Source
	// Logger receives progress messages; nil discards them.
	Logger *slog.Logger
}

// Source is a report file: its name (the document id is the name without
// its extension) and its contents.
type Source struct {
	Name string
	Data []byte
}

// Entry is a document held by the index. It is immutable.
type Entry struct {
	Doc    *report.Doc
	Gen    int64 // generation: a new one each time the document is added
	SHA256 string
	Added  time.Time
	File   string // original file name
	data   []byte
}

// Data returns the original bytes of the document.
func (e *Entry) Data() []byte { return e.data }

// Index is a searchable set of reports.
type Index struct {
	cfg    Config
	log    *slog.Logger
	bleve  bleve.Index
	unlock func() error

	writeMu sync.Mutex // serializes writers
	mu      sync.RWMutex
	docs    map[string]*Entry
	nextGen int64
}

// manifest is the commit record of the index: the documents it holds.
type manifest struct {
	Schema    int           `json:"schema"`
	Segmenter string        `json:"segmenter"`
	NextGen   int64         `json:"next_gen"`
	Docs      []manifestDoc `json:"docs"`
}

type manifestDoc struct {
	ID     string    `json:"id"`
	File   string    `json:"file"`
	Gen    int64     `json:"gen"`
	SHA256 string    `json:"sha256"`
	Added  time.Time `json:"added"`
}

const (
	manifestName = "reportkb.json"
	docsDir      = "docs"
	bleveDir     = "bleve"
)

// ErrLocked is returned when another process holds the index directory.
var ErrLocked = errors.New("index directory is in use by another process")

// ErrNotFound is returned for an unknown document id.
var ErrNotFound = errors.New("document not found")

// Open opens the index in cfg.Dir, creating it when absent and rebuilding
// it when it was written by another schema or segmenter; then it adds the
// seeds that are missing or changed.
func Open(cfg Config) (*Index, error) {
	if cfg.Segmenter == nil {
		return nil, errors.New("open index: no segmenter")
	}
	if cfg.SegmenterName == "" {
		cfg.SegmenterName = "jieba"
	}
	if cfg.Dir == "" {
		return nil, errors.New("open index: no directory")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	registerSegmenter(cfg.SegmenterName, cfg.Segmenter)
	if err := os.MkdirAll(filepath.Join(cfg.Dir, docsDir), 0o755); err != nil {
		return nil, fmt.Errorf("open index %s: %w", cfg.Dir, err)
	}
	unlock, err := lockDir(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", cfg.Dir, err)
	}
	x := &Index{cfg: cfg, log: cfg.Logger, unlock: unlock, docs: map[string]*Entry{}}
	if err := x.open(); err != nil {
		unlock()
		return nil, fmt.Errorf("open index %s: %w", cfg.Dir, err)
	}
	for _, s := range cfg.Seeds {
		id := DocID(s.Name)
		if e, ok := x.Doc(id); ok && e.SHA256 == hash(s.Data) {
			continue
		}
		if _, err := x.Add(s.Name, s.Data); err != nil {
			x.Close()
			return nil, fmt.Errorf("open index %s: seed %s: %w", cfg.Dir, s.Name, err)
		}
	}
	return x, nil
}

func (x *Index) open() error {
	dir := x.cfg.Dir
	var m manifest
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		m = manifest{Schema: Schema, Segmenter: x.cfg.SegmenterName}
	case err != nil:
		return err
	default:
		if err := json.Unmarshal(data, &m); err != nil {
			return fmt.Errorf("read %s: %w", manifestName, err)
		}
	}
	rebuild := m.Schema != Schema || m.Segmenter != x.cfg.SegmenterName
	bdir := filepath.Join(dir, bleveDir)
	if rebuild {
		x.log.Info("rebuilding index", "dir", dir, "schema", m.Schema, "want", Schema, "segmenter", m.Segmenter)
		if err := os.RemoveAll(bdir); err != nil {
			return err
		}
	}
	b, err := bleve.Open(bdir)
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		b, err = bleve.New(bdir, x.mapping())
	}
	if err != nil {
		return fmt.Errorf("open bleve index: %w", err)
	}
	x.bleve = b
	x.nextGen = m.NextGen
	// What the bleve index holds, by its markers.
	markers, err := x.markers()
	if err != nil {
		return err
	}
	want := map[string]int64{}
	for _, md := range m.Docs {
		data, err := os.ReadFile(filepath.Join(dir, docsDir, md.File))
		if err != nil {
			x.log.Warn("dropping document whose file is missing", "doc", md.ID, "err", err)
			continue
		}
		e := &Entry{Doc: report.Parse(md.ID, data), Gen: md.Gen, SHA256: md.SHA256, Added: md.Added, File: originalName(md.File), data: data}
		if _, ok := markers[markerKey{md.ID, md.Gen}]; !ok || rebuild {
			x.log.Info("indexing", "doc", md.ID)
			if err := x.indexDoc(e, nil); err != nil {
				return err
			}
		}
		want[md.ID] = md.Gen
		x.docs[md.ID] = e
		if md.Gen >= x.nextGen {
			x.nextGen = md.Gen + 1
		}
	}
	// Drop what a crash left behind: generations the manifest does not hold.
	for k, mk := range markers {
		if g, ok := want[k.id]; ok && g == k.gen {
			continue
		}
		b := x.bleve.NewBatch()
		deleteIDs(b, k.id, k.gen, mk.paras, mk.sentences)
		if err := x.bleve.Batch(b); err != nil {
			return err
		}
		if k.gen >= x.nextGen {
			x.nextGen = k.gen + 1
		}
	}
	x.removeStrayFiles()
	return x.writeManifest()
}

// originalName returns the original file name of a stored file
// "ID.GEN.ext" as "ID.ext".
func originalName(stored string) string {
	ext := filepath.Ext(stored)
	base := strings.TrimSuffix(stored, ext)
	if k := strings.LastIndexByte(base, '.'); k >= 0 {
		if _, err := strconv.ParseInt(base[k+1:], 10, 64); err == nil {
			base = base[:k]
		}
	}
	return base + ext
}

func (x *Index) mapping() mapping.IndexMapping {
	im := bleve.NewIndexMapping()
	im.ScoringModel = bindex.BM25Scoring
	if err := im.AddCustomTokenizer("reportkb_words", map[string]interface{}{
		"type":      TokenizerType,
		"segmenter": x.cfg.SegmenterName,
	}); err != nil {
		panic(err)
	}
	if err := im.AddCustomAnalyzer(AnalyzerName, map[string]interface{}{
		"type":      custom.Name,
		"tokenizer": "reportkb_words",
	}); err != nil {
		panic(err)
	}
	im.DefaultAnalyzer = AnalyzerName
	dm := bleve.NewDocumentStaticMapping()
	kw := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	text := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = AnalyzerName
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = true
		f.DocValues = false
		return f
	}
	num := bleve.NewNumericFieldMapping()
	num.Store = true
	num.IncludeInAll = false
	for _, name := range []string{"type", "doc", "kind", "region", "level", "years"} {
		dm.AddFieldMappingsAt(name, kw())
	}
	dm.AddFieldMappingsAt("text", text())
	dm.AddFieldMappingsAt("heading", text())
	for _, name := range []string{"gen", "paras", "sentences"} {
		dm.AddFieldMappingsAt(name, num)
	}
	im.DefaultMapping = dm
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im
}

// DocID returns the document id of a file name: its base name without
// the extension.
func DocID(name string) string {
	base := filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// ValidID reports whether id can name a document: 1 to 200 bytes of
// letters, digits, '-', '_' and '.', not starting with a dot.
func ValidID(id string) error {
	if id == "" || len(id) > 200 || strings.HasPrefix(id, ".") || !utf8.ValidString(id) {
		return fmt.Errorf("invalid document id %q", id)
	}
	for _, r := range id {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.') {
			return fmt.Errorf("invalid document id %q: only letters, digits, '-', '_' and '.' are allowed", id)
		}
	}
	return nil
}

func hash(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// Add adds the report in data under the id taken from its file name,
// replacing any document with that id. data must be UTF-8 text. The add
// is atomic: after a crash the index holds the old or the new version.
func (x *Index) Add(name string, data []byte) (*Entry, error) {
	id := DocID(name)
	if err := ValidID(id); err != nil {
		return nil, err
	}
	doc := report.Parse(id, data)
	return x.addParsed(name, doc, data)
}

func (x *Index) addParsed(name string, doc *report.Doc, data []byte) (*Entry, error) {
	id := doc.ID
	x.writeMu.Lock()
	defer x.writeMu.Unlock()
	x.mu.RLock()
	old := x.docs[id]
	gen := x.nextGen
	x.mu.RUnlock()
	ext := filepath.Ext(name)
	if ext == "" {
		ext = ".txt"
	}
	e := &Entry{Doc: doc, Gen: gen, SHA256: hash(data), Added: time.Now().UTC(), File: id + ext, data: data}
	stored := fmt.Sprintf("%s.%d%s", id, gen, ext)
	if err := writeFileSync(filepath.Join(x.cfg.Dir, docsDir, stored), data); err != nil {
		return nil, fmt.Errorf("add %s: %w", id, err)
	}
	if err := x.indexDoc(e, old); err != nil {
		os.Remove(filepath.Join(x.cfg.Dir, docsDir, stored))
		return nil, fmt.Errorf("add %s: %w", id, err)
	}
	x.mu.Lock()
	x.docs[id] = e
	x.nextGen = gen + 1
	x.mu.Unlock()
	if err := x.writeManifest(); err != nil {
		return nil, fmt.Errorf("add %s: %w", id, err)
	}
	if old != nil {
		os.Remove(filepath.Join(x.cfg.Dir, docsDir, storedName(old)))
	}
	return e, nil
}

func storedName(e *Entry) string {
	ext := filepath.Ext(e.File)
	return fmt.Sprintf("%s.%d%s", e.Doc.ID, e.Gen, ext)
}

// Remove removes document id.
func (x *Index) Remove(id string) error {
	x.writeMu.Lock()
	defer x.writeMu.Unlock()
	x.mu.RLock()
	old := x.docs[id]
	x.mu.RUnlock()
	if old == nil {
		return fmt.Errorf("remove %s: %w", id, ErrNotFound)
	}
	b := x.bleve.NewBatch()
	deleteIDs(b, id, old.Gen, len(old.Doc.Paragraphs), len(old.Doc.Sentences))
	if err := x.bleve.Batch(b); err != nil {
		return fmt.Errorf("remove %s: %w", id, err)
	}
	x.mu.Lock()
	delete(x.docs, id)
	x.mu.Unlock()
	if err := x.writeManifest(); err != nil {
		return fmt.Errorf("remove %s: %w", id, err)
	}
	os.Remove(filepath.Join(x.cfg.Dir, docsDir, storedName(old)))
	return nil
}

// Doc returns the document with the given id.
func (x *Index) Doc(id string) (*Entry, bool) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	e, ok := x.docs[id]
	return e, ok
}

// Docs returns the documents, ordered by id.
func (x *Index) Docs() []*Entry {
	x.mu.RLock()
	out := make([]*Entry, 0, len(x.docs))
	for _, e := range x.docs {
		out = append(out, e)
	}
	x.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Doc.ID < out[j].Doc.ID })
	return out
}

// Len returns the number of documents.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.docs)
}

// Dir returns the index directory.
func (x *Index) Dir() string { return x.cfg.Dir }

// Segmenter returns the segmenter the index analyzes text with.
func (x *Index) Segmenter() segment.Segmenter { return x.cfg.Segmenter }

// Close closes the bleve index and releases the directory.
func (x *Index) Close() error {
	x.writeMu.Lock()
	defer x.writeMu.Unlock()
	var err error
	if x.bleve != nil {
		err = x.bleve.Close()
		x.bleve = nil
	}
	if x.unlock != nil {
		if e := x.unlock(); err == nil {
			err = e
		}
		x.unlock = nil
	}
	return err
}

func (x *Index) writeManifest() error {
	x.mu.RLock()
	m := manifest{Schema: Schema, Segmenter: x.cfg.SegmenterName, NextGen: x.nextGen}
	for _, e := range x.docs {
		m.Docs = append(m.Docs, manifestDoc{ID: e.Doc.ID, File: storedName(e), Gen: e.Gen, SHA256: e.SHA256, Added: e.Added})
	}
	x.mu.RUnlock()
	sort.Slice(m.Docs, func(i, j int) bool { return m.Docs[i].ID < m.Docs[j].ID })
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return writeFileSync(filepath.Join(x.cfg.Dir, manifestName), data)
}

// removeStrayFiles deletes stored originals that no document refers to,
// left by a crash between storing a file and committing the manifest.
func (x *Index) removeStrayFiles() {
	keep := map[string]bool{}
	for _, e := range x.docs {
		keep[storedName(e)] = true
	}
	ents, err := os.ReadDir(filepath.Join(x.cfg.Dir, docsDir))
	if err != nil {
		return
	}
	for _, de := range ents {
		if !keep[de.Name()] {
			os.Remove(filepath.Join(x.cfg.Dir, docsDir, de.Name()))
		}
	}
}

// writeFileSync writes data to path atomically: a temporary file, synced,
// renamed over path, and the directory synced.
func writeFileSync(path string, data []byte) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
