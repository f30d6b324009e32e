// ttsbuilder studio: the page. Everything a file holds is shown with textContent (or
// rebuilt element by element from a whitelist, for the timeline's SVG), never as markup.
"use strict";

const LINE = 18; // px, as in studio.css
const SVG = "http://www.w3.org/2000/svg";
const $ = (id) => document.getElementById(id);
const state = {
  path: null, version: null, dirty: false, pointer: "", target: null,
  targets: [], checks: 0, timer: null, timeline: null, readonly: false,
};

function el(tag, attrs = {}, text = null) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== null) node.textContent = text;
  return node;
}

function say(message, bad = false) {
  $("status").textContent = message;
  $("status").classList.toggle("bad", bad);
}

async function api(method, url, body) {
  const options = { method, headers: {}, credentials: "same-origin" };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(url, options);
  const data = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) throw Object.assign(new Error(data.error || response.statusText), { status: response.status });
  return data;
}

// --- files ------------------------------------------------------------------------------

function badges(target, errors, warnings) {
  target.querySelectorAll(".badge").forEach((b) => b.remove());
  if (errors) target.append(el("span", { class: "badge error", title: `${errors} error(s)` }, String(errors)));
  if (warnings) target.append(el("span", { class: "badge warning", title: `${warnings} warning(s)` }, String(warnings)));
}

async function loadFiles() {
  const data = await api("GET", "/api/files");
  state.targets = data.targets;
  if (!state.target) state.target = data.targets[0];
  buildTargets();
  const list = $("file-list");
  list.replaceChildren();
  for (const file of data.files) {
    const item = el("li");
    const button = el("button", { type: "button", "data-path": file.path, class: "file" });
    button.append(el("span", {}, file.path));
    badges(button, file.errors || 0, file.warnings || 0);
    if (file.error) button.title = file.error;
    button.addEventListener("click", () => openFile(file.path, ""));
    item.append(button);
    if (file.prompts && file.prompts.length > 1) {
      const inner = el("ul");
      for (const prompt of file.prompts) {
        const sub = el("button", { type: "button", "data-path": file.path, "data-pointer": prompt.pointer }, prompt.pointer || "/");
        sub.addEventListener("click", () => openFile(file.path, prompt.pointer));
        inner.append(el("li"));
        inner.lastChild.append(sub);
      }
      item.append(inner);
    }
    list.append(item);
  }
  say(`${data.files.length} prompt file(s), profile ${data.profile}`);
}

async function openFile(path, pointer) {
  if (state.dirty && path !== state.path && !confirm("Discard the unsaved changes?")) return;
  if (path === state.path && !state.dirty) { choosePrompt(pointer); return; }
  try {
    const file = await api("GET", "/api/file?path=" + encodeURIComponent(path));
    state.path = file.path; state.version = file.version; state.dirty = false;
    state.pointer = pointer; state.readonly = file.readonly; state.format = file.format;
    const editor = $("editor");
    editor.value = file.text;
    editor.disabled = false; editor.readOnly = file.readonly;
    $("current").textContent = file.path + (file.readonly ? " (not UTF-8: read only)" : "");
    for (const id of ["fix", "save", "play"]) $(id).disabled = false;
    document.querySelectorAll("#file-list button").forEach((b) => b.classList.toggle("open", b.dataset.path === path && (b.dataset.pointer || "") === (pointer || "")));
    gutter();
    hideFixes();
    say(`opened ${file.path}`);
    await check();
  } catch (error) { say(error.message, true); }
}

function choosePrompt(pointer) {
  state.pointer = pointer;
  $("prompt").value = pointer;
  render();
}

// --- editor -----------------------------------------------------------------------------

function gutter(problems = []) {
  const lines = $("editor").value.split("\n").length;
  const worst = new Map();
  for (const p of problems) {
    if (p.line == null) continue;
    const seen = worst.get(p.line);
    if (!seen || p.severity === "error") worst.set(p.line, p.severity);
  }
  const inner = $("gutter-inner");
  inner.replaceChildren();
  for (let n = 1; n <= lines; n++) {
    const row = el("div", { class: "line-number" }, String(n));
    if (worst.has(n)) {
      row.classList.add(worst.get(n));
      row.title = problems.filter((p) => p.line === n).map((p) => `${p.code} ${p.message}`).join("\n");
    }
    inner.append(row);
  }
  const marks = $("marks");
  marks.replaceChildren();
  for (const [line, severity] of worst) {
    const mark = el("div", { class: "mark " + severity, "data-line": String(line) });
    mark.style.top = `${4 + (line - 1) * LINE}px`;
    marks.append(mark);
  }
  scrolled();
}

function scrolled() {
  const editor = $("editor");
  $("gutter-inner").style.transform = `translateY(${-editor.scrollTop}px)`;
  $("marks").style.transform = `translate(${-editor.scrollLeft}px, ${-editor.scrollTop}px)`;
}

