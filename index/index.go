// Package index keeps the reports: their original files, a store of what
// a question needs of each paragraph and sentence (read from disk on
// demand), a small summary of each document in memory, and a bleve
// (scorch) index of their sentences segmented into words and of their
// paragraphs' topic headings.
//
// An Index is safe for concurrent use. Readers never wait for a whole
// add: a document becomes visible, or is replaced, in one step, when the
// store commits its summary.
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
	"slices"
	"sort"
	"strconv"
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
// a stale index is never served: bump it when parsing changes what is
// stored (a sentence's scope, a document's metadata).
const Schema = 71

// Config configures an Index.
type Config struct {
	// Dir is the index directory. It holds the original files, the
	// manifest, the store of document records and the bleve index.
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
	// MaxText is the largest text of a document, in bytes: a larger one is
	// refused with ErrTooLarge. 0 means DefaultMaxText.
	MaxText int
	// CacheBytes bounds the parsed documents kept in memory for Entry.Doc
	// (an estimate: about four bytes a byte of text). 0 means an eighth of
	// the machine's memory.
	CacheBytes int64
	// RecordCache is how many sentence records are kept decoded in memory
	// for the questions that retrieve them again (about 1 KB each). 0
	// means DefaultRecordCache; negative, none.
	RecordCache int
	// Shards, when set, opens these index directories (published
	// snapshots, see Publish) read-only and searches them as one index:
	// a library split by region across indexes. Dir is not used.
	Shards []string
	// ReadOnly opens the index to answer from, never to change: a replica
	// serving a published snapshot (see Publish). Adds and removals fail
	// with ErrReadOnly, seeds are not added, and the directory is not
	// locked, so that any number of processes may open it.
	ReadOnly bool
}

// DefaultRecordCache is the number of sentence records kept decoded by
// default.
const DefaultRecordCache = 32 << 10

// DefaultMaxText is the largest document text accepted by default.
const DefaultMaxText = 32 << 20

// ErrTooLarge is returned for a document whose text is over Config.MaxText.
var ErrTooLarge = errors.New("document text too large")

// Source is a report file: its name (the document id is the name without
// its extension) and its contents, or the path to read them from when
// Data is nil.
type Source struct {
	Name string
	Data []byte
	Path string
	// Added, when not zero, is the time the document was first added
	// (kept when an index is rebuilt).
	Added time.Time
}

func (s Source) read() ([]byte, error) {
	if s.Data != nil || s.Path == "" {
		return s.Data, nil
	}
	return os.ReadFile(s.Path)
}

// Entry is a document held by the index with its parsed structure: the
// compatibility path for callers that walk a whole document. The index
// parses documents on demand and keeps a bounded number of them (see
// Config.CacheBytes); Summary, Sentences and Paragraph read what a
// question needs without parsing. An Entry is immutable.
type Entry struct {
	Doc     *report.Doc
	Summary *Summary
	Gen     int64 // generation: a new one each time the document is added
	SHA256  string
	Added   time.Time
	File    string // the file name as given: ID plus its extension
	Format  string // txt, md, pdf or docx
	// Encoding is the encoding of a text file (utf-8, gb18030, utf-16le …).
	Encoding string
	// Replaced says that the add that made this entry replaced a document
	// with its id (decided under the id's lock; false for loaded entries).
	Replaced bool
	// Warnings say what of the file could not be read well (PDF pages
	// without text, pages set in columns).
	Warnings []string

	text    []byte  // the UTF-8 text the document was parsed from
	offsets []int32 // file offset of each byte of text; nil when they agree
}

// Text returns the UTF-8 text the document was parsed from. For UTF-8
// text files it is the file itself; for PDF and Word files it is the
// extracted text, and positions are positions in it.
func (e *Entry) Text() []byte { return e.text }

