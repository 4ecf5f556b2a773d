// Site search in the header, on Pagefind (index built by scripts/rightskit/outputs/search/).
// Nothing of the index is fetched until the search box gets focus. The index of the page's
// language is used: Pagefind reads <html lang>, and so does the word list below.
(() => {
  "use strict";
  const root = document.querySelector("[data-rk-search]");
  if (!root) return;
  const form = root.querySelector("form");
  const input = root.querySelector("input");
  const panel = root.querySelector(".rk-search__panel");
  const status = root.querySelector(".rk-search__status");
  const filterBox = root.querySelector(".rk-search__filters");
  const list = root.querySelector(".rk-search__results");
  const elsewhere = root.querySelector(".rk-search__elsewhere");
  const text = root.dataset;
  const bundle = new URL(text.bundle.replace(/\/?$/, "/"), document.baseURI);
  const siteRoot = new URL("../", bundle);
  const lang = (document.documentElement.lang || "en").split("-")[0].toLowerCase();
  const SHOWN = 10;
  const PAUSE = 300; // ms after the last key before searching
  const TITLE = 1.5; // weight of a query word found in a result's title
  const ALL = 0.5; // bonus for a result holding every word, as a share of all words' weight
  const SYNONYM = 0.8; // a match through a synonym, against one through the word typed
  const MINOR = 0.2; // pages for contributors and maintainers, not readers: found, but last
  const PHRASE = 0.5; // bonus for a result holding words typed side by side close together, in order
  const NEAR = 2; // how close, in words: one may come between ("salario no mínimo")
  const RANKING = { pageLength: 0.2 }; // Pagefind's default 0.75 buries the long overview pages
  const chosen = {}; // filter name -> value the reader picked
  let engine = null; // promise of {search, words}
  let latest = 0; // number of the newest query, so slow answers to old ones are dropped

  // --- the index: kept small and apart, so another way of loading it (such as an offline
  // bundle opened from file://) only has to replace this function.
  async function openIndex(bundleUrl, language) {
    const pagefind = await import(new URL("pagefind.js", bundleUrl).href);
    await pagefind.options({ bundlePath: bundleUrl.href, excerptLength: 22, ranking: RANKING });
    await pagefind.init();
    let words = null;
    try {
      const answer = await fetch(new URL(`words-${language}.json`, bundleUrl));
      if (answer.ok) words = await answer.json();
    } catch (error) {
      words = null; // search still works, without typo correction and spelling variants
    }
    return { search: (term, filters) => pagefind.search(term, { filters }), words };
  }

  let failed = false; // after a failure, try again on the next focus rather than on each key
  function start(retry) {
    if (!engine || (failed && retry)) {
      failed = false;
      // The offline kit (opened from file://) brings its own index: see assets/offline-search.js.
      const opener = window.rkOfflineSearch ? window.rkOfflineSearch.open : openIndex;
      engine = opener(bundle, lang);
      engine.catch(() => {
        failed = true;
      });
    }
    return engine;
  }

  // --- turning what the reader typed into index words -------------------------------------
  const dictionary = (words) => {
    if (!words || words.table) return words;
    words.table = new Map(Object.entries(words.words));
    words.sorted = [...words.table.keys()].sort();
    words.stopSet = new Set(words.stop);
    words.keepSet = new Set(words.keep);
    words.rules = words.spelling.map(([pattern, replacement]) => [new RegExp(pattern, "u"), replacement]);
    words.titleWords = new Set(Object.values(words.titles || {}).flatMap((title) => tokens(title)));
    return words;
  };

  const hasPrefix = (words, prefix) => {
    let lo = 0;
    let hi = words.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words.sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < words.sorted.length && words.sorted[lo].startsWith(prefix);
  };

  // Edit distance with transpositions, stopping early once it exceeds `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let before = null;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let best = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          row[j] = Math.min(row[j], before[j - 2] + 1);
        }
        best = Math.min(best, row[j]);
      }
      if (best > limit) return limit + 1;
      before = previous;
      previous = row;
    }
    return previous[b.length];
  }

  function americanize(words, word) {
    if (words.keepSet.has(word)) return word;
    for (const [pattern, replacement] of words.rules) {
      if (pattern.test(word)) {
        const spelled = word.replace(pattern, replacement);
        return words.table.has(spelled) ? spelled : word;
      }
    }
    return word;
  }

  function correct(words, word, last) {
    if (word.length < 4 || words.table.has(word) || (last && hasPrefix(words, word))) return word;
    const limit = word.length >= 8 ? 2 : 1;
    let best = word;
    let bestScore = [limit + 1, 0];
    for (const [candidate, pages] of words.table) {
      const d = distance(word, candidate, limit);
      if (d < bestScore[0] || (d === bestScore[0] && pages > bestScore[1])) {
        best = candidate;
        bestScore = [d, pages];
      }
    }
    return bestScore[0] <= limit ? best : word;
  }

  // The words to search for: lower case, American spelling, typos corrected, stop words dropped.
  function plan(query, words) {
    const found = [...query.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)];
    const tokens = found.map((m) => m[0]);
    if (!words) return { terms: tokens, changed: false, phrase: false, shown: query };
    // Words searched as other words (INSTEAD and SYNONYMS in core/words.py: "casero", which no page
    // says) are taken as typed, not corrected to the nearest word of the index.
    const instead = words.instead || {};
    const known = (token) => instead[token] || (words.synonyms || {})[token];
    const fixed = tokens.map((token, i) => (known(token) ? token
      : correct(words, americanize(words, token), i === tokens.length - 1)));
    // Two such words side by side ("cuentas médicas", "cuentas medicas") stay together as one term.
    const terms = [];
    fixed.forEach((term, i) => {
      const pair = [`${tokens[i - 1]} ${tokens[i]}`, `${fixed[i - 1]} ${term}`].find((two) => i > 0 && instead[two]);
      if (pair && terms[terms.length - 1] === fixed[i - 1]) terms[terms.length - 1] = pair;
      else terms.push(term);
    });
    // What the panel says it searched for: the reader's own words, stop words and all, with only
    // the corrected ones replaced ("nos cortaron el agau" -> "nos cortaron el agua").
    let shown = "";
    let at = 0;
    found.forEach((m, i) => {
      shown += query.slice(at, m.index) + (fixed[i] === tokens[i] ? query.slice(m.index, m.index + m[0].length) : fixed[i]);
      at = m.index + m[0].length;
    });
    shown += query.slice(at);
    // A single letter says nothing about a topic (and while typing it is a word not yet written,
    // whose search would fetch a part of the index no finished query needs); a digit does ("4").
    const content = terms.filter((term) => instead[term] || (!words.stopSet.has(term) && (term.length > 1 || /\p{N}/u.test(term))));
    // Words typed side by side ("salario mínimo", none dropped between them) are a phrase.
    const phrase = content.length > 1 && content.length === terms.length;
    // A word of the other edition's titles that no title here holds ("eviction" on a Spanish page).
    const other = words.elsewhere;
    const foreign = other ? content.filter((term) => term.length >= 4 && !instead[term]
      && ![...words.titleWords].some((w) => alike(term, w)) && other.words.some((w) => alike(term, w))) : [];
    return { terms: content.length ? content : terms, changed: fixed.some((term, i) => term !== tokens[i]), phrase,
             shown: shown.trim(), foreign };
  }

  // Pagefind returns only pages that hold every word, and ranks a long page below a short one
  // that mentions a word as often. So each word is searched alone, and a page's value adds:
  // how well it matches each word (rare words count more), a bonus when it holds them all, and
  // a larger one for each word in its title, more for a title that is mostly those words.
  const tokens = (title) => (title || "").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  // A word of two letters or fewer is taken whole: as a prefix, "un" would match most of the
  // index (under, united, unemployment) and drown the pages about the UN.
  const SHORT = 2;
  const alike = (term, word) => {
    if (term.length <= SHORT) return term === word;
    if (word.startsWith(term)) return true;
    let common = 0;
    while (common < term.length && term[common] === word[common]) common++;
    return common >= 4 && common >= Math.min(term.length, word.length) - 2;
  };

  // A query word with synonyms (the site's word for what readers call something: "complaint"
  // is a "petition" or "communication" here) matches through any of them, a synonym at a discount.
  // Some words are searched as others instead (INSTEAD in core/words.py: "cortaron" is not "Corte").
  const variants = (words, term) => ((words && words.instead) || {})[term]
    || [term, ...(((words && words.synonyms) || {})[term] || [])];

  // Whether a result holds the query's words close together and in order ("salario mínimo" in a
  // page on wages, not "salario" in one part and "edad mínima" in another), from the positions
  // Pagefind gives with each result: no more requests.
  function together(searches, id) {
    const places = searches.map((found) => new Set(found[0].results.find((r) => r.id === id)?.words || []));
    return places.every((here, i) => i === 0 || [...places[i - 1]].some(
      (at) => [...Array(NEAR).keys()].some((gap) => here.has(at + gap + 1))));
  }

  async function rank(index, terms, filters, words, phrase = false) {
    const groups = terms.map((term) => variants(words, term));
    const searches = await Promise.all(groups.map((group) => Promise.all(group.map((v) => index.search(v.length <= SHORT ? `"${v}"` : v, filters)))));
    const total = (words && words.pages) || Math.max(...searches.flat().map((s) => s.unfilteredResultCount), 1);
    const titles = (words && words.titles) || {};
    const topics = (words && words.topics) || {};
    const minor = new Set((words && words.minor) || []);
    const stop = (words && words.stopSet) || new Set();
    const value = new Map();
    const keep = new Map();
    const held = new Map(); // result id -> number of query words it holds
    let weights = 0;
    searches.forEach((found, i) => {
      const count = Math.max(...found.map((s) => s.unfilteredResultCount));
      if (!count) return;
      const rarity = Math.log(1 + total / count);
      weights += rarity;
      const best = new Map(); // result id -> its best match among the word's variants
      found.forEach((single, j) => {
        if (!single.results.length) return;
        const top = single.results[0].score || 1;
        const discount = j ? SYNONYM : 1;
        for (const result of single.results) {
          const title = tokens(titles[result.id]).filter((w) => !stop.has(w));
          const hits = title.filter((w) => alike(groups[i][j], w)).length;
          const topical = tokens(topics[result.id]).some((w) => alike(groups[i][j], w));
          const share = hits ? 0.5 + 0.5 * Math.min(1, hits / title.length) : topical ? 0.75 : 0;
          const worth = discount * rarity * (result.score / top + TITLE * share);
          if (worth > (best.get(result.id) || 0)) best.set(result.id, worth);
          keep.set(result.id, result);
        }
      });
      for (const [id, worth] of best) {
        value.set(id, (value.get(id) || 0) + worth);
        held.set(id, (held.get(id) || 0) + 1);
      }
    });
    // Where each query word (any of its variants) was found in each result, for the excerpt.
    const spots = new Map(); // result id -> [Set of word positions, one per query word]
    searches.forEach((found, i) => found.forEach((single) => single.results.forEach((result) => {
      if (!spots.has(result.id)) spots.set(result.id, groups.map(() => new Set()));
      for (const at of result.words || []) spots.get(result.id)[i].add(at);
    })));
    const present = groups.filter((_, i) => searches[i].some((s) => s.results.length)).length;
    for (const [id, n] of held) {
      if (terms.length > 1 && n === present) value.set(id, value.get(id) + ALL * weights);
      if (phrase && n === terms.length && together(searches, id)) value.set(id, value.get(id) + PHRASE * weights);
      if (minor.has(id)) value.set(id, value.get(id) * MINOR);
    }
    const ranked = [...keep.values()].sort((a, b) => value.get(b.id) - value.get(a.id));
    ranked.spots = spots;
    return ranked;
  }

  // --- the excerpt: the page's own sentences ---------------------------------------------
  // Pagefind's excerpt is the densest stretch of matches in the whole record, and the record ends
  // with words only the index needs (aliases, keywords, spellings: outputs/search/records.py puts
  // them after the element with this id). So the excerpt is made here, from the record's text
  // before that mark, beginning where a sentence or heading begins.
  const INDEX_WORDS = "rk-index-words";
  const EXCERPT = 22; // words shown, unless the sentence holding the match needs more
  const LONGEST = 40; // past this, a long sentence is entered with "…" a few words before the match
  const ENDS = /[.!?]["”’)]*$/u; // not ":" or ";": a clause goes on after them

  function snippet(data, spotsOfResult) {
    if (typeof data.content !== "string") return null; // not a Pagefind record (offline kit)
    const words = data.content.split(/[\r\n\s]+/g);
    const mark = (data.anchors || []).find((a) => a.id === INDEX_WORDS);
    const end = Math.min(mark ? mark.location : words.length, words.length);
    const headings = new Set((data.anchors || []).filter((a) => /^h\d$/i.test(a.element)).map((a) => a.location));
    // The record opens with its title (its h1); the title is shown already.
    const title = tokens(data.meta && data.meta.title);
    let begin = 0;
    for (let k = 0, seen = []; title.length && k < end && seen.length < title.length; k++) {
      seen = seen.concat(tokens(words[k]));
      if (seen.join(" ") === title.join(" ")) begin = k + 1;
    }
    const starts = (at) => at <= begin || headings.has(at) || ENDS.test(words[at - 1]);
    const sentence = (at) => {
      let s = at;
      while (!starts(s)) s--;
      return s;
    };
    const sets = (spotsOfResult || []).map((set) => [...set].filter((at) => at >= begin && at < end));
    const hits = [...new Set(sets.flat())].sort((a, b) => a - b);
    const cover = (from, to) => sets.filter((set) => set.some((at) => at >= from && at < to)).length * 1000
      + hits.filter((at) => at >= from && at < to).length;
    let best = { from: begin, to: Math.min(end, begin + EXCERPT), lead: false, score: -1 };
    for (const hit of hits) {
      let from = sentence(hit);
      let lead = false;
      if (hit - from > LONGEST - 8) {
        from = hit - 6;
        lead = true;
      }
      const to = Math.min(end, from + Math.max(EXCERPT, hit - from + 8));
      const score = cover(from, to);
      if (score > best.score) best = { from, to, lead, score };
    }
    const marked = new Set(hits);
    const parts = [];
    if (best.lead) parts.push("… ");
    for (let at = best.from; at < best.to; at++) {
      const gap = at > best.from ? " " : "";
      if (marked.has(at)) parts.push(gap, { mark: words[at] });
      else parts.push(gap + words[at]);
    }
    if (best.to < end && !ENDS.test(words[best.to - 1])) parts.push(" …");
    return parts;
  }

  function excerptNode(item) {
    const excerpt = document.createElement("span");
    excerpt.className = "rk-search__excerpt";
    const parts = snippet(item, item.spots);
    if (!parts) {
      excerpt.innerHTML = item.excerpt; // the offline kit's excerpt: escaped, with only <mark> added
      return excerpt;
    }
    for (const part of parts) {
      if (typeof part === "string") {
        excerpt.append(part);
      } else {
        const mark = document.createElement("mark");
        mark.textContent = part.mark;
        excerpt.append(mark);
      }
    }
    return excerpt;
  }

  // --- showing results ---------------------------------------------------------------------
  const count = (n) => (n === 0 ? text.none : n === 1 ? text.one : text.other.replace("#", n));

  function link(url) {
    return new URL(url.replace(/^\//, ""), siteRoot).href;
  }

  // A link to the other edition's results, for words of its language (see plan).
  function offerElsewhere(words, query, foreign) {
    const other = words && words.elsewhere;
    elsewhere.hidden = !(other && foreign && foreign.length);
    if (elsewhere.hidden) return;
    const page = (text.allPages || "").replace(/[?#].*$/, "").split("/").filter(Boolean).pop() || "all-pages";
    const to = new URL(`${other.path}${page}${page.endsWith(".html") ? "" : "/"}`, siteRoot);
    to.search = new URLSearchParams({ q: query }).toString();
    // made here, not in the HTML: an empty link, even hidden, is an error to the checkers (pa11y)
    const anchor = elsewhere.querySelector("a") || elsewhere.appendChild(document.createElement("a"));
    anchor.href = to.href;
    anchor.hreflang = other.lang;
    anchor.textContent = text.elsewhere.replace("#", query);
  }

  function show(items, { shown, changed }) {
    list.replaceChildren();
    for (const item of items) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.className = "rk-search__link";
      a.href = link(item.meta.url || item.url); // sections carry their #anchor in meta
      const kind = document.createElement("span");
      kind.className = "rk-search__type";
      kind.textContent = item.meta.type || "";
      const title = document.createElement("span");
      title.className = "rk-search__title";
      title.textContent = item.meta.title || item.url;
      a.append(kind, title, excerptNode(item));
      li.append(a);
      list.append(li);
    }
    status.textContent = changed ? `${count(items.total)} · ${text.fixed} “${shown}”` : count(items.total);
  }

  function showFilters(items) {
    filterBox.replaceChildren();
    for (const [name, label] of [["type", text.type], ["area", text.area]]) {
      const values = new Set(items.flatMap((item) => (item.filters && item.filters[name]) || []));
      if (chosen[name]) values.add(chosen[name]);
      if (values.size < 2 && !chosen[name]) continue;
      const group = document.createElement("div");
      group.className = "rk-search__filter";
      const heading = document.createElement("span");
      heading.className = "rk-search__filter-name";
      heading.textContent = `${label}:`;
      group.append(heading);
      for (const value of [...values].sort()) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "rk-search__chip";
        button.textContent = value;
        button.setAttribute("aria-pressed", String(chosen[name] === value));
        button.addEventListener("click", () => {
          if (chosen[name] === value) delete chosen[name];
          else chosen[name] = value;
          run().then(() => {
            const again = [...filterBox.querySelectorAll("button")].find((b) => b.textContent === value);
            (again || input).focus();
          });
        });
        group.append(button);
      }
      filterBox.append(group);
    }
  }

  async function run() {
    const query = input.value.trim();
    const mine = ++latest;
    if (!query) {
      close();
      delete root.dataset.shown;
      return;
    }
    open();
    let index;
    try {
      if (!engine) status.textContent = text.loading;
      index = await start(false);
    } catch (error) {
      status.textContent = text.failed;
      return;
    }
    const words = dictionary(index.words);
    const planned = plan(query, words);
    const results = await rank(index, planned.terms, { ...chosen }, words, planned.phrase);
    if (mine !== latest) return; // a newer query replaced this one: fetch none of its results
    const items = await Promise.all(results.slice(0, SHOWN).map((r) => r.data().then((data) => {
      data.spots = results.spots.get(r.id);
      return data;
    })));
    if (mine !== latest) return;
    items.total = results.length;
    show(items, planned);
    offerElsewhere(words, query, planned.foreign);
    showFilters(items);
    root.dataset.shown = query; // which query the list answers (tests and benchmarks wait on it)
  }

  // --- opening, closing and the keyboard ---------------------------------------------------
  function open() {
    panel.hidden = false;
    root.classList.add("rk-search--open");
  }

  function close() {
    panel.hidden = true;
    root.classList.remove("rk-search--open");
  }

  const links = () => [...list.querySelectorAll("a")];

  input.addEventListener("focus", () => {
    start(true).catch(() => {});
    if (input.value.trim() && list.children.length) open();
  });
  let timer = 0;
  input.addEventListener("input", (event) => {
    clearTimeout(timer);
    // Wait for a pause in typing, as Pagefind's own interface does (300 ms): a search for each
    // key would fetch the results of words not yet finished, on a phone's data plan. Pasted or
    // dropped text is finished already: it is searched at once.
    const whole = event.inputType === "insertFromPaste" || event.inputType === "insertFromDrop";
    timer = setTimeout(run, whole ? 0 : PAUSE);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
    else run();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && links().length) {
      event.preventDefault();
      open();
      links()[0].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (!panel.hidden) close();
      else input.blur();
    }
  });
  panel.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      input.focus();
    } else if (at >= 0 && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      const next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)].focus();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  document.addEventListener("click", (event) => {
    if (!root.contains(event.target)) close();
  });
  // Arriving with a query (the other edition's link above, or the form sent without JavaScript):
  // search it at once.
  const asked = new URLSearchParams(window.location.search).get("q");
  if (asked && asked.trim()) {
    input.value = asked;
    run();
  }
})();
