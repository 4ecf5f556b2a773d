// pa11y (WCAG 2 AA, HTML_CodeSniffer's rules) on several pages of a served site, in one Chromium:
//   node pa11y-pages.js BASE_URL PATH...
// prints one JSON object, {path: [issue, ...]}, with the errors pa11y reports on each page
// (notices and warnings left out: they ask a person to check, they do not fail a page).
// One browser for all pages, where pa11y's command line would start one per page.
"use strict";

const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

// The flags the Python browser tests use (tests/browsing.py): without the background-networking
// ones Chromium keeps calling Google's hosts, which a closed network refuses.
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

async function main() {
  const [base, ...paths] = process.argv.slice(2);
  if (!base || !paths.length) {
    console.error("usage: node pa11y-pages.js BASE_URL PATH...");
    process.exit(2);
  }
  const browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium",
    args: FLAGS,
  });
  const found = {};
  try {
    for (const path of paths) {
      const result = await pa11y(new URL(path, base).href, {
        browser,
        standard: "WCAG2AA",
        includeNotices: false,
        includeWarnings: false,
        timeout: 60000,
      });
      found[path] = result.issues.filter((issue) => issue.type === "error");
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(found));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
