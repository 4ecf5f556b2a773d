// The mechanism finder (mechanisms/finder/): matches the reader's answers against each pathway's
// conditions from the site's own data/pathways.json. The rules live in the data; this file only
// applies them, with the same rule as rightskit.pathways.evaluate: an unanswered question never
// rules a route out, and for several-answer questions one matching answer is enough.
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function link(href, text) { return el("a", { href: href }, [text]); }

  function readQuestions(form) {
    return Array.prototype.map.call(form.querySelectorAll("fieldset[data-question]"), function (fs) {
      var labels = {}, standards = {};
      Array.prototype.forEach.call(fs.querySelectorAll("option, input"), function (input) {
        if (!input.value) return;
        var label = input.tagName === "OPTION" ? input.textContent
          : fs.querySelector('label[for="' + input.id + '"]').textContent;
        labels[input.value] = label.trim();
        if (input.getAttribute("data-standard")) standards[input.value] = input.getAttribute("data-standard");
      });
      return { id: fs.getAttribute("data-question"), legend: fs.querySelector("legend").textContent.trim(),
               multiple: fs.getAttribute("data-multiple") === "true", labels: labels, standards: standards };
    });
  }

  function answers(form, questions) {
    var out = {};
    questions.forEach(function (q) {
      out[q.id] = Array.prototype.filter.call(form.querySelectorAll('[name="' + q.id + '"]'), function (input) {
        return input.tagName === "SELECT" ? input.value : input.checked;
      }).map(function (input) { return input.value; });
    });
    return out;
  }

  function evaluate(questions, pathway, chosen) {
    var reasons = [], matches = true;
    questions.forEach(function (q) {
      var allowed = pathway.conditions[q.id];
      if (!allowed || !allowed.length) return;
      var note = pathway.notes[q.id] || "";
      var picked = chosen[q.id] || [];
      if (!picked.length) { reasons.push({ ok: null, text: q.legend + " Not answered yet." }); return; }
      var hit = picked.filter(function (a) { return allowed.indexOf(a) >= 0; });
      var name = function (a) { return q.labels[a] || a; };
      var text;
      if (hit.length) {
        text = q.legend + " You chose: " + hit.map(name).join("; ") + ".";
      } else {
        matches = false;
        text = q.legend + " It needs: " + allowed.map(name).join(" or ") + ".";
      }
      reasons.push({ ok: hit.length > 0, text: (text + " " + note).trim() });
    });
    return { matches: matches, reasons: reasons };
  }

  // Choices live in the query string (?harm=urgent&wants=protection,visibility), so a link restores them.
  function toQuery(chosen) {
    var params = new URLSearchParams();
    Object.keys(chosen).forEach(function (k) { if (chosen[k].length) params.set(k, chosen[k].join(",")); });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function restore(form, questions) {
    var params = new URLSearchParams(window.location.search);
    questions.forEach(function (q) {
      var values = (params.get(q.id) || "").split(",").filter(Boolean);
      Array.prototype.forEach.call(form.querySelectorAll('[name="' + q.id + '"]'), function (input) {
        if (input.tagName === "SELECT") {
          if (values.length && q.labels[values[0]]) input.value = values[0];
        } else {
          input.checked = values.indexOf(input.value) >= 0;
        }
      });
    });
  }

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];

  function humanDate(iso) {  // "1994-10-21" -> "21 October 1994", as the site's pages write dates
    var p = iso.split("-");
    return Number(p[2]) + " " + MONTHS[Number(p[1]) - 1] + " " + p[0];
  }

  function standardsFor(chosen, questions, instruments, root) {
    // The treaties protecting the groups the reader named, then the articles on the issue area.
    var items = [], seen = {};
    var byId = {};
    instruments.forEach(function (i) { byId[i.id] = i; });
    questions.forEach(function (q) {
      (chosen[q.id] || []).forEach(function (a) {
        var inst = byId[q.standards[a]];
        if (!inst || seen[inst.id]) return;
        seen[inst.id] = true;
        var when = inst.us.ratified ? " on " + humanDate(inst.us.ratified) : "";
        items.push(el("li", {}, [link(root + inst.url, inst.short_title), ": " + inst.title +
          ". US status: " + inst.us.status + when + "."]));
      });
    });
    var area = (chosen.issue_area || [])[0];
    if (area) {
      instruments.forEach(function (inst) {
        var articles = inst.articles.filter(function (a) { return a.issue_areas.indexOf(area) >= 0; });
        if (!articles.length) return;
        var parts = [link(root + inst.url, inst.short_title), " (US status: " + inst.us.status + "): "];
        articles.forEach(function (a, n) {
          parts.push(link(root + a.url, "article " + a.number));
          parts.push(n < articles.length - 1 ? ", " : ".");
        });
        items.push(el("li", {}, parts));
      });
    }
    return items;
  }

  function routeLinks(p, root) {
    var parts = [];
    if (p.guide) parts.push(link(root + p.guide, "Guide"));
    p.templates.forEach(function (t) { parts.push(link(root + t.url, t.title)); });
    parts.push(link(root + p.url, "All details"));
    if (p.official_page) parts.push(link(p.official_page, "Official page"));
    var out = [];
    parts.forEach(function (node, n) { if (n) out.push(" · "); out.push(node); });
    return el("p", { "class": "rk-route-links" }, out);
  }

  function render(state) {
    var chosen = answers(state.form, state.questions);
    var answered = Object.keys(chosen).some(function (k) { return chosen[k].length; });
    var query = toQuery(chosen);
    if (window.location.search !== query) {
      window.history.replaceState(null, "", window.location.pathname + query + window.location.hash);
    }
    state.results.textContent = "";
    if (!answered) {
      state.status.textContent = "Answer any question to see which of the " + state.pathways.length + " routes fit.";
      return;
    }
    var yes = [], no = [];
    state.pathways.forEach(function (p) {
      var result = evaluate(state.questions, p, chosen);
      (result.matches ? yes : no).push({ p: p, reasons: result.reasons });
    });
    state.status.textContent = yes.length + " of " + state.pathways.length + " routes fit your answers; " +
      no.length + " do not.";

    var list = el("ol", { "class": "rk-routes", "aria-labelledby": "rk-finder-yes" });
    yes.forEach(function (r) {
      var why = r.reasons.filter(function (x) { return x.ok; }).map(function (x) { return el("li", {}, [x.text]); });
      if (!why.length) why.push(el("li", {}, ["It has no condition on the questions you answered."]));
      var open = r.reasons.filter(function (x) { return x.ok === null; }).map(function (x) { return el("li", {}, [x.text]); });
      var when = [r.p.window.charAt(0).toUpperCase() + r.p.window.slice(1) + ". " + r.p.window_note];
      if (r.p.calendar) { when.push(" "); when.push(link(r.p.calendar, "Official calendar")); when.push("."); }
      var standards = r.p.standards.map(function (s) {
        return el("li", {}, [link(state.root + s.url, s.label), " (US status: " + s.us_status + ")"]);
      });
      list.appendChild(el("li", { "class": "rk-route", "data-pathway": r.p.id }, [
        el("h3", {}, [r.p.name]),
        el("p", {}, [r.p.summary]),
        el("p", {}, [el("strong", {}, ["Why it fits:"])]),
        el("ul", { "class": "rk-why" }, why),
        open.length ? el("p", {}, [el("strong", {}, ["Still to check:"])]) : null,
        open.length ? el("ul", { "class": "rk-open" }, open) : null,
        el("p", {}, [el("strong", {}, ["When: "])].concat(when)),
        standards.length ? el("p", {}, [el("strong", {}, ["Standards it applies:"])]) : null,
        standards.length ? el("ul", {}, standards) : null,
        routeLinks(r.p, state.root)
      ]));
    });
    state.results.appendChild(el("h2", { id: "rk-finder-yes" }, ["Routes that fit (" + yes.length + ")"]));
    state.results.appendChild(yes.length ? list : el("p", {}, ["No route fits every answer. Look at why below: changing one answer, such as what you want, often opens a route."]));

    var standards = standardsFor(chosen, state.questions, state.instruments, state.root);
    if (standards.length) {
      state.results.appendChild(el("h2", { id: "rk-finder-standards" }, ["Standards that apply, with US status"]));
      state.results.appendChild(el("ul", { "class": "rk-standards" }, standards));
    }

    var notList = el("ul", { "class": "rk-routes-no", "aria-labelledby": "rk-finder-no" });
    no.forEach(function (r) {
      var why = r.reasons.filter(function (x) { return x.ok === false; }).map(function (x) { return el("li", {}, [x.text]); });
      notList.appendChild(el("li", { "class": "rk-route-no", "data-pathway": r.p.id }, [
        link(state.root + r.p.url, r.p.name), el("ul", { "class": "rk-why-not" }, why)]));
    });
    state.results.appendChild(el("h2", { id: "rk-finder-no" }, ["Routes that do not fit, and why (" + no.length + ")"]));
    state.results.appendChild(notList);
  }

  function load(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  function start() {
    var form = document.getElementById("rk-finder");
    if (!form) return;
    var state = { form: form, questions: readQuestions(form), root: form.getAttribute("data-root"),
                  status: document.getElementById("rk-finder-status"),
                  results: document.getElementById("rk-finder-results") };
    Promise.all([load(form.getAttribute("data-pathways")), load(form.getAttribute("data-instruments"))])
      .then(function (data) {
        state.pathways = data[0];
        state.instruments = data[1];
        restore(form, state.questions);
        form.hidden = false;
        form.addEventListener("change", function () { render(state); });
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          render(state);
          state.results.focus();
        });
        form.addEventListener("reset", function () { window.setTimeout(function () { render(state); }, 0); });
        render(state);
      })
      .catch(function () {
        state.status.textContent = "The finder could not load its data. Every route is listed below.";
      });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
