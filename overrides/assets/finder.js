// The mechanism finder (mechanisms/finder/): matches the reader's answers against each pathway's
// conditions from the site's own data/finder.<lang>.json (a few KB, made for this page). The rules live
// in the data; this file only applies them, with the same rules as rightskit.pathways.evaluate (an
// unanswered question never rules a route out; for several-answer questions one matching answer is
// enough) and rightskit.pages.finder.rank (routes ordered by fit). The form is in the page's HTML,
// so the script changes nothing above the results when it starts.
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

  // Every word this script writes comes from the page (#rk-finder-strings, rendered from the strings
  // catalogs), so the Spanish page gets Spanish reasons and labels; the script holds no sentence.
  var WORDS = { text: {}, months: [], status: {}, windows: {}, date: "{day} {month} {year}" };
  function t(key, values) {
    var text = WORDS.text[key] || "";
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return values && values[name] !== undefined ? String(values[name]) : all;
    });
  }

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
      if (!picked.length) { reasons.push({ ok: null, text: q.legend + " " + t("not-answered") }); return; }
      var hit = picked.filter(function (a) { return allowed.indexOf(a) >= 0; });
      var name = function (a) { return q.labels[a] || a; };
      var text;
      if (hit.length) {
        text = q.legend + " " + t("you-chose", { answers: hit.map(name).join("; ") });
      } else {
        matches = false;
        text = q.legend + " " + t("it-needs", { answers: allowed.map(name).join(t("or")) });
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

  function humanDate(iso) {  // "1994-10-21" -> "21 October 1994" or "21 de octubre de 1994", as the pages do
    var p = iso.split("-");
    return WORDS.date.replace("{day}", Number(p[2])).replace("{month}", WORDS.months[Number(p[1]) - 1])
      .replace("{year}", p[0]);
  }

  function status(value) { return WORDS.status[value] || value; }

  function ratifiedWords(inst) {
    return inst.ratified
      ? t("instrument-ratified", { title: inst.title, status: status(inst.status), date: humanDate(inst.ratified) })
      : t("instrument-status", { title: inst.title, status: status(inst.status) });
  }

  function standardsFor(chosen, questions, data, root) {
    // The treaties protecting the groups the reader named, then the articles on the issue area.
    var items = [], seen = {};
    questions.forEach(function (q) {
      (chosen[q.id] || []).forEach(function (a) {
        var inst = data.instruments[q.standards[a]];
        if (!inst || seen[q.standards[a]]) return;
        seen[q.standards[a]] = true;
        items.push(el("li", {}, [link(root + inst.url, inst.short_title), ": " + ratifiedWords(inst)]));
      });
    });
    var area = (chosen.issue_area || [])[0];
    (data.area_articles[area] || []).forEach(function (entry) {
      var inst = data.instruments[entry[0]];
      var parts = [link(root + inst.url, inst.short_title), " (" + t("us-status", { status: status(inst.status) }) + "): "];
      entry[1].forEach(function (id, n) {
        var number = id.slice(id.indexOf("/") + 1);
        parts.push(link(root + data.standards[id].url, t("article", { number: number })));
        parts.push(n < entry[1].length - 1 ? ", " : ".");
      });
      items.push(el("li", {}, parts));
    });
    return items;
  }

  // The same order as rightskit.pages.finder.rank: routes that fit first; among them, treaty_weight for
  // each treaty the US ratified that the route applies and that protects a group the reader named,
  // plus one for each answer that meets a condition; ties keep the data's order.
  function rank(state, chosen) {
    var protecting = {};
    state.questions.forEach(function (q) {
      (chosen[q.id] || []).forEach(function (a) { if (q.standards[a]) protecting[q.standards[a]] = true; });
    });
    var routes = state.data.routes.map(function (p, n) {
      var result = evaluate(state.questions, p, chosen);
      var treaties = p.instruments.filter(function (id) {
        return protecting[id] && state.data.instruments[id] && state.data.instruments[id].ratified;
      });
      var met = result.reasons.filter(function (x) { return x.ok; }).length;
      return { p: p, n: n, matches: result.matches, reasons: result.reasons, treaties: treaties, met: met,
               score: state.data.treaty_weight * treaties.length + met };
    });
    return routes.sort(function (a, b) {
      return (a.matches === b.matches ? 0 : a.matches ? -1 : 1) || (b.score - a.score) || (a.n - b.n);
    });
  }

  function routeLinks(p, root) {
    var parts = [];
    if (p.guide) parts.push(link(root + p.guide, t("guide")));
    p.links.forEach(function (page) { parts.push(link(root + page.url, page.title)); });
    parts.push(link(root + p.url, t("all-details")));
    if (p.official_page) parts.push(link(p.official_page, t("official-page")));
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
      state.status.textContent = t("status-start", { total: state.data.routes.length });
      return;
    }
    var ranked = rank(state, chosen);
    var yes = ranked.filter(function (r) { return r.matches; });
    var no = ranked.filter(function (r) { return !r.matches; });
    var total = ranked.length;
    state.status.textContent = t("status-count", { yes: yes.length, total: total, no: no.length });
    var area = (chosen.issue_area || [])[0] || "any";

    var list = el("ol", { "class": "rk-routes", "aria-labelledby": "rk-finder-yes" });
    yes.forEach(function (r) {
      var why = r.treaties.map(function (id) {
        var inst = state.data.instruments[id];
        return el("li", { "class": "rk-why-treaty" }, [t("ratified-treaty", { title: inst.title, date: humanDate(inst.ratified) })]);
      });
      if (r.met > 1) why.push(el("li", {}, [t("meets", { count: r.met })]));
      why = why.concat(r.reasons.filter(function (x) { return x.ok; }).map(function (x) { return el("li", {}, [x.text]); }));
      if (!why.length) why.push(el("li", {}, [t("no-condition")]));
      var open = r.reasons.filter(function (x) { return x.ok === null; }).map(function (x) { return el("li", {}, [x.text]); });
      var when = [(WORDS.windows[r.p.window] || r.p.window) + ". " + r.p.window_note];
      if (r.p.calendar) { when.push(" "); when.push(link(r.p.calendar, t("official-calendar"))); when.push("."); }
      var standards = (r.p.standards[area] || r.p.standards.any).map(function (id) {
        var s = state.data.standards[id], inst = state.data.instruments[s.instrument];
        return el("li", {}, [link(state.root + s.url, s.label),
                             inst ? " (" + t("us-status", { status: status(inst.status) }) + ")" : null]);
      });
      list.appendChild(el("li", { "class": "rk-route", "data-pathway": r.p.id }, [
        el("h3", {}, [r.p.name]),
        el("p", {}, [r.p.summary]),
        el("p", {}, [el("strong", {}, [t("why-fits")])]),
        el("ul", { "class": "rk-why" }, why),
        open.length ? el("p", {}, [el("strong", {}, [t("still-to-check")])]) : null,
        open.length ? el("ul", { "class": "rk-open" }, open) : null,
        el("p", {}, [el("strong", {}, [t("when") + " "])].concat(when)),
        standards.length ? el("p", {}, [el("strong", {}, [t("standards-it-applies")])]) : null,
        standards.length ? el("ul", {}, standards) : null,
        routeLinks(r.p, state.root)
      ]));
    });
    state.results.appendChild(el("h2", { id: "rk-finder-yes", tabindex: "-1" }, [t("routes-fit", { count: yes.length })]));
    if (yes.length > 1) state.results.appendChild(el("p", { "class": "rk-finder-order" }, [t("order-note")]));
    state.results.appendChild(yes.length ? list : el("p", {}, [t("no-route-fits")]));

    var standards = standardsFor(chosen, state.questions, state.data, state.root);
    if (standards.length) {
      state.results.appendChild(el("h2", { id: "rk-finder-standards" }, [t("standards-apply")]));
      state.results.appendChild(el("ul", { "class": "rk-standards" }, standards));
    }

    var notList = el("ul", { "class": "rk-routes-no", "aria-labelledby": "rk-finder-no" });
    no.forEach(function (r) {
      var why = r.reasons.filter(function (x) { return x.ok === false; }).map(function (x) { return el("li", {}, [x.text]); });
      notList.appendChild(el("li", { "class": "rk-route-no", "data-pathway": r.p.id }, [
        link(state.root + r.p.url, r.p.name), el("ul", { "class": "rk-why-not" }, why)]));
    });
    state.results.appendChild(el("h2", { id: "rk-finder-no" }, [t("routes-no", { count: no.length })]));
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
    var words = document.getElementById("rk-finder-strings");
    if (words) WORDS = JSON.parse(words.textContent);
    var state = { form: form, questions: readQuestions(form), root: form.getAttribute("data-root"),
                  status: document.getElementById("rk-finder-status"),
                  results: document.getElementById("rk-finder-results") };
    // Choices from the address (a shared link, or a rights hub's ?issue_area=) show at once, before the data.
    restore(form, state.questions);
    load(form.getAttribute("data-finder"))
      .then(function (data) {
        state.data = data;
        form.addEventListener("change", function () { render(state); });
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          render(state);
          var heading = document.getElementById("rk-finder-yes");
          if (heading) heading.focus();
        });
        form.addEventListener("reset", function () { window.setTimeout(function () { render(state); }, 0); });
        render(state);
      })
      .catch(function () {
        state.status.textContent = t("load-failed");
      });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
