package index

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
)

// openShards opens each directory of cfg.Shards read-only and searches
// them as one index: their bleve indexes through a bleve IndexAlias,
// their summaries in one catalogue, the records and files of each
// document read from its own shard. A document id may be in one shard
// only.
func (x *Index) openShards() error {
	var bl []bleve.Index
	x.shardOf = map[string]*Index{}
	for _, dir := range x.cfg.Shards {
		c := x.cfg
		c.Shards, c.ReadOnly, c.Dir, c.Seeds = nil, true, dir, nil
		s, err := Open(c)
		if err != nil {
			return fmt.Errorf("shard %s: %w", dir, err)
		}
		x.shards = append(x.shards, s)
		bl = append(bl, s.bleve)
		for id, sum := range s.docs {
			if other, dup := x.shardOf[id]; dup {
				return fmt.Errorf("document %s is in shards %s and %s", id, other.cfg.Dir, dir)
			}
			x.shardOf[id] = s
			x.docs[id] = sum
			x.cat.add(sum)
			x.bumpGen(sum.Gen)
		}
	}
	x.bleve = bleve.NewIndexAlias(bl...)
	return nil
}

// closeShards closes the shards of a sharded index.
func (x *Index) closeShards() error {
	var errs []error
	for _, s := range x.shards {
		errs = append(errs, s.Close())
	}
	x.shards, x.bleve = nil, nil
	return errors.Join(errs...)
}

// dirOf returns the directory holding a document's files.
func (x *Index) dirOf(s *Summary) string {
	if sh := x.shardOf[s.ID]; sh != nil {
		return sh.cfg.Dir
	}
	return x.cfg.Dir
}

// docsPath is the path of a stored file of a document.
func (x *Index) docsPath(s *Summary, name string) string {
	return filepath.Join(x.dirOf(s), docsDir, name)
}

// storeOf returns the store holding a document's records, or nil.
func (x *Index) storeOf(doc string) *store {
	if x.shardOf == nil {
		return x.st
	}
	if sh := x.shardOf[doc]; sh != nil {
		return sh.st
	}
	return nil
}

// readSentences reads sentence records from the stores holding them (see
// store.readSentences).
func (x *Index) readSentences(refs []Ref, lenient bool) ([]*Sentence, error) {
	return readSharded(x, refs, lenient, (*store).readSentences)
}

// readParagraphs reads paragraph records from the stores holding them.
func (x *Index) readParagraphs(refs []Ref, lenient bool) ([]*Paragraph, error) {
	return readSharded(x, refs, lenient, (*store).readParagraphs)
}

func readSharded[T any](x *Index, refs []Ref, lenient bool, read func(*store, []Ref, bool) ([]*T, error)) ([]*T, error) {
	if x.shardOf == nil {
		return read(x.st, refs, lenient)
	}
	out := make([]*T, len(refs))
	byStore := map[*store][]int{}
	for i, r := range refs {
		st := x.storeOf(r.Doc)
		if st == nil {
			if lenient {
				continue
			}
			return nil, fmt.Errorf("%s: %w", r.Doc, ErrNotFound)
		}
		byStore[st] = append(byStore[st], i)
	}
	for st, idx := range byStore {
		sub := make([]Ref, len(idx))
		for k, i := range idx {
			sub[k] = refs[i]
		}
		rs, err := read(st, sub, lenient)
		if err != nil {
			return nil, err
		}
		for k, i := range idx {
			out[i] = rs[k]
		}
	}
	return out, nil
}
