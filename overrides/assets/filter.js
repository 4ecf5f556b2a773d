// Filters for tables wrapped in <div class="rk-filterable" data-filter-columns="A,B">:
// one labelled <select> per named column; a cell may hold several comma-separated values.
(function () {
  "use strict";

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
    var form = document.createElement("form");
    form.className = "rk-filters";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter the table");
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
      select.appendChild(new Option("All", ""));
      Object.keys(options).sort().forEach(function (v) { select.appendChild(new Option(v, v)); });
      select.addEventListener("change", apply);
      selects.push({ column: column, select: select });
      var field = document.createElement("span");
      field.className = "rk-filter";
      field.appendChild(label);
      field.appendChild(select);
      form.appendChild(field);
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
      status.textContent = "Showing " + shown + " of " + rows.length + ".";
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    box.insertBefore(status, box.firstChild);
    box.insertBefore(form, status);
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".rk-filterable"), setUp);
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
