package index

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	bolt "go.etcd.io/bbolt"
)

// store is the index's record of its documents, in a bbolt file: the
// summary of each document (the commit record: a document is in the
// index when its summary is), the records of its sentences and
// paragraphs, and the index's own counters. Each commit is one bbolt
// transaction, so that after a crash the store holds every document in
// its old version or its new one. It is safe for concurrent use.
//
// Layout:
//
//	meta/next_gen, meta/clean      counters
//	removed/ID                     seeds a user removed
//	docs/ID                        encoded Summary
//	recs/ID\x00GEN/s+N, …/p+N      encoded Sentence and Paragraph N
//	recs/ID\x00GEN/h+N             the topic heading of paragraph N
//	recs/ID\x00GEN/d+NAME          data a reader derived (Index.Derived)
type store struct {
	db *bolt.DB
	// sents keeps recently read sentence records, decoded: the sentences
	// questions retrieve repeat (the figures of a region's reports). A
	// record is immutable, and its key names one version of a document,
	// so an entry never goes stale; nil when Config.RecordCache < 0.
	sents *lru.Cache[Ref, *Sentence]
}

const storeName = "store.db"

var (
	bMeta    = []byte("meta")
	bRemoved = []byte("removed")
	bDocs    = []byte("docs")
	bRecs    = []byte("recs")
	kNextGen = []byte("next_gen")
	kClean   = []byte("clean")
)

func openStore(path string, cached int) (*store, error) {
	// A large initial map (address space, not memory) spares the
	// remapping, and the copying of every node a transaction holds, as
	// the file grows.
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: 2 * time.Second, FreelistType: bolt.FreelistMapType, InitialMmapSize: 1 << 30})
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bMeta, bRemoved, bDocs, bRecs} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	st := &store{db: db}
	if cached > 0 {
		st.sents, _ = lru.New[Ref, *Sentence](cached)
	}
	return st, nil
}

// openStoreReadOnly opens a store to read from, shared with any number
// of other readers.
func openStoreReadOnly(path string, cached int) (*store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db, err := bolt.Open(path, 0o444, &bolt.Options{Timeout: 2 * time.Second, ReadOnly: true, InitialMmapSize: 1 << 30})
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	st := &store{db: db}
	if cached > 0 {
		st.sents, _ = lru.New[Ref, *Sentence](cached)
	}
	return st, nil
}

func (s *store) close() error { return s.db.Close() }

// recsKey names the records bucket of a version of a document.
func recsKey(id string, gen int64) []byte {
	k := make([]byte, len(id)+9)
	copy(k, id)
	binary.BigEndian.PutUint64(k[len(id)+1:], uint64(gen))
	return k
}

func recKey(kind byte, n int) []byte {
	k := [5]byte{kind}
	binary.BigEndian.PutUint32(k[1:], uint32(n))
	return k[:]
}

// state is what the store holds besides records.
type storeState struct {
	docs    []*Summary
	removed []string
	nextGen int64
	clean   bool
}

// load reads the summaries and counters, and marks the store unclean
// until close says otherwise.
func (s *store) load() (*storeState, error) {
	var st *storeState
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		if st, err = readState(tx); err != nil {
			return err
		}
		return tx.Bucket(bMeta).Put(kClean, []byte("0"))
	})
	return st, err
}

// read reads the summaries and counters of a read-only store.
func (s *store) read() (*storeState, error) {
	var st *storeState
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		st, err = readState(tx)
		return err
	})
	return st, err
}

func readState(tx *bolt.Tx) (*storeState, error) {
	st := &storeState{}
	for _, b := range [][]byte{bMeta, bRemoved, bDocs, bRecs} {
		if tx.Bucket(b) == nil {
			return nil, fmt.Errorf("not a store: no bucket %s", b)
		}
	}
	meta := tx.Bucket(bMeta)
	if v := meta.Get(kNextGen); len(v) == 8 {
		st.nextGen = int64(binary.BigEndian.Uint64(v))
	}
	st.clean = string(meta.Get(kClean)) == "1"
	err := func() error {
		if err := tx.Bucket(bRemoved).ForEach(func(k, _ []byte) error {
			st.removed = append(st.removed, string(k))
			return nil
		}); err != nil {
			return err
		}
		return tx.Bucket(bDocs).ForEach(func(k, v []byte) error {
			sum, err := decodeSummary(v)
			if err != nil {
				return fmt.Errorf("document %s: %w", k, err)
			}
			st.docs = append(st.docs, sum)
			return nil
		})
	}()
	return st, err
}

// markClean records that the bleve index and the store agree.
func (s *store) markClean() error {
	return s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(kClean, []byte("1")) })
}

