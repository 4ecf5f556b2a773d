"""`python -m rightskit.devtools lighthouse` measures the site as a host serves it: its server
gzips text for a client that asks (Lighthouse's "text compression" audit depends on it), leaves
images alone, and answers a missing address with the site's 404 page. Lighthouse itself is never
run here: it is slow, and its scores move with the machine's load."""
from __future__ import annotations

import gzip
import urllib.error
import urllib.request

from rightskit.devtools import lighthouse


def fetch(url: str, encoding: str | None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        response = urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, dict(response.headers), response.read()


def test_the_server_gzips_text_for_clients_that_accept_it(tmp_path):
    page = "<!doctype html><title>x</title>" + "<p>Housing is a human right.</p>" * 200
    (tmp_path / "rights").mkdir()
    (tmp_path / "rights" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "style.css").write_text("body { color: red; }\n" * 100, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    (tmp_path / "404.html").write_text("<!doctype html><title>Page not found</title>", encoding="utf-8")
    with lighthouse.serve(tmp_path) as base:
        status, headers, body = fetch(base + "rights/", "gzip, deflate, br")
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body).decode("utf-8") == page and len(body) < len(page) / 10

        status, headers, body = fetch(base + "style.css", "gzip")
        assert headers["Content-Type"].startswith("text/css") and headers["Content-Encoding"] == "gzip"

        status, headers, body = fetch(base + "rights/", None)  # a client that does not ask gets it plain
        assert "Content-Encoding" not in headers and body.decode("utf-8") == page

        status, headers, body = fetch(base + "logo.png", "gzip")  # compressed already
        assert "Content-Encoding" not in headers and body.startswith(b"\x89PNG")

        status, headers, body = fetch(base + "no/such/page/", "gzip")
        assert status == 404 and b"Page not found" in gzip.decompress(body)


def test_each_figure_is_the_median_of_its_own_runs():
    def report(score, cls, tbt, lcp, fcp):
        audits = {"cumulative-layout-shift": cls, "total-blocking-time": tbt,
                  "largest-contentful-paint": lcp, "first-contentful-paint": fcp}
        return {"categories": {"performance": {"score": score}},
                "audits": {name: {"numericValue": value} for name, value in audits.items()}}

    runs = [lighthouse.read_report(r) for r in (report(0.97, 0.0, 140, 1900, 1800),
                                                report(0.99, 0.02, 90, 2100, 1700),
                                                report(0.91, 0.01, 300, 1800, 1750))]
    assert [r.performance for r in runs] == [97, 99, 91]
    assert lighthouse.median(runs) == lighthouse.Run(97, 0.01, 140, 1900, 1750)
