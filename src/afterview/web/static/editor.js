// Afterview's email editor: the checker's findings as you type, fixes by click, and
// text that is never lost (kept in this browser until saved). Our own code, no library.
// Without this script the page is a plain form: save, and the server checks it.
"use strict";

(() => {
  const CHECK_DELAY = 400; // ms of quiet typing before a check
  const MAX_MARK = 200; // longer spans (a whole paragraph) are listed, not underlined
  const NOT_UNDERLINED = new Set(["brevity.long"]); // the word count says it
  const storageKey = (id) => `afterview:draft:${id}`;

  const store = {
    read(id) {
      try { return JSON.parse(localStorage.getItem(storageKey(id)) || "null"); } catch { return null; }
    },
    write(id, values) {
      try { localStorage.setItem(storageKey(id), JSON.stringify({ ...values, at: Date.now() })); }
      catch { /* storage full or disabled: the form still holds the text */ }
    },
    clear(id) {
      try { localStorage.removeItem(storageKey(id)); } catch { /* nothing kept */ }
    },
  };

  // --- offsets: the server counts code points (Python str indices), JS UTF-16 units ----
  // unitsOf(text)[n] is the UTF-16 index of the n-th code point (and, at the end, length).
  function unitsOf(text) {
    const map = [];
    let i = 0;
    while (i < text.length) {
      map.push(i);
      const c = text.charCodeAt(i);
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length
        && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      i += pair ? 2 : 1;
    }
    map.push(i);
    return map;
  }
  const at = (map, n) => map[Math.max(0, Math.min(n, map.length - 1))];

  function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

  document.addEventListener("DOMContentLoaded", () => {
    const sent = document.querySelector("[data-draft-sent]");
    if (sent) { store.clear(sent.dataset.draftSent); }
    const root = document.querySelector("[data-editor]");
    if (root) { editor(root); }
  });

  function editor(root) {
    const id = root.dataset.draftId;
    const $ = (selector) => root.querySelector(selector);
    const fields = { subject: $("#subject"), to: $("#to"), body: $("#body") };
    const form = $("#editor-form");
    const wrap = $("#body-wrap");
    const backdrop = $("#backdrop");
    const status = $("#check-status");
    const list = $("#findings");
    const words = $("#words");
    const saveState = $("#save-state");
    const restored = $("#restored");
    const jumpLink = $("#findings-jump");
    const sendError = $("#send-error");
    const context = {
      opp_id: Number(root.dataset.oppId) || null,
      interview_id: Number(root.dataset.interviewId) || null,
      kind: root.dataset.kind || null,
    };

    const ruleNames = JSON.parse(root.dataset.ruleNames || "{}");
    const general = JSON.parse(root.dataset.general || "[]");
    // Plain words for a rule id (editor_truth.py); its family's when the id is new.
    const ruleName = (id) => ruleNames[id] || ruleNames[id.split(".")[0]] || "A check";
    // P5's specific point is no point when it is a slot still to fill or the general line.
    const pointIsSpecific = (text) => !findings.some((f) => f.rule === "slot.unfinished")
      && !general.some((line) => text.replace(/\s+/g, " ").includes(line));
    const hasAddress = () => /@/.test(fields.to.value);
    let findings = []; // {severity, rule, message, suggestions, field, start, end, original} (UTF-16, field-local)
    let parts = [];
    let timer = 0;
    let inFlight = null;
    const values = () => ({ subject: fields.subject.value, to: fields.to.value, body: fields.body.value });
    let last = values();

    // --- saved or not: the server's text is the saved one unless a save just failed ---
    const normal = (v) => ({
      subject: (v.subject || "").trim(),
      to: (v.to || "").trim().replace(/"/g, ""),
      body: (v.body || "").replace(/\r\n/g, "\n").replace(/^\n+|\n+$/g, ""),
    });
    const same = (a, b) => a.subject === b.subject && a.to === b.to && a.body === b.body;
    const serverText = values();
    let saved = root.dataset.state === "saved" ? normal(serverText) : null;
    const dirty = () => saved === null || !same(normal(values()), saved);

    function remember() {
      if (dirty()) {
        store.write(id, values());
        saveState.textContent = "Unsaved changes: kept in this browser until you save.";
      } else {
        store.clear(id);
        saveState.textContent = "";
      }
    }

    // --- the text the checker reads: as `DraftView.editable_text` on the server ---
    function layout() {
      const v = values();
      let head = `Subject: ${v.subject}\n`;
      const spans = [{ name: "subject", start: "Subject: ".length }];
      if (v.to.trim()) {
        spans.push({ name: "to", start: head.length + "To: ".length });
        head += `To: ${v.to}\n`;
      }
      spans.push({ name: "body", start: head.length + 1 });
      return { text: `${head}\n${v.body}`, spans };
    }

    function place(item, map, spans, text) {
      const start = at(map, item.offset);
      const end = at(map, item.offset + item.length);
      let span = null;
      for (const s of spans) { if (start >= s.start) { span = s; } }
      if (!span) { return { ...item, field: null, start: 0, end: 0, original: text.slice(start, end) }; }
      return {
        ...item,
        field: span.name,
        start: start - span.start,
        end: end - span.start,
        original: text.slice(start, end),
      };
    }

    // --- edits move what was found: keep what is untouched, drop what was edited ---
    function follow(name, before, after) {
      const max = Math.min(before.length, after.length);
      let p = 0;
      while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) { p += 1; }
      let q = 0;
      while (q < max - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) { q += 1; }
      const oldEnd = before.length - q;
      const delta = after.length - before.length;
      const move = (items) => items.filter((f) => {
        if (f.field !== name || f.end < p) { return true; }
        if (f.start > oldEnd) { f.start += delta; f.end += delta; return true; }
        return false;
      });
      findings = move(findings);
      parts = move(parts);
    }

    // --- drawing: marks under the textarea, the findings list, the word count ---
    function paint() {
      const text = fields.body.value;
      const marks = findings
        .map((f, index) => ({ f, index }))
        .filter(({ f }) => f.field === "body" && f.end > f.start && f.end - f.start <= MAX_MARK
          && !NOT_UNDERLINED.has(f.rule))
        .sort((a, b) => a.f.start - b.f.start);
      const pieces = document.createDocumentFragment();
      let pos = 0;
      for (const { f, index } of marks) {
        if (f.start < pos || f.end > text.length) { continue; }
        pieces.append(text.slice(pos, f.start));
        const mark = document.createElement("mark");
        mark.className = `sev-${f.severity}`;
        mark.dataset.finding = String(index);
        mark.textContent = text.slice(f.start, f.end);
        pieces.append(mark);
        pos = f.end;
      }
      pieces.append(`${text.slice(pos)}\n\u00a0`); // room for a last, empty line
      backdrop.replaceChildren(pieces);
      backdrop.scrollTop = fields.body.scrollTop;
    }

    function where(f) {
      if (f.field === "subject") { return "Subject"; }
      if (f.field === "to") { return "To"; }
      if (f.field === "body") {
        const line = fields.body.value.slice(0, f.start).split("\n").length;
        return `Message, line ${line}`;
      }
      return "Headers";
    }

    function renderList() {
      const items = findings.map((f, index) => {
        const li = document.createElement("li");
        li.className = `finding sev-${f.severity}`;
        const head = document.createElement("p");
        head.className = "finding-head";
        const sev = document.createElement("span");
        sev.className = "sev";
        sev.textContent = f.severity;
        const spot = document.createElement("span");
        spot.className = "where";
        spot.textContent = where(f);
        const rule = document.createElement("span");
        rule.className = "rule-id";
        rule.textContent = ruleName(f.rule);
        head.append(sev, " ", spot, " ", rule);
        const message = document.createElement("p");
        message.className = "finding-msg";
        message.textContent = f.message;
        li.append(head, message);
        const fixes = document.createElement("div");
        fixes.className = "fixes";
        for (const suggestion of f.suggestions.slice(0, 5)) {
          const button = document.createElement("button");
          button.type = "button";
          button.className = "suggestion";
          button.textContent = suggestion === "" ? "(remove it)" : suggestion;
          button.setAttribute("aria-label", suggestion === ""
            ? `Remove “${f.original}”` : `Replace “${f.original}” with “${suggestion}”`);
          button.addEventListener("click", () => apply(index, suggestion));
          fixes.append(button);
        }
        if (f.field) {
          const jump = document.createElement("button");
          jump.type = "button";
          jump.className = "jump";
          jump.textContent = "Show in text";
          jump.setAttribute("aria-label", `Show in text: “${f.original}” (${where(f)})`);
          jump.addEventListener("click", () => show(f));
          fixes.append(jump);
        }
        li.append(fixes);
        return li;
      });
      list.replaceChildren(...items);
    }

    function summary() {
      if (!findings.length) {
        return hasAddress() ? "No findings: it reads well."
          : "No findings in the text, but no recipient address yet (P3).";
      }
      const count = (s) => findings.filter((f) => f.severity === s).length;
      const said = [["error", "error"], ["warning", "warning"], ["info", "hint"]]
        .filter(([s]) => count(s))
        .map(([s, word]) => plural(count(s), word));
      return `${plural(findings.length, "finding")}: ${said.join(", ")}.`;
    }

    function showReport(report, text, spans) {
      const map = unitsOf(text);
      findings = report.findings.map((f) => place(f, map, spans, text));
      parts = report.parts.map((p) => place(p, map, spans, text));
      if (!pointIsSpecific(fields.body.value)) { parts = parts.filter((p) => p.part !== "specific-point"); }
      root.classList.remove("check-failed");
      say(summary());
      const count = $("#word-count");
      count.textContent = String(report.words);
      words.classList.toggle("over", report.words > report.word_limit);
      let limit = $("#word-limit");
      if (!limit) {
        limit = document.createElement("span");
        limit.id = "word-limit";
        count.after(" / ", limit);
      }
      limit.textContent = String(report.word_limit);
      for (const li of root.querySelectorAll("#parts li[data-part]")) {
        const found = parts.some((p) => p.part === li.dataset.part);
        li.classList.toggle("found", found);
        li.classList.toggle("missing", !found);
        const mark = li.querySelector(".part-state");
        mark.firstChild.textContent = found ? "✓" : "✗";
        mark.querySelector(".visually-hidden").textContent = found ? " found: " : " missing: ";
        const old = li.querySelector(".part-show");
        if (old) { old.remove(); }
        const part = parts.find((p) => p.part === li.dataset.part && p.field === "body");
        if (part) {
          const button = document.createElement("button");
          button.type = "button";
          button.className = "part-show";
          button.textContent = "Show";
          button.setAttribute("aria-label", `Show where: ${li.textContent.replace(/^\W*(found|missing): /, "").trim()}`);
          button.addEventListener("click", () => show(part));
          li.append(" ", button);
        }
      }
      paint();
      renderList();
    }

    // --- checking: debounced, stale requests aborted, failures keep everything ---
    function checkSoon(delay = CHECK_DELAY) {
      clearTimeout(timer);
      if (inFlight) { inFlight.abort(); inFlight = null; }
      timer = setTimeout(check, delay);
    }

    async function check() {
      const { text, spans } = layout();
      const controller = new AbortController();
      if (inFlight) { inFlight.abort(); }
      inFlight = controller;
      root.classList.add("checking");
      try {
        const response = await fetch("/api/check", {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": window.afterview.csrf() },
          body: JSON.stringify({ text, ...context }),
          credentials: "same-origin",
          signal: controller.signal,
        });
        const data = await response.json().catch(() => null);
        if (inFlight !== controller) { return; }
        if (!response.ok || !data) {
          const detail = data && Array.isArray(data.detail) && data.detail[0] ? ` (${data.detail[0].msg})` : "";
          failed(response.status < 500 && data && data.error ? `${data.error}${detail}` : null);
          return;
        }
        if (layout().text !== text) { return; } // typed meanwhile: the next check follows
        showReport(data, text, spans);
      } catch (error) {
        if (error && error.name === "AbortError") { return; }
        if (inFlight === controller) { failed(null); }
      } finally {
        if (inFlight === controller) { inFlight = null; root.classList.remove("checking"); }
      }
    }

    function failed(message) {
      root.classList.add("check-failed");
      say(message
        ? `Could not check this text: ${message}`
        : "Could not check right now. Your text is safe; it is checked again as you type.");
    }

    function say(text) {
      status.textContent = text; // announced: role="status"
      if (jumpLink) { jumpLink.textContent = text; } // for phones, where the checks are below
    }

    // --- fixing and showing a finding ---
    function apply(index, replacement) {
      const f = findings[index];
      if (!f || !f.field) { return; }
      const el = fields[f.field];
      if (el.value.slice(f.start, f.end) !== f.original) { checkSoon(0); return; }
      const before = el.value;
      const expected = before.slice(0, f.start) + replacement + before.slice(f.end);
      el.focus();
      el.setSelectionRange(f.start, f.end);
      let done = false;
      try { // the browser's own edit keeps undo (Ctrl+Z) working
        done = document.execCommand(replacement === "" ? "delete" : "insertText", false, replacement);
      } catch { done = false; }
      if (!done || el.value !== expected) {
        el.value = expected; // exactly the span, whatever the browser did
        el.setSelectionRange(f.start + replacement.length, f.start + replacement.length);
        edited(f.field);
      }
      checkSoon(0);
    }

    function show(f) {
      const el = fields[f.field];
      el.focus();
      el.setSelectionRange(f.start, Math.min(f.end, el.value.length));
      if (f.field === "body") {
        const index = findings.indexOf(f);
        const mark = backdrop.querySelector(`mark[data-finding="${index}"]`);
        if (mark) { mark.scrollIntoView({ block: "center" }); }
      }
    }

    function edited(name) {
      const now = values();
      follow(name, last[name], now[name]);
      last = now;
      paint();
      renderList();
      remember();
      checkSoon();
    }

    for (const name of Object.keys(fields)) {
      fields[name].addEventListener("input", () => edited(name));
    }
    fields.body.addEventListener("scroll", () => { backdrop.scrollTop = fields.body.scrollTop; });
    form.addEventListener("keydown", (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === "s") {
        event.preventDefault();
        form.requestSubmit();
      }
    });

    // --- exports and "mark as sent" use the saved text: save first when needed ---
    async function saveNow() {
      const response = await fetch(`/api/drafts/${id}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": window.afterview.csrf() },
        body: JSON.stringify(values()),
        credentials: "same-origin",
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) { throw new Error(data.error || `the server answered ${response.status}`); }
      saved = normal(values());
      remember();
      const mailto = root.querySelector("#mailto");
      if (mailto) {
        const link = await fetch(`/api/drafts/${id}/mailto`, { credentials: "same-origin" });
        if (link.ok) { mailto.href = (await link.json()).mailto; }
      }
    }

    for (const el of root.querySelectorAll("[data-needs-save]")) {
      const isForm = el.tagName === "FORM"; // mark sent, send at a time: forms; exports: links
      el.addEventListener(isForm ? "submit" : "click", async (event) => {
        sendError.hidden = true;
        if (!dirty()) { return; }
        event.preventDefault();
        try {
          await saveNow();
        } catch (error) {
          sendError.textContent = `Your changes could not be saved, so nothing else was done: ${error.message}`;
          sendError.hidden = false;
          return;
        }
        if (isForm) { el.submit(); } else { window.location.href = el.href; }
      });
    }
    const help = $("#send-help");
    if (help) { help.textContent = "Unsaved changes are saved first, then exported, queued or marked sent."; }

    // --- text kept in this browser: restore it, or forget it once saved ---
    const kept = store.read(id);
    if (saved === null) {
      store.write(id, values());
      saveState.textContent = "Not saved yet: kept in this browser until you save.";
    } else if (kept && !same(normal(kept), saved)) {
      fields.subject.value = kept.subject || "";
      fields.to.value = kept.to || "";
      fields.body.value = kept.body || "";
      last = values();
      saveState.textContent = "Unsaved changes: kept in this browser until you save.";
      const when = kept.at ? new Date(kept.at).toLocaleString() : "earlier";
      const discard = document.createElement("button");
      discard.type = "button";
      discard.textContent = "Discard them";
      discard.addEventListener("click", () => {
        fields.subject.value = serverText.subject;
        fields.to.value = serverText.to;
        fields.body.value = serverText.body;
        last = values();
        findings = [];
        parts = [];
        store.clear(id);
        saveState.textContent = "";
        restored.hidden = true;
        paint();
        renderList();
        checkSoon(0);
      });
      restored.replaceChildren(`Restored your unsaved changes from this browser (${when}). `, discard);
      restored.hidden = false;
    } else {
      store.clear(id);
    }

    wrap.classList.add("enhanced");
    paint();
    checkSoon(0);
  }
})();
