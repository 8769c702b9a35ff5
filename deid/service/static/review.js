/* deid review page. Plain JavaScript, no libraries, nothing loaded from elsewhere.
 *
 * The text stays in this page: the server is asked (POST /v1/scrub with "entities")
 * for the findings' offsets and the scrubbed preview, and never sends a value back;
 * the page slices its own copy of the text. Offsets from the server are code points
 * (Python), so they are converted to JavaScript's UTF-16 indices before slicing.
 * The user's marks are sent as values ("keep": [{text}], "remove": [{text, entity_type}])
 * and apply to every occurrence in the document.
 */
"use strict";

const $ = (sel) => document.querySelector(sel);

const COLOURS = {
  PERSON: "#ffb3b3", DATE_TIME: "#b8d8ff", LOCATION: "#b9ecc0", STREET_ADDRESS: "#c9f0a8",
  ZIP_CODE: "#e0f5b0", ORGANIZATION: "#ffd59e", PHONE_NUMBER: "#e3c6ff", EMAIL_ADDRESS: "#f7c6ec",
  URL: "#c6f1f5", AGE: "#ffe98f", MEDICAL_RECORD_NUMBER: "#d6d0ff", UNIQUE_EVENT: "#f2d0b4",
  UNKNOWN: "#dcdcdc", ID: "#cfe3e8",
};
const RECOGNIZERS = {
  SpacyRecognizer: "the statistical model (names, places, dates in context)",
  DocumentPropagation: "found with confidence elsewhere in this document, so removed here too",
  ClientCard: "on the client card",
  Reviewer: "marked by you",
  SafetyNet: "a word no list knows (recall-first safety net)",
};

const state = {
  text: "",
  source: { kind: "paste", name: "", data: null },  // kind: paste | text-file | document
  card: null, cardName: "",
  keep: [],      // [{text}]
  remove: [],    // [{text, entity_type}]
  result: null,  // {text, entities, kept} for state.text
  selected: -1,
  seq: 0,
  token: sessionStorage.getItem("deid-token") || "",
  types: {},
  defaultProfile: "",
};

// ------------------------------------------------------------------ helpers
function u16Offsets(text) {
  // offs[i] = UTF-16 index of code point i (the server counts code points)
  const offs = [0];
  let u = 0;
  for (const ch of text) { u += ch.length; offs.push(u); }
  return offs;
}

function colourOf(type) {
  if (COLOURS[type]) return COLOURS[type];
  let h = 0;
  for (const ch of type) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return `hsl(${h}, 70%, 82%)`;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k === "style") {  // through CSSOM: the page's CSP forbids inline style attributes
      for (const decl of v.split(";")) {
        const j = decl.indexOf(":");
        if (j > 0) e.style.setProperty(decl.slice(0, j).trim(), decl.slice(j + 1).trim());
      }
    }
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

function status(msg) { $("#status").textContent = msg; }

function showError(msg) {
  const box = $("#error");
  box.textContent = msg || "";
  box.hidden = !msg;
}

async function api(path, body, raw = false) {
  const headers = { "Content-Type": "application/json" };
  if (state.token) headers["Authorization"] = "Bearer " + state.token;
  const resp = await fetch(path, body === undefined ? { headers } :
    { method: "POST", headers, body: JSON.stringify(body) });
  if (resp.status === 401) {
    $("#token-box").hidden = false;
    throw new Error("This server needs an access token: enter it above, then try again.");
  }
  if (!resp.ok) {
    let msg = `the server answered ${resp.status}`;
    try { const j = await resp.json(); if (j.error) msg = j.error; } catch (e) { /* not JSON */ }
    throw new Error(msg);
  }
  return raw ? resp : resp.json();
}

