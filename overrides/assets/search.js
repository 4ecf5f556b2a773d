// Site search in the header, on Pagefind (index built by scripts/rightskit/search.py).
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
  const text = root.dataset;
  const bundle = new URL(text.bundle.replace(/\/?$/, "/"), document.baseURI);
  const siteRoot = new URL("../", bundle);
  const lang = (document.documentElement.lang || "en").split("-")[0].toLowerCase();
  const SHOWN = 10;
  const chosen = {}; // filter name -> value the reader picked
  let engine = null; // promise of {search, words}
  let latest = 0; // number of the newest query, so slow answers to old ones are dropped

  // --- the index: kept small and apart, so another way of loading it (such as an offline
  // bundle opened from file://) only has to replace this function.
  async function openIndex(bundleUrl, language) {
    const pagefind = await import(new URL("pagefind.js", bundleUrl).href);
    await pagefind.options({ bundlePath: bundleUrl.href, excerptLength: 22 });
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

  function start() {
    if (!engine) {
      engine = openIndex(bundle, lang).catch((error) => {
        engine = null;
        throw error;
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
    const tokens = query.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) || [];
    if (!words) return { terms: tokens, changed: false };
    const terms = tokens.map((token, i) => correct(words, americanize(words, token), i === tokens.length - 1));
    const content = terms.filter((term) => !words.stopSet.has(term));
    return { terms: content.length ? content : terms, changed: terms.some((term, i) => term !== tokens[i]) };
  }

  // Pagefind returns only pages that hold every word. For a question of several words, rank
  // pages by how well they match each word, weighting rare words above common ones.
  async function rank(index, terms, filters) {
    const whole = await index.search(terms.join(" "), filters);
    if (terms.length < 2) return whole.results;
    const singles = await Promise.all(terms.map((term) => index.search(term, filters)));
    const total = Math.max(...singles.map((s) => s.unfilteredResultCount), whole.unfilteredResultCount, 1);
    const scores = new Map();
    const keep = new Map();
    const rarities = [];
    for (const single of singles) {
      if (!single.results.length) continue;
      const top = single.results[0].score || 1;
      const rarity = Math.log(1 + total / single.results.length);
      rarities.push(rarity);
      for (const result of single.results) {
        scores.set(result.id, (scores.get(result.id) || 0) + rarity * (result.score / top));
        keep.set(result.id, result);
      }
    }
    // A page holding every word gets a bonus worth half of all the words' weights.
    const complete = new Set(whole.results.map((r) => r.id));
    const bonus = 0.5 * [...rarities].reduce((a, b) => a + b, 0);
    const value = (r) => scores.get(r.id) + (complete.has(r.id) ? bonus : 0);
    return [...keep.values()].sort((a, b) => value(b) - value(a));
  }

  // --- showing results ---------------------------------------------------------------------
  const count = (n) => (n === 0 ? text.none : n === 1 ? text.one : text.other.replace("#", n));

  function link(url) {
    return new URL(url.replace(/^\//, ""), siteRoot).href;
  }

  function show(items, { terms, changed }) {
    list.replaceChildren();
    for (const item of items) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.className = "rk-search__link";
      a.href = link(item.url);
      const kind = document.createElement("span");
      kind.className = "rk-search__type";
      kind.textContent = item.meta.type || "";
      const title = document.createElement("span");
      title.className = "rk-search__title";
      title.textContent = item.meta.title || item.url;
      const excerpt = document.createElement("span");
      excerpt.className = "rk-search__excerpt";
      excerpt.innerHTML = item.excerpt; // Pagefind escapes the text and adds only <mark>
      a.append(kind, title, excerpt);
      li.append(a);
      list.append(li);
    }
    status.textContent = changed ? `${count(items.total)} · ${text.fixed} “${terms.join(" ")}”` : count(items.total);
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
      index = await start();
    } catch (error) {
      status.textContent = text.failed;
      return;
    }
    const words = dictionary(index.words);
    const planned = plan(query, words);
    const results = await rank(index, planned.terms, { ...chosen });
    const items = await Promise.all(results.slice(0, SHOWN).map((r) => r.data()));
    if (mine !== latest) return;
    items.total = results.length;
    show(items, planned);
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
    start().catch(() => {});
    if (input.value.trim() && list.children.length) open();
  });
  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
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
})();
