// marsad's page: search, article view with layer highlights, events (table, offline map, timeline), entities,
// conflicts and a form to add an article. Plain DOM, no dependencies, so it works offline.
"use strict";

const EVENT_TYPES = {
  ASSAULT: "اعتداء", COERCE: "إكراه", MOBILIZE: "تعبئة", SANCTION: "عقوبات", PROTEST: "احتجاج", THREATEN: "تهديد",
  REJECT: "رفض", ACCUSE: "اتهام", REQUEST: "طلب", RETREAT: "انسحاب", AID: "مساعدة", COOPERATE: "تعاون",
  CONCEDE: "تنازل", SUPPORT: "دعم", CONSULT: "تشاور", AGREE: "اتفاق",
};
const ENTITY_TYPES = { PER: "أشخاص", ORG: "منظمات", LOC: "أماكن", MISC: "أخرى" };
// Layers of the article view: key, label, and whether it starts switched on.
const LAYERS = [
  ["ent-PER", "أشخاص", true], ["ent-ORG", "منظمات", true], ["ent-LOC", "أماكن", true], ["ent-MISC", "كيانات أخرى", true],
  ["qty", "أعداد وكميات", true], ["date", "تواريخ", true], ["event", "أحداث", true], ["quote", "اقتباسات", false],
  ["conflict", "تناقضات", true],
];

// ---------- small helpers ----------

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids.flat()) {
    if (k === undefined || k === null || k === false) continue;
    e.append(k instanceof Node ? k : String(k));
  }
  return e;
}

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs, ...kids) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const k of kids) if (k) e.append(k instanceof Node ? k : String(k));
  return e;
}

function token() { return localStorage.getItem("marsad-token") || ""; }

async function api(path, opts = {}) {
  const headers = Object.assign({}, opts.headers || {});
  if (token()) headers.Authorization = "Bearer " + token();
  const resp = await fetch(path, Object.assign({}, opts, { headers }));
  if (resp.status === 401) {
    const t = prompt("هذا الخادم يطلب رمز الدخول (token):");
    if (t) { localStorage.setItem("marsad-token", t.trim()); return api(path, opts); }
  }
  const body = await resp.json().catch(() => ({}));
  if (!resp.ok && !(resp.status === 422 && body.articles)) throw new Error(body.error || ("HTTP " + resp.status));
  return body;
}

function fmtDate(iso) { return iso ? iso.slice(0, 10) : ""; }

function status(msg, isError) {
  const s = document.getElementById("status");
  s.textContent = msg || "";
  s.className = "status" + (isError ? " error" : "");
}

// Byte offsets (UTF-8, as the API gives them) to string indices (UTF-16, as JavaScript slices).
function byteIndex(text) {
  const idx = new Int32Array(new TextEncoder().encode(text).length + 1);
  let b = 0, i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) idx[b + k] = i;
    b += n; i += ch.length;
  }
  idx[b] = i;
  return idx;
}

