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
