// fuente web UI: small hand-written behaviour. Pages work without it.
// Article text never reaches innerHTML: the hover card is filled with textContent only.
"use strict";

(function () {
  function light(group, on) {
    if (!group) return;
    document.querySelectorAll('[data-group="' + CSS.escape(group) + '"]').forEach(function (el) {
      el.classList.toggle("lit", on);
    });
  }

  function readHoverData() {
    var holder = document.getElementById("hover-data");
    if (!holder) return {};
    try {
      return JSON.parse(holder.textContent) || {};
    } catch (error) {
      return {};
    }
  }

  function describe(entry) {
    if (!entry) return "";
    var who = entry.speaker || "speaker unknown";
    if (entry.speaker_kind === "unnamed") {
      who = "unnamed source: " + (entry.description || entry.speaker);
    } else if (entry.speaker_kind) {
      who += " (" + entry.speaker_kind + ")";
    }
    return "said by " + who + " · " + entry.kind;
  }

  function setUp() {
    var text = document.getElementById("text");
    var card = document.getElementById("hovercard");
    var data = readHoverData();
    if (text && card) {
      text.addEventListener("mouseover", function (event) {
        var el = event.target.closest("[data-group]");
        if (!el) return;
        light(el.dataset.group, true);
        var line = describe(data[el.dataset.group]);
        if (!line) return;
        card.textContent = line;
        var box = el.getBoundingClientRect();
        card.style.left = Math.round(box.left + window.scrollX) + "px";
        card.style.top = Math.round(box.bottom + window.scrollY + 4) + "px";
        card.hidden = false;
      });
      text.addEventListener("mouseout", function (event) {
        var el = event.target.closest("[data-group]");
        if (!el) return;
        light(el.dataset.group, false);
        card.hidden = true;
      });
    }
    document.querySelectorAll(".statements [data-group]").forEach(function (link) {
      link.addEventListener("mouseenter", function () { light(link.dataset.group, true); });
      link.addEventListener("mouseleave", function () { light(link.dataset.group, false); });
    });
    var lit = null;
    function showTarget() {
      if (lit) light(lit, false);
      lit = decodeURIComponent(window.location.hash.slice(1));
      if (lit && text) light(lit, true);
    }
    window.addEventListener("hashchange", showTarget);
    showTarget();
    document.querySelectorAll("form.filters select").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
