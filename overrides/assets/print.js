// Before printing: open collapsed blocks, and give every link its full address so the
// print style sheet can show it (relative addresses mean nothing on paper).
(function () {
  "use strict";
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".md-content details"), function (d) {
      if (!d.open) { d.open = true; d.setAttribute("data-rk-closed", ""); }
    });
    Array.prototype.forEach.call(document.querySelectorAll(".md-content a[href]"), function (a) {
      var href = a.getAttribute("href");
      if (href.charAt(0) === "#" || a.classList.contains("headerlink") || a.classList.contains("md-button")) return;
      a.setAttribute("data-print-href", a.href);
    });
  });
  window.addEventListener("afterprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details[data-rk-closed]"), function (d) {
      d.open = false; d.removeAttribute("data-rk-closed");
    });
  });
})();
