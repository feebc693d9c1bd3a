// Afterview's own script: progressive enhancement only; every page works without it.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  for (const link of document.querySelectorAll("a[data-back]")) {
    link.addEventListener("click", (event) => {
      if (history.length > 1) { event.preventDefault(); history.back(); }
    });
  }
});

// For page scripts: a POST carrying the CSRF token, answering parsed JSON.
window.afterview = {
  csrf() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  },
  async postJSON(url, body, signal) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": this.csrf() },
      body: JSON.stringify(body),
      credentials: "same-origin",
      signal,
    });
    const data = await response.json().catch(() => ({ error: "The server's answer was unreadable." }));
    if (!response.ok) { throw new Error(data.error || `HTTP ${response.status}`); }
    return data;
  },
};
