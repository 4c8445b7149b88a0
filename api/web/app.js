// reportkb web page: ask, search and read the reports.
// All report and user text goes into the page through textContent; the
// search fragments are rebuilt from their escaped text and <mark> tags.
// Links to a question or a filter keep it in the fragment as a query
// string written and read with URLSearchParams (#ask?q=…, #facts?unit=…).
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c == null) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// The read token of a server started with -read-token, as the user gave
// it; kept for this tab only.
const tokenKey = "reportkb-token";
let token = sessionStorage.getItem(tokenKey) || "";

function authHeaders(h) {
  if (token) h.Authorization = "Bearer " + token;
  return h;
}

// ApiError is an error of the API, with its status.
class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function getJSON(url) {
  let r;
  try {
    r = await fetch(url, { headers: authHeaders({ Accept: "application/json" }) });
  } catch (e) {
    throw new ApiError(0, "无法连接服务器，请检查网络或服务器是否在运行。");
  }
  const body = await r.json().catch(() => ({ error: "服务器返回了无法解析的内容" }));
  if (!r.ok) throw new ApiError(r.status, body.error || ("HTTP " + r.status));
  return body;
}

// showError shows an error in out: a form for the token when the server
// wants one, a message in Chinese otherwise.
function showError(out, e) {
  if (e.status === 401) {
    out.replaceChildren(tokenForm(token !== ""));
    return;
  }
  const known = { 0: e.message, 429: "请求太频繁，请稍后再试。", 503: "服务器忙，请稍后再试。" };
  out.replaceChildren(el("p", { class: "error" }, known[e.status] || ("出错了：" + e.message)));
}

// tokenForm asks for the server's access token and, once given, shows
// the page again with it.
function tokenForm(wrong) {
  const input = el("input", { id: "token-input", type: "password", placeholder: "访问令牌", autocomplete: "current-password", required: "" });
  const form = el("form", { id: "token-form", class: "token" }, input, el("button", { type: "submit" }, "确定"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    token = input.value.trim();
    if (token) sessionStorage.setItem(tokenKey, token);
    else sessionStorage.removeItem(tokenKey);
    route();
  });
  return el("div", { class: "card" },
    el("p", { class: wrong ? "error" : "none" }, wrong ? "访问令牌不正确，请重新输入。" : "此服务器需要访问令牌才能查询。"),
    el("p", { class: "hint" }, "请输入管理员提供的访问令牌（启动服务时的 -read-token）。令牌只保存在本标签页中。"),
    form);
}

// safeDecode decodes a percent-encoded part of the fragment, leaving a
// malformed one as it stands.
function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch (e) {
    return s;
  }
}

// docTitles maps document ids to titles, for the facts tab.
let docTitles = null;

async function titles() {
  if (!docTitles) {
    const r = await getJSON("/api/v1/documents");
    docTitles = new Map(r.documents.map((d) => [d.id, d.title]));
  }
  return docTitles;
}

// highlight returns a node with the first occurrence of figure in text marked.
function highlight(text, figure) {
  const span = el("span");
  const i = figure ? text.indexOf(figure) : -1;
  if (i < 0) {
    span.append(text);
    return span;
  }
  span.append(text.slice(0, i), el("mark", {}, figure), text.slice(i + figure.length));
  return span;
}

