// Package seeds holds the reports built into the binary, so that the
// knowledge base answers questions the moment it starts.
package seeds

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed *.txt
var files embed.FS

// File is an embedded report.
type File struct {
	Name string // file name; the document id is the name without ".txt"
	Data []byte
}

// Files returns the embedded reports, ordered by name.
func Files() []File {
	ents, err := fs.ReadDir(files, ".")
	if err != nil {
		panic(err) // the embedded file system is fixed at build time
	}
	var out []File
	for _, e := range ents {
		data, err := files.ReadFile(e.Name())
		if err != nil {
			panic(err)
		}
		out = append(out, File{Name: e.Name(), Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
