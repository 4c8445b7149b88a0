// Package index keeps the reports: their original files, their parsed
// structure in memory, and a bleve (scorch) index of their paragraphs and
// sentences segmented into words.
//
// An Index is safe for concurrent use. Readers never wait for a whole
// add: a document becomes visible, or is replaced, in one step.
package index

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"

	"reportkb/index/ingest"
	"reportkb/index/report"
	"reportkb/index/segment"
)

// Schema is the version of the parser and of the index layout. An index
// written with another version is rebuilt from the stored originals, so
// a stale index is never served.
const Schema = 6

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
	File   string // the file name as given: ID plus its extension
	Format string // txt, md, pdf or docx
	// Encoding is the encoding of a text file (utf-8, gb18030, utf-16le …).
	Encoding string
	// Replaced says that the add that made this entry replaced a document
	// with its id (decided under the id's lock; false for loaded entries).
	Replaced bool

	text    []byte  // the UTF-8 text the document was parsed from
	offsets []int32 // file offset of each byte of text; nil when they agree
}

// Text returns the UTF-8 text the document was parsed from. For UTF-8
// text files it is the file itself; for PDF and Word files it is the
// extracted text, and positions are positions in it.
func (e *Entry) Text() []byte { return e.text }

// FileOffset maps a byte offset in the document's text to the offset in
// the file as given (they differ for GB18030 and UTF-16 files).
func (e *Entry) FileOffset(off int) int {
	if e.offsets == nil || off < 0 {
		return off
	}
	if off >= len(e.offsets) {
		return int(e.offsets[len(e.offsets)-1])
	}
	return int(e.offsets[off])
}

// Index is a searchable set of reports.
type Index struct {
	cfg    Config
	log    *slog.Logger
	bleve  bleve.Index
	unlock func() error

	writeMu sync.Mutex // serializes commits to the manifest
	idMu    sync.Mutex
	idLocks map[string]*sync.Mutex // one writer per document id
	mu      sync.RWMutex
	docs    map[string]*Entry
	removed map[string]bool // seeds removed by a user

	skMu      sync.Mutex
	skeletons map[string]*skeleton // for Locate, by document id
	nextGen   atomic.Int64
	version   atomic.Uint64 // bumped by every change of the documents
}

// manifest is the commit record of the index: the documents it holds.
type manifest struct {
	Schema    int           `json:"schema"`
	Segmenter string        `json:"segmenter"`
	NextGen   int64         `json:"next_gen"`
	Docs      []manifestDoc `json:"docs"`
	// Removed lists the seeds a user removed, so that they do not come
	// back at the next start.
	Removed []string `json:"removed,omitempty"`
}

type manifestDoc struct {
	ID       string    `json:"id"`
	File     string    `json:"file"`     // the name as given
	Text     string    `json:"text"`     // stored UTF-8 text, in docs/
	Original string    `json:"original"` // stored original when it is not the text
	Format   string    `json:"format"`
	Encoding string    `json:"encoding"`
	Gen      int64     `json:"gen"`
	SHA256   string    `json:"sha256"`
	Added    time.Time `json:"added"`
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
	x := &Index{cfg: cfg, log: cfg.Logger, unlock: unlock, docs: map[string]*Entry{}, idLocks: map[string]*sync.Mutex{}, removed: map[string]bool{}, skeletons: map[string]*skeleton{}}
	if err := x.open(); err != nil {
		unlock()
		return nil, fmt.Errorf("open index %s: %w", cfg.Dir, err)
	}
	for _, s := range cfg.Seeds {
		id := DocID(s.Name)
		if e, ok := x.Doc(id); ok && e.SHA256 == hash(s.Data) || x.removed[id] {
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
	if err != nil && !errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		// A crash while the bleve index was being created or written
		// leaves it unreadable; the stored originals are the record, so
		// it is rebuilt from them.
		x.log.Warn("rebuilding an unreadable index", "dir", bdir, "err", err)
		if err := os.RemoveAll(bdir); err != nil {
			return err
		}
		rebuild = true
		b, err = bleve.Open(bdir)
	}
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		b, err = bleve.New(bdir, x.mapping())
	}
	if err != nil {
		return fmt.Errorf("open bleve index: %w", err)
	}
	x.bleve = b
	x.nextGen.Store(m.NextGen)
	for _, id := range m.Removed {
		x.removed[id] = true
	}
	// What the bleve index holds, by its markers.
	markers, err := x.markers()
	if err != nil {
		return err
	}
	want := map[string]int64{}
	for _, md := range m.Docs {
		e, err := x.load(md)
		if err != nil {
			x.log.Warn("dropping document that cannot be read", "doc", md.ID, "err", err)
			continue
		}
		if _, ok := markers[markerKey{md.ID, md.Gen}]; !ok || rebuild {
			x.log.Info("indexing", "doc", md.ID)
			if err := x.indexDoc(e, nil); err != nil {
				return err
			}
		}
		want[md.ID] = md.Gen
		x.docs[md.ID] = e
		x.bumpGen(md.Gen)
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
		x.bumpGen(k.gen)
	}
	x.removeStrayFiles()
	return x.writeManifest()
}