// Extracted reports whether the document's text was extracted from a
// PDF, Word or HTML file: then its positions (FileOffset included) count
// bytes of that text, Text(), which is stored beside the original.
func (e *Entry) Extracted() bool { return ingest.Extracted(e.Format) }

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
	st     *store
	unlock func() error

	freqs   freqCache // of DocFreq
	cofreqs freqCache // of CoFreq, by the words joined with NUL

	shards  []*Index          // of a sharded index (Config.Shards), else nil
	shardOf map[string]*Index // the shard of each document, by id

	writeMu sync.Mutex    // serializes commits
	addSlot chan struct{} // one Add at a time: concurrent adds queue
	idMu    sync.Mutex
	idLocks map[string]*sync.Mutex // one writer per document id

	mu      sync.RWMutex
	docs    map[string]*Summary
	removed map[string]bool // seeds removed by a user
	cat     *catalog
	sorted  []*Summary // docs by id; nil when stale

	cache    *entryCache
	bleveNew bool // the bleve index was created by this Open
	nextGen  atomic.Int64
	version  atomic.Uint64 // bumped by every change of the documents
}

// manifest names the schema and segmenter of the index. Indexes of
// schema 6 and before also listed their documents in it; they are
// rebuilt from that list.
type manifest struct {
	Schema    int           `json:"schema"`
	Segmenter string        `json:"segmenter"`
	NextGen   int64         `json:"next_gen,omitempty"`
	Docs      []manifestDoc `json:"docs,omitempty"`
	Removed   []string      `json:"removed,omitempty"`
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
	rebuildName  = "store.rebuild.db" // the store of an index being rebuilt
)

// ErrLocked is returned when another process holds the index directory.
var ErrLocked = errors.New("index directory is in use by another process")

// ErrNotFound is returned for an unknown document id.
var ErrNotFound = errors.New("document not found")

// Open opens the index in cfg.Dir, creating it when absent and rebuilding
// it when it was written by another schema or segmenter; then it adds the
// seeds that are missing or changed. Opening reads the documents'
// summaries, not the documents.
func Open(cfg Config) (*Index, error) {
	if cfg.Segmenter == nil {
		return nil, errors.New("open index: no segmenter")
	}
	if cfg.SegmenterName == "" {
		cfg.SegmenterName = "jieba"
	}
	if cfg.Dir == "" && len(cfg.Shards) == 0 {
		return nil, errors.New("open index: no directory")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxText <= 0 {
		cfg.MaxText = DefaultMaxText
	}
	if cfg.CacheBytes <= 0 {
		cfg.CacheBytes = max(MachineMemory()/8, 256<<20)
	}
	if cfg.RecordCache == 0 {
		cfg.RecordCache = DefaultRecordCache
	}
	registerSegmenter(cfg.SegmenterName, cfg.Segmenter)
	if len(cfg.Shards) > 0 {
		cfg.ReadOnly = true
		x := &Index{cfg: cfg, log: cfg.Logger, docs: map[string]*Summary{}, idLocks: map[string]*sync.Mutex{},
			removed: map[string]bool{}, cat: newCatalog(), cache: newEntryCache(cfg.CacheBytes), addSlot: make(chan struct{}, 1)}
		if err := x.openShards(); err != nil {
			x.closeShards()
			return nil, fmt.Errorf("open shards: %w", err)
		}
		return x, nil
	}
	if cfg.ReadOnly {
		x := &Index{cfg: cfg, log: cfg.Logger, docs: map[string]*Summary{}, idLocks: map[string]*sync.Mutex{},
			removed: map[string]bool{}, cat: newCatalog(), cache: newEntryCache(cfg.CacheBytes), addSlot: make(chan struct{}, 1)}
		if err := x.openReadOnly(); err != nil {
			x.closeFiles()
			return nil, fmt.Errorf("open index %s read-only: %w", cfg.Dir, err)
		}
		return x, nil
	}
	if err := os.MkdirAll(filepath.Join(cfg.Dir, docsDir), 0o755); err != nil {
		return nil, fmt.Errorf("open index %s: %w", cfg.Dir, err)
	}
	unlock, err := lockDir(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", cfg.Dir, err)
	}
	x := &Index{cfg: cfg, log: cfg.Logger, unlock: unlock, docs: map[string]*Summary{}, idLocks: map[string]*sync.Mutex{},
		removed: map[string]bool{}, cat: newCatalog(), cache: newEntryCache(cfg.CacheBytes), addSlot: make(chan struct{}, 1)}
	if err := x.open(); err != nil {
		x.closeFiles()
		unlock()
		return nil, fmt.Errorf("open index %s: %w", cfg.Dir, err)
	}
	for _, s := range cfg.Seeds {
		id := DocID(s.Name)
		x.mu.RLock()
		sum, ok := x.docs[id]
		removed := x.removed[id]
		x.mu.RUnlock()
		if ok && sum.SHA256 == hash(s.Data) || removed {
			continue
		}
		if _, err := x.Add(s.Name, s.Data); err != nil {
			x.Close()
			return nil, fmt.Errorf("open index %s: seed %s: %w", cfg.Dir, s.Name, err)
		}
	}
	return x, nil
}

// readManifest reads the manifest of the index in dir; an error that
// wraps fs.ErrNotExist when there is none.
func readManifest(dir string) (manifest, error) {
	var m manifest
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, fmt.Errorf("read %s: %w", manifestName, err)
	}
	return m, nil
}