function parseHash() {
  const h = location.hash.replace(/^#/, "") || "/";
  const [path, qs] = h.split("?");
  return { path, params: new URLSearchParams(qs || "") };
}

function go(path, params) {
  const qs = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString() : "";
  location.hash = "#" + path + (qs ? "?" + qs : "");
}

// ---------- search ----------

function snippet(s) {
  // The API marks matching words with [ and ].
  const out = el("p", { class: "snippet" });
  const re = /\[([^\[\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(s))) {
    out.append(s.slice(last, m.index), el("mark", {}, m[1]));
    last = re.lastIndex;
  }
  out.append(s.slice(last));
  return out;
}

async function viewSearch(main, p) {
  const q = p.get("q") || "";
  const form = el("form", { class: "searchbar", role: "search", onsubmit: (e) => {
    e.preventDefault();
    go("/", { q: form.q.value.trim(), source: p.get("source"), from: p.get("from"), to: p.get("to") });
  } },
  el("input", { name: "q", type: "search", value: q, placeholder: "ابحث: كلمات، «عبارة»، أو بادئة*", autofocus: true, "aria-label": "البحث" }),
  el("button", { type: "submit" }, "بحث"));
  main.append(form);
  if (!q) {
    const health = await api("healthz").catch(() => null);
    main.append(el("p", { class: "hint" }, health ? `في المرصد ${health.articles} خبرًا. ابحث بالعربية؛ تُطابَق الكلمة مع سوابقها ولواحقها («والرقة» تجد «الرقة»).` : ""));
    return;
  }
  const limit = 10, offset = +p.get("offset") || 0;
  const qp = new URLSearchParams({ q, limit, offset });
  for (const k of ["source", "from", "to"]) if (p.get(k)) qp.set(k, p.get(k));
  const res = await api("api/search?" + qp);
  const layout = el("div", { class: "with-side" });
  const side = el("aside", { class: "facets" });
  const list = el("section", { class: "results", id: "results" });
  layout.append(list, side);
  main.append(layout);

  const f = res.facets;
  if (f) {
    const params = Object.fromEntries(p);
    side.append(el("h3", {}, `${f.total} نتيجة`));
    const active = [];
    for (const k of ["source", "from", "to"]) if (p.get(k)) active.push(el("a", { href: "#", class: "chip", onclick: (e) => {
      e.preventDefault(); go("/", Object.assign({}, params, { [k]: "", offset: "" }));
    } }, `${p.get(k)} ✕`));
    if (active.length) side.append(el("div", { class: "chips" }, active));
    side.append(el("h4", {}, "المصدر"));
    side.append(el("ul", {}, f.sources.map((c) => el("li", {}, el("a", { href: "#", onclick: (e) => {
      e.preventDefault(); go("/", Object.assign({}, params, { source: c.value, offset: "" }));
    } }, c.value), el("span", { class: "n" }, c.n)))));
    side.append(el("h4", {}, "الشهر"));
    const most = Math.max(1, ...f.months.map((c) => c.n));
    side.append(el("ul", { class: "months" }, f.months.map((c) => {
      const bar = el("span", { class: "bar" });
      bar.style.width = (100 * c.n / most) + "%";
      return el("li", {}, el("a", { href: "#", onclick: (e) => {
        e.preventDefault();
        const [y, m] = c.value.split("-").map(Number);
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        go("/", Object.assign({}, params, { from: c.value + "-01", to: c.value + "-" + String(last).padStart(2, "0"), offset: "" }));
      } }, c.value), el("span", { class: "n" }, c.n), bar);
    })));
  }
  if (!res.hits.length) { list.append(el("p", { class: "hint" }, "لا نتائج.")); return; }
  for (const h of res.hits) {
    list.append(el("article", { class: "hit" },
      el("h3", {}, el("a", { href: "#/article/" + encodeURIComponent(h.id) }, h.title || h.id)),
      el("div", { class: "meta" }, fmtDate(h.published), h.source ? " · " + h.source : ""),
      snippet(h.snippet)));
  }
  const nav = el("div", { class: "pager" });
  const params = Object.fromEntries(p);
  if (offset > 0) nav.append(el("a", { href: "#", onclick: (e) => { e.preventDefault(); go("/", Object.assign(params, { offset: Math.max(0, offset - limit) })); } }, "→ السابق"));
  if (res.hits.length === limit) nav.append(el("a", { href: "#", onclick: (e) => { e.preventDefault(); go("/", Object.assign(params, { offset: offset + limit })); } }, "التالي ←"));
  list.append(nav);
}

// ---------- article ----------

function refText(r) { return r ? (r.name || r.text) : ""; }

// annotations lists every highlightable item of the document: byte range, layer key and hover text.
function annotations(d) {
  const out = [];
  for (const e of d.entities || []) {
    const parts = [ENTITY_TYPES[e.type] || e.type];
    if (e.name && e.name !== e.text) parts.push("← " + e.name);
    if (e.id) parts.push("المعرّف: " + e.id);
    if (e.gazetteer_id) parts.push(e.gazetteer_id);
    if (e.lat != null) parts.push(`${e.lat.toFixed(3)}، ${e.lon.toFixed(3)}`);
    out.push({ s: e.start, e: e.end, layer: "ent-" + e.type, tip: parts.join(" · ") });
  }
  for (const q of d.quantities || []) {
    const approx = { about: "نحو ", over: "أكثر من ", under: "أقل من " }[q.approx] || (q.approx ? q.approx + " " : "");
    out.push({ s: q.start, e: q.end, layer: "qty", tip: "= " + approx + q.value.toLocaleString("en") + (q.unit ? " " + q.unit : "") });
  }
  for (const t of d.dates || []) {
    out.push({ s: t.start, e: t.end, layer: "date", tip: t.value ? "← " + t.value + (t.relative ? " (نسبي)" : "") : "تاريخ غير محلول" });
  }
  for (const v of d.events || []) {
    const tip = [`${EVENT_TYPES[v.type] || v.type} (${v.type}${v.mode ? "/" + v.mode : ""})`];
    if (v.actor1) tip.push("الفاعل: " + refText(v.actor1));
    if (v.actor2) tip.push("المفعول به: " + refText(v.actor2));
    if (v.location) tip.push("المكان: " + refText(v.location));
    if (v.date) tip.push("التاريخ: " + v.date);
    for (const q of v.quantities || []) tip.push(`${q.role}: ${q.value}`);
    out.push({ s: v.trigger.start, e: v.trigger.end, layer: "event", tip: tip.join(" · ") });
  }
  for (const q of d.quotes || []) {
    out.push({ s: q.start, e: q.end, layer: "quote", tip: (q.direct ? "اقتباس مباشر" : "كلام منقول") + (q.speaker ? " · القائل: " + refText(q.speaker) : "") });
  }
  for (const c of d.conflicts || []) {
    for (const q of c.spans || []) out.push({ s: q.start, e: q.end, layer: "conflict", tip: "تناقض: " + c.message });
  }
  return out;
}

// highlighted renders text with the annotations of the enabled layers: the text is cut at every boundary and
// each piece carries the classes and hover texts of every annotation covering it, so overlaps show.
function highlighted(d, anns, enabled) {
  const idx = byteIndex(d.text);
  const on = anns.filter((a) => enabled.has(a.layer) && a.s < a.e && a.e < idx.length);
  const cuts = new Set([0, d.text.length, idx[d.title_end]]);
  for (const a of on) { cuts.add(idx[a.s]); cuts.add(idx[a.e]); }
  const points = [...cuts].sort((x, y) => x - y);
  const body = el("div", { class: "doctext", id: "doctext" });
  const titleEnd = idx[d.title_end];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const cover = on.filter((x) => idx[x.s] <= a && idx[x.e] >= b);
    const piece = d.text.slice(a, b);
    const cls = [...new Set(cover.map((x) => x.layer))];
    if (a < titleEnd) cls.push("doctitle");
    if (!cover.length && !cls.length) { body.append(piece); continue; }
    body.append(el("span", { class: ["hl", ...cls].join(" "), title: cover.map((x) => x.tip).join("\n") || null, "data-layers": cls.join(" ") }, piece));
  }
  return body;
}

async function viewArticle(main, id) {
  const d = await api("api/articles/" + encodeURIComponent(id));
  const anns = annotations(d);
  const counts = {};
  for (const a of anns) counts[a.layer] = (counts[a.layer] || 0) + 1;
  const enabled = new Set(JSON.parse(localStorage.getItem("marsad-layers") || "null") || LAYERS.filter((l) => l[2]).map((l) => l[0]));
  const holder = el("div");
  const redraw = () => { holder.replaceChildren(highlighted(d, anns, enabled)); localStorage.setItem("marsad-layers", JSON.stringify([...enabled])); };
  const toggles = el("fieldset", { class: "toggles" }, el("legend", {}, "إظهار الطبقات"),
    LAYERS.map(([key, label]) => el("label", { class: "toggle " + key },
      el("input", { type: "checkbox", name: key, checked: enabled.has(key), onchange: (e) => {
        if (e.target.checked) enabled.add(key); else enabled.delete(key);
        redraw();
      } }), ` ${label} `, el("span", { class: "n" }, counts[key] || 0))));
  main.append(el("div", { class: "meta" }, fmtDate(d.published), d.source ? " · " + d.source : "",
    d.url ? el("span", {}, " · ", el("a", { href: d.url, rel: "noreferrer noopener", target: "_blank" }, "المصدر")) : "",
    " · ", el("a", { href: "api/articles/" + encodeURIComponent(d.id) }, "JSON")));
  main.append(el("div", { class: "with-side" }, el("section", {}, holder), el("aside", {}, toggles, layerLists(d))));
  redraw();
}

function layerLists(d) {
  const box = el("div", { class: "lists" });
  if ((d.events || []).length) {
    box.append(el("h4", {}, "الأحداث"), el("ul", {}, d.events.map((v) => el("li", {},
      el("b", {}, EVENT_TYPES[v.type] || v.type), " ", v.trigger.text,
      v.actor1 ? " · " + refText(v.actor1) : "", v.location ? " · في " + refText(v.location) : "", v.date ? " · " + v.date : ""))));
  }
  if ((d.conflicts || []).length) {
    box.append(el("h4", {}, "التناقضات"), el("ul", {}, d.conflicts.map((c) => el("li", { class: "conflict-item" }, c.message))));
  }
  if ((d.quotes || []).length) {
    box.append(el("h4", {}, "الاقتباسات"), el("ul", {}, d.quotes.map((q) => el("li", {}, q.speaker ? refText(q.speaker) + ": " : "", "«" + q.text.slice(0, 120) + (q.text.length > 120 ? "…" : "") + "»"))));
  }
  return box;
}

// ---------- events: filters, map, timeline, table ----------

let region = null;
async function loadRegion() {
  if (!region) region = await fetch("region.json").then((r) => r.json());
  return region;
}

// The map is an equirectangular projection scaled by the cosine of the middle latitude, so the shapes are
// not stretched at these latitudes.
const BOUNDS = { w: 35.4, e: 48.8, s: 29.0, n: 37.6 };
function project(lon, lat) {
  const k = Math.cos((BOUNDS.s + BOUNDS.n) / 2 * Math.PI / 180);
  const scale = 70;
  return [(lon - BOUNDS.w) * k * scale, (BOUNDS.n - lat) * scale];
}

function drawMap(reg, evs, onPlace) {
  const [W, H] = project(BOUNDS.e, BOUNDS.s);
  const m = svg("svg", { viewBox: `0 0 ${W.toFixed(0)} ${H.toFixed(0)}`, class: "map", role: "img", "aria-label": "خريطة الأحداث", id: "map", direction: "ltr" });
  for (const c of reg.countries) {
    const g = svg("g", { class: "country " + c.code });
    const [cw] = project(BOUNDS.w + reg.cell, BOUNDS.n);
    for (const [x10, y10] of c.cells) {
      const [x, y] = project(x10 / 10, (y10 + 1) / 10);
      g.append(svg("rect", { x: x.toFixed(1), y: y.toFixed(1), width: cw.toFixed(2), height: (reg.cell * 70).toFixed(2) }));
    }
    const hull = c.hull.map(([lon, lat]) => project(lon, lat).map((v) => v.toFixed(1)).join(",")).join(" ");
    m.append(svg("polygon", { points: hull, class: "hull" }), g);
    for (const l of c.labels) {
      const [x, y] = project(l.lon, l.lat);
      m.append(svg("text", { x: x.toFixed(1), y: y.toFixed(1), class: "label" }, l.name));
    }
  }
  const byPlace = new Map();
  for (const v of evs) {
    if (v.lat == null) continue;
    const key = v.lat.toFixed(3) + "," + v.lon.toFixed(3);
    if (!byPlace.has(key)) byPlace.set(key, { lat: v.lat, lon: v.lon, name: (v.location && (v.location.name || v.location.text)) || key, evs: [] });
    byPlace.get(key).evs.push(v);
  }
  for (const p of byPlace.values()) {
    const [x, y] = project(p.lon, p.lat);
    const types = {};
    for (const v of p.evs) types[v.type] = (types[v.type] || 0) + 1;
    const top = Object.entries(types).sort((a, b) => b[1] - a[1])[0][0];
    const dot = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (4 + 3 * Math.sqrt(p.evs.length)).toFixed(1), class: "event-dot t-" + top },
      svg("title", {}, `${p.name}: ${p.evs.length} ` + Object.entries(types).map(([t, n]) => `${EVENT_TYPES[t] || t} ${n}`).join("، ")));
    dot.addEventListener("click", () => onPlace(p.name));
    m.append(dot);
  }
  return m;
}

