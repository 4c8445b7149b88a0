package api

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"reportkb/api/bot"
	"reportkb/qa"
)

func TestChatCompletion(t *testing.T) {
	s := testServer(t)
	body := `{"model":"reportkb","messages":[{"role":"system","content":"你是助手"},{"role":"user","content":"新增养老床位多少张？"}]}`
	resp, err := http.Post(s.URL+"/v1/chat/completions", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	code, m := decode(t, resp)
	if code != 200 || m["object"] != "chat.completion" {
		t.Fatalf("status %d: %v", code, m)
	}
	msg := m["choices"].([]any)[0].(map[string]any)["message"].(map[string]any)
	content := msg["content"].(string)
	for _, want := range []string{"**6341张**", "> 投入约1600余万元", "第10页", "hanyang_2020_plan_report"} {
		if !strings.Contains(content, want) {
			t.Errorf("reply lacks %q:\n%s", want, content)
		}
	}
	// Content given as parts, as some clients send it.
	body = `{"model":"x","messages":[{"role":"user","content":[{"type":"text","text":"How many beds were added?"}]}]}`
	resp, _ = http.Post(s.URL+"/v1/chat/completions", "application/json", strings.NewReader(body))
	_, m = decode(t, resp)
	content = m["choices"].([]any)[0].(map[string]any)["message"].(map[string]any)["content"].(string)
	if !strings.Contains(content, "6341") || !strings.Contains(content, "Source:") {
		t.Errorf("English reply: %s", content)
	}
}

func TestChatStream(t *testing.T) {
	s := testServer(t)
	body := `{"model":"reportkb","stream":true,"messages":[{"role":"user","content":"新增养老床位多少张？"}]}`
	resp, err := http.Post(s.URL+"/v1/chat/completions", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("Content-Type %q", ct)
	}
	var content strings.Builder
	var done, finished bool
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "data: ") {
			continue
		}
		data := strings.TrimPrefix(line, "data: ")
		if data == "[DONE]" {
			done = true
			continue
		}
		var chunk struct {
			Object  string `json:"object"`
			Choices []struct {
				Delta        map[string]string `json:"delta"`
				FinishReason *string           `json:"finish_reason"`
			} `json:"choices"`
		}
		if err := json.Unmarshal([]byte(data), &chunk); err != nil || chunk.Object != "chat.completion.chunk" {
			t.Fatalf("bad chunk %q: %v", data, err)
		}
		content.WriteString(chunk.Choices[0].Delta["content"])
		if chunk.Choices[0].FinishReason != nil && *chunk.Choices[0].FinishReason == "stop" {
			finished = true
		}
	}
	if !done || !finished || !strings.Contains(content.String(), "**6341张**") {
		t.Errorf("stream: done %v, finished %v, content %q", done, finished, content.String())
	}
}

func TestChatErrorsAndKey(t *testing.T) {
	s := testServer(t)
	for _, body := range []string{`{`, `{"messages":[]}`, `{"messages":[{"role":"assistant","content":"hi"}]}`} {
		resp, _ := http.Post(s.URL+"/v1/chat/completions", "application/json", strings.NewReader(body))
		code, m := decode(t, resp)
		if code != 400 || m["error"].(map[string]any)["message"] == "" {
			t.Errorf("%s: %d %v", body, code, m)
		}
	}
	// With a key, both chat endpoints require it.
	x := testIndex(t)
	keyed := httptest.NewServer(New(Config{Index: x, Engine: qa.New(qa.Config{Index: x}), ChatKey: "k"}))
	defer keyed.Close()
	code, _ := get2(t, keyed.URL+"/v1/models")
	if code != 401 {
		t.Errorf("models without key: %d", code)
	}
	req, _ := http.NewRequest("GET", keyed.URL+"/v1/models", nil)
	req.Header.Set("Authorization", "Bearer k")
	resp, _ := http.DefaultClient.Do(req)
	code, m := decode(t, resp)
	if code != 200 || m["data"].([]any)[0].(map[string]any)["id"] != ModelName {
		t.Errorf("models with key: %d %v", code, m)
	}
}

func botServer(t *testing.T) (*httptest.Server, *bot.WeCom) {
	t.Helper()
	w, err := bot.NewWeCom("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7")
	if err != nil {
		t.Fatal(err)
	}
	x := testIndex(t)
	s := httptest.NewServer(New(Config{Index: x, Engine: qa.New(qa.Config{Index: x}), DingTalkSecret: "ding", WeCom: w}))
	t.Cleanup(s.Close)
	return s, w
}

func TestDingTalk(t *testing.T) {
	s, _ := botServer(t)
	ts := strconv.FormatInt(time.Now().UnixMilli(), 10)
	post := func(ts, sign, body string) (int, map[string]any) {
		req, _ := http.NewRequest("POST", s.URL+"/bots/dingtalk", strings.NewReader(body))
		req.Header.Set("timestamp", ts)
		req.Header.Set("sign", sign)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return decode(t, resp)
	}
	body := `{"msgtype":"text","text":{"content":" 新增养老床位多少张？"},"senderNick":"张三"}`
	code, m := post(ts, bot.DingTalkSign(ts, "ding"), body)
	if code != 200 || m["msgtype"] != "markdown" || !strings.Contains(m["markdown"].(map[string]any)["text"].(string), "6341张") {
		t.Fatalf("signed callback: %d %v", code, m)
	}
	// The signature covers the timestamp only: the same headers with
	// another body are a replay.
	if code, _ := post(ts, bot.DingTalkSign(ts, "ding"), `{"msgtype":"text","text":{"content":"汉阳区有多少所大学"}}`); code != 409 {
		t.Errorf("replayed timestamp and sign: %d, want 409", code)
	}
	old := strconv.FormatInt(time.Now().Add(-bot.Window-time.Minute).UnixMilli(), 10)
	for name, c := range map[string][2]string{
		"tampered sign":   {ts, bot.DingTalkSign(ts, "other")},
		"stale timestamp": {old, bot.DingTalkSign(old, "ding")},
		"no headers":      {"", ""},
	} {
		if code, _ := post(c[0], c[1], body); code != 401 {
			t.Errorf("%s: status %d, want 401", name, code)
		}
	}
	ts = strconv.FormatInt(time.Now().UnixMilli()+1, 10)
	if code, _ := post(ts, bot.DingTalkSign(ts, "ding"), "{"); code != 400 {
		t.Errorf("bad body: %d", code)
	}
}