// putRecords writes records of a version of documents. They are not
// part of the index until a commit puts the version's summary; a crash
// before that leaves them to staleRecs.
func (s *store) putRecords(rs []*records) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		recs := tx.Bucket(bRecs)
		for _, r := range rs {
			b, err := recs.CreateBucketIfNotExists(recsKey(r.doc, r.gen))
			if err != nil {
				return err
			}
			b.FillPercent = 0.95 // records are written in order, and never again
			for _, p := range r.paragraphs {
				if err := b.Put(recKey('p', p.n), p.v); err != nil {
					return err
				}
			}
			for _, h := range r.headings {
				if err := b.Put(recKey('h', h.n), h.v); err != nil {
					return err
				}
			}
			for _, sn := range r.sentences {
				if err := b.Put(recKey('s', sn.n), sn.v); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// change is one commit: summaries to put (their records are written),
// versions whose records to delete, documents to delete, seeds removed or
// back.
type change struct {
	put       []*Summary
	dropRecs  []Ref // Doc and Gen of versions whose records go
	drop      []string
	removed   []string
	unremoved []string
	nextGen   int64
}

func (s *store) commit(c change) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		docs, recs, rem := tx.Bucket(bDocs), tx.Bucket(bRecs), tx.Bucket(bRemoved)
		recs.FillPercent = 0.9
		for _, sum := range c.put {
			if err := docs.Put([]byte(sum.ID), encodeSummary(sum)); err != nil {
				return err
			}
		}
		for _, ref := range c.dropRecs {
			if err := recs.DeleteBucket(recsKey(ref.Doc, ref.Gen)); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
				return err
			}
		}
		for _, id := range c.drop {
			if err := docs.Delete([]byte(id)); err != nil {
				return err
			}
		}
		for _, id := range c.removed {
			if err := rem.Put([]byte(id), nil); err != nil {
				return err
			}
		}
		for _, id := range c.unremoved {
			if err := rem.Delete([]byte(id)); err != nil {
				return err
			}
		}
		var g [8]byte
		binary.BigEndian.PutUint64(g[:], uint64(c.nextGen))
		return tx.Bucket(bMeta).Put(kNextGen, g[:])
	})
}

// staleRecs lists the versions whose records no summary points to: left
// by a crash between writing them and a commit that never came.
func (s *store) staleRecs(live map[string]int64) ([]Ref, error) {
	var out []Ref
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bRecs).ForEachBucket(func(k []byte) error {
			if len(k) < 9 {
				return nil
			}
			id, gen := string(k[:len(k)-9]), int64(binary.BigEndian.Uint64(k[len(k)-8:]))
			if g, ok := live[id]; !ok || g != gen {
				out = append(out, Ref{Doc: id, Gen: gen})
			}
			return nil
		})
	})
	return out, err
}

// readSentences reads sentence records in one transaction; a missing one
// is nil when lenient, else an error.
func (s *store) readSentences(refs []Ref, lenient bool) ([]*Sentence, error) {
	out := make([]*Sentence, len(refs))
	missing := len(refs)
	if s.sents != nil {
		for i, r := range refs {
			if sr, ok := s.sents.Get(r); ok {
				out[i] = sr
				missing--
			}
		}
		if missing == 0 {
			return out, nil
		}
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		recs := tx.Bucket(bRecs)
		var b *bolt.Bucket
		var last Ref
		for i, r := range refs {
			if out[i] != nil {
				continue
			}
			if b == nil || r.Doc != last.Doc || r.Gen != last.Gen {
				b, last = recs.Bucket(recsKey(r.Doc, r.Gen)), r
			}
			var v []byte
			if b != nil {
				v = b.Get(recKey('s', r.N))
			}
			if v == nil {
				if lenient {
					continue
				}
				return fmt.Errorf("sentence %s/%d/%d: %w", r.Doc, r.Gen, r.N, ErrNotFound)
			}
			sr, err := decodeSentence(r.Doc, r.Gen, v)
			if err != nil {
				return err
			}
			if h := b.Get(recKey('h', sr.Para)); h != nil {
				sr.Heading = string(h)
			}
			out[i] = sr
			if s.sents != nil {
				s.sents.Add(r, sr)
			}
		}
		return nil
	})
	return out, err
}

// readParagraphs reads paragraph records in one transaction; a missing
// one is nil when lenient, else an error.
func (s *store) readParagraphs(refs []Ref, lenient bool) ([]*Paragraph, error) {
	out := make([]*Paragraph, len(refs))
	err := s.db.View(func(tx *bolt.Tx) error {
		recs := tx.Bucket(bRecs)
		var b *bolt.Bucket
		var last Ref
		for i, r := range refs {
			if b == nil || r.Doc != last.Doc || r.Gen != last.Gen {
				b, last = recs.Bucket(recsKey(r.Doc, r.Gen)), r
			}
			var v []byte
			if b != nil {
				v = b.Get(recKey('p', r.N))
			}
			if v == nil {
				if lenient {
					continue
				}
				return fmt.Errorf("paragraph %s/%d/%d: %w", r.Doc, r.Gen, r.N, ErrNotFound)
			}
			pr, err := decodeParagraph(r.Doc, r.Gen, v)
			if err != nil {
				return err
			}
			out[i] = pr
		}
		return nil
	})
	return out, err
}

// derived reads the data named name derived from a version of a document
// by the deriver version, or nil.
func (s *store) derived(id string, gen int64, name, version string) ([]byte, error) {
	var out []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bRecs).Bucket(recsKey(id, gen))
		if b == nil {
			return nil
		}
		v := b.Get(derivedKey(name))
		if rest, ok := bytes.CutPrefix(v, []byte(version+"\x00")); ok {
			out = bytes.Clone(rest)
		}
		return nil
	})
	return out, err
}

// putDerived stores derived data with a version of a document, replacing
// what another deriver version stored; nothing when the version is gone.
func (s *store) putDerived(id string, gen int64, name, version string, data []byte) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bRecs).Bucket(recsKey(id, gen))
		if b == nil {
			return nil
		}
		v := make([]byte, 0, len(version)+1+len(data))
		v = append(append(append(v, version...), 0), data...)
		return b.Put(derivedKey(name), v)
	})
}

func derivedKey(name string) []byte { return append([]byte{'d'}, name...) }