func (x *Index) open() error {
	m, err := readManifest(x.cfg.Dir)
	fresh := false
	switch {
	case errors.Is(err, fs.ErrNotExist):
		m = manifest{Schema: Schema, Segmenter: x.cfg.SegmenterName}
		fresh = true
	case err != nil:
		return err
	}
	if m.Schema != Schema || m.Segmenter != x.cfg.SegmenterName {
		return x.rebuild(m)
	}
	if err := x.openFiles(); err != nil {
		return err
	}
	st, err := x.st.load()
	if err != nil {
		return err
	}
	x.loadState(st)
	if fresh {
		if err := x.writeManifest(); err != nil {
			return err
		}
	}
	if !fresh && (!st.clean || x.bleveNew) {
		// Not closed cleanly, or the bleve index was lost: make bleve, the
		// store and docs/ agree. A new index has nothing to check.
		return x.recover()
	}
	return nil
}

// loadState takes the documents and counters the store holds as the
// index's own: at open, before the index is shared.
func (x *Index) loadState(st *storeState) {
	x.nextGen.Store(st.nextGen)
	for _, id := range st.removed {
		x.removed[id] = true
	}
	for _, sum := range st.docs {
		x.docs[sum.ID] = sum
		x.cat.add(sum)
		x.bumpGen(sum.Gen)
	}
}

// openFiles opens (or creates) the store and the bleve index.
func (x *Index) openFiles() error {
	st, err := openStore(filepath.Join(x.cfg.Dir, storeName), x.cfg.RecordCache)
	if err != nil {
		return err
	}
	x.st = st
	bdir := filepath.Join(x.cfg.Dir, bleveDir)
	b, err := bleve.OpenUsing(bdir, scorchConfig())
	if err != nil && !errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		// A crash while the bleve index was being created or written
		// leaves it unreadable; the store and the stored originals are the
		// record, so it is built again from them (see recover).
		x.log.Warn("rebuilding an unreadable index", "dir", bdir, "err", err)
		if err := os.RemoveAll(bdir); err != nil {
			return err
		}
		b, err = bleve.OpenUsing(bdir, scorchConfig())
	}
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		x.bleveNew = true
		b, err = bleve.NewUsing(bdir, x.mapping(), bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, scorchConfig())
	}
	if err != nil {
		return fmt.Errorf("open bleve index: %w", err)
	}
	x.bleve = b
	return nil
}

func (x *Index) closeFiles() error {
	var err error
	if x.bleve != nil {
		err = x.bleve.Close()
		x.bleve = nil
	}
	if x.st != nil {
		if e := x.st.close(); err == nil {
			err = e
		}
		x.st = nil
	}
	return err
}

