// Package bot verifies and seals the messages of chat robots: DingTalk's
// signed callbacks and WeCom's (企业微信) encrypted callbacks, written with
// the standard library.
package bot

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Errors of verification.
var (
	ErrSignature = errors.New("bad signature")
	ErrExpired   = errors.New("timestamp too far from now")
	ErrMessage   = errors.New("malformed message")
	ErrReplay    = errors.New("callback seen before (a replay)")
	ErrBusy      = errors.New("too many callbacks to remember")
)

// Window is how far from now the timestamp of a callback may be, by
// default: wide enough for clock skew and a platform's retries.
const Window = 5 * time.Minute

// DingTalkSign returns the signature DingTalk sends with a callback:
// Base64 of HmacSHA256(secret, timestamp + "\n" + secret).
func DingTalkSign(timestamp, secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(timestamp + "\n" + secret))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// DingTalkVerify checks the timestamp (milliseconds since the epoch, at
// most window from now) and the signature of a DingTalk callback. The
// signature covers the timestamp only, not the body: refuse a second
// callback with the same timestamp (see Replays).
func DingTalkVerify(timestamp, sign, secret string, now time.Time, window time.Duration) error {
	ms, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: timestamp %q", ErrMessage, timestamp)
	}
	if d := now.Sub(time.UnixMilli(ms)); d > window || d < -window {
		return ErrExpired
	}
	want := DingTalkSign(timestamp, secret)
	if subtle.ConstantTimeCompare([]byte(want), []byte(sign)) != 1 {
		return ErrSignature
	}
	return nil
}

// WeComVerifyTime checks the timestamp of a WeCom callback (seconds since
// the epoch): at most window from now. WeCom's signature covers it, so a
// message cannot be given a new one.
func WeComVerifyTime(timestamp string, now time.Time, window time.Duration) error {
	sec, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: timestamp %q", ErrMessage, timestamp)
	}
	if d := now.Sub(time.Unix(sec, 0)); d > window || d < -window {
		return ErrExpired
	}
	return nil
}

// Replays remembers the callbacks verified within a window, so that one
// sent again is refused. It holds at most max of them and refuses new
// callbacks when full rather than forget one still in its window; only
// callbacks with a valid signature reach it. It is safe for concurrent use.
type Replays struct {
	mu     sync.Mutex
	window time.Duration
	max    int
	seen   map[string]time.Time // key → when it may be forgotten
	swept  time.Time
}

// NewReplays returns a Replays for callbacks whose timestamps are
// accepted within window of now.
func NewReplays(window time.Duration, max int) *Replays {
	return &Replays{window: window, max: max, seen: map[string]time.Time{}}
}

// Check records the callback key (its signature) at time now and returns
// ErrReplay when it was recorded before, ErrBusy when too many are held.
func (r *Replays) Check(key string, now time.Time) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if now.Sub(r.swept) > r.window/4 || len(r.seen) >= r.max {
		for k, until := range r.seen {
			if now.After(until) {
				delete(r.seen, k)
			}
		}
		r.swept = now
	}
	if _, ok := r.seen[key]; ok {
		return ErrReplay
	}
	if len(r.seen) >= r.max {
		return ErrBusy
	}
	// A timestamp is accepted until window after it, and it may be up to
	// window ahead of now.
	r.seen[key] = now.Add(2 * r.window)
	return nil
}

// WeCom seals and opens WeCom callback messages: SHA1 signatures over the
// sorted token, timestamp, nonce and message, and AES-256-CBC with the key
// Base64_Decode(EncodingAESKey + "="), the first 16 key bytes as IV and
// PKCS#7 padding to 32 bytes. The plaintext is 16 random bytes, the
// message length (4 bytes, big-endian), the message and the receiver id.
type WeCom struct {
	Token      string
	key        []byte
	ReceiverID string // the corp id (or app id) messages are addressed to
}

// NewWeCom checks the EncodingAESKey (43 characters) and returns a WeCom.
func NewWeCom(token, encodingAESKey, receiverID string) (*WeCom, error) {
	key, err := base64.StdEncoding.DecodeString(encodingAESKey + "=")
	if err != nil || len(key) != 32 {
		return nil, errors.New("wecom: EncodingAESKey must be 43 characters of Base64 (a 32-byte key)")
	}
	return &WeCom{Token: token, key: key, ReceiverID: receiverID}, nil
}

// Signature returns the SHA1 signature of a message.
func (w *WeCom) Signature(timestamp, nonce, msg string) string {
	parts := []string{w.Token, timestamp, nonce, msg}
	sort.Strings(parts)
	sum := sha1.Sum([]byte(strings.Join(parts, "")))
	return hex.EncodeToString(sum[:])
}

// Open verifies the signature of an encrypted message and decrypts it,
// checking that it is addressed to the receiver (when one is set).
func (w *WeCom) Open(signature, timestamp, nonce, encrypted string) ([]byte, error) {
	if subtle.ConstantTimeCompare([]byte(w.Signature(timestamp, nonce, encrypted)), []byte(signature)) != 1 {
		return nil, ErrSignature
	}
	data, err := base64.StdEncoding.DecodeString(encrypted)
	if err != nil || len(data) == 0 || len(data)%aes.BlockSize != 0 {
		return nil, fmt.Errorf("%w: not AES-CBC ciphertext in Base64", ErrMessage)
	}
	block, err := aes.NewCipher(w.key)
	if err != nil {
		return nil, err
	}
	plain := make([]byte, len(data))
	cipher.NewCBCDecrypter(block, w.key[:aes.BlockSize]).CryptBlocks(plain, data)
	pad := int(plain[len(plain)-1])
	if pad < 1 || pad > 32 || pad > len(plain) {
		return nil, fmt.Errorf("%w: bad padding", ErrMessage)
	}
	plain = plain[:len(plain)-pad]
	if len(plain) < 20 {
		return nil, fmt.Errorf("%w: too short", ErrMessage)
	}
	n := int(binary.BigEndian.Uint32(plain[16:20]))
	if n > len(plain)-20 {
		return nil, fmt.Errorf("%w: bad length", ErrMessage)
	}
	msg, receiver := plain[20:20+n], string(plain[20+n:])
	if w.ReceiverID != "" && receiver != w.ReceiverID {
		return nil, fmt.Errorf("%w: addressed to %q", ErrMessage, receiver)
	}
	return msg, nil
}

// Seal encrypts a message for WeCom and returns it in Base64 with its
// signature.
func (w *WeCom) Seal(msg []byte, timestamp, nonce string) (encrypted, signature string, err error) {
	var buf bytes.Buffer
	random := make([]byte, 16)
	if _, err := rand.Read(random); err != nil {
		return "", "", err
	}
	buf.Write(random)
	binary.Write(&buf, binary.BigEndian, uint32(len(msg)))
	buf.Write(msg)
	buf.WriteString(w.ReceiverID)
	pad := 32 - buf.Len()%32
	buf.Write(bytes.Repeat([]byte{byte(pad)}, pad))
	block, err := aes.NewCipher(w.key)
	if err != nil {
		return "", "", err
	}
	out := make([]byte, buf.Len())
	cipher.NewCBCEncrypter(block, w.key[:aes.BlockSize]).CryptBlocks(out, buf.Bytes())
	encrypted = base64.StdEncoding.EncodeToString(out)
	return encrypted, w.Signature(timestamp, nonce, encrypted), nil
}