function drawTimeline(evs) {
  const days = new Map();
  for (const v of evs) {
    if (!v.day) continue;
    if (!days.has(v.day)) days.set(v.day, {});
    const t = days.get(v.day);
    t[v.type] = (t[v.type] || 0) + 1;
  }
  const keys = [...days.keys()].sort();
  if (!keys.length) return el("p", { class: "hint" }, "لا أحداث مؤرخة.");
  // Every day between the first and the last, so quiet days show as gaps.
  const all = [];
  for (let t = Date.parse(keys[0] + "T00:00:00Z"); t <= Date.parse(keys[keys.length - 1] + "T00:00:00Z") && all.length < 3660; t += 864e5) {
    all.push(new Date(t).toISOString().slice(0, 10));
  }
  const W = 900, H = 160, pad = 20;
  const bw = Math.max(1, (W - 2 * pad) / all.length);
  const most = Math.max(...[...days.values()].map((t) => Object.values(t).reduce((a, b) => a + b, 0)));
  const s = svg("svg", { viewBox: `0 0 ${W} ${H + 30}`, class: "timeline", id: "timeline", direction: "ltr" });
  all.forEach((day, i) => {
    const t = days.get(day);
    if (!t) return;
    let y = H;
    for (const [type, n] of Object.entries(t).sort()) {
      const h = (H - pad) * n / most;
      y -= h;
      s.append(svg("rect", { x: (pad + i * bw).toFixed(2), y: y.toFixed(2), width: Math.max(1, bw - 1).toFixed(2), height: h.toFixed(2), class: "t-" + type },
        svg("title", {}, `${day}: ${EVENT_TYPES[type] || type} ${n}`)));
    }
  });
  s.append(svg("text", { x: pad, y: H + 20, class: "axis" }, all[0]));
  s.append(svg("text", { x: W - pad, y: H + 20, class: "axis", "text-anchor": "end" }, all[all.length - 1]));
  s.append(svg("line", { x1: pad, y1: H, x2: W - pad, y2: H, class: "axis-line" }));
  return s;
}

