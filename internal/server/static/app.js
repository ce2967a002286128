// dyad dashboard: actor pickers that look names up as you type, and
// colour swatches. Pages work without it.
"use strict";

(function () {
  // Fill the datalist of an actor picker from /api/actors.
  let timer = null;
  async function lookup(input) {
    const list = document.getElementById(input.getAttribute("list"));
    const q = input.value.trim();
    if (!list || q.length < 2) return;
    try {
      const res = await fetch("/api/actors?limit=15&q=" + encodeURIComponent(q));
      if (!res.ok) return;
      const body = await res.json();
      list.replaceChildren(...body.actors.map(function (a) {
        const o = document.createElement("option");
        o.value = a.code;
        o.label = (a.name ? a.name + " · " : "") + a.events + " events";
        return o;
      }));
    } catch (e) {
      // Offline or the server went away: the picker still takes codes.
    }
  }
  document.querySelectorAll("input.actor-pick").forEach(function (input) {
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { lookup(input); }, 150);
    });
  });

  document.querySelectorAll(".swatch[data-color]").forEach(function (el) {
    el.style.backgroundColor = el.dataset.color;
  });
})();

// Sortable tables: a click on a column's header sorts the rows by it
// (again: the other way), by data-sort when a cell has one, else by its
// text, numbers as numbers.
(function () {
  document.querySelectorAll("table.sortable").forEach(function (table) {
    const body = table.tBodies[0];
    table.querySelectorAll("thead th").forEach(function (th, col) {
      th.classList.add("sort");
      th.title = "sort by " + th.textContent.toLowerCase();
      th.addEventListener("click", function () {
        const down = th.dataset.dir !== "desc";
        table.querySelectorAll("thead th").forEach(function (h) { delete h.dataset.dir; });
        th.dataset.dir = down ? "desc" : "asc";
        const key = function (tr) {
          const td = tr.cells[col];
          return td ? (td.dataset.sort !== undefined ? td.dataset.sort : td.textContent.trim()) : "";
        };
        const rows = Array.from(body.rows).filter(function (tr) { return tr.cells.length > 1; });
        rows.sort(function (a, b) {
          const x = key(a), y = key(b);
          const nx = parseFloat(x), ny = parseFloat(y);
          const c = (!isNaN(nx) && !isNaN(ny) && String(nx) === x && String(ny) === y) ? nx - ny : x.localeCompare(y);
          return down ? -c : c;
        });
        rows.forEach(function (tr) { body.appendChild(tr); });
      });
    });
  });
})();