// load reads a document of the manifest back: its stored text, and the
// offsets of a transcoded original.
func (x *Index) load(md manifestDoc) (*Entry, error) {
	if md.Text == "" {
		md.Text = md.File // a manifest of schema 1 named the stored text File
	}
	text, err := os.ReadFile(filepath.Join(x.cfg.Dir, docsDir, md.Text))
	if err != nil {
		return nil, err
	}
	e := &Entry{Gen: md.Gen, SHA256: md.SHA256, Added: md.Added, File: md.File, Format: md.Format, Encoding: md.Encoding, text: text}
	if md.Original != "" && md.Format != "pdf" && md.Format != "docx" {
		orig, err := os.ReadFile(filepath.Join(x.cfg.Dir, docsDir, md.Original))
		if err != nil {
			return nil, err
		}
		t, err := ingest.Extract(md.File, orig)
		if err != nil {
			return nil, err
		}
		e.offsets = t.Offsets
	}
	e.Doc = report.Parse(md.ID, text)
	return e, nil
}

// bumpGen makes the next generation greater than gen.
func (x *Index) bumpGen(gen int64) {
	for {
		cur := x.nextGen.Load()
		if gen < cur || x.nextGen.CompareAndSwap(cur, gen+1) {
			return
		}
	}
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
	// Paragraphs and sentences have fields of their own, so that a search
	// of one kind never walks the postings of the other.
	dm.AddFieldMappingsAt("ptext", text())
	dm.AddFieldMappingsAt("stext", text())
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
// letters, digits, '-', '_' and '.', not starting with a dot, and not a
// name Windows reserves for devices (CON, PRN, AUX, NUL, COM1–9, LPT1–9,
// in any case, alone or before a dot), as stored files are named by it.
func ValidID(id string) error {
	if id == "" || len(id) > 200 || strings.HasPrefix(id, ".") || !utf8.ValidString(id) {
		return fmt.Errorf("invalid document id %q", id)
	}
	stem, _, _ := strings.Cut(id, ".")
	if reservedName(stem) {
		return fmt.Errorf("invalid document id %q: %s is a device name on Windows", id, stem)
	}
	for _, r := range id {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.') {
			return fmt.Errorf("invalid document id %q: only letters, digits, '-', '_' and '.' are allowed", id)
		}
	}
	return nil
}

func reservedName(s string) bool {
	switch u := strings.ToUpper(s); u {
	case "CON", "PRN", "AUX", "NUL":
		return true
	default:
		return len(u) == 4 && (strings.HasPrefix(u, "COM") || strings.HasPrefix(u, "LPT")) && u[3] >= '1' && u[3] <= '9'
	}
}

