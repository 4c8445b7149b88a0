package bot

import (
	"encoding/xml"
	"errors"
	"strings"
	"testing"
	"time"
)

// The sample values of WeCom's published crypto documentation and of its
// official WXBizMsgCrypt samples.
const (
	sampleToken    = "QDG6eK"
	sampleCorpID   = "wx5823bf96d3bd56c7"
	sampleAESKey   = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
	sampleEchoSig  = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"
	sampleEchoTS   = "1409659589"
	sampleEchoNon  = "263014780"
	sampleEcho     = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=="
	sampleMsgSig   = "477715d11cdb4164915debcba66cb864d751f3e6"
	sampleMsgTS    = "1409659813"
	sampleMsgNonce = "1372623149"
	sampleMsgEnc   = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q=="
)

func TestWeComSamples(t *testing.T) {
	w, err := NewWeCom(sampleToken, sampleAESKey, sampleCorpID)
	if err != nil {
		t.Fatal(err)
	}
	// Verifying the callback URL.
	if got := w.Signature(sampleEchoTS, sampleEchoNon, sampleEcho); got != sampleEchoSig {
		t.Errorf("signature of the URL sample = %s, want %s", got, sampleEchoSig)
	}
	echo, err := w.Open(sampleEchoSig, sampleEchoTS, sampleEchoNon, sampleEcho)
	if err != nil {
		t.Fatal(err)
	}
	if string(echo) != "1616140317555161061" {
		t.Errorf("echostr decrypts to %q, want the sample's 1616140317555161061", echo)
	}
	// Decrypting the message sample.
	msg, err := w.Open(sampleMsgSig, sampleMsgTS, sampleMsgNonce, sampleMsgEnc)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		ToUserName string `xml:"ToUserName"`
		MsgType    string `xml:"MsgType"`
		Content    string `xml:"Content"`
	}
	if err := xml.Unmarshal(msg, &m); err != nil {
		t.Fatalf("decrypted sample is not XML: %v\n%s", err, msg)
	}
	if m.ToUserName != sampleCorpID || m.MsgType != "text" || m.Content != "hello" {
		t.Errorf("decrypted sample = %+v", m)
	}
}

func TestWeComTampered(t *testing.T) {
	w, _ := NewWeCom(sampleToken, sampleAESKey, sampleCorpID)
	tests := []struct{ sig, ts, nonce, enc string }{
		{sampleMsgSig, sampleMsgTS, sampleMsgNonce, strings.Replace(sampleMsgEnc, "R", "S", 1)},
		{sampleMsgSig, "1409659814", sampleMsgNonce, sampleMsgEnc},
		{strings.Repeat("0", 40), sampleMsgTS, sampleMsgNonce, sampleMsgEnc},
	}
	for _, tc := range tests {
		if _, err := w.Open(tc.sig, tc.ts, tc.nonce, tc.enc); !errors.Is(err, ErrSignature) {
			t.Errorf("tampered message: %v, want ErrSignature", err)
		}
	}
	// A message for another corp is refused even when signed.
	other, _ := NewWeCom(sampleToken, sampleAESKey, "ww-other")
	if _, err := other.Open(sampleMsgSig, sampleMsgTS, sampleMsgNonce, sampleMsgEnc); !errors.Is(err, ErrMessage) {
		t.Errorf("message for another receiver: %v", err)
	}
	if _, err := NewWeCom("t", "short", "c"); err == nil {
		t.Error("a bad EncodingAESKey was accepted")
	}
}

func TestWeComRoundTrip(t *testing.T) {
	w, _ := NewWeCom(sampleToken, sampleAESKey, sampleCorpID)
	for _, msg := range []string{"", "a", strings.Repeat("新增养老床位6341张", 40)} {
		enc, sig, err := w.Seal([]byte(msg), "1700000000", "42")
		if err != nil {
			t.Fatal(err)
		}
		got, err := w.Open(sig, "1700000000", "42", enc)
		if err != nil || string(got) != msg {
			t.Errorf("round trip of %d bytes: %q, %v", len(msg), got, err)
		}
	}
}

func TestDingTalk(t *testing.T) {
	now := time.UnixMilli(1700000000000)
	ts := "1700000000000"
	sign := DingTalkSign(ts, "secret")
	if err := DingTalkVerify(ts, sign, "secret", now, Window); err != nil {
		t.Errorf("good signature: %v", err)
	}
	if err := DingTalkVerify(ts, sign, "other", now, Window); !errors.Is(err, ErrSignature) {
		t.Errorf("wrong secret: %v", err)
	}
	if err := DingTalkVerify(ts, sign, "secret", now.Add(Window+time.Second), Window); !errors.Is(err, ErrExpired) {
		t.Errorf("old timestamp: %v", err)
	}
	if err := DingTalkVerify("soon", sign, "secret", now, Window); !errors.Is(err, ErrMessage) {
		t.Errorf("bad timestamp: %v", err)
	}
	// DingTalk's documented example: HmacSHA256 of "timestamp\nsecret".
	if got := DingTalkSign("1577262236757", "SECxxx"); got == "" || strings.ContainsAny(got, " \n") {
		t.Errorf("sign = %q", got)
	}
}

func TestWeComVerifyTime(t *testing.T) {
	now := time.Unix(1700000000, 0)
	for ts, want := range map[string]error{
		"1700000000": nil,
		"1700000290": nil,
		"1699999710": nil,
		"1700000301": ErrExpired,
		"1262304000": ErrExpired, // 2010
		"later":      ErrMessage,
	} {
		if err := WeComVerifyTime(ts, now, Window); !errors.Is(err, want) {
			t.Errorf("timestamp %s: %v, want %v", ts, err, want)
		}
	}
}

func TestReplays(t *testing.T) {
	r := NewReplays(time.Minute, 3)
	now := time.Unix(1700000000, 0)
	if err := r.Check("a", now); err != nil {
		t.Fatal(err)
	}
	if err := r.Check("a", now.Add(time.Second)); !errors.Is(err, ErrReplay) {
		t.Errorf("second a: %v, want a replay", err)
	}
	r.Check("b", now)
	r.Check("c", now)
	if err := r.Check("d", now); !errors.Is(err, ErrBusy) {
		t.Errorf("fourth key of three: %v, want busy", err)
	}
	// Past the window (and the skew allowed ahead of now), keys are forgotten.
	later := now.Add(2*time.Minute + time.Second)
	if err := r.Check("d", later); err != nil {
		t.Errorf("after the window: %v", err)
	}
	if len(r.seen) != 1 {
		t.Errorf("%d keys held after the window, want 1", len(r.seen))
	}
}