// recover drops what a crash left behind: bleve documents of versions the
// store does not hold, records no summary points to and stored files no
// document uses; and indexes again a document whose bleve documents are
// missing.
func (x *Index) recover() error {
	x.log.Info("index was not closed cleanly: checking it", "dir", x.cfg.Dir, "documents", len(x.docs))
	markers, err := x.markers()
	if err != nil {
		return err
	}
	live := map[string]int64{}
	for id, sum := range x.docs {
		live[id] = sum.Gen
		mk, ok := markers[markerKey{id, sum.Gen}]
		if ok && mk.complete {
			continue
		}
		x.log.Info("indexing again", "doc", id)
		if ok {
			b := x.bleve.NewBatch()
			deleteIDs(b, id, sum.Gen, mk.paras, mk.sentences)
			if err := x.bleve.Batch(b); err != nil {
				return err
			}
		}
		e, err := x.loadEntry(sum)
		if err != nil {
			x.log.Warn("document cannot be read", "doc", id, "err", err)
			continue
		}
		if err := x.indexDocs([]*pending{{e: e}}); err != nil {
			return err
		}
	}
	for k, mk := range markers {
		if g, ok := live[k.id]; ok && g == k.gen {
			continue
		}
		b := x.bleve.NewBatch()
		deleteIDs(b, k.id, k.gen, mk.paras, mk.sentences)
		if err := x.bleve.Batch(b); err != nil {
			return err
		}
		x.bumpGen(k.gen)
	}
	stale, err := x.st.staleRecs(live)
	if err != nil {
		return err
	}
	if len(stale) > 0 {
		if err := x.st.commit(change{dropRecs: stale, nextGen: x.nextGen.Load()}); err != nil {
			return err
		}
	}
	x.removeStrayFiles()
	return nil
}

// rebuild builds the index again from the stored originals of an index
// written by another schema or segmenter. Until it is done, the old
// manifest stays, so that a crash rebuilds again from the same list.
func (x *Index) rebuild(m manifest) error {
	dir := x.cfg.Dir
	x.log.Info("rebuilding index", "dir", dir, "schema", m.Schema, "want", Schema, "segmenter", m.Segmenter)
	var srcs []Source
	src := func(file, text, orig string, added time.Time) {
		name := orig
		if name == "" {
			name = text
		}
		srcs = append(srcs, Source{Name: file, Path: filepath.Join(dir, docsDir, name), Added: added})
	}
	next := m.NextGen
	removed := m.Removed
	rebuildPath := filepath.Join(dir, rebuildName)
	if _, err := os.Stat(filepath.Join(dir, storeName)); err == nil {
		if _, err := os.Stat(rebuildPath); err == nil {
			// A rebuild was under way: its list is in the old store.
			os.Remove(filepath.Join(dir, storeName))
		} else if err := os.Rename(filepath.Join(dir, storeName), rebuildPath); err != nil {
			return err
		}
	}
	if _, err := os.Stat(rebuildPath); err == nil {
		old, err := openStore(rebuildPath, 0)
		if err != nil {
			return err
		}
		st, err := old.load()
		old.close()
		if err != nil {
			return err
		}
		next, removed = st.nextGen, st.removed
		for _, s := range st.docs {
			src(s.File, s.text, s.original, s.Added)
			next = max(next, s.Gen+1)
		}
	} else {
		for _, md := range m.Docs {
			if md.Text == "" {
				md.Text = md.File // a manifest of schema 1 named the stored text File
			}
			src(md.File, md.Text, md.Original, md.Added)
			next = max(next, md.Gen+1)
		}
	}
	if err := os.RemoveAll(filepath.Join(dir, bleveDir)); err != nil {
		return err
	}
	if err := x.openFiles(); err != nil {
		return err
	}
	x.nextGen.Store(next)
	for _, id := range removed {
		x.removed[id] = true
	}
	if len(removed) > 0 {
		if err := x.st.commit(change{removed: removed, nextGen: next}); err != nil {
			return err
		}
	}
	err := x.AddAll(srcs, 0, func(s Source, _ *Entry, err error) {
		if err != nil {
			x.log.Warn("dropping document that cannot be read", "file", s.Name, "err", err)
		}
	})
	if err != nil {
		x.log.Warn("rebuild: some documents were dropped", "err", err)
	}
	if err := x.writeManifest(); err != nil {
		return err
	}
	os.Remove(rebuildPath)
	x.removeStrayFiles()
	return nil
}

