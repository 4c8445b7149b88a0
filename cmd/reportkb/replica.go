package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"reportkb/index"
	"reportkb/seeds"
)

// A publish root holds snapshots of a writer's index (snap-TIME
// directories, see index.Publish) and a file CURRENT naming the newest;
// replicas (-replica ROOT) open the one CURRENT names, read-only, and
// follow it as it changes.
const currentName = "CURRENT"

// publishTo publishes a snapshot of x into root, points CURRENT at it,
// and removes all but the newest keep snapshots.
func publishTo(x *index.Index, root string, keep int) (string, error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return "", err
	}
	name := "snap-" + time.Now().UTC().Format("20060102T150405.000000000")
	if err := x.Publish(filepath.Join(root, name)); err != nil {
		return "", err
	}
	tmp := filepath.Join(root, currentName+".tmp")
	if err := os.WriteFile(tmp, []byte(name+"\n"), 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, filepath.Join(root, currentName)); err != nil {
		return "", err
	}
	snaps, _ := filepath.Glob(filepath.Join(root, "snap-*"))
	sort.Strings(snaps)
	for i := 0; i < len(snaps)-max(keep, 1); i++ {
		if !strings.HasSuffix(snaps[i], ".tmp") {
			os.RemoveAll(snaps[i])
		}
	}
	return filepath.Join(root, name), nil
}

// currentSnapshot returns the snapshot a replica of root opens: the one
// root/CURRENT names, or root itself when it is a snapshot (or an index
// no writer uses).
func currentSnapshot(root string) (string, error) {
	data, err := os.ReadFile(filepath.Join(root, currentName))
	if errors.Is(err, os.ErrNotExist) {
		if _, err := os.Stat(filepath.Join(root, "reportkb.json")); err == nil {
			return root, nil
		}
		return "", fmt.Errorf("%s holds no published snapshot (no %s): run reportkb publish, or serve the writer with -publish", root, currentName)
	}
	if err != nil {
		return "", err
	}
	name := strings.TrimSpace(string(data))
	if name == "" || strings.ContainsAny(name, `/\`) {
		return "", fmt.Errorf("%s: bad snapshot name %q", filepath.Join(root, currentName), name)
	}
	return filepath.Join(root, name), nil
}

func publishCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("publish", stderr)
	var c common
	c.register(fs)
	to := fs.String("to", "", "publish root `directory` replicas read (reportkb serve -replica DIR)")
	keep := fs.Int("keep", 2, "snapshots kept in the root: replicas must reload within this many publishes")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"unexpected arguments: " + strings.Join(fs.Args(), " ")}
	}
	if *to == "" {
		return usageError{"-to is required: the directory replicas read"}
	}
	if c.replica != "" {
		return usageError{"-replica: publish from the writer's -index"}
	}
	x, _, err := c.open(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		return err
	}
	defer x.Close()
	snap, err := publishTo(x, *to, *keep)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "published %d documents to %s\n", x.Len(), snap)
	return nil
}

// swapHandler serves with the newest of the handlers it is given.
type swapHandler struct{ h atomic.Pointer[http.Handler] }

func (s *swapHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	(*s.h.Load()).ServeHTTP(w, r)
}

func (s *swapHandler) set(h http.Handler) { s.h.Store(&h) }

// follow reloads a replica when its root's CURRENT names another
// snapshot: it opens the new one, serves from it, and closes the old one
// once requests under way are done. It returns when stop is closed.
func follow(root, snap string, every time.Duration, log *slog.Logger, open func(dir string) (*index.Index, http.Handler, error),
	sw *swapHandler, old *index.Index, stop <-chan struct{}) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		next, err := currentSnapshot(root)
		if err != nil || next == snap {
			continue
		}
		x, h, err := open(next)
		if err != nil {
			log.Error("replica: cannot open the new snapshot", "snapshot", next, "err", err)
			continue
		}
		sw.set(h)
		log.Info("replica: serving a new snapshot", "snapshot", next, "documents", x.Len())
		prev := old
		time.AfterFunc(2*writeTimeout, func() { prev.Close() })
		snap, old = next, x
	}
}

// homeIDs are the ids of the embedded reports: questions that name no
// place are about them first.
func homeIDs() []string {
	var home []string
	for _, f := range seeds.Files() {
		home = append(home, index.DocID(f.Name))
	}
	return home
}

// publishChanges publishes a snapshot of x to root whenever its documents
// changed since the last, looking every so often, until stop is closed.
func publishChanges(x *index.Index, root string, every time.Duration, log *slog.Logger, stop <-chan struct{}) {
	last := ^uint64(0) // a first snapshot at start: the index may have changed offline
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if v := x.Version(); v != last {
			snap, err := publishTo(x, root, 2)
			if err != nil {
				log.Error("publish", "root", root, "err", err)
			} else {
				log.Info("published", "snapshot", snap, "documents", x.Len())
				last = v
			}
		}
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}
