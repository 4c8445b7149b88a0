//go:build !unix

package index

// lockDir does not lock on systems without flock.
func lockDir(dir string) (func() error, error) {
	return func() error { return nil }, nil
}
