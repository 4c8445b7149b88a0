package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"reportkb/qa"
	"reportkb/qa/series"
)

// ModelName is the model the chat endpoint answers as.
const ModelName = "reportkb"

// markdown renders an answer for a chat: the figure in bold, the sentence
// quoted, and where it stands. Text from the reports goes through mdText,
// so only the reply's own formatting is live.
func markdown(r *qa.Response, english bool) string {
	var b strings.Builder
	if len(r.Answers) == 0 {
		if english {
			b.WriteString("The reports do not answer this question.")
		} else {
			b.WriteString("报告中没有找到这个问题的答案。")
		}
		if len(r.Passages) > 0 {
			p := r.Passages[0]
			if english {
				b.WriteString("\n\nClosest passage:")
			} else {
				b.WriteString("\n\n最接近的段落：")
			}
			fmt.Fprintf(&b, "\n\n> %s\n\n%s", mdText(clipRunes(p.Text, 200)), cite(p.Title, p.Doc, p.Page, p.Line, english))
		}
		return b.String()
	}
	a := r.Answers[0]
	switch {
	case english && a.English != "":
		fmt.Fprintf(&b, "**%s** (%s)", mdText(a.English), mdText(a.Text))
	default:
		fmt.Fprintf(&b, "**%s**", mdText(a.Text))
	}
	if a.Period > 0 {
		switch {
		case english && a.Plan:
			fmt.Fprintf(&b, " — target for %d", a.Period)
		case english:
			fmt.Fprintf(&b, " — %d", a.Period)
		case a.Plan:
			fmt.Fprintf(&b, "（%d年目标）", a.Period)
		default:
			fmt.Fprintf(&b, "（%d年）", a.Period)
		}
	}
	fmt.Fprintf(&b, "\n\n> %s\n\n%s", mdText(a.Sentence), cite(a.Title, a.Doc, a.Page, a.Line, english))
	for _, o := range r.Answers[1:] {
		if english {
			fmt.Fprintf(&b, "\n\nAlso: **%s** — %s", mdText(o.Text), cite(o.Title, o.Doc, o.Page, o.Line, true))
		} else {
			fmt.Fprintf(&b, "\n\n另见：**%s** — %s", mdText(o.Text), cite(o.Title, o.Doc, o.Page, o.Line, false))
		}
	}
	return b.String()
}

func cite(title, doc string, page, line int, english bool) string {
	title, doc = mdText(title), mdText(doc)
	if english {
		p := ""
		if page > 0 {
			p = fmt.Sprintf(", page %d", page)
		}
		return fmt.Sprintf("Source: 《%s》 (%s)%s, line %d", title, doc, p, line)
	}
	p := ""
	if page > 0 {
		p = fmt.Sprintf("第%d页，", page)
	}
	return fmt.Sprintf("来源：《%s》（%s）%s第%d行", title, doc, p, line)
}

// mdSpecial are the characters that start Markdown or HTML syntax within
// a line: emphasis, code, links and images, raw HTML and autolinks,
// strikethrough, tables and math. An underscore between letters or digits
// (hanyang_2020) starts nothing and is left alone.
const mdSpecial = "\\`*_[]<>~|$"

// mdText makes text from a report literal in a Markdown message: it joins
// its lines, backslash-escapes the characters of mdSpecial and what would
// start a heading, list or quote at the start of the line (CommonMark
// escapes, which chat clients render as the plain character).
func mdText(s string) string {
	s = strings.Join(strings.Fields(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)), " ")
	var b strings.Builder
	lead := true // still at the start: digits of a "1." list marker
	prev := ' '
	for i, r := range s {
		switch {
		case r == '_' && wordRune(prev) && wordRune(firstRune(s[i+1:])):
		case strings.ContainsRune(mdSpecial, r):
			b.WriteByte('\\')
		case i == 0 && strings.ContainsRune("#+-=", r):
			b.WriteByte('\\')
		case lead && i > 0 && (r == '.' || r == ')'):
			b.WriteByte('\\')
		}
		lead = lead && r >= '0' && r <= '9'
		prev = r
		b.WriteRune(r)
	}
	return b.String()
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