function base64Of(buffer) {
  const bytes = new Uint8Array(buffer);
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function stemAndExt(name) {
  const i = name.lastIndexOf(".");
  return i > 0 ? [name.slice(0, i), name.slice(i)] : [name || "note", ".txt"];
}

// ------------------------------------------------------------------ analysis
let debounce = null;
function scheduleAnalyze(delay = 700) {
  clearTimeout(debounce);
  debounce = setTimeout(analyze, delay);
}

async function analyze() {
  clearTimeout(debounce);
  const text = $("#input").value;
  state.text = text;
  if (!text.trim()) {
    state.result = null;
    render();
    status("Paste a note or open a file to begin.");
    return;
  }
  const seq = ++state.seq;
  status("Checking…");
  showError("");
  try {
    const res = await api("/v1/scrub", {
      text, profile: $("#profile").value || undefined, client: state.card || undefined,
      keep: state.keep, remove: state.remove, entities: true, explain: true,
    });
    if (seq !== state.seq) return;  // a newer request is on its way
    state.result = res;
    if (state.selected >= res.entities.length) state.selected = -1;
    render();
    const n = res.entities.length;
    status(`${n} finding${n === 1 ? "" : "s"} with the ${$("#profile").value} profile.`);
  } catch (e) {
    if (seq !== state.seq) return;
    showError("Could not check the text: " + e.message);
    status("");
  }
}

// ------------------------------------------------------------------ rendering
function render() {
  renderLegend();
  renderMarked();
  renderDetails();
  renderChanges();
  const res = state.result;
  $("#preview").textContent = res ? res.text : "";
  $("#preview-profile").textContent = res ? `(profile: ${$("#profile").value})` : "";
  $("#copy").disabled = $("#download").disabled = !res;
  const modelOnly = res && !state.card &&
    res.entities.some((f) => f.entity_type === "PERSON" && f.recognizer === "SpacyRecognizer");
  $("#banner-model").hidden = !modelOnly;
}

function renderLegend() {
  const box = $("#legend");
  box.replaceChildren();
  const res = state.result;
  if (!res) return;
  const counts = {};
  for (const f of res.entities) counts[f.entity_type] = (counts[f.entity_type] || 0) + 1;
  const types = Object.keys(counts).sort();
  if (!types.length) box.append(el("span", { class: "hint" }, "No findings."));
  for (const t of types) {
    box.append(el("span", { class: "item", "data-type": t, style: `--c: ${colourOf(t)}` },
      el("span", { class: "swatch", "aria-hidden": "true" }), t + " ",
      el("span", { class: "count", "data-count": t }, counts[t])));
  }
  if (res.kept && res.kept.length) {
    box.append(el("span", { class: "item" }, el("span", { class: "kept" }, "kept by you"), " ",
      el("span", { class: "count", "data-count": "kept" }, res.kept.length)));
  }
}

function renderMarked() {
  const root = $("#marked");
  root.replaceChildren();
  const res = state.result;
  if (!res) return;
  const t = state.text;
  const offs = u16Offsets(t);
  const items = res.entities.map((f, i) => ({ ...f, i }));
  for (const k of res.kept || []) {
    if (!res.entities.some((f) => f.start < k.end && k.start < f.end)) items.push({ ...k, kept: true });
  }
  items.sort((a, b) => a.start - b.start);
  let pos = 0;
  for (const it of items) {
    if (it.start < pos) continue;
    if (it.start > pos) root.append(t.slice(offs[pos], offs[it.start]));
    const value = t.slice(offs[it.start], offs[it.end]);
    if (it.kept) {
      root.append(el("span", { class: "kept", title: "kept by you" }, value));
    } else {
      const cls = ["hl"];
      if (it.changes === false) cls.push("unchanged");
      if (it.recognizer === "Reviewer") cls.push("reviewer");
      const m = el("mark", {
        class: cls.join(" "), tabindex: "0", role: "button", "data-i": it.i, "data-type": it.entity_type,
        "aria-pressed": String(it.i === state.selected), style: `--c: ${colourOf(it.entity_type)}`,
        title: `${it.entity_type}: ${RECOGNIZERS[it.recognizer] || it.recognizer}`,
        "aria-label": `${value}: ${it.entity_type}`,
      }, value);
      root.append(m);
    }
    pos = it.end;
  }
  if (pos < offs.length - 1) root.append(t.slice(offs[pos]));
}

function selectFinding(i) {
  state.selected = i;
  for (const m of document.querySelectorAll("#marked mark.hl")) {
    m.setAttribute("aria-pressed", String(Number(m.dataset.i) === i));
  }
  renderDetails();
}

function renderDetails() {
  const body = $("#detail-body");
  const res = state.result;
  const f = res && state.selected >= 0 ? res.entities[state.selected] : null;
  const btn = $("#unmark");
  if (!f) {
    body.replaceChildren(el("p", { class: "hint" }, "Nothing selected."));
    btn.hidden = true;
    return;
  }
  const offs = u16Offsets(state.text);
  const value = state.text.slice(offs[f.start], offs[f.end]);
  const why = [];
  if (f.pattern) why.push(`pattern: ${f.pattern}`);
  if (f.context && f.context.length) why.push(`context words: ${f.context.join(", ")}`);
  const dl = el("dl", { class: "details" },
    el("dt", {}, "Text"), el("dd", { "data-detail": "value" }, value),
    el("dt", {}, "Type"), el("dd", { "data-detail": "type" },
      el("span", { class: "swatch", style: `--c: ${colourOf(f.entity_type)}`, "aria-hidden": "true" }), " ", f.entity_type),
    el("dt", {}, "Found by"), el("dd", { "data-detail": "recognizer" },
      f.recognizer + (RECOGNIZERS[f.recognizer] ? ` (${RECOGNIZERS[f.recognizer]})` : "")),
    el("dt", {}, "Why"), el("dd", { "data-detail": "why" }, why.length ? why.join("; ") : `score ${f.score}`),
    el("dt", {}, "Result"), el("dd", {}, f.changes === false ? "the profile keeps this value as it is" : "removed or replaced"));
  body.replaceChildren(dl);
  btn.hidden = false;
  btn.textContent = f.recognizer === "Reviewer" ? "Remove your mark" : "Un-mark everywhere (keep this text)";
  btn.dataset.value = value;
  btn.dataset.reviewer = f.recognizer === "Reviewer" ? "1" : "";
}

function renderChanges() {
  const ul = $("#changes");
  ul.replaceChildren();
  const rows = [
    ...state.keep.map((k, i) => ({ label: `Keep “${k.text}”`, undo: () => state.keep.splice(i, 1) })),
    ...state.remove.map((r, i) => ({ label: `Remove “${r.text}” as ${r.entity_type}`, undo: () => state.remove.splice(i, 1) })),
  ];
  if (!rows.length) ul.append(el("li", { class: "hint" }, "None yet."));
  for (const r of rows) {
    ul.append(el("li", {}, r.label + " ",
      el("button", { type: "button", class: "small", "aria-label": `Undo: ${r.label}`,
        onclick: () => { r.undo(); analyze(); } }, "Undo")));
  }
}

// ------------------------------------------------------------------ user actions
function unmark() {
  const btn = $("#unmark");
  const value = btn.dataset.value;
  if (!value) return;
  const low = value.toLowerCase();
  if (btn.dataset.reviewer) {
    state.remove = state.remove.filter((r) => r.text.toLowerCase() !== low);
  } else if (!state.keep.some((k) => k.text.toLowerCase() === low)) {
    state.keep.push({ text: value });
  }
  state.selected = -1;
  analyze();
}

function mark() {
  const value = $("#mark-text").value.trim();
  if (!value) { status("Type or select the text to mark first."); return; }
  const type = $("#mark-type").value;
  const low = value.toLowerCase();
  state.keep = state.keep.filter((k) => k.text.toLowerCase() !== low);
  state.remove = state.remove.filter((r) => r.text.toLowerCase() !== low);
  state.remove.push({ text: value, entity_type: type });
  $("#mark-text").value = "";
  analyze();
}

function takeSelection() {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !$("#marked").contains(sel.anchorNode)) return;
  const s = sel.toString().trim();
  if (s) $("#mark-text").value = s;
}