async function viewEvents(main, p) {
  const params = Object.fromEntries(p);
  const form = el("form", { class: "filters", onsubmit: (e) => {
    e.preventDefault();
    const f = new FormData(form);
    go("/events", Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v).trim()])));
  } },
  el("label", {}, "النوع ", el("select", { name: "type" }, el("option", { value: "" }, "الكل"),
    Object.entries(EVENT_TYPES).map(([k, v]) => el("option", { value: k, selected: p.get("type") === k }, `${v} (${k})`)))),
  el("label", {}, "الفاعل ", el("input", { name: "actor", value: p.get("actor") || "", placeholder: "قسد، sdf…" })),
  el("label", {}, "المكان ", el("input", { name: "place", value: p.get("place") || "" })),
  el("label", {}, "من ", el("input", { name: "from", type: "date", value: p.get("from") || "" })),
  el("label", {}, "إلى ", el("input", { name: "to", type: "date", value: p.get("to") || "" })),
  // The API keeps the events reported as happening (confidence ≥ 0.5) unless asked for every mention.
  el("label", {}, "الثقة ", el("select", { name: "min_confidence" },
    el("option", { value: "" }, "وقعت فعلًا"),
    el("option", { value: "0", selected: p.get("min_confidence") === "0" }, "كل الإشارات"))),
  el("button", { type: "submit" }, "تصفية"));
  main.append(form);
  const qp = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  const [res, reg] = await Promise.all([api("api/events?" + qp), loadRegion()]);
  const evs = res.events;
  const links = el("div", { class: "downloads" }, `${evs.length} حدثًا · تنزيل: `,
    el("a", { href: "api/events?" + new URLSearchParams([...qp, ["format", "csv"]]) }, "CSV"), " · ",
    el("a", { href: "api/events?" + new URLSearchParams([...qp, ["format", "geojson"]]) }, "GeoJSON"));
  main.append(links);
  main.append(el("div", { class: "two" },
    el("figure", {}, drawMap(reg, evs, (place) => go("/events", Object.assign({}, params, { place }))), el("figcaption", {}, "الأحداث حسب المكان")),
    el("figure", {}, drawTimeline(evs), el("figcaption", {}, "الأحداث في اليوم"), legend(evs))));
  const rows = evs.slice(0, 500).map((v) => el("tr", {},
    el("td", {}, v.day || ""), el("td", {}, el("span", { class: "tag t-" + v.type }, EVENT_TYPES[v.type] || v.type)),
    el("td", {}, v.trigger.text), el("td", {}, actorLink(v.actor1, params)), el("td", {}, actorLink(v.actor2, params)),
    el("td", {}, refText(v.location)), el("td", {}, (v.quantities || []).map((q) => `${q.role}: ${q.value}`).join("، ")),
    el("td", {}, el("a", { href: "#/article/" + encodeURIComponent(v.article) }, v.title || v.article))));
  main.append(el("table", { class: "events", id: "events-table" },
    el("thead", {}, el("tr", {}, ["اليوم", "النوع", "الفعل", "الفاعل", "المفعول به", "المكان", "الأعداد", "الخبر"].map((h) => el("th", {}, h)))),
    el("tbody", {}, rows)));
}