function edited() {
  state.dirty = true;
  $("current").textContent = state.path + " •";
  gutter(state.problems || []);
  clearTimeout(state.timer);
  state.timer = setTimeout(check, 300);
}

function goTo(line, column) {
  const editor = $("editor");
  const lines = editor.value.split("\n");
  let offset = 0;
  for (let n = 0; n < line - 1 && n < lines.length; n++) offset += lines[n].length + 1;
  offset += Math.max(0, (column || 1) - 1);
  editor.focus();
  editor.setSelectionRange(offset, offset);
  editor.scrollTop = Math.max(0, (line - 4) * LINE);
  scrolled();
}

// --- problems ---------------------------------------------------------------------------

async function check() {
  if (!state.path) return;
  const number = ++state.checks;
  try {
    const found = await api("POST", "/api/check", { path: state.path, text: $("editor").value });
    if (number !== state.checks) return; // an older answer: a newer check is on its way
    state.problems = found.problems;
    showProblems(found);
    prompts(found.prompts);
    const button = document.querySelector(`#file-list button.file[data-path="${CSS.escape(state.path)}"]`);
    if (button) badges(button, found.errors, found.warnings);
    await render();
  } catch (error) { say(error.message, true); }
}

function problemItem(p) {
  const item = el("li", { class: p.severity });
  const where = p.line != null ? `${p.line}:${p.column} ` : "";
  const jump = el("button", { type: "button", class: "jump" });
  jump.append(el("span", { class: "where" }, where), el("span", { class: "code" }, p.code), document.createTextNode(` ${p.severity} ${p.message}`));
  if (p.line != null) jump.addEventListener("click", () => goTo(p.line, p.column));
  item.append(jump);
  if (p.hint) item.append(el("div", { class: "hint" }, `hint: ${p.hint}`));
  const link = el("a", { href: p.url, target: "_blank", rel: "noopener noreferrer" }, `rule ${p.code} ${p.name}`);
  const rule = el("div", { class: "hint" });
  rule.append(link);
  item.append(rule);
  return item;
}

function showProblems(found) {
  $("counts").textContent = `${found.errors} error(s), ${found.warnings} warning(s)`;
  const list = $("problems");
  list.replaceChildren(...found.problems.map(problemItem));
  gutter(found.problems);
}

function prompts(list) {
  const select = $("prompt");
  const pointers = list.map((p) => p.pointer);
  select.replaceChildren(...list.map((p) => el("option", { value: p.pointer }, `${p.pointer || "/"} (${p.kind})`)));
  if (!pointers.includes(state.pointer)) state.pointer = pointers.length ? pointers[0] : "";
  select.value = state.pointer;
  select.disabled = pointers.length < 2;
}

// --- SSML -------------------------------------------------------------------------------

function buildTargets() {
  const box = $("targets");
  box.replaceChildren();
  for (const target of state.targets) {
    const tab = el("button", { type: "button", role: "tab", id: `target-${target}`, "aria-selected": String(target === state.target) }, target);
    tab.addEventListener("click", () => { state.target = target; buildTargets(); showSSML(); });
    box.append(tab);
  }
}

async function render() {
  if (!state.path) return;
  const number = state.renders = (state.renders || 0) + 1;
  try {
    const found = await api("POST", "/api/render", { path: state.path, text: $("editor").value, pointer: state.pointer });
    if (number !== state.renders) return; // an older answer
    state.rendered = found.targets;
    showSSML();
  } catch (error) {
    if (number !== state.renders) return;
    state.rendered = null;
    $("ssml").textContent = error.message;
    $("ssml-problems").replaceChildren();
  }
}

function showSSML() {
  const found = state.rendered && state.rendered[state.target];
  $("ssml").textContent = !found ? "" : (found.ssml !== undefined ? found.ssml : found.error);
  $("ssml-problems").replaceChildren(...(found ? found.problems.map(problemItem) : []));
}

// --- fixes and saving -------------------------------------------------------------------

function hideFixes() { $("fix-panel").hidden = true; state.fixed = null; }

async function fixes() {
  if (!state.path) return;
  try {
    const found = await api("POST", "/api/fix", { path: state.path, text: $("editor").value });
    const left = found.unsafe ? ` (${found.unsafe} unsafe fix(es) left out: lint --fix --unsafe-fixes)` : "";
    if (found.text === null) { say("nothing to fix safely" + left); hideFixes(); return; }
    if (left) say(left.trim());
    state.fixed = found.text;
    $("fix-changes").replaceChildren(...found.changes.map((c) => el("li", {}, c)));
    const diff = $("fix-diff");
    diff.replaceChildren();
    for (const line of found.diff.split("\n")) {
      const kind = line.startsWith("+") && !line.startsWith("+++") ? "add" : line.startsWith("-") && !line.startsWith("---") ? "del" : "";
      diff.append(el("span", kind ? { class: kind } : {}, line + "\n"));
    }
    $("fix-panel").hidden = false;
    $("fix-apply").focus();
  } catch (error) { say(error.message, true); }
}

