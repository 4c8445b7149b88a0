// Package jieba segments Chinese text with gojieba (cppjieba through cgo).
//
// It is the only package that links gojieba. A process holds one handle
// per dictionary directory; the handle is safe for concurrent use and
// frees itself once, through gojieba's finalizer, when it is no longer
// referenced.
package jieba

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/yanyiwu/gojieba"

	"reportkb/index/segment"
)

// EnvDict is the environment variable that names the dictionary directory.
const EnvDict = "REPORTKB_DICT"

// dictFiles are the files of the dictionary directory the segmenter reads:
// the dictionary, the HMM model for unknown words and the user dictionary.
// gojieba also wants an IDF table and stop words, for keyword extraction,
// which reportkb does not use; reading the 6 MB table took a third of the
// segmenter's load, which the first answer after a start waits for, so it
// gets stubs (see stubFiles).
var dictFiles = []string{"jieba.dict.utf8", "hmm_model.utf8", "user.dict.utf8"}

// stubFiles writes a one-line IDF table and stop-word list into a new
// temporary directory, for gojieba to load instead of its own (cppjieba
// reads them while it is built, and rejects empty ones); remove the
// directory afterwards.
func stubFiles() (dir, idf, stop string, err error) {
	dir, err = os.MkdirTemp("", "reportkb-jieba-")
	if err != nil {
		return "", "", "", fmt.Errorf("jieba: %w", err)
	}
	idf, stop = filepath.Join(dir, "idf.utf8"), filepath.Join(dir, "stop_words.utf8")
	if err := os.WriteFile(idf, []byte("的 1.0\n"), 0o600); err != nil {
		os.RemoveAll(dir)
		return "", "", "", fmt.Errorf("jieba: %w", err)
	}
	if err := os.WriteFile(stop, []byte("的\n"), 0o600); err != nil {
		os.RemoveAll(dir)
		return "", "", "", fmt.Errorf("jieba: %w", err)
	}
	return dir, idf, stop, nil
}

//go:embed userdict.txt
var userDict string

// Segmenter is a gojieba handle. It implements segment.Segmenter and is
// safe for concurrent use.
type Segmenter struct {
	j   *gojieba.Jieba
	dir string
}

var (
	mu      sync.Mutex
	handles = map[string]*Segmenter{}
)

// ErrNoDict is returned when no dictionary directory can be found.
var ErrNoDict = errors.New("jieba dictionary not found")

// FindDict returns the dictionary directory to use: dir when it is not
// empty, else $REPORTKB_DICT, else a "dict" directory next to the
// executable, else the directory gojieba was built with (in the Go module
// cache), else /usr/share/reportkb/dict. It checks that every file gojieba
// needs is there.
func FindDict(dir string) (string, error) {
	var tried []string
	try := func(d string) (string, bool) {
		if d == "" {
			return "", false
		}
		tried = append(tried, d)
		for _, f := range dictFiles {
			if _, err := os.Stat(filepath.Join(d, f)); err != nil {
				return "", false
			}
		}
		return d, true
	}
	if dir != "" {
		if d, ok := try(dir); ok {
			return d, nil
		}
		return "", fmt.Errorf("%w in %s: it needs %s", ErrNoDict, dir, strings.Join(dictFiles, ", "))
	}
	if env := os.Getenv(EnvDict); env != "" {
		if d, ok := try(env); ok {
			return d, nil
		}
		return "", fmt.Errorf("%w in %s=%s: it needs %s", ErrNoDict, EnvDict, env, strings.Join(dictFiles, ", "))
	}
	var cands []string
	if exe, err := os.Executable(); err == nil {
		cands = append(cands, filepath.Join(filepath.Dir(exe), "dict"))
	}
	cands = append(cands, gojieba.DICT_DIR, moduleCacheDict(), "/usr/share/reportkb/dict")
	for _, c := range cands {
		if d, ok := try(c); ok {
			return d, nil
		}
	}
	return "", fmt.Errorf("%w (looked in %s); copy gojieba's deps/cppjieba/dict there or set -dict or %s", ErrNoDict, strings.Join(tried, ", "), EnvDict)
}

