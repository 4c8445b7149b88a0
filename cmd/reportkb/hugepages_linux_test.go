package main

import (
	"slices"
	"testing"
)

func TestHugePagesEnv(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  []string
		mode string
		want []string // nil: run as it is
	}{
		{"madvise", []string{"HOME=/root"}, "always [madvise] never\n", []string{"HOME=/root", "GLIBC_TUNABLES=glibc.malloc.hugetlb=1"}},
		{"always", []string{"HOME=/root"}, "[always] madvise never\n", nil},
		{"never", []string{"HOME=/root"}, "always madvise [never]\n", nil},
		{"other tunables kept", []string{"GLIBC_TUNABLES=glibc.malloc.arena_max=2", "A=1"}, "always [madvise] never", []string{"A=1", "GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"}},
		{"empty tunables", []string{"GLIBC_TUNABLES="}, "always [madvise] never", []string{"GLIBC_TUNABLES=glibc.malloc.hugetlb=1"}},
		{"user's choice, or the second run", []string{"GLIBC_TUNABLES=glibc.malloc.hugetlb=0"}, "always [madvise] never", nil},
	} {
		got := hugePagesEnv(tc.env, tc.mode)
		if !slices.Equal(got, tc.want) || (got == nil) != (tc.want == nil) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
