// The debrief form (P4): "Add another question" and "Add another nugget" add a row in
// place, without a round trip. Each row's ids, names and labels get the next free index,
// so every label still points at its own field. Without this script the same buttons
// submit and the server re-renders the form with more rows.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-add-row]")) {
    const kind = button.getAttribute("data-add-row");
    const rows = document.querySelector(`[data-rows="${kind}"]`);
    const template = document.getElementById(`${kind}-row-template`);
    if (!rows || !template || !("content" in template)) { continue; }
    const selector = `[data-${kind}-row]`;
    let next = rows.querySelectorAll(selector).length;

    button.addEventListener("click", (event) => {
      event.preventDefault();
      const row = template.content.cloneNode(true);
      for (const element of row.querySelectorAll("[id], [name], [for]")) {
        for (const attribute of ["id", "name", "for"]) {
          const value = element.getAttribute(attribute);
          if (value) { element.setAttribute(attribute, value.replace("__N__", String(next))); }
        }
      }
      const number = row.querySelector("[data-number]");
      if (number) { number.textContent = String(rows.querySelectorAll(selector).length + 1); }
      rows.appendChild(row);
      next += 1;
      const added = rows.lastElementChild;
      const first = added ? added.querySelector("textarea, input") : null;
      if (first) { first.focus(); }
    });
  }
});