// loadEntry reads a document back and parses it: its stored text, and
// the offsets of a transcoded original.
func (x *Index) loadEntry(s *Summary) (*Entry, error) {
	text, err := os.ReadFile(x.docsPath(s, s.text))
	if err != nil {
		return nil, err
	}
	e := &Entry{Summary: s, Gen: s.Gen, SHA256: s.SHA256, Added: s.Added, File: s.File, Format: s.Format, Encoding: s.Encoding,
		Warnings: s.Warnings, text: text}
	if s.original != "" && !ingest.Extracted(s.Format) {
		orig, err := os.ReadFile(x.docsPath(s, s.original))
		if err != nil {
			return nil, err
		}
		t, err := ingest.Extract(s.File, orig)
		if err != nil {
			return nil, err
		}
		e.offsets = t.Offsets
	}
	d, err := parse(s.ID, text)
	if err != nil {
		return nil, err
	}
	e.Doc = d
	return e, nil
}

// parse parses a report, a parser fault reported as an error of that
// document rather than bringing down the add or the server.
func parse(id string, text []byte) (d *report.Doc, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("parse %s: internal error: %v", id, r)
		}
	}()
	return report.Parse(id, text), nil
}

// entry returns the parsed document of a summary, through the cache.
func (x *Index) entry(s *Summary) (*Entry, error) {
	it, err := x.cacheItem(s)
	if err != nil {
		return nil, err
	}
	return it.e, nil
}

func (x *Index) cacheItem(s *Summary) (*cacheItem, error) {
	return x.cache.get(s.ID+"/"+strconv.FormatInt(s.Gen, 10), func() (*Entry, error) { return x.loadEntry(s) })
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
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	text := func(vectors bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = AnalyzerName
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = vectors
		f.DocValues = false
		return f
	}
	num := bleve.NewNumericFieldMapping()
	num.Store = true
	num.IncludeInAll = false
	// type marks the markers; doc, region, level, dkind (the document's
	// kind) and years filter paragraphs and sentences as terms.
	for _, name := range []string{"type", "doc", "region", "level", "dkind", "years"} {
		dm.AddFieldMappingsAt(name, kw())
	}
	// A sentence's words are its stext; a paragraph has only its heading
	// (it is found by its sentences: see searchParagraphs). No field
	// keeps the positions of its words: the few hits that are highlighted
	// are segmented again (see SearchTerms).
	dm.AddFieldMappingsAt("stext", text(false))
	dm.AddFieldMappingsAt("heading", text(false))
	for _, name := range []string{"gen", "paras", "sentences", "complete"} {
		dm.AddFieldMappingsAt(name, num)
	}
	// No "_all" composite field: every query names its field, and the
	// composite would index every word a second time.
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	im.DefaultMapping = dm
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im
}

