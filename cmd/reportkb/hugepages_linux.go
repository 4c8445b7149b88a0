package main

import (
	"os"
	"strings"
	"syscall"
)

// hugeTunable asks glibc's malloc to back its heap with transparent huge
// pages where the kernel leaves them to madvise(2). gojieba builds its
// dictionary trie, about 120 MB of small C++ allocations, each time the
// program starts: with 4 KB pages that is some 80,000 page faults, and
// loading takes 1.2–1.5 s on a 2-core VM against 0.5–0.7 s with huge
// pages, which is most of the time from launch to a server's first
// answer.
const hugeTunable = "glibc.malloc.hugetlb=1"

// thpMode is where the kernel says when it uses transparent huge pages.
var thpMode = "/sys/kernel/mm/transparent_hugepage/enabled"

// hugePagesEnv returns the environment to run the program again in so
// that glibc's malloc uses transparent huge pages, or nil when it need
// not: the kernel uses them always or never, or GLIBC_TUNABLES already
// says (a user who set glibc.malloc.hugetlb keeps their choice, and the
// program run again does not run itself a third time).
func hugePagesEnv(env []string, mode string) []string {
	if !strings.Contains(mode, "[madvise]") {
		return nil
	}
	out := make([]string, 0, len(env)+1)
	tunables := hugeTunable
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "GLIBC_TUNABLES="); ok {
			if strings.Contains(v, "glibc.malloc.hugetlb") {
				return nil
			}
			if v != "" {
				tunables = v + ":" + hugeTunable
			}
			continue
		}
		out = append(out, kv)
	}
	return append(out, "GLIBC_TUNABLES="+tunables)
}

// useHugePages runs the program again, as the same process, with
// glibc's malloc using transparent huge pages (see hugeTunable), when the
// kernel leaves them to madvise and the environment does not already ask
// for them; on any failure it returns and the program goes on as it is.
func useHugePages() {
	mode, err := os.ReadFile(thpMode)
	if err != nil {
		return
	}
	env := hugePagesEnv(os.Environ(), string(mode))
	if env == nil {
		return
	}
	exe, err := os.Executable()
	if err != nil {
		return
	}
	syscall.Exec(exe, os.Args, env) // returns only on failure
}