function applyFixes() {
  if (state.fixed === null) return;
  $("editor").value = state.fixed;
  hideFixes();
  say("fixes applied: save to write them");
  edited();
  $("editor").focus();
}

async function save() {
  if (!state.path || state.readonly) return;
  try {
    const saved = await api("POST", "/api/save", { path: state.path, text: $("editor").value, version: state.version });
    state.version = saved.version; state.dirty = false;
    $("current").textContent = state.path;
    say(`saved ${saved.path}`);
  } catch (error) { say(error.message, true); }
}

// --- hearing ----------------------------------------------------------------------------

const ALLOWED = {
  svg: ["width", "height", "viewBox"], title: [], line: ["x1", "x2", "y1", "y2", "stroke"],
  text: ["x", "y"], rect: ["x", "y", "width", "height", "fill"], g: [],
};

function copySVG(node) {
  // Rebuild the server's SVG from a whitelist of elements and attributes: nothing in it
  // (a label taken from the prompt's text) can become a script or a link.
  const name = node.localName;
  if (node.namespaceURI !== SVG || !(name in ALLOWED)) return null;
  const copy = document.createElementNS(SVG, name);
  for (const attribute of ALLOWED[name]) {
    if (node.hasAttribute(attribute)) copy.setAttribute(attribute, node.getAttribute(attribute));
  }
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) copy.append(document.createTextNode(child.data));
    else if (child.nodeType === Node.ELEMENT_NODE) { const inner = copySVG(child); if (inner) copy.append(inner); }
  }
  return copy;
}

async function play() {
  if (!state.path) return;
  say("speaking…");
  try {
    const found = await api("POST", "/api/preview", { path: state.path, text: $("editor").value, pointer: state.pointer });
    state.timeline = found;
    const parsed = new DOMParser().parseFromString(found.svg, "image/svg+xml");
    const svg = copySVG(parsed.documentElement);
    $("timeline").replaceChildren(...(svg ? [svg] : []));
    $("duration").textContent = `${found.duration.toFixed(3)} s · eSpeak NG voice ${found.voice}`;
    $("preview-problems").replaceChildren(...found.problems.filter((p) => p.code.startsWith("TTS7")).map(problemItem));
    const player = $("player");
    player.src = found.audio;
    player.dataset.duration = String(found.duration);
    say(`playing ${state.pointer || "/"} (${found.duration.toFixed(3)} s)`);
    await player.play().catch((error) => {
      if (error.name === "NotAllowedError") say("press the player's play button (the browser blocked autoplay)");
    });
  } catch (error) { say(error.message, true); }
}

function speaking() {
  const line = state.timeline;
  const svg = $("timeline").querySelector("svg");
  if (!line || !svg) return;
  const now = $("player").currentTime;
  let current = -1;
  line.entries.forEach((entry, index) => {
    if (entry.start <= now && now < entry.end && (current < 0 || entry.depth >= line.entries[current].depth)) current = index;
  });
  svg.querySelectorAll("rect").forEach((rect, index) => rect.classList.toggle("speaking", index === current));
  $("timeline").dataset.speaking = current >= 0 ? line.entries[current].pointer : "";
  // The same node in the editor: a mark on its line while it is spoken.
  const marks = $("marks");
  let mark = marks.querySelector(".mark.speaking");
  if (current < 0 || state.dirty) { if (mark) mark.remove(); return; }
  if (!mark) { mark = el("div", { class: "mark speaking" }); marks.append(mark); }
  mark.dataset.line = String(line.entries[current].line);
  mark.style.top = `${4 + (line.entries[current].line - 1) * LINE}px`;
}

// --- wiring -----------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  const editor = $("editor");
  editor.addEventListener("input", edited);
  editor.addEventListener("scroll", scrolled);
  $("prompt").addEventListener("change", (event) => choosePrompt(event.target.value));
  $("fix").addEventListener("click", fixes);
  $("fix-apply").addEventListener("click", applyFixes);
  $("fix-cancel").addEventListener("click", () => { hideFixes(); $("fix").focus(); });
  $("save").addEventListener("click", save);
  $("play").addEventListener("click", play);
  $("player").addEventListener("timeupdate", speaking);
  document.addEventListener("keydown", (event) => {
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && event.key === "Enter") { event.preventDefault(); play(); }
    else if (ctrl && (event.key === "s" || event.key === "S")) { event.preventDefault(); save(); }
    else if (event.altKey && (event.key === "f" || event.key === "F")) { event.preventDefault(); fixes(); }
  });
  window.addEventListener("beforeunload", (event) => { if (state.dirty) event.preventDefault(); });
  loadFiles().catch((error) => say(error.message, true));
});