func TestWeComHandlers(t *testing.T) {
	s, w := botServer(t)
	// URL check: WeCom sends an encrypted echostr and wants it decrypted.
	now := strconv.FormatInt(time.Now().Unix(), 10)
	echo, echoSig, err := w.Seal([]byte("1616140317555161061"), now, "263014780")
	if err != nil {
		t.Fatal(err)
	}
	q := url.Values{"msg_signature": {echoSig}, "timestamp": {now}, "nonce": {"263014780"}, "echostr": {echo}}
	resp, err := http.Get(s.URL + "/bots/wecom?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	buf := new(strings.Builder)
	bufio.NewReader(resp.Body).WriteTo(buf)
	resp.Body.Close()
	if resp.StatusCode != 200 || buf.String() != "1616140317555161061" {
		t.Errorf("URL check: %d %q", resp.StatusCode, buf.String())
	}
	q.Set("msg_signature", strings.Repeat("0", 40))
	if resp, _ := http.Get(s.URL + "/bots/wecom?" + q.Encode()); resp.StatusCode != 401 {
		t.Errorf("tampered URL check: %d", resp.StatusCode)
	}
	// The sample of WeCom's documentation is signed right, in 2014.
	q = url.Values{"msg_signature": {"5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"}, "timestamp": {"1409659589"},
		"nonce": {"263014780"}, "echostr": {"P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=="}}
	if resp, _ := http.Get(s.URL + "/bots/wecom?" + q.Encode()); resp.StatusCode != 401 {
		t.Errorf("URL check of 2014: %d, want 401", resp.StatusCode)
	}
	// A text message, sealed as WeCom seals them.
	msg := `<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[新增养老床位多少张？]]></Content><MsgId>1</MsgId><AgentID>1</AgentID></xml>`
	enc, sig, err := w.Seal([]byte(msg), now, "n1")
	if err != nil {
		t.Fatal(err)
	}
	envelope := `<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[` + enc + `]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`
	postURL := s.URL + "/bots/wecom?" + url.Values{"msg_signature": {sig}, "timestamp": {now}, "nonce": {"n1"}}.Encode()
	resp, err = http.Post(postURL, "application/xml", strings.NewReader(envelope))
	if err != nil {
		t.Fatal(err)
	}
	var reply struct {
		Encrypt      string `xml:"Encrypt"`
		MsgSignature string `xml:"MsgSignature"`
		TimeStamp    string `xml:"TimeStamp"`
		Nonce        string `xml:"Nonce"`
	}
	if err := xml.NewDecoder(resp.Body).Decode(&reply); err != nil || resp.StatusCode != 200 {
		t.Fatalf("reply: %d %v", resp.StatusCode, err)
	}
	resp.Body.Close()
	plain, err := w.Open(reply.MsgSignature, reply.TimeStamp, reply.Nonce, reply.Encrypt)
	if err != nil {
		t.Fatalf("open reply: %v", err)
	}
	if !strings.Contains(string(plain), "6341张") || !strings.Contains(string(plain), "zhangsan") {
		t.Errorf("reply = %s", plain)
	}
	// The same message again is a replay.
	if resp, _ := http.Post(postURL, "application/xml", strings.NewReader(envelope)); resp.StatusCode != 409 {
		t.Errorf("replayed message: %d, want 409", resp.StatusCode)
	}
	// Tampered: the signature does not match the ciphertext.
	bad := s.URL + "/bots/wecom?" + url.Values{"msg_signature": {sig}, "timestamp": {"1700000001"}, "nonce": {"n1"}}.Encode()
	if resp, _ := http.Post(bad, "application/xml", strings.NewReader(envelope)); resp.StatusCode != 401 {
		t.Errorf("tampered message: %d", resp.StatusCode)
	}
	// Signed right, in 2010.
	enc, sig, _ = w.Seal([]byte(msg), "1262304000", "n2")
	old := s.URL + "/bots/wecom?" + url.Values{"msg_signature": {sig}, "timestamp": {"1262304000"}, "nonce": {"n2"}}.Encode()
	if resp, _ := http.Post(old, "application/xml", strings.NewReader(`<xml><Encrypt><![CDATA[`+enc+`]]></Encrypt></xml>`)); resp.StatusCode != 401 {
		t.Errorf("message of 2010: %d, want 401", resp.StatusCode)
	}
	if resp, _ := http.Post(postURL, "application/xml", strings.NewReader("not xml")); resp.StatusCode != 400 {
		t.Errorf("not XML: %d", resp.StatusCode)
	}
}

func TestBotsNotConfigured(t *testing.T) {
	s := testServer(t)
	for _, u := range []string{"/bots/dingtalk", "/bots/wecom"} {
		resp, _ := http.Post(s.URL+u, "application/json", strings.NewReader("{}"))
		code, m := decode(t, resp)
		if code != 404 || !strings.Contains(m["error"].(string), "not configured") {
			t.Errorf("%s without configuration: %d %v", u, code, m)
		}
	}
}
