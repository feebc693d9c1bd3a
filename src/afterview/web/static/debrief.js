// The debrief form (P4): "Add another question" adds a row in place, without a round trip.
// Without this script the same button submits and the server re-renders with more rows.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const rows = document.querySelector("[data-question-rows]");
  const template = document.getElementById("question-row-template");
  const button = document.querySelector("[data-add-question]");
  if (!rows || !template || !button || !("content" in template)) { return; }
  let next = rows.querySelectorAll("[data-question-row]").length;

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
    if (number) { number.textContent = String(rows.querySelectorAll("[data-question-row]").length + 1); }
    rows.appendChild(row);
    next += 1;
    const added = rows.lastElementChild;
    const first = added ? added.querySelector("textarea, input") : null;
    if (first) { first.focus(); }
  });
});
