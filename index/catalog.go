package index

import (
	"sort"

	"reportkb/index/report"
)

// catalog finds documents by what they are without a pass over all of
// them: sets of document ids by region, level, kind, year and pinyin
// spelling of the region, kept up to date on every add and removal. The
// Index guards it with its mutex.
type catalog struct {
	byRegion   map[string]idSet
	byLevel    map[string]idSet
	byKind     map[string]idSet
	byYear     map[int]idSet
	bySpelling map[string]idSet
}

type idSet map[string]struct{}

func newCatalog() *catalog {
	return &catalog{byRegion: map[string]idSet{}, byLevel: map[string]idSet{}, byKind: map[string]idSet{},
		byYear: map[int]idSet{}, bySpelling: map[string]idSet{}}
}

func addTo[K comparable](m map[K]idSet, k K, id string) {
	s, ok := m[k]
	if !ok {
		s = idSet{}
		m[k] = s
	}
	s[id] = struct{}{}
}

func dropFrom[K comparable](m map[K]idSet, k K, id string) {
	if s, ok := m[k]; ok {
		delete(s, id)
		if len(s) == 0 {
			delete(m, k)
		}
	}
}

func (c *catalog) add(s *Summary) {
	addTo(c.byRegion, s.Meta.Region, s.ID)
	addTo(c.byLevel, s.Meta.Level, s.ID)
	addTo(c.byKind, s.Meta.Kind, s.ID)
	for _, y := range s.Years() {
		addTo(c.byYear, y, s.ID)
	}
	for _, sp := range s.Spellings {
		addTo(c.bySpelling, sp, s.ID)
	}
}

func (c *catalog) remove(s *Summary) {
	dropFrom(c.byRegion, s.Meta.Region, s.ID)
	dropFrom(c.byLevel, s.Meta.Level, s.ID)
	dropFrom(c.byKind, s.Meta.Kind, s.ID)
	for _, y := range s.Years() {
		dropFrom(c.byYear, y, s.ID)
	}
	for _, sp := range s.Spellings {
		dropFrom(c.bySpelling, sp, s.ID)
	}
}

// regionsMatching returns the regions of the documents that place (a full
// or short name: 上海, 上海市) names, by report.PlaceMatches: a pass over
// the distinct regions, a few thousand for the whole country.
func (c *catalog) regionsMatching(place string) []string {
	var out []string
	for r := range c.byRegion {
		if report.PlaceMatches(place, r) {
			out = append(out, r)
		}
	}
	sort.Strings(out)
	return out
}

// union returns the ids in any of the sets of keys, nil when keys is empty.
func union[K comparable](m map[K]idSet, keys []K) idSet {
	if len(keys) == 0 {
		return nil
	}
	if len(keys) == 1 {
		if s := m[keys[0]]; s != nil {
			return s
		}
		return idSet{}
	}
	out := idSet{}
	for _, k := range keys {
		for id := range m[k] {
			out[id] = struct{}{}
		}
	}
	return out
}

// selectIDs returns the ids of the documents that pass the document-level
// fields of f (Doc, Docs, Region, Regions, Levels, Kinds, Year, Years),
// and false when f has none of them (every document passes).
func (c *catalog) selectIDs(f Filter, all map[string]*Summary) (idSet, bool) {
	var sets []idSet
	if f.Doc != "" {
		sets = append(sets, idSet{f.Doc: {}})
	}
	if len(f.Docs) > 0 {
		s := idSet{}
		for _, id := range f.Docs {
			s[id] = struct{}{}
		}
		sets = append(sets, s)
	}
	if f.Region != "" {
		sets = append(sets, union(c.byRegion, c.regionsMatching(f.Region)))
		if len(sets[len(sets)-1]) == 0 {
			return idSet{}, true
		}
	}
	if s := union(c.byRegion, f.Regions); s != nil {
		sets = append(sets, s)
	}
	if s := union(c.byLevel, f.Levels); s != nil {
		sets = append(sets, s)
	}
	if s := union(c.byKind, f.Kinds); s != nil {
		sets = append(sets, s)
	}
	years := f.Years
	if f.Year > 0 {
		if s := union(c.byYear, []int{f.Year}); s != nil {
			sets = append(sets, s)
		}
	}
	if s := union(c.byYear, years); s != nil {
		sets = append(sets, s)
	}
	if len(sets) == 0 {
		return nil, false
	}
	sort.Slice(sets, func(i, j int) bool { return len(sets[i]) < len(sets[j]) })
	out := idSet{}
outer:
	for id := range sets[0] {
		if _, ok := all[id]; !ok {
			continue
		}
		for _, s := range sets[1:] {
			if _, ok := s[id]; !ok {
				continue outer
			}
		}
		out[id] = struct{}{}
	}
	return out, true
}
