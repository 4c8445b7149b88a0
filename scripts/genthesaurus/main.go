// Command genthesaurus writes the thesaurus table embedded in package qa
// (qa/lexicon/thesaurus.txt.gz) from HanLP's CoreSynonym.txt (Apache-2.0;
// the format of 同义词词林扩展版): the synonym groups (=) and the groups of
// related words (#), each word of two characters or more. Single words
// (@) have no synonyms and are left out.
//
// Usage:
//
//	go run ./scripts/genthesaurus [-in ../shared/thesaurus/CoreSynonym.txt] [-o qa/lexicon/thesaurus.txt.gz]
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"unicode/utf8"
)

func main() {
	in := flag.String("in", "../shared/thesaurus/CoreSynonym.txt", "HanLP's CoreSynonym.txt")
	out := flag.String("o", "qa/lexicon/thesaurus.txt.gz", "output file")
	flag.Parse()
	f, err := os.Open(*in)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	o, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	zw, err := gzip.NewWriterLevel(o, gzip.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# Derived by scripts/genthesaurus from HanLP's CoreSynonym.txt (hankcs/HanLP, data/dictionary/synonym,")
	fmt.Fprintln(w, "# commit 96e882a8be1e45456ab8b2bd96e4fa3dde16405c), Apache License 2.0. Fields: code, marker (= synonyms,")
	fmt.Fprintln(w, "# # related words), the words of two characters or more.")
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	groups := 0
	for sc.Scan() {
		line := strings.TrimPrefix(sc.Text(), "\ufeff")
		fs := strings.Fields(line)
		if len(fs) < 2 || len(fs[0]) != 8 {
			continue
		}
		code, mark := fs[0][:7], fs[0][7:]
		if mark != "=" && mark != "#" {
			continue
		}
		var words []string
		seen := map[string]bool{}
		for _, x := range fs[1:] {
			if utf8.RuneCountInString(x) >= 2 && !seen[x] {
				seen[x] = true
				words = append(words, x)
			}
		}
		if len(words) < 2 {
			continue
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", code, mark, strings.Join(words, " "))
		groups++
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := o.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %d groups to %s", groups, *out)
}