async function copyResult() {
  const text = state.result ? state.result.text : "";
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {  // older browsers, or no clipboard permission
    const ta = el("textarea", { "aria-hidden": "true", style: "position:fixed;left:-100rem" });
    ta.value = text;
    document.body.append(ta);
    ta.select();
    document.execCommand("copy");
    ta.remove();
  }
  status(`Copied the scrubbed text (${text.length} characters).`);
}

function save(blob, name) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

async function download() {
  if (!state.result) return;
  const [stem, ext] = stemAndExt(state.source.name || "note.txt");
  try {
    if (state.source.kind === "document") {
      const resp = await api("/v1/document/scrub", {
        name: state.source.name, data: state.source.data, profile: $("#profile").value || undefined,
        client: state.card || undefined, keep: state.keep, remove: state.remove,
      }, true);
      save(await resp.blob(), `${stem}.deid${ext}`);
    } else {
      const type = ext === ".md" ? "text/markdown" : "text/plain";
      save(new Blob([state.result.text], { type: type + ";charset=utf-8" }), `${stem}.deid${ext}`);
    }
    status("Downloaded the scrubbed file.");
  } catch (e) {
    showError("Could not download: " + e.message);
  }
}

async function openFile(ev) {
  const file = ev.target.files[0];
  if (!file) return;
  const ext = stemAndExt(file.name)[1].toLowerCase();
  showError("");
  resetMarks();
  const input = $("#input");
  try {
    if (ext === ".txt" || ext === ".md") {
      input.value = await file.text();
      input.readOnly = false;
      state.source = { kind: "text-file", name: file.name, data: null };
      note(`Opened ${file.name}. Download gives a ${ext} file.`);
    } else {
      status(`Reading ${file.name}…`);
      const data = base64Of(await file.arrayBuffer());
      const res = await api("/v1/document/text", { name: file.name, data });
      input.value = res.text;
      input.readOnly = true;
      state.source = { kind: "document", name: file.name, data };
      note(`Opened ${file.name} (${res.segments} parts). Its text is shown read-only; Download gives a ${ext} file with the same structure.`);
    }
    analyze();
  } catch (e) {
    showError(`Could not open ${file.name}: ${e.message}`);
  } finally {
    ev.target.value = "";
  }
}

