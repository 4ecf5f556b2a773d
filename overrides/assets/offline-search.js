// Offline search for the kit opened from file:// (built only by `rightskit offline`).
// Pagefind cannot fetch its index from file://, so the search box asks this instead: the same
// records, loaded as a classic script (search/offline-<lang>.js), searched here in memory.
// It answers in Pagefind's shape ({results: [{id, score, data()}]}) so assets/search.js is unchanged
// apart from choosing which index to open.
(() => {
  "use strict";

  function load(url) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${url}`));
      document.head.append(script);
    });
  }

  const tokens = (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  // The query's words; one in quotes is matched whole. search.js quotes a word of two letters or
  // fewer, as Pagefind reads quotes, so "un" does not match under, united, unemployment...
  const queryTerms = (query) => [...query.matchAll(/"([^"]*)"|[^\s"]+/g)].flatMap(
    (m) => tokens(m[1] ?? m[0]).map((word) => ({ word, whole: m[1] !== undefined })));
  const fits = (word, term) => word === term.word || (!term.whole && word.startsWith(term.word));
  const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

  function excerpt(text, terms) {
    const words = text.split(/\s+/);
    const lower = words.map((w) => w.toLowerCase());
    let at = lower.findIndex((w) => terms.some((t) => fits(w.replace(/[^\p{L}\p{N}]/gu, ""), t)));
    if (at < 0) at = 0;
    const start = Math.max(0, at - 8);
    return words.slice(start, start + 22).map((w) => {
      const bare = w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
      return terms.some((t) => fits(bare, t)) ? `<mark>${escape(w)}</mark>` : escape(w);
    }).join(" ");
  }

  function engine(data) {
    const docs = data.records.map(([url, title, type, areas, text, shown], id) => ({
      id, url, title, type, areas, text, shown: shown ?? text, titleWords: tokens(title), words: tokens(text),
    }));
    function search(query, filters = {}) {
      const terms = queryTerms(query);
      const matches = (words, term) => words.filter((w) => fits(w, term)).length;
      const results = [];
      for (const doc of docs) {
        if (filters.type && doc.type !== filters.type) continue;
        if (filters.area && !doc.areas.includes(filters.area)) continue;
        let score = 0;
        let all = terms.length > 0;
        for (const term of terms) {
          const hits = matches(doc.words, term) + 5 * matches(doc.titleWords, term);
          if (!hits) all = false;
          score += Math.log(1 + hits);
        }
        if (!all) continue;
        results.push({
          id: String(doc.id), score,
          data: async () => ({
            url: doc.url, excerpt: excerpt(doc.shown, terms), meta: { title: doc.title, type: doc.type },
            filters: { type: doc.type ? [doc.type] : [], area: doc.areas },
          }),
        });
      }
      results.sort((a, b) => b.score - a.score);
      return Promise.resolve({ results, unfilteredResultCount: results.length });
    }
    return { search, words: data.words };
  }

  window.rkOfflineSearch = {
    async open(bundleUrl, language) {
      const index = new URL(`../search/offline-${language}.js`, bundleUrl).href;
      await load(index);
      const data = (window.__rkOffline || {})[language] || (window.__rkOffline || {}).en;
      if (!data) throw new Error("no offline index");
      return engine(data);
    },
  };
})();