// scorchConfig is the runtime configuration of the bleve index.
func scorchConfig() map[string]interface{} {
	return map[string]interface{}{}
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
// crash the index holds the old version or the new one. Adds run one at
// a time, the others waiting, so that concurrent adds cannot multiply
// the memory an add takes; readers are never blocked.
func (x *Index) Add(name string, data []byte) (*Entry, error) {
	if x.cfg.ReadOnly {
		return nil, ErrReadOnly
	}
	x.addSlot <- struct{}{}
	defer func() { <-x.addSlot }()
	p, err := x.prepare(Source{Name: name, Data: data})
	if err != nil {
		return nil, err
	}
	if err := x.indexDocs([]*pending{p}); err != nil {
		p.abort(x)
		return nil, fmt.Errorf("add %s: %w", p.e.Doc.ID, err)
	}
	if err := x.commit([]*pending{p}); err != nil {
		return nil, err
	}
	return p.e, nil
}

// pending is a document on its way into the index: parsed, its records
// derived, its files stored, its id locked against other writers.
type pending struct {
	e      *Entry
	old    *Summary
	stored []string
	unlock func()
}

// abort undoes a pending document that will not be committed.
func (p *pending) abort(x *Index) {
	for _, f := range p.stored {
		os.Remove(filepath.Join(x.cfg.Dir, docsDir, f))
	}
	if p.unlock != nil {
		p.unlock()
	}
}

// prepare extracts and parses a file, derives its records, locks its id
// and stores its files.
func (x *Index) prepare(src Source) (*pending, error) {
	name := src.Name
	id := DocID(name)
	if err := ValidID(id); err != nil {
		return nil, err
	}
	data, err := src.read()
	if err != nil {
		return nil, fmt.Errorf("add %s: %w", filepath.Base(name), err)
	}
	t, err := ingest.Extract(name, data)
	if err != nil {
		return nil, fmt.Errorf("add %s: %w", filepath.Base(name), err)
	}
	if len(t.Text) > x.cfg.MaxText {
		return nil, fmt.Errorf("add %s: %w: %.1f MB of text, the limit is %.1f MB (-max-text, $REPORTKB_MAX_TEXT)",
			filepath.Base(name), ErrTooLarge, float64(len(t.Text))/(1<<20), float64(x.cfg.MaxText)/(1<<20))
	}
	ext := strings.ToLower(filepath.Ext(name))
	added := src.Added
	if added.IsZero() {
		added = time.Now().UTC()
	}
	doc, err := parse(id, t.Text)
	if err != nil {
		return nil, fmt.Errorf("add %s: %w", filepath.Base(name), err)
	}
	e := &Entry{
		Doc: doc, SHA256: hash(data), Added: added, File: id + ext,
		Format: t.Format, Encoding: t.Encoding, Warnings: t.Warnings, text: t.Text, offsets: t.Offsets,
	}
	for _, w := range t.Warnings {
		x.log.Warn("document read with a warning", "doc", id, "warning", w)
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
	e.Summary = buildSummary(e, text, orig)
	return p, nil
}

// commit makes indexed documents visible and records them in the store,
// in one step for all of them, and releases their ids.
func (x *Index) commit(ps []*pending) error {
	x.writeMu.Lock()
	defer x.writeMu.Unlock()
	c := change{nextGen: x.nextGen.Load()}
	x.mu.RLock()
	for _, p := range ps {
		c.put = append(c.put, p.e.Summary)
		if p.old != nil {
			c.dropRecs = append(c.dropRecs, p.old.ref())
		}
		if x.removed[p.e.Summary.ID] {
			c.unremoved = append(c.unremoved, p.e.Summary.ID)
		}
	}
	x.mu.RUnlock()
	if err := x.st.commit(c); err != nil {
		for _, p := range ps {
			p.abort(x)
		}
		return fmt.Errorf("add: %w", err)
	}
	x.mu.Lock()
	for _, p := range ps {
		sum := p.e.Summary
		if old := x.docs[sum.ID]; old != nil {
			x.cat.remove(old)
		}
		x.docs[sum.ID] = sum
		x.cat.add(sum)
		delete(x.removed, sum.ID)
	}
	x.sorted = nil
	x.version.Add(1)
	x.mu.Unlock()
	for _, p := range ps {
		x.cache.put(p.e.Summary.key(), p.e)
		if p.old != nil {
			x.cache.forget(p.old.key())
			x.removeFiles(p.old)
		}
		p.unlock()
	}
	return nil
}

func (s *Summary) ref() Ref        { return Ref{Doc: s.ID, Gen: s.Gen} }
func (s *Summary) key() string     { return s.ID + "/" + strconv.FormatInt(s.Gen, 10) }
func (s *Summary) files() []string { return []string{s.text, s.original} }

func (x *Index) removeFiles(s *Summary) {
	for _, f := range s.files() {
		if f != "" {
			os.Remove(filepath.Join(x.cfg.Dir, docsDir, f))
		}
	}
}

// Original returns the file of a document as it was given.
func (x *Index) Original(e *Entry) ([]byte, error) {
	s := e.Summary
	if s.original == "" {
		return os.ReadFile(x.docsPath(s, s.text))
	}
	return os.ReadFile(x.docsPath(s, s.original))
}

// Remove removes document id.
func (x *Index) Remove(id string) error {
	if x.cfg.ReadOnly {
		return ErrReadOnly
	}
	unlock := x.lockID(id)
	defer unlock()
	x.mu.RLock()
	old := x.docs[id]
	x.mu.RUnlock()
	if old == nil {
		return fmt.Errorf("remove %s: %w", id, ErrNotFound)
	}
	b := x.bleve.NewBatch()
	deleteIDs(b, id, old.Gen, old.Paragraphs, old.Sentences)
	if err := x.bleve.Batch(b); err != nil {
		return fmt.Errorf("remove %s: %w", id, err)
	}
	x.writeMu.Lock()
	defer x.writeMu.Unlock()
	seed := false
	for _, s := range x.cfg.Seeds {
		seed = seed || DocID(s.Name) == id
	}
	c := change{dropRecs: []Ref{old.ref()}, drop: []string{id}, nextGen: x.nextGen.Load()}
	if seed {
		c.removed = []string{id}
	}
	if err := x.st.commit(c); err != nil {
		return fmt.Errorf("remove %s: %w", id, err)
	}
	x.mu.Lock()
	delete(x.docs, id)
	x.cat.remove(old)
	if seed {
		x.removed[id] = true
	}
	x.sorted = nil
	x.version.Add(1)
	x.mu.Unlock()
	x.cache.forget(old.key())
	x.removeFiles(old)
	return nil
}

// Doc returns the document with the given id, parsed (see Entry).
func (x *Index) Doc(id string) (*Entry, bool) {
	s, ok := x.Summary(id)
	if !ok {
		return nil, false
	}
	e, err := x.entry(s)
	if err != nil {
		x.log.Error("document cannot be read", "doc", id, "err", err)
		return nil, false
	}
	return e, true
}

// Docs returns the documents, parsed, ordered by id: the compatibility
// path, which parses every document not in the cache. Summaries and
// Select list documents without parsing them.
func (x *Index) Docs() []*Entry {
	sums := x.Summaries()
	out := make([]*Entry, len(sums))
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for w := 0; w < min(runtime.NumCPU(), len(sums)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(sums) {
					return
				}
				e, err := x.entry(sums[i])
				if err != nil {
					x.log.Error("document cannot be read", "doc", sums[i].ID, "err", err)
					continue
				}
				out[i] = e
			}
		}()
	}
	wg.Wait()
	return slices.DeleteFunc(out, func(e *Entry) bool { return e == nil })
}

