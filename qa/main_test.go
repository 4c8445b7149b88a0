package qa

import (
	"testing"

	"reportkb/internal/testskip"
)

// TestMain removes what the tests share across a run (see package
// testskip).
func TestMain(m *testing.M) { testskip.Main(m) }