func hash(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// lockID serializes writers of one document id and returns the unlock.
func (x *Index) lockID(id string) func() {
	x.idMu.Lock()
	m, ok := x.idLocks[id]
	if !ok {
		m = &sync.Mutex{}
		x.idLocks[id] = m
	}
	x.idMu.Unlock()
	m.Lock()
	return m.Unlock
}

// Add adds the report file name holding data (text in UTF-8, GB18030 or
// UTF-16, PDF or Word; see package ingest) under the id taken from its
// name, replacing any document with that id. The add is atomic: after a
// crash the index holds the old version or the new one. Adds of different
// documents run in parallel; readers are never blocked.
func (x *Index) Add(name string, data []byte) (*Entry, error) {
	p, err := x.prepare(name, data)
	if err != nil {
		return nil, err
	}
	if err := x.indexBatch([]*pending{p}); err != nil {
		p.abort(x)
		return nil, fmt.Errorf("add %s: %w", p.e.Doc.ID, err)
	}
	if err := x.commit([]*pending{p}); err != nil {
		return nil, err
	}
	return p.e, nil
}

// pending is a document on its way into the index: parsed, its files
// stored, its id locked against other writers.
type pending struct {
	e, old *Entry
	stored []string
	unlock func()
}

// abort undoes a pending document that will not be committed.
func (p *pending) abort(x *Index) {
	for _, f := range p.stored {
		os.Remove(filepath.Join(x.cfg.Dir, docsDir, f))
	}
	p.unlock()
}

// prepare extracts and parses a file, locks its id and stores its files.
func (x *Index) prepare(name string, data []byte) (*pending, error) {
	id := DocID(name)
	if err := ValidID(id); err != nil {
		return nil, err
	}
	t, err := ingest.Extract(name, data)
	if err != nil {
		return nil, fmt.Errorf("add %s: %w", filepath.Base(name), err)
	}
	ext := strings.ToLower(filepath.Ext(name))
	e := &Entry{
		Doc: report.Parse(id, t.Text), SHA256: hash(data), Added: time.Now().UTC(), File: id + ext,
		Format: t.Format, Encoding: t.Encoding, text: t.Text, offsets: t.Offsets,
	}
	p := &pending{e: e, unlock: x.lockID(id)}
	x.mu.RLock()
	p.old = x.docs[id]
	x.mu.RUnlock()
	e.Replaced = p.old != nil
	e.Gen = x.nextGen.Add(1) - 1
	text, orig := fmt.Sprintf("%s.%d.txt", id, e.Gen), ""
	if !bytes.Equal(t.Text, data) {
		orig = fmt.Sprintf("%s.%d.orig%s", id, e.Gen, ext)
	}
	if err := writeFileSync(filepath.Join(x.cfg.Dir, docsDir, text), t.Text); err != nil {
		p.abort(x)
		return nil, fmt.Errorf("add %s: %w", id, err)
	}
	p.stored = append(p.stored, text)
	if orig != "" {
		if err := writeFileSync(filepath.Join(x.cfg.Dir, docsDir, orig), data); err != nil {
			p.abort(x)
			return nil, fmt.Errorf("add %s: %w", id, err)
		}
		p.stored = append(p.stored, orig)
	}
	return p, nil
}

// commit makes indexed documents visible and records them in the
// manifest, in one step for all of them, and releases their ids.
func (x *Index) commit(ps []*pending) error {
	x.writeMu.Lock()
	defer x.writeMu.Unlock()
	x.mu.Lock()
	for _, p := range ps {
		x.docs[p.e.Doc.ID] = p.e
		delete(x.removed, p.e.Doc.ID)
	}
	x.version.Add(1)
	x.mu.Unlock()
	err := x.writeManifest()
	for _, p := range ps {
		if err == nil && p.old != nil {
			x.removeFiles(p.old)
		}
		p.unlock()
	}
	if err != nil {
		return fmt.Errorf("add: %w", err)
	}
	return nil
}

// storedFiles returns the names in docs/ of a document's stored files.
func storedFiles(e *Entry) (text, original string) {
	text = fmt.Sprintf("%s.%d.txt", e.Doc.ID, e.Gen)
	if e.offsets != nil || e.Format == "pdf" || e.Format == "docx" {
		original = fmt.Sprintf("%s.%d.orig%s", e.Doc.ID, e.Gen, filepath.Ext(e.File))
	}
	return text, original
}

func (x *Index) removeFiles(e *Entry) {
	text, orig := storedFiles(e)
	os.Remove(filepath.Join(x.cfg.Dir, docsDir, text))
	if orig != "" {
		os.Remove(filepath.Join(x.cfg.Dir, docsDir, orig))
	}
}

// Original returns the file of a document as it was given.
func (x *Index) Original(e *Entry) ([]byte, error) {
	text, orig := storedFiles(e)
	if orig == "" {
		return os.ReadFile(filepath.Join(x.cfg.Dir, docsDir, text))
	}
	return os.ReadFile(filepath.Join(x.cfg.Dir, docsDir, orig))
}

// Remove removes document id.
func (x *Index) Remove(id string) error {
	unlock := x.lockID(id)
	defer unlock()
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
	x.writeMu.Lock()
	defer x.writeMu.Unlock()
	x.skMu.Lock()
	delete(x.skeletons, id)
	x.skMu.Unlock()
	x.mu.Lock()
	delete(x.docs, id)
	x.version.Add(1)
	for _, s := range x.cfg.Seeds {
		if DocID(s.Name) == id {
			x.removed[id] = true
		}
	}
	x.mu.Unlock()
	if err := x.writeManifest(); err != nil {
		return fmt.Errorf("remove %s: %w", id, err)
	}
	x.removeFiles(old)
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

// Version returns a number that changes whenever documents are added,
// replaced or removed.
func (x *Index) Version() uint64 { return x.version.Load() }

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
	m := manifest{Schema: Schema, Segmenter: x.cfg.SegmenterName, NextGen: x.nextGen.Load()}
	for _, e := range x.docs {
		text, orig := storedFiles(e)
		m.Docs = append(m.Docs, manifestDoc{ID: e.Doc.ID, File: e.File, Text: text, Original: orig, Format: e.Format,
			Encoding: e.Encoding, Gen: e.Gen, SHA256: e.SHA256, Added: e.Added})
	}
	for id := range x.removed {
		m.Removed = append(m.Removed, id)
	}
	x.mu.RUnlock()
	sort.Strings(m.Removed)
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
		text, orig := storedFiles(e)
		keep[text], keep[orig] = true, true
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

// AddAll adds many files with jobs workers (jobs ≤ 0: one per CPU) and
// calls done, if not nil, after each, from the worker's goroutine. A later
// file with the id of an earlier one replaces it. Documents go into the
// index several to a batch, each batch atomic, so that a crash leaves
// every document in its old version or its new one. It returns the errors
// of the files that failed, joined.
func (x *Index) AddAll(srcs []Source, jobs int, done func(Source, *Entry, error)) error {
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	// The last file of each id wins.
	last := map[string]int{}
	for i, s := range srcs {
		last[DocID(s.Name)] = i
	}
	var (
		mu   sync.Mutex
		errs []error
	)
	finish := func(s Source, e *Entry, err error) {
		if err != nil {
			mu.Lock()
			errs = append(errs, err)
			mu.Unlock()
		}
		if done != nil {
			done(s, e, err)
		}
	}
	type prepared struct {
		src Source
		p   *pending
	}
	work := make(chan Source)
	ready := make(chan prepared)
	var prep sync.WaitGroup
	for i := 0; i < jobs; i++ {
		prep.Add(1)
		go func() {
			defer prep.Done()
			for s := range work {
				p, err := x.prepare(s.Name, s.Data)
				if err != nil {
					finish(s, nil, err)
					continue
				}
				ready <- prepared{s, p}
			}
		}()
	}
	go func() {
		for i, s := range srcs {
			if last[DocID(s.Name)] == i {
				work <- s
			}
		}
		close(work)
		prep.Wait()
		close(ready)
	}()
	// Group prepared documents into batches of about batchBytes.
	const batchDocs, batchBytes = 16, 1 << 20
	groups := make(chan []prepared)
	var index sync.WaitGroup
	for i := 0; i < jobs; i++ {
		index.Add(1)
		go func() {
			defer index.Done()
			for g := range groups {
				ps := make([]*pending, len(g))
				for k := range g {
					ps[k] = g[k].p
				}
				err := x.indexBatch(ps)
				if err == nil {
					err = x.commit(ps)
				} else {
					for _, p := range ps {
						p.abort(x)
					}
				}
				for _, pr := range g {
					if err != nil {
						finish(pr.src, nil, fmt.Errorf("add %s: %w", pr.p.e.Doc.ID, err))
					} else {
						finish(pr.src, pr.p.e, nil)
					}
				}
			}
		}()
	}
	var group []prepared
	size := 0
	for pr := range ready {
		group = append(group, pr)
		size += len(pr.p.e.text)
		if len(group) >= batchDocs || size >= batchBytes {
			groups <- group
			group, size = nil, 0
		}
	}
	if len(group) > 0 {
		groups <- group
	}
	close(groups)
	index.Wait()
	return errors.Join(errs...)
}