function legend(evs) {
  const types = [...new Set(evs.map((v) => v.type))].sort();
  return el("div", { class: "legend" }, types.map((t) => el("span", { class: "tag t-" + t }, EVENT_TYPES[t] || t)));
}

function actorLink(r, params) {
  if (!r) return "";
  return el("a", { href: "#", onclick: (e) => { e.preventDefault(); go("/events", Object.assign({}, params, { actor: r.id || r.name || r.text })); } }, refText(r));
}

// ---------- entities, conflicts, add ----------

async function viewEntities(main, p) {
  const form = el("form", { class: "searchbar", onsubmit: (e) => { e.preventDefault(); go("/entities", { q: form.q.value.trim() }); } },
    el("input", { name: "q", type: "search", value: p.get("q") || "", placeholder: "اسم أو معرّف" }), el("button", {}, "بحث"));
  main.append(form);
  const res = await api("api/entities?" + new URLSearchParams({ q: p.get("q") || "", limit: 200 }));
  main.append(el("table", { class: "entities" },
    el("thead", {}, el("tr", {}, ["الاسم", "النوع", "المعرّف", "الإشارات", "الأخبار", ""].map((h) => el("th", {}, h)))),
    el("tbody", {}, res.entities.map((e) => el("tr", {},
      el("td", {}, el("a", { href: "#/?q=" + encodeURIComponent(e.name) }, e.name)), el("td", {}, ENTITY_TYPES[e.type] || e.type),
      el("td", {}, e.id || ""), el("td", {}, e.mentions), el("td", {}, e.articles),
      el("td", {}, el("a", { href: "#/events?actor=" + encodeURIComponent(e.id || e.name) }, "أحداثه")))))));
}