function note(msg) {
  const n = $("#source-note");
  n.textContent = msg || "";
  n.hidden = !msg;
}

async function openCard(ev) {
  const file = ev.target.files[0];
  if (!file) return;
  state.card = await file.text();
  state.cardName = file.name;
  $("#card-status").textContent = `Client card: ${file.name} (used for this page only, not stored).`;
  $("#card-clear").hidden = false;
  ev.target.value = "";
  analyze();
}

function clearCard() {
  state.card = null;
  state.cardName = "";
  $("#card-status").textContent = "";
  $("#card-clear").hidden = true;
  analyze();
}

function resetMarks() {
  state.keep = [];
  state.remove = [];
  state.selected = -1;
}

function startAgain() {
  resetMarks();
  state.source = { kind: "paste", name: "", data: null };
  const input = $("#input");
  input.value = "";
  input.readOnly = false;
  note("");
  showError("");
  state.result = null;
  state.text = "";
  render();
  input.focus();
}

// ------------------------------------------------------------------ start
async function init() {
  $("#token").value = state.token;
  $("#token-box").onsubmit = (e) => e.preventDefault();
  $("#token").onchange = (e) => {
    state.token = e.target.value.trim();
    sessionStorage.setItem("deid-token", state.token);
    init();
  };
  let info;
  try {
    info = await api("/v1/profiles");
  } catch (e) {
    showError(e.message);
    return;
  }
  $("#token-box").hidden = !state.token;
  showError("");
  const sel = $("#profile");
  sel.replaceChildren();
  for (const p of info.profiles) {
    // surrogate profiles (ai) write to the vault on every check: not offered here,
    // where nothing is stored
    if (p.surrogates) continue;
    sel.append(el("option", { value: p.name }, p.needs_client ? `${p.name} (needs a client card)` : p.name));
  }
  sel.value = info.default;
  state.defaultProfile = info.default;
  const describe = () => {
    const p = info.profiles.find((x) => x.name === sel.value);
    $("#profile-desc").textContent = p ? p.description : "";
  };
  describe();
  sel.onchange = () => { describe(); analyze(); };
  const types = $("#mark-type");
  types.replaceChildren();
  for (const [t, d] of Object.entries(info.entity_types)) {
    if (t === "UNKNOWN") continue;
    types.append(el("option", { value: t, title: d }, t));
  }
  types.value = "PERSON";
  const docs = info.documents || [];
  $("#file").setAttribute("accept", [".txt", ".md", ...docs.filter((d) => [".docx", ".vtt", ".srt"].includes(d))].join(","));
  status("Paste a note or open a file to begin.");
}

document.addEventListener("DOMContentLoaded", () => {
  $("#analyze").addEventListener("click", analyze);
  $("#clear").addEventListener("click", startAgain);
  $("#input").addEventListener("input", () => { if (!$("#input").readOnly) scheduleAnalyze(); });
  $("#file").addEventListener("change", openFile);
  $("#card").addEventListener("change", openCard);
  $("#card-clear").addEventListener("click", clearCard);
  $("#unmark").addEventListener("click", unmark);
  $("#mark").addEventListener("click", mark);
  $("#mark-text").addEventListener("keydown", (e) => { if (e.key === "Enter") mark(); });
  $("#copy").addEventListener("click", copyResult);
  $("#download").addEventListener("click", download);
  const marked = $("#marked");
  marked.addEventListener("click", (e) => {
    const m = e.target.closest("mark.hl");
    if (m && window.getSelection().isCollapsed) selectFinding(Number(m.dataset.i));
  });
  marked.addEventListener("keydown", (e) => {
    const m = e.target.closest("mark.hl");
    if (m && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); selectFinding(Number(m.dataset.i)); }
  });
  marked.addEventListener("mouseup", takeSelection);
  marked.addEventListener("keyup", takeSelection);
  init();
});