func isEnglish(s string) bool {
	latin, han := 0, 0
	for _, r := range s {
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
			latin++
		case r >= 0x4E00 && r <= 0x9FFF:
			han++
		}
	}
	return latin > 0 && han*3 < latin
}

// chatRequest is the body of POST /v1/chat/completions.
type chatRequest struct {
	Model    string        `json:"model"`
	Messages []chatMessage `json:"messages"`
	Stream   bool          `json:"stream"`
}

type chatMessage struct {
	Role    string          `json:"role"`
	Content json.RawMessage `json:"content"`
}

// text returns the text of a message: a string, or the text parts of a
// list of content parts.
func (m chatMessage) text() string {
	var s string
	if json.Unmarshal(m.Content, &s) == nil {
		return s
	}
	var parts []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	if json.Unmarshal(m.Content, &parts) == nil {
		var b strings.Builder
		for _, p := range parts {
			if p.Type == "text" {
				b.WriteString(p.Text)
			}
		}
		return b.String()
	}
	return ""
}

// openAIError writes an error in the shape OpenAI clients read.
func openAIError(w http.ResponseWriter, status int, typ, msg string) {
	writeJSON(w, status, map[string]any{"error": map[string]any{"message": msg, "type": typ, "code": nil}})
}

// chatAuthorized checks the optional bearer key of the chat endpoints. It
// opens them only: the read API wants the read token. Without a chat key
// the chat endpoints are as open as the read API (see guard).
func (s *server) chatAuthorized(w http.ResponseWriter, r *http.Request) bool {
	if s.cfg.ChatKey == "" {
		return true
	}
	if !tokenIs(bearer(r), s.cfg.ChatKey) {
		openAIError(w, http.StatusUnauthorized, "invalid_request_error", "missing or wrong API key")
		return false
	}
	return true
}

func (s *server) models(w http.ResponseWriter, r *http.Request) {
	if !s.chatAuthorized(w, r) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"object": "list",
		"data":   []any{map[string]any{"id": ModelName, "object": "model", "created": s.started.Unix(), "owned_by": "reportkb"}},
	})
}

func (s *server) chat(w http.ResponseWriter, r *http.Request) {
	if !s.chatAuthorized(w, r) {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxChatBody)
	var req chatRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			openAIError(w, http.StatusRequestEntityTooLarge, "invalid_request_error", fmt.Sprintf("request body over %d bytes", maxChatBody))
			return
		}
		openAIError(w, http.StatusBadRequest, "invalid_request_error", "invalid JSON body: "+err.Error())
		return
	}
	question := ""
	for i := len(req.Messages) - 1; i >= 0; i-- {
		if req.Messages[i].Role == "user" {
			question = strings.TrimSpace(req.Messages[i].text())
			break
		}
	}
	if msg := s.checkQuestion(question); msg != "" {
		openAIError(w, http.StatusBadRequest, "invalid_request_error", "the last user message: "+msg)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.AskTimeout)
	defer cancel()
	resp, err := s.cfg.Engine.Ask(ctx, qa.Request{Question: question})
	if err != nil {
		s.log.Error("chat", "err", err)
		openAIError(w, http.StatusInternalServerError, "server_error", "internal error")
		return
	}
	s.countAnswer(resp)
	content := markdown(resp, isEnglish(question))
	if t := s.askSeries(question); t != nil {
		content = markdownSeries(t, isEnglish(question))
	}
	model := req.Model
	if model == "" {
		model = ModelName
	}
	id := "chatcmpl-" + randomID()
	created := time.Now().Unix()
	if !req.Stream {
		writeJSON(w, http.StatusOK, map[string]any{
			"id": id, "object": "chat.completion", "created": created, "model": model,
			"choices": []any{map[string]any{
				"index": 0, "message": map[string]any{"role": "assistant", "content": content}, "finish_reason": "stop",
			}},
			"usage": map[string]int{
				"prompt_tokens": utf8.RuneCountInString(question), "completion_tokens": utf8.RuneCountInString(content),
				"total_tokens": utf8.RuneCountInString(question) + utf8.RuneCountInString(content),
			},
		})
		return
	}
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	flusher, _ := w.(http.Flusher)
	send := func(delta map[string]any, finish any) {
		chunk := map[string]any{
			"id": id, "object": "chat.completion.chunk", "created": created, "model": model,
			"choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": finish}},
		}
		data, _ := json.Marshal(chunk)
		fmt.Fprintf(w, "data: %s\n\n", data)
		if flusher != nil {
			flusher.Flush()
		}
	}
	send(map[string]any{"role": "assistant", "content": ""}, nil)
	for _, piece := range splitKeep(content, "\n") {
		send(map[string]any{"content": piece}, nil)
	}
	send(map[string]any{}, "stop")
	fmt.Fprint(w, "data: [DONE]\n\n")
	if flusher != nil {
		flusher.Flush()
	}
}

