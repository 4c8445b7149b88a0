package report

import "sort"

// linesPerPage estimates how many lines of the file a printed page takes,
// from the footers: the median over pairs of consecutive footers. It
// returns 0 when fewer than two footers are known.
func (d *Doc) linesPerPage() float64 {
	var rates []float64
	for i := 1; i < len(d.Footers); i++ {
		a, b := d.Footers[i-1], d.Footers[i]
		rates = append(rates, float64(b.Line-a.Line)/float64(b.Page-a.Page))
	}
	if len(rates) == 0 {
		return 0
	}
	sort.Float64s(rates)
	if len(rates)%2 == 1 {
		return rates[len(rates)/2]
	}
	return (rates[len(rates)/2-1] + rates[len(rates)/2]) / 2
}

// pageAt returns the printed page holding a line. A footer "— N —" closes
// page N, so the lines after it are on page N+1 and later. Between two
// footers the page is interpolated from the line's position; before the
// first and after the last it is extrapolated with lpp lines per page.
// inferred is false only where the page is pinned by the footers: the
// footers on either side are consecutive pages.
func pageAt(fs []Footer, line int, lpp float64) (page int, inferred bool) {
	if len(fs) == 0 {
		return 0, false
	}
	k := sort.Search(len(fs), func(i int) bool { return fs[i].Line >= line })
	switch {
	case k == 0:
		f := fs[0]
		if f.Page == 1 {
			return 1, false
		}
		if lpp > 0 {
			page = f.Page - int(float64(f.Line-line)/lpp)
		} else {
			page = 1 + (line-1)*f.Page/f.Line
		}
		return max(1, min(page, f.Page)), true
	case k == len(fs):
		f := fs[k-1]
		if lpp <= 0 {
			return f.Page + 1, true
		}
		return f.Page + 1 + int(float64(line-f.Line-1)/lpp), true
	}
	a, b := fs[k-1], fs[k]
	if b.Page == a.Page+1 {
		return b.Page, false
	}
	page = a.Page + 1 + (line-a.Line-1)*(b.Page-a.Page)/(b.Line-a.Line)
	return max(a.Page+1, min(page, b.Page)), true
}
