package api

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"reportkb/api/bot"
	"reportkb/qa"
)

// maxBotBody bounds a robot's callback.
const maxBotBody = 64 << 10

// answerText answers a robot's question as Markdown.
func (s *server) answerText(ctx context.Context, question string) (string, error) {
	question = strings.TrimSpace(question)
	if msg := s.checkQuestion(question); msg != "" {
		return "请发送一个问题，例如：新增养老床位多少张？", nil
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.AskTimeout)
	defer cancel()
	resp, err := s.cfg.Engine.Ask(ctx, qa.Request{Question: question})
	if err != nil {
		return "", err
	}
	s.countAnswer(resp)
	if t := s.askSeries(question); t != nil {
		return markdownSeries(t, isEnglish(question)), nil
	}
	return markdown(resp, isEnglish(question)), nil
}

// dingtalk answers a DingTalk robot callback: the headers timestamp and
// sign prove it comes from DingTalk; the reply is a markdown message.
func (s *server) dingtalk(w http.ResponseWriter, r *http.Request) {
	if s.cfg.DingTalkSecret == "" {
		writeError(w, http.StatusNotFound, "the DingTalk robot is not configured: start the server with -dingtalk-secret or REPORTKB_DINGTALK_SECRET")
		return
	}
	now := time.Now()
	ts, sign := r.Header.Get("timestamp"), r.Header.Get("sign")
	err := bot.DingTalkVerify(ts, sign, s.cfg.DingTalkSecret, now, s.cfg.BotWindow)
	if err == nil {
		err = s.replays.Check("dingtalk:"+ts+":"+sign, now)
	}
	if err != nil {
		s.log.Warn("dingtalk: rejected callback", "err", err)
		status := statusOf(err)
		if errors.Is(err, bot.ErrMessage) {
			status = http.StatusUnauthorized // the headers that authenticate it are missing
		}
		writeError(w, status, "dingtalk: "+err.Error())
		return
	}
	var msg struct {
		MsgType string `json:"msgtype"`
		Text    struct {
			Content string `json:"content"`
		} `json:"text"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBotBody)).Decode(&msg); err != nil {
		writeError(w, http.StatusBadRequest, "dingtalk: invalid JSON body: "+err.Error())
		return
	}
	text, err := s.answerText(r.Context(), msg.Text.Content)
	if err != nil {
		s.log.Error("dingtalk", "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	title := clipRunes(strings.TrimSpace(msg.Text.Content), 20)
	writeJSON(w, http.StatusOK, map[string]any{
		"msgtype":  "markdown",
		"markdown": map[string]string{"title": title, "text": text},
	})
}

// wecomVerify answers WeCom's check of the callback URL: it decrypts
// echostr and sends it back.
func (s *server) wecomVerify(w http.ResponseWriter, r *http.Request) {
	if s.wecom == nil {
		writeError(w, http.StatusNotFound, "the WeCom robot is not configured: set -wecom-token, -wecom-aes-key and -wecom-corp-id")
		return
	}
	q := r.URL.Query()
	echo, err := s.wecom.Open(q.Get("msg_signature"), q.Get("timestamp"), q.Get("nonce"), q.Get("echostr"))
	if err == nil {
		err = bot.WeComVerifyTime(q.Get("timestamp"), time.Now(), s.cfg.BotWindow)
	}
	if err != nil {
		s.log.Warn("wecom: rejected URL check", "err", err)
		writeError(w, statusOf(err), "wecom: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write(echo)
}

// statusOf maps an error verifying a robot's callback to an HTTP status.
func statusOf(err error) int {
	switch {
	case errors.Is(err, bot.ErrSignature), errors.Is(err, bot.ErrExpired):
		return http.StatusUnauthorized
	case errors.Is(err, bot.ErrReplay):
		return http.StatusConflict
	case errors.Is(err, bot.ErrBusy):
		return http.StatusServiceUnavailable
	}
	return http.StatusBadRequest
}

// wecomEnvelope is the encrypted XML WeCom posts and expects back.
type wecomEnvelope struct {
	XMLName      xml.Name `xml:"xml"`
	ToUserName   string   `xml:"ToUserName,omitempty"`
	Encrypt      string   `xml:"Encrypt"`
	AgentID      string   `xml:"AgentID,omitempty"`
	MsgSignature string   `xml:"MsgSignature,omitempty"`
	TimeStamp    string   `xml:"TimeStamp,omitempty"`
	Nonce        string   `xml:"Nonce,omitempty"`
}

// wecomMessage is a decrypted WeCom message.
type wecomMessage struct {
	XMLName      xml.Name `xml:"xml"`
	ToUserName   string   `xml:"ToUserName"`
	FromUserName string   `xml:"FromUserName"`
	CreateTime   int64    `xml:"CreateTime"`
	MsgType      string   `xml:"MsgType"`
	Content      string   `xml:"Content"`
}

// wecom answers a WeCom message: it verifies and decrypts it, answers the
// question and replies with an encrypted markdown message.
func (s *server) wecomMessage(w http.ResponseWriter, r *http.Request) {
	if s.wecom == nil {
		writeError(w, http.StatusNotFound, "the WeCom robot is not configured: set -wecom-token, -wecom-aes-key and -wecom-corp-id")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBotBody))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, "wecom: body too large")
		return
	}
	var env wecomEnvelope
	if err := xml.Unmarshal(body, &env); err != nil || env.Encrypt == "" {
		writeError(w, http.StatusBadRequest, "wecom: not an encrypted WeCom message")
		return
	}
	q := r.URL.Query()
	now := time.Now()
	plain, err := s.wecom.Open(q.Get("msg_signature"), q.Get("timestamp"), q.Get("nonce"), env.Encrypt)
	if err == nil {
		err = bot.WeComVerifyTime(q.Get("timestamp"), now, s.cfg.BotWindow)
	}
	if err == nil {
		err = s.replays.Check("wecom:"+q.Get("msg_signature"), now)
	}
	if err != nil {
		s.log.Warn("wecom: rejected message", "err", err)
		writeError(w, statusOf(err), "wecom: "+err.Error())
		return
	}
	var msg wecomMessage
	if err := xml.Unmarshal(plain, &msg); err != nil {
		writeError(w, http.StatusBadRequest, "wecom: the decrypted message is not XML")
		return
	}
	if msg.MsgType != "text" {
		w.Write([]byte("success")) // events and media: nothing to answer
		return
	}
	text, err := s.answerText(r.Context(), msg.Content)
	if err != nil {
		s.log.Error("wecom", "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	reply, _ := xml.Marshal(struct {
		XMLName      xml.Name `xml:"xml"`
		ToUserName   cdata    `xml:"ToUserName"`
		FromUserName cdata    `xml:"FromUserName"`
		CreateTime   int64    `xml:"CreateTime"`
		MsgType      cdata    `xml:"MsgType"`
		Markdown     struct {
			Content cdata `xml:"Content"`
		} `xml:"Markdown"`
	}{ToUserName: cdata{msg.FromUserName}, FromUserName: cdata{msg.ToUserName}, CreateTime: time.Now().Unix(),
		MsgType: cdata{"markdown"}, Markdown: struct {
			Content cdata `xml:"Content"`
		}{cdata{text}}})
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	nonce := randomID()[:10]
	enc, sig, err := s.wecom.Seal(reply, ts, nonce)
	if err != nil {
		s.log.Error("wecom: seal", "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	out, _ := xml.Marshal(wecomEnvelope{Encrypt: enc, MsgSignature: sig, TimeStamp: ts, Nonce: nonce})
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Write(out)
}

// cdata marshals as a CDATA section, as WeCom's messages are written.
type cdata struct {
	Text string `xml:",cdata"`
}