// Summary returns the summary of document id.
func (x *Index) Summary(id string) (*Summary, bool) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	s, ok := x.docs[id]
	return s, ok
}

// Summaries returns the summaries of all documents, ordered by id. The
// slice is shared: it must not be modified.
func (x *Index) Summaries() []*Summary {
	x.mu.RLock()
	s := x.sorted
	x.mu.RUnlock()
	if s != nil {
		return s
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.sorted == nil {
		x.sorted = make([]*Summary, 0, len(x.docs))
		for _, s := range x.docs {
			x.sorted = append(x.sorted, s)
		}
		sort.Slice(x.sorted, func(i, j int) bool { return x.sorted[i].ID < x.sorted[j].ID })
	}
	return x.sorted
}

// Select returns the summaries of the documents that pass the
// document-level fields of f (Doc, Docs, Region, Regions, Levels, Kinds,
// Year, Years), ordered by id, from sets kept by region, level, kind and
// year: its cost grows with the documents selected, not with the index.
func (x *Index) Select(f Filter) []*Summary {
	x.mu.RLock()
	ids, filtered := x.cat.selectIDs(f, x.docs)
	if !filtered {
		x.mu.RUnlock()
		return x.Summaries()
	}
	out := make([]*Summary, 0, len(ids))
	for id := range ids {
		out = append(out, x.docs[id])
	}
	x.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Regions returns the distinct regions of the documents, sorted.
func (x *Index) Regions() []string {
	x.mu.RLock()
	out := make([]string, 0, len(x.cat.byRegion))
	for r := range x.cat.byRegion {
		if r != "" {
			out = append(out, r)
		}
	}
	x.mu.RUnlock()
	sort.Strings(out)
	return out
}

// Spelled returns the summaries of the documents whose region is spelled
// so in pinyin (yichun: 宜春市), ordered by id.
func (x *Index) Spelled(pinyin string) []*Summary {
	x.mu.RLock()
	var out []*Summary
	for id := range x.cat.bySpelling[strings.ToLower(pinyin)] {
		out = append(out, x.docs[id])
	}
	x.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Sentences reads the records of sentences from disk, in the order of
// refs. A sentence of a version the index no longer holds is an error
// wrapping ErrNotFound.
func (x *Index) Sentences(refs []Ref) ([]*Sentence, error) {
	return x.readSentences(refs, false)
}

// Paragraph reads the record of paragraph n of version gen of document id.
func (x *Index) Paragraph(id string, gen int64, n int) (*Paragraph, error) {
	ps, err := x.readParagraphs([]Ref{{Doc: id, Gen: gen, N: n}}, false)
	if err != nil {
		return nil, err
	}
	return ps[0], nil
}

// Derived returns the data named name that a reader derived from version
// gen of document id and stored with PutDerived, if the same deriver
// version stored it; nil otherwise. Derived data lets a reader compute
// what it needs of a whole document once per version, not once per
// process.
func (x *Index) Derived(id string, gen int64, name, version string) ([]byte, error) {
	st := x.storeOf(id)
	if st == nil {
		return nil, nil
	}
	return st.derived(id, gen, name, version)
}

// PutDerived stores data derived from version gen of document id, under
// name, for the deriver version given; it goes with the document's
// version. It does nothing on a read-only index or when the version is
// no longer indexed.
func (x *Index) PutDerived(id string, gen int64, name, version string, data []byte) error {
	if x.cfg.ReadOnly {
		return nil
	}
	return x.st.putDerived(id, gen, name, version, data)
}

// Paragraphs reads the records of paragraphs, in the order of refs.
func (x *Index) Paragraphs(refs []Ref) ([]*Paragraph, error) {
	return x.readParagraphs(refs, false)
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

// Close closes the index and releases the directory. After a clean close
// the next Open trusts that the bleve index and the store agree.
func (x *Index) Close() error {
	x.writeMu.Lock()
	defer x.writeMu.Unlock()
	if x.shardOf != nil {
		return x.closeShards()
	}
	var err error
	if x.bleve != nil {
		err = x.bleve.Close()
		x.bleve = nil
	}
	if x.st != nil {
		if err == nil && !x.cfg.ReadOnly {
			err = x.st.markClean()
		}
		if e := x.st.close(); err == nil {
			err = e
		}
		x.st = nil
	}
	if x.unlock != nil {
		if e := x.unlock(); err == nil {
			err = e
		}
		x.unlock = nil
	}
	return err
}

// writeManifest records the schema and segmenter of the index.
func (x *Index) writeManifest() error {
	data, err := json.MarshalIndent(manifest{Schema: Schema, Segmenter: x.cfg.SegmenterName}, "", "  ")
	if err != nil {
		return err
	}
	return writeFileSync(filepath.Join(x.cfg.Dir, manifestName), data)
}

// removeStrayFiles deletes stored originals that no document refers to,
// left by a crash between storing a file and committing the document.
func (x *Index) removeStrayFiles() {
	keep := map[string]bool{}
	x.mu.RLock()
	for _, s := range x.docs {
		for _, f := range s.files() {
			keep[f] = true
		}
	}
	x.mu.RUnlock()
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
// file with the id of an earlier one replaces it. Sources with a Path are
// read when their turn comes, so that memory holds the documents in
// flight, not all of them. Documents go into the index several to a
// batch, each batch atomic, so that a crash leaves every document in its
// old version or its new one. It returns the errors of the files that
// failed, joined.
func (x *Index) AddAll(srcs []Source, jobs int, done func(Source, *Entry, error)) error {
	if x.cfg.ReadOnly {
		return ErrReadOnly
	}
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
				p, err := x.prepare(s)
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
	// Group prepared documents into batches of about groupBytes of text.
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
				err := x.indexDocs(ps)
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
		if n := len(pr.p.e.text); n > chunkBytes {
			groups <- []prepared{pr} // a large document goes in chunks of its own
			continue
		}
		group = append(group, pr)
		size += len(pr.p.e.text)
		if size >= groupBytes {
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
