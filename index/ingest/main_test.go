package ingest

import (
	"testing"

	"reportkb/internal/testskip"
)

// TestMain names the tests that skipped (see package testskip).
func TestMain(m *testing.M) { testskip.Main(m) }
