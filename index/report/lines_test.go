package report

import "testing"

// A bracketed note after a full stop (结转下年使用。（详见附表 1）) ends the
// sentence, so the heading on the next line starts a section; a bracket
// that closes a clause does not.
func TestEndsSentenceTrailingNote(t *testing.T) {
	for s, want := range map[string]bool{
		"元，结转下年使用。（详见附表 1）":              true,
		"元，结转下年使用。(详见附表1)":               true,
		"全市一般公共预算收入（不含汝州）":               false,
		"结转下年使用。”":                       true,
		"元，结转下年使用（详见附表 1）":               false,
		"元。（这是一个很长很长很长很长很长很长很长的说明，不是附注）": false,
	} {
		if got := endsSentence(s); got != want {
			t.Errorf("endsSentence(%q) = %v, want %v", s, got, want)
		}
	}
}
