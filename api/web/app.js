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
    if (r.series) nodes.push(seriesView(r.series));
    if (r.series && r.answers.length === 0) {
      // The series is the answer.
    } else if (r.answers.length === 0) {
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

// ---- Series: one indicator across regions and years ----

const SVG = "http://www.w3.org/2000/svg";

function svgEl(tag, attrs, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  for (const c of children) {
    if (c == null) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function fmt(v) {
  return Math.abs(v) >= 100 ? String(Math.round(v)) : String(Math.round(v * 100) / 100);
}

function cellTip(r, role, c) {
  if (!c) return "";
  return r.region + " " + r.year + " " + (role === "target" ? "目标 " : "实际 ") + c.text + " — 《" + (c.title || c.doc) + "》第" + c.line + "行";
}

// niceTicks returns about five round values from lo to hi.
function niceTicks(lo, hi) {
  const span = hi - lo || 1;
  const step0 = span / 5;
  const mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= step0);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

// seriesChart draws a series as SVG: bars across regions for one year,
// lines across years otherwise; targets (pale, with a whisker for a
// range) and outcomes (solid) together.
function seriesChart(t) {
  const rows = t.rows;
  const regions = [...new Set(rows.map((r) => r.region))];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const values = [];
  for (const r of rows) for (const c of [r.target, r.outcome]) if (c) values.push(c.low, c.high);
  if (values.length === 0) return null;
  let lo = Math.min(0, ...values), hi = Math.max(...values);
  if (hi === lo) hi = lo + 1;
  hi += (hi - lo) * 0.08;
  const bars = years.length === 1 || regions.length > 6;
  const n = bars ? regions.length : years.length;
  const left = 48, top = 16, bottom = bars ? 86 : 40, right = 16;
  const W = Math.max(640, left + right + n * (bars ? 30 : 36)), H = 300;
  const ph = H - top - bottom, pw = W - left - right;
  const y = (v) => top + ph - (v - lo) / (hi - lo) * ph;
  const svg = svgEl("svg", { class: "chart", viewBox: "0 0 " + W + " " + H, role: "img",
    "aria-label": t.indicator + (bars ? "，各地区对比" : "，历年变化") });
  for (const v of niceTicks(lo, hi)) {
    svg.append(svgEl("line", { x1: left, x2: W - right, y1: y(v), y2: y(v), stroke: "#e6e9ef" }),
      svgEl("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end" }, fmt(v) + (t.unit === "%" ? "%" : "")));
  }
  svg.append(svgEl("line", { x1: left, x2: W - right, y1: y(0), y2: y(0), stroke: "#9aa3b2" }));
  if (bars) {
    // The latest year of each region when several are asked.
    const latest = new Map();
    for (const r of rows) if (!latest.has(r.region) || latest.get(r.region).year < r.year) latest.set(r.region, r);
    const band = pw / regions.length, bw = Math.min(14, band * 0.38);
    regions.forEach((region, i) => {
      const r = latest.get(region);
      const cx = left + band * (i + 0.5);
      if (r.target) {
        const c = r.target, top0 = y(Math.max(c.low, 0)), bot0 = y(Math.min(c.low, 0));
        svg.append(svgEl("rect", { class: "bar-target", x: cx - bw, y: top0, width: bw, height: Math.max(1, bot0 - top0), fill: "#f2c6c2", stroke: "#b3261e" },
          svgEl("title", {}, cellTip(r, "target", c))));
        if (c.high > c.low) svg.append(svgEl("line", { x1: cx - bw / 2, x2: cx - bw / 2, y1: y(c.high), y2: top0, stroke: "#b3261e", "stroke-width": 2 }));
      }
      if (r.outcome) {
        const c = r.outcome, top0 = y(Math.max(c.low, 0)), bot0 = y(Math.min(c.low, 0));
        svg.append(svgEl("rect", { class: "bar-outcome", x: cx, y: top0, width: bw, height: Math.max(1, bot0 - top0), fill: "#1f5fa8" },
          svgEl("title", {}, cellTip(r, "outcome", c))));
      }
      const label = region.replace(/(维吾尔|壮族|回族)?自治区$/, "").replace(/[省市]$/, "");
      svg.append(svgEl("text", { x: cx, y: H - bottom + 14, "text-anchor": "end", transform: "rotate(-50 " + cx + " " + (H - bottom + 14) + ")" },
        label + (years.length > 1 ? " " + r.year : "")));
    });
  } else {
    const step = years.length > 1 ? pw / (years.length - 1) : 0;
    const x = (yr) => left + (years.length > 1 ? step * years.indexOf(yr) : pw / 2);
    const colors = ["#1f5fa8", "#b3261e", "#1b7a3a", "#8a4fbf", "#c47f00", "#2a8c8c"];
    regions.forEach((region, ri) => {
      const color = regions.length === 1 ? null : colors[ri % colors.length];
      const mine = rows.filter((r) => r.region === region).sort((a, b) => a.year - b.year);
      for (const role of ["target", "outcome"]) {
        let d = "", prev = null;
        for (const r of mine) {
          const c = r[role];
          if (!c) { prev = null; continue; }
          const mid = (c.low + c.high) / 2;
          d += (prev === r.year - 1 || (prev != null && years.indexOf(r.year) === years.indexOf(prev) + 1) ? "L" : "M") + x(r.year) + " " + y(mid) + " ";
          prev = r.year;
        }
        const stroke = role === "target" ? (color || "#b3261e") : (color || "#1f5fa8");
        if (d) svg.append(svgEl("path", { class: "line-" + role, d: d, fill: "none", stroke: stroke, "stroke-width": 2,
          "stroke-dasharray": role === "target" ? "6 4" : "none" }));
        for (const r of mine) {
          const c = r[role];
          if (!c) continue;
          if (c.high > c.low) svg.append(svgEl("line", { x1: x(r.year), x2: x(r.year), y1: y(c.high), y2: y(c.low), stroke: stroke, "stroke-width": 2 }));
          svg.append(svgEl("circle", { class: "dot-" + role, cx: x(r.year), cy: y((c.low + c.high) / 2), r: 4,
            fill: role === "target" ? "#fff" : stroke, stroke: stroke, "stroke-width": 2 }, svgEl("title", {}, cellTip(r, role, c))));
        }
      }
    });
    const every = Math.ceil(years.length / 16);
    years.forEach((yr, i) => {
      if (i % every === 0 || i === years.length - 1) svg.append(svgEl("text", { x: x(yr), y: H - bottom + 16, "text-anchor": "middle" }, yr));
    });
  }
  return svg;
}

function seriesCell(c) {
  if (!c) return el("td", { class: "num-col" }, "—");
  return el("td", { class: "num-col" }, c.text,
    el("small", {}, el("a", { href: "#doc/" + encodeURIComponent(c.doc) + "/p/" + c.paragraph, title: "《" + (c.title || c.doc) + "》第" + c.line + "行：" + c.sentence },
      (c.doc.match(/(\d{4})/) || ["", ""])[1] + "报告·第" + c.line + "行")));
}

// seriesView shows a series as a chart and a table whose every figure
// links to its sentence.
function seriesView(t) {
  const card = el("div", { class: "card series-card" },
    el("h2", {}, t.indicator + "（" + t.unit + "）" + (t.english ? " · " + t.english : "")));
  if (t.rows.length === 0) {
    card.append(el("p", { class: "hint" }, "报告中有目标和实际数的地区都不符合这个条件。"));
    return card;
  }
  const chart = seriesChart(t);
  if (chart) card.append(el("div", { class: "legend" }, el("span", { class: "sw-target" }), "目标", el("span", { class: "sw-outcome" }), "实际"), chart);
  const rows = t.rows.map((r) => el("tr", {},
    el("td", {}, r.region), el("td", {}, String(r.year)), seriesCell(r.target), seriesCell(r.outcome),
    el("td", { class: r.met == null ? "" : (r.met ? "met-yes" : "met-no") }, r.met == null ? "—" : (r.met ? "完成" : "未完成"))));
  card.append(el("table", { class: "series-table" },
    el("thead", {}, el("tr", {}, ...["地区", "年份", "目标", "实际", "是否完成"].map((h) => el("th", {}, h)))),
    el("tbody", {}, ...rows)));
  card.append(el("p", { class: "hint" }, "是否完成：" + (t.better === "lower" ? "实际不高于目标" : "实际达到目标") + "；“左右”的目标差半个百分点以内算完成。"));
  return card;
}

let indicatorsLoaded = false;

async function loadIndicators() {
  if (indicatorsLoaded) return;
  indicatorsLoaded = true;
  try {
    const r = await getJSON("/api/v1/indicators");
    $("series-indicators").replaceChildren(...r.indicators.map((i) => el("option", { value: i.name }, i.english)));
  } catch (e) {
    indicatorsLoaded = false;
  }
}

async function showSeries() {
  const params = new URLSearchParams();
  const q = $("series-q").value.trim();
  if (!q) return;
  params.set("q", q);
  const region = $("series-region").value.trim(), level = $("series-level").value;
  const from = $("series-from").value.trim(), to = $("series-to").value.trim();
  if (region) params.set("region", region);
  if (level) params.set("level", level);
  if (/^\d{4}$/.test(from)) params.set("from", from);
  if (/^\d{4}$/.test(to)) params.set("to", to);
  history.replaceState(null, "", "#series?" + params.toString());
  const csv = new URLSearchParams(params);
  csv.set("format", "csv");
  $("series-csv").setAttribute("href", "/api/v1/series?" + csv.toString());
  const out = $("series-result");
  out.replaceChildren(el("p", { class: "hint" }, "正在载入…"));
  try {
    out.replaceChildren(seriesView(await getJSON("/api/v1/series?" + params.toString())));
  } catch (e) {
    out.replaceChildren(el("p", { class: "error" }, "出错了：" + e.message));
  }
}

function show(view) {
  for (const v of ["ask", "search", "docs", "doc", "facts", "series"]) $("view-" + v).hidden = v !== view;
  for (const t of ["ask", "search", "docs", "facts", "series"]) $("tab-" + t).classList.toggle("active", t === view || (view === "doc" && t === "docs"));
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
  } else if (path === "series") {
    show("series");
    loadIndicators();
    const p = params;
    if (p.get("q")) {
      $("series-q").value = p.get("q");
      $("series-region").value = p.get("region") || "";
      $("series-level").value = p.get("level") || "";
      $("series-from").value = p.get("from") || "";
      $("series-to").value = p.get("to") || "";
      showSeries();
    }
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
  $("series-form").addEventListener("submit", (e) => {
    e.preventDefault();
    showSeries();
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