// maxChatBody bounds a chat request.
const maxChatBody = 1 << 20

// splitKeep splits s after each sep, keeping it.
func splitKeep(s, sep string) []string {
	var out []string
	for s != "" {
		k := strings.Index(s, sep)
		if k < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:k+len(sep)])
		s = s[k+len(sep):]
	}
	return out
}

func randomID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// markdownSeries renders a series for a chat: a table of targets and
// outcomes, each cell citing its report by a numbered note.
func markdownSeries(t *series.Table, english bool) string {
	var b strings.Builder
	type source struct {
		title, doc string
		page, line int
	}
	var notes []source
	index := map[source]int{}
	cite := func(c *series.Cell) string {
		if c == nil {
			return "—"
		}
		src := source{c.Title, c.Doc, c.Page, c.Line}
		n, ok := index[src]
		if !ok {
			notes = append(notes, src)
			n = len(notes)
			index[src] = n
		}
		return fmt.Sprintf("%s [%d]", mdCell(c.Text), n)
	}
	name := t.Indicator
	if len(t.Rows) == 0 {
		// Only a filter on met leaves none.
		if english {
			return fmt.Sprintf("**%s**: no region of the reports fits; the others with a target and an outcome all fall on the other side.", t.English)
		}
		return fmt.Sprintf("**%s**：报告中有目标和实际数的地区都不符合这个条件（要么都完成了目标，要么都没有完成）。", t.Indicator)
	}
	if english {
		name = t.English
		fmt.Fprintf(&b, "**%s** (%s), by region and year:\n\n| Region | Year | Target | Outcome | Met |\n| --- | --- | --- | --- | --- |\n", name, t.Unit)
	} else {
		fmt.Fprintf(&b, "**%s**（%s）：\n\n| 地区 | 年份 | 目标 | 实际 | 是否完成 |\n| --- | --- | --- | --- | --- |\n", name, t.Unit)
	}
	for _, r := range t.Rows {
		met := ""
		if r.Met != nil {
			switch {
			case english && *r.Met:
				met = "yes"
			case english:
				met = "no"
			case *r.Met:
				met = "完成"
			default:
				met = "未完成"
			}
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s |\n", mdCell(r.Region), r.Year, cite(r.Target), cite(r.Outcome), met)
	}
	if english {
		b.WriteString("\nSources:\n")
	} else {
		b.WriteString("\n来源：\n")
	}
	for i, n := range notes {
		if english {
			p := ""
			if n.page > 0 {
				p = fmt.Sprintf(", page %d", n.page)
			}
			fmt.Fprintf(&b, "\n[%d] 《%s》 (%s)%s, line %d", i+1, n.title, n.doc, p, n.line)
		} else {
			p := ""
			if n.page > 0 {
				p = fmt.Sprintf("第%d页，", n.page)
			}
			fmt.Fprintf(&b, "\n[%d] 《%s》（%s）%s第%d行", i+1, n.title, n.doc, p, n.line)
		}
	}
	if t.Better != "" {
		if english {
			b.WriteString("\n\nMet: the outcome reaches the target (a 左右 target within half a point).")
		} else {
			b.WriteString("\n\n是否完成：实际值达到目标（“左右”的目标差半个百分点以内算完成）。")
		}
	}
	return b.String()
}

// mdCell keeps text from breaking a Markdown table.
func mdCell(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ", "\r", " ").Replace(s)
}
