package index

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	bolt "go.etcd.io/bbolt"
)

// ErrReadOnly is returned by the methods that change an index opened
// with Config.ReadOnly.
var ErrReadOnly = errors.New("index is read-only (a replica): add and remove documents on the writer, then publish")

// Publish writes a snapshot of the index to dst, a directory that must
// not exist: the store, the bleve index and the stored files as of one
// commit, for any number of read-only replicas to open (Config.ReadOnly).
// The snapshot appears whole or not at all (it is written beside dst and
// renamed). Commits wait while the store and the bleve index are copied;
// searches do not.
func (x *Index) Publish(dst string) error {
	if x.cfg.ReadOnly {
		return ErrReadOnly
	}
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("publish: %s exists", dst)
	}
	tmp := dst + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(tmp, docsDir), 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	sums, err := x.copyFiles(tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("publish: %w", err)
	}
	// Stored files never change once written (a new version gets new
	// names), so they are linked where the file system allows.
	for _, s := range sums {
		for _, f := range s.files() {
			if f == "" {
				continue
			}
			if err := linkOrCopy(filepath.Join(x.cfg.Dir, docsDir, f), filepath.Join(tmp, docsDir, f)); err != nil {
				os.RemoveAll(tmp)
				return fmt.Errorf("publish: %w", err)
			}
		}
	}
	if err := copyFile(filepath.Join(x.cfg.Dir, manifestName), filepath.Join(tmp, manifestName)); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("publish: %w", err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

// copyFiles copies the store and the bleve index to dir with no commit
// between them, and returns the summaries they hold. The store is copied
// first: bleve then holds every version the copy commits (a version is
// indexed before its commit), and perhaps some that no summary names,
// which searches skip.
func (x *Index) copyFiles(dir string) ([]*Summary, error) {
	x.writeMu.Lock()
	defer x.writeMu.Unlock()
	if x.st == nil {
		return nil, errors.New("index is closed")
	}
	err := x.st.db.View(func(tx *bolt.Tx) error {
		return tx.CopyFile(filepath.Join(dir, storeName), 0o644)
	})
	if err != nil {
		return nil, fmt.Errorf("copy store: %w", err)
	}
	c, ok := x.bleve.(bleve.IndexCopyable)
	if !ok {
		return nil, errors.New("the bleve index cannot be copied")
	}
	if err := c.CopyTo(bleve.FileSystemDirectory(filepath.Join(dir, bleveDir))); err != nil {
		return nil, fmt.Errorf("copy bleve index: %w", err)
	}
	x.mu.RLock()
	sums := make([]*Summary, 0, len(x.docs))
	for _, s := range x.docs {
		sums = append(sums, s)
	}
	x.mu.RUnlock()
	return sums, nil
}

func linkOrCopy(src, dst string) error {
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	return copyFile(src, dst)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// openReadOnly opens the snapshot in cfg.Dir to answer from: nothing is
// created, rebuilt, recovered or locked.
func (x *Index) openReadOnly() error {
	dir := x.cfg.Dir
	m, err := readManifest(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("not an index: %w", err)
	}
	if err != nil {
		return err
	}
	if m.Schema != Schema || m.Segmenter != x.cfg.SegmenterName {
		return fmt.Errorf("index of schema %d and segmenter %q, this program reads schema %d with %q: publish it again from a writer of this version",
			m.Schema, m.Segmenter, Schema, x.cfg.SegmenterName)
	}
	st, err := openStoreReadOnly(filepath.Join(dir, storeName), x.cfg.RecordCache)
	if err != nil {
		return err
	}
	x.st = st
	cfg := scorchConfig()
	cfg["read_only"] = true
	b, err := bleve.OpenUsing(filepath.Join(dir, bleveDir), cfg)
	if err != nil {
		return fmt.Errorf("open bleve index: %w", err)
	}
	x.bleve = b
	state, err := x.st.read()
	if err != nil {
		return err
	}
	x.loadState(state)
	return nil
}

// Compaction keeps the large segments bleve's own merging has built: a
// segment holding at least one compactShare-th of the index's bleve
// documents, and at least compactFloor of them, stays as it is.
const (
	compactShare = 16
	compactFloor = 100_000
)

// compactOptions returns the merge plan that compacts an index of n bleve
// documents (see Compact).
func compactOptions(n uint64) mergeplan.MergePlanOptions {
	// bleve's single-segment plan merges ten segments a task; an index
	// grown by a bulk add has more.
	opts := mergeplan.SingleSegmentMergePlanOptions
	opts.SegmentsPerMergeTask = 1 << 10
	if big := int64(n / compactShare); big > compactFloor {
		// The planner merges only segments of fewer than half
		// MaxSegmentSize documents.
		opts.MaxSegmentSize = 2 * big
	}
	return opts
}

// Compact merges the small segments of the bleve index into one, so that
// a search reads each word's postings from few segments: for after a bulk
// add. The large segments that bleve's merging has already built (see
// compactShare) stay, so compacting costs a fraction of rewriting the
// whole index and leaves at most compactShare of them beside the merged
// one; an index of up to compactShare×compactFloor bleve documents (1.6
// million, about 24 times the 118 reports of the corpus) ends in one
// segment. Searches go on meanwhile; commits wait.
func (x *Index) Compact(ctx context.Context) error {
	if x.cfg.ReadOnly {
		return ErrReadOnly
	}
	x.writeMu.Lock()
	defer x.writeMu.Unlock()
	adv, err := x.bleve.Advanced()
	if err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	n, err := x.bleve.DocCount()
	if err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	opts := compactOptions(n)
	if err := s.ForceMerge(ctx, &opts); err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	return nil
}