// decodeEntities turns the HTML escapes of a search fragment back into text.
function decodeEntities(s) {
  return s.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (m, e) => {
    const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

// fragment rebuilds a search fragment: escaped text with <mark> tags.
function fragment(html) {
  const span = el("span", { class: "passage" });
  const parts = html.split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const p of parts) {
    if (p === "<mark>") { marked = true; continue; }
    if (p === "</mark>") { marked = false; continue; }
    const text = decodeEntities(p);
    span.append(marked ? el("mark", {}, text) : text);
  }
  return span;
}

function contextLink(doc, paragraph) {
  return el("a", { href: "#doc/" + encodeURIComponent(doc) + "/p/" + paragraph }, "查看上下文");
}

function source(a) {
  const page = a.page > 0 ? "第" + a.page + "页" + (a.page_inferred ? "（推算）" : "") + " · " : "";
  const bytes = a.start != null ? " · 字节 " + a.start + "–" + a.end : "";
  return el("div", { class: "source" }, "《" + (a.title || a.doc) + "》 · " + page + "第" + a.line + "行" + bytes + " · ",
    contextLink(a.doc, a.paragraph));
}

function answerCard(a, main) {
  const badges = [];
  if (a.period) badges.push(el("span", { class: "badge" }, a.period + "年" + (a.plan ? "目标" : "")));
  if (a.column) badges.push(el("span", { class: "badge" }, "表格：" + a.column));
  if (a.kind === "definition") badges.push(el("span", { class: "badge" }, "名词解释"));
  const figure = el("div", { class: main ? "figure" : "figure small-figure" }, a.text,
    a.english ? el("small", {}, a.english) : null, ...badges);
  if (!main) figure.style.fontSize = "1.3rem";
  return el("div", { class: "card answer" }, figure,
    el("div", { class: "sentence" }, highlight(a.sentence, a.text)), source(a));
}

function passageCard(p) {
  return el("div", { class: "card" },
    el("div", { class: "passage" }, p.text.length > 300 ? p.text.slice(0, 300) + "…" : p.text),
    source({ title: p.title, doc: p.doc, page: p.page, line: p.line, paragraph: p.paragraph }));
}

async function ask(q) {
  const out = $("ask-result");
  out.replaceChildren(el("p", { class: "hint" }, "正在查找…"));
  try {
    const r = await getJSON("/api/v1/ask?k=5&q=" + encodeURIComponent(q));
    const nodes = [];
    if (r.answers.length === 0) {
      nodes.push(el("div", { class: "card" }, el("p", { class: "none" }, "报告中没有找到这个问题的答案。"),
        el("p", { class: "hint" }, "下面是与问题最接近的段落。")));
      nodes.push(...r.passages.slice(0, 3).map(passageCard));
    } else {
      nodes.push(answerCard(r.answers[0], true));
      if (r.answers.length > 1) {
        nodes.push(el("h2", {}, "其他答案（其他年份、其他报告或其他句子）"));
        nodes.push(...r.answers.slice(1).map((a) => answerCard(a, false)));
      }
    }
    out.replaceChildren(...nodes);
  } catch (e) {
    showError(out, e);
  }
}

async function search(q) {
  const out = $("search-result");
  out.replaceChildren(el("p", { class: "hint" }, "正在搜索…"));
  try {
    const r = await getJSON("/api/v1/search?size=20&q=" + encodeURIComponent(q));
    const nodes = [el("p", { class: "hint" }, "共 " + r.total + " 个段落")];
    for (const h of r.hits) {
      const card = el("div", { class: "card" });
      if (h.heading) card.append(el("div", { class: "badge" }, h.heading));
      for (const f of h.fragments) card.append(el("div", {}, fragment(f)));
      card.append(source({ title: h.title, doc: h.doc, page: h.page, line: h.line, paragraph: h.paragraph }));
      nodes.push(card);
    }
    out.replaceChildren(...nodes);
  } catch (e) {
    showError(out, e);
  }
}

async function listDocs() {
  const out = $("docs-list");
  try {
    const r = await getJSON("/api/v1/documents");
    const rows = r.documents.map((d) => el("tr", {},
      el("td", {}, el("a", { href: "#doc/" + encodeURIComponent(d.id) }, d.title)),
      el("td", {}, d.region || "—"), el("td", {}, d.kind || "—"),
      el("td", {}, (d.review_year || "—") + " / " + (d.plan_year || "—")),
      el("td", {}, String(d.paragraphs)), el("td", {}, d.pages ? String(d.pages) : "—")));
    out.replaceChildren(el("table", {},
      el("thead", {}, el("tr", {}, ...["报告", "地区", "类型", "回顾/计划年份", "段落", "页数"].map((h) => el("th", {}, h)))),
      el("tbody", {}, ...rows)));
  } catch (e) {
    showError(out, e);
  }
}

async function showDoc(id, target) {
  const out = $("doc-body");
  out.replaceChildren(el("p", { class: "hint" }, "正在载入…"));
  try {
    const r = await getJSON("/api/v1/documents/" + encodeURIComponent(id));
    const d = r.document;
    const nodes = [el("div", { class: "doc-title" }, d.title),
      el("p", { class: "hint" }, [d.region, d.kind, d.review_year && ("回顾 " + d.review_year), d.plan_year && ("计划 " + d.plan_year)].filter(Boolean).join(" · "))];
    let page = -1;
    for (const p of r.paragraphs) {
      if (p.page !== page && p.page > 0) {
        page = p.page;
        nodes.push(el("div", { class: "page" }, "— 第 " + page + " 页" + (p.page_inferred ? "（推算）" : "") + " —"));
      }
      nodes.push(el("div", { class: "para " + p.kind + (p.index === target ? " target" : ""), id: "p" + p.index },
        el("span", { class: "num" }, "¶" + p.index + " · 第" + p.line + "行"), p.text));
    }
    out.replaceChildren(...nodes);
    if (target != null) {
      const t = document.getElementById("p" + target);
      if (t) t.scrollIntoView({ block: "center" });
    }
  } catch (e) {
    showError(out, e);
  }
}

// factsParams returns the filter of the facts form.
function factsParams() {
  const params = new URLSearchParams();
  const subject = $("facts-subject").value.trim(), unit = $("facts-unit").value.trim(), period = $("facts-period").value.trim();
  if (subject) params.set("subject", subject);
  if (unit) params.set("unit", unit);
  if (/^\d{4}$/.test(period)) params.set("period", period);
  return params;
}

async function listFacts() {
  const filter = factsParams();
  const params = new URLSearchParams(filter);
  params.set("limit", "500");
  const csv = new URLSearchParams(filter);
  csv.set("format", "csv");
  csv.set("limit", "10000");
  $("facts-csv").setAttribute("href", "/api/v1/facts?" + csv.toString());
  const out = $("facts-result");
  out.replaceChildren(el("p", { class: "hint" }, "正在载入…"));
  try {
    const [r, names] = await Promise.all([getJSON("/api/v1/facts?" + params.toString()), titles()]);
    const rows = r.facts.map((f) => el("tr", {},
      el("td", {}, f.subject || "—"), el("td", { class: "num-col" }, f.text),
      el("td", {}, (f.period || "—") + (f.plan ? " 目标" : "")),
      el("td", { class: "doc-col", title: f.doc }, names.get(f.doc) || f.doc),
      el("td", { class: "num-col" }, (f.page || "—") + " / " + f.line),
      el("td", {}, el("a", { href: "#doc/" + encodeURIComponent(f.doc) + "/p/" + f.paragraph }, "原文"))));
    out.replaceChildren(el("p", { class: "hint" }, "共 " + r.total + " 个数字" + (r.total > r.facts.length ? "，显示前 " + r.facts.length + " 个" : "")),
      el("table", { class: "facts" }, el("thead", {}, el("tr", {}, ...["指标", "数字", "年份", "报告", "页/行", ""].map((h) => el("th", {}, h)))),
        el("tbody", {}, ...rows)));
  } catch (e) {
    showError(out, e);
  }
}

// downloadCSV downloads the export with the token, which a plain link
// cannot send.
async function downloadCSV(ev) {
  if (!token) return;
  ev.preventDefault();
  try {
    const r = await fetch($("facts-csv").getAttribute("href"), { headers: authHeaders({}) });
    if (!r.ok) throw new ApiError(r.status, "HTTP " + r.status);
    const url = URL.createObjectURL(await r.blob());
    const a = el("a", { href: url, download: "facts.csv" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    showError($("facts-result"), e);
  }
}

function show(view) {
  for (const v of ["ask", "search", "docs", "doc", "facts"]) $("view-" + v).hidden = v !== view;
  for (const t of ["ask", "search", "docs", "facts"]) $("tab-" + t).classList.toggle("active", t === view || (view === "doc" && t === "docs"));
}

// route shows the view the fragment names: #ask?q=…, #search?q=…, #docs,
// #doc/ID[/p/N], #facts?subject=…&unit=…&period=….
function route() {
  const hash = location.hash.slice(1);
  const qi = hash.indexOf("?");
  const path = qi < 0 ? hash : hash.slice(0, qi);
  const params = new URLSearchParams(qi < 0 ? "" : hash.slice(qi + 1));
  let m;
  if ((m = path.match(/^doc\/([^/]+)(?:\/p\/(\d+))?$/))) {
    show("doc");
    showDoc(safeDecode(m[1]), m[2] != null ? Number(m[2]) : null);
  } else if (path === "search") {
    show("search");
    const q = params.get("q");
    if (q) { $("search-q").value = q; search(q); }
  } else if (path === "docs") {
    show("docs");
    listDocs();
  } else if (path === "facts") {
    show("facts");
    $("facts-subject").value = params.get("subject") || "";
    $("facts-unit").value = params.get("unit") || "";
    $("facts-period").value = params.get("period") || "";
    listFacts();
  } else {
    show("ask");
    const q = params.get("q");
    if (q) { $("ask-q").value = q; ask(q); }
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("ask-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const q = $("ask-q").value.trim();
    if (!q) return;
    history.replaceState(null, "", "#ask?" + new URLSearchParams({ q }));
    ask(q);
  });
  $("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const q = $("search-q").value.trim();
    if (!q) return;
    history.replaceState(null, "", "#search?" + new URLSearchParams({ q }));
    search(q);
  });
  $("facts-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const filter = factsParams().toString();
    history.replaceState(null, "", "#facts" + (filter ? "?" + filter : ""));
    listFacts();
  });
  $("facts-csv").addEventListener("click", downloadCSV);
  window.addEventListener("hashchange", route);
  route();
});
