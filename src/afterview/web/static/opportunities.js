// Opportunities: search as you type, and the recruiter's fields only for the recruiter route.
// Progressive enhancement only: without this script the search form and the forms work as is.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const search = document.querySelector("form[data-live-search]");
  const results = document.getElementById("board-results");
  if (search && results) {
    const input = search.querySelector('input[name="q"]');
    let timer = 0;
    let pending = null;
    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(async () => {
        if (pending) { pending.abort(); }
        pending = new AbortController();
        const query = input.value.trim();
        const url = "/opportunities" + (query ? "?q=" + encodeURIComponent(query) : "");
        try {
          const response = await fetch(url, { signal: pending.signal, credentials: "same-origin" });
          if (!response.ok) { return; }
          const page = new DOMParser().parseFromString(await response.text(), "text/html");
          const fresh = page.getElementById("board-results");
          if (fresh) {
            results.replaceChildren(...fresh.childNodes);
            history.replaceState(null, "", url);
          }
        } catch (error) {
          // aborted by a newer keystroke, or offline: the Search button still works
        }
      }, 250);
    });
  }

  const recruiter = document.querySelector('[data-route-fields="recruiter"]');
  if (recruiter) {
    const radios = document.querySelectorAll('input[name="route"]');
    const sync = () => {
      const chosen = document.querySelector('input[name="route"]:checked');
      const show = !chosen || chosen.value === "recruiter";
      recruiter.hidden = !show;
      recruiter.disabled = !show; // a hidden recruiter is not sent with a direct application
    };
    for (const radio of radios) { radio.addEventListener("change", sync); }
    sync();
  }
});
