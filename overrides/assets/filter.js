// Tables. Filters for tables wrapped in <div class="rk-filterable" data-filter-columns="A,B">:
// one labelled <select> per named column; a cell may hold several comma-separated values.
// And wide tables that a keyboard can scroll (see scrollable, below).
// The controls sit in a labelled group, not a <form>: the table filters as a choice changes,
// there is nothing to submit, and a form without a submit button is an error for pa11y (H32.2).
(function () {
  "use strict";

  // In the page's language: the Spanish edition has the same tables with Spanish headers.
  var WORDS = {
    en: { group: "Filter the table", all: "All", showing: function (n, total) { return "Showing " + n + " of " + total + "."; } },
    es: { group: "Filtrar la tabla", all: "Todo", showing: function (n, total) { return "Se muestran " + n + " de " + total + "."; } }
  };
  var words = WORDS[(document.documentElement.lang || "en").slice(0, 2)] || WORDS.en;

  function values(cell) {
    return cell.textContent.split(",").map(function (v) { return v.trim(); }).filter(Boolean);
  }

  function setUp(box, index) {
    var table = box.querySelector("table");
    if (!table || box.querySelector(".rk-filters")) return;
    var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var wanted = (box.getAttribute("data-filter-columns") || "").split(",").map(function (c) { return c.trim(); });
    var group = document.createElement("div");
    group.className = "rk-filters";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", words.group);
    var status = document.createElement("p");
    status.className = "rk-filter-status";
    status.setAttribute("role", "status");
    var selects = [];

    wanted.forEach(function (name, n) {
      var column = headers.indexOf(name);
      if (column < 0) return;
      var options = {};
      rows.forEach(function (row) { values(row.cells[column]).forEach(function (v) { options[v] = true; }); });
      var id = "rk-filter-" + index + "-" + n;
      var label = document.createElement("label");
      label.setAttribute("for", id);
      label.textContent = name;
      var select = document.createElement("select");
      select.id = id;
      select.appendChild(new Option(words.all, ""));
      Object.keys(options).sort().forEach(function (v) { select.appendChild(new Option(v, v)); });
      select.addEventListener("change", apply);
      selects.push({ column: column, select: select });
      var field = document.createElement("span");
      field.className = "rk-filter";
      field.appendChild(label);
      field.appendChild(select);
      group.appendChild(field);
    });

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (f) {
          return !f.select.value || values(row.cells[f.column]).indexOf(f.select.value) >= 0;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = words.showing(shown, rows.length);
    }

    box.insertBefore(status, box.firstChild);
    box.insertBefore(group, status);
    apply();
  }

  // The heading a table sits under: a sibling before it, or before one of its ancestors in the article.
  function headingOf(node) {
    for (; node && !node.classList.contains("md-content__inner"); node = node.parentElement) {
      for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName)) return before;
      }
    }
    return document.querySelector(".md-content h1");
  }

  // An element's text without the heading's permalink sign.
  function textOf(element) {
    var copy = element.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (link) { link.remove(); });
    return copy.textContent.trim();
  }

  // Material wraps each table in .md-typeset__scrollwrap, which scrolls sideways when the table
  // is wider than the page. Without a keyboard focus the wrapper cannot be scrolled from the
  // keyboard (WCAG 2.1.1; axe's scrollable-region-focusable), so a wrapper that scrolls becomes
  // a region in the tab order, named by its table's caption or the heading it sits under. One
  // that does not scroll (any more: the window grew) is left out of the tab order.
  function scrollable(wrap) {
    var table = wrap.querySelector("table");
    if (wrap.scrollWidth > wrap.clientWidth + 1 && table) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      var label = table.caption || headingOf(wrap);
      wrap.setAttribute("aria-label", label ? textOf(label) : document.title);
    } else if (wrap.hasAttribute("tabindex")) {
      ["tabindex", "role", "aria-label"].forEach(function (name) { wrap.removeAttribute(name); });
    }
  }

  function scrollables() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), scrollable);
  }

  // Material wraps the tables as it mounts the page's components, which on a busy phone can come
  // after this script's first look: wrappers added later are looked at as they appear.
  var pending;
  function soon() {
    window.clearTimeout(pending);
    pending = window.setTimeout(scrollables, 0);
  }

  function watchWrappers() {
    var content = document.querySelector(".md-content");
    if (!content || typeof MutationObserver === "undefined") return;
    new MutationObserver(function (changes) {
      var added = changes.some(function (change) {
        return Array.prototype.some.call(change.addedNodes, function (node) {
          return node.nodeType === 1 && (node.classList.contains("md-typeset__scrollwrap") ||
            node.querySelector(".md-typeset__scrollwrap"));
        });
      });
      if (added) soon();
    }).observe(content, { childList: true, subtree: true });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".rk-filterable"), setUp);
    watchWrappers();
    soon();
  }

  var resizing;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(scrollables, 200);
  });

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