async function viewConflicts(main) {
  const res = await api("api/conflicts?limit=200");
  if (!res.conflicts.length) { main.append(el("p", { class: "hint" }, "لا تناقضات مسجلة.")); return; }
  main.append(el("ul", { class: "conflicts" }, res.conflicts.map((c) => el("li", {},
    el("a", { href: "#/article/" + encodeURIComponent(c.article) }, c.title || c.article), " · ", fmtDate(c.published), " · ",
    el("span", { class: "conflict-item" }, c.message)))));
}

function viewAdd(main) {
  const out = el("div", { class: "hint" });
  const form = el("form", { class: "add", onsubmit: async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    if (f.get("token")) localStorage.setItem("marsad-token", String(f.get("token")).trim());
    const qp = new URLSearchParams();
    for (const k of ["title", "published", "source", "url"]) if (f.get(k)) qp.set(k, f.get(k));
    try {
      const res = await api("api/articles?" + qp, { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: f.get("text") });
      const a = res.articles[0];
      out.replaceChildren(a.error ? "رُفض: " + a.error : el("a", { href: "#/article/" + a.id }, a.added ? "أضيف الخبر: " + a.title : "الخبر موجود من قبل: " + a.title));
    } catch (err) { out.replaceChildren("خطأ: " + err.message); }
  } },
  el("label", {}, "العنوان", el("input", { name: "title", required: true })),
  el("label", {}, "تاريخ النشر", el("input", { name: "published", type: "date" })),
  el("label", {}, "المصدر", el("input", { name: "source" })),
  el("label", {}, "الرابط", el("input", { name: "url", type: "url", dir: "ltr" })),
  el("label", {}, "النص", el("textarea", { name: "text", rows: 12, required: true })),
  el("label", {}, "رمز الكتابة (token)", el("input", { name: "token", type: "password", value: token(), dir: "ltr" })),
  el("button", { type: "submit" }, "إضافة"));
  main.append(form, out);
}

// ---------- routing ----------

async function route() {
  const { path, params } = parseHash();
  const main = document.getElementById("main");
  main.replaceChildren();
  const view = path.startsWith("/article/") ? "article" : (path.slice(1) || "search");
  document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("active", a.dataset.view === view));
  status("…");
  try {
    if (view === "article") await viewArticle(main, decodeURIComponent(path.slice("/article/".length)));
    else if (view === "events") await viewEvents(main, params);
    else if (view === "entities") await viewEntities(main, params);
    else if (view === "conflicts") await viewConflicts(main);
    else if (view === "add") viewAdd(main);
    else await viewSearch(main, params);
    status("");
    document.body.dataset.ready = view;
  } catch (err) {
    status(err.message, true);
    main.append(el("p", { class: "error" }, err.message));
  }
}

window.addEventListener("hashchange", route);
route();