// moduleCacheDict is where the Go module cache keeps gojieba's
// dictionaries, for binaries built on another machine.
func moduleCacheDict() string {
	gopath := os.Getenv("GOMODCACHE")
	if gopath == "" {
		gp := os.Getenv("GOPATH")
		if gp == "" {
			home, err := os.UserHomeDir()
			if err != nil {
				return ""
			}
			gp = filepath.Join(home, "go")
		}
		gopath = filepath.Join(gp, "pkg", "mod")
	}
	return filepath.Join(gopath, "github.com", "yanyiwu", "gojieba@v1.4.6", "deps", "cppjieba", "dict")
}

// Open returns the process's segmenter for the dictionaries in dir (see
// FindDict for how an empty dir is resolved), loading them on first use.
func Open(dir string) (*Segmenter, error) {
	d, err := FindDict(dir)
	if err != nil {
		return nil, err
	}
	mu.Lock()
	defer mu.Unlock()
	if s, ok := handles[d]; ok {
		return s, nil
	}
	stubs, idf, stop, err := stubFiles()
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(stubs)
	paths := make([]string, 0, len(dictFiles)+2)
	for _, f := range dictFiles {
		paths = append(paths, filepath.Join(d, f))
	}
	j := gojieba.NewJieba(append(paths, idf, stop)...)
	for _, w := range Words() {
		j.AddWord(w)
	}
	s := &Segmenter{j: j, dir: d}
	handles[d] = s
	return s, nil
}

// Dir returns the dictionary directory the segmenter was loaded from.
func (s *Segmenter) Dir() string { return s.dir }

// Words returns the government-report terms added to the dictionary.
func Words() []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(userDict))
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		out = append(out, w)
	}
	return out
}

// Segment implements segment.Segmenter with gojieba's search mode. The
// words gojieba finds inside a longer word get the position of that word.
func (s *Segmenter) Segment(text string) []segment.Token {
	if text == "" {
		return nil
	}
	words := s.j.Tokenize(text, gojieba.SearchMode, true)
	out := make([]segment.Token, 0, len(words))
	for _, w := range words {
		if w.Start < 0 || w.End > len(text) || w.Start >= w.End || !isWord(text[w.Start:w.End]) {
			continue
		}
		out = append(out, segment.Token{Start: w.Start, End: w.End})
	}
	return positions(out)
}

// positions numbers the top-level words (those inside no other token) and
// gives every shorter word the number of the word it lies in.
func positions(ts []segment.Token) []segment.Token {
	sort.SliceStable(ts, func(i, j int) bool {
		if ts[i].Start != ts[j].Start {
			return ts[i].Start < ts[j].Start
		}
		return ts[i].End > ts[j].End
	})
	pos, curEnd := -1, -1
	for i := range ts {
		if ts[i].Start >= curEnd {
			pos++
			curEnd = ts[i].End
		} else if ts[i].End > curEnd {
			// Overlaps the current word without lying inside it.
			pos++
			curEnd = ts[i].End
		}
		ts[i].Pos = pos
	}
	return ts
}

func isWord(s string) bool {
	for _, r := range s {
		if segment.IsWordRune(r) && r != '.' && r != '%' {
			return true
		}
	}
	return false
}

// Tag returns the words of text with their part of speech, as
// "word/tag" (新增/v, 床位/n), using gojieba's tagger.
func (s *Segmenter) Tag(text string) []string {
	if text == "" {
		return nil
	}
	return s.j.Tag(text)
}

// Background is a Segmenter whose dictionaries load in the background:
// a server can open its index and listen while they load, and the first
// segmentation waits for them. It is safe for concurrent use.
type Background struct {
	ready chan struct{}
	s     *Segmenter
}

// OpenBackground finds the dictionaries in dir as Open does, reporting a
// missing one at once, and loads them in the background.
func OpenBackground(dir string) (*Background, error) {
	d, err := FindDict(dir)
	if err != nil {
		return nil, err
	}
	b := &Background{ready: make(chan struct{})}
	go func() {
		defer close(b.ready)
		s, err := Open(d)
		if err != nil {
			panic(err) // FindDict found them: only a damaged dictionary fails here
		}
		b.s = s
	}()
	return b, nil
}

// Wait returns the loaded segmenter.
func (b *Background) Wait() *Segmenter {
	<-b.ready
	return b.s
}

// Segment segments text once the dictionaries are loaded.
func (b *Background) Segment(text string) []segment.Token { return b.Wait().Segment(text) }

// Tag tags text once the dictionaries are loaded.
func (b *Background) Tag(text string) []string { return b.Wait().Tag(text) }
