"""Two things a contributor meets on their own machine (issue 22): the image size limit, set with
`image_limit_kb:` under the rightskit plugin in mkdocs.yml (500 KB when left out), and a preview
started on a port another program holds, which names the port and how to pick another."""
from __future__ import annotations

import socket

from conftest import rightskit

PNG = b"\x89PNG\r\n\x1a\n"  # a PNG's signature: the check reads only the file's size
HOUSING = "docs/rights/housing.md"


def _with_image(mini, kilobytes: int, option: str = "") -> None:
    page = mini / HOUSING
    page.write_text(page.read_text(encoding="utf-8").replace("Use the [[upr]].", "Use the [[upr]]. ![A home](home.png)"),
                    encoding="utf-8")
    (mini / "docs" / "rights" / "home.png").write_bytes(PNG + bytes(kilobytes * 1024))
    if option:
        config = mini / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("      pdf: false\n",
                                                                     f"      pdf: false\n      {option}\n"),
                          encoding="utf-8")


def test_the_image_limit_is_500_kb_when_mkdocs_yml_says_nothing(mini):
    _with_image(mini, 450)
    assert rightskit("check", "--strict", cwd=mini).returncode == 0
    _with_image(mini, 520)
    ran = rightskit("check", cwd=mini)
    assert ran.returncode == 1
    assert f"{HOUSING}:12: image 'home.png' is 520 KB, over the 500 KB limit" in ran.stderr


def test_image_limit_kb_in_mkdocs_yml_sets_the_limit(mini):
    _with_image(mini, 450, "image_limit_kb: 400")
    ran = rightskit("check", cwd=mini)
    assert ran.returncode == 1
    assert f"{HOUSING}:12: image 'home.png' is 450 KB, over the 400 KB limit" in ran.stderr
    assert "below 400 KB" in ran.stderr  # the hint follows the option too
    raised = mini / "mkdocs.yml"
    raised.write_text(raised.read_text(encoding="utf-8").replace("image_limit_kb: 400", "image_limit_kb: 2000"),
                      encoding="utf-8")
    assert rightskit("check", "--strict", cwd=mini).returncode == 0


def test_a_bad_image_limit_is_reported_at_its_line_in_mkdocs_yml(mini):
    _with_image(mini, 10, "image_limit_kb: big")
    line = (mini / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index("      image_limit_kb: big") + 1
    ran = rightskit("check", cwd=mini)
    assert ran.returncode == 1
    assert f"mkdocs.yml:{line}: 'image_limit_kb' is 'big', not a whole number" in ran.stderr
    assert "home.png" not in ran.stderr  # the default limit held: a 10 KB image is fine


def test_serve_on_a_taken_port_suggests_port(mini):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        ran = rightskit("serve", "--port", str(port), cwd=mini)
    assert ran.returncode == 1
    assert f"rightskit serve: 127.0.0.1:{port} is already in use" in ran.stderr
    assert f"rightskit serve --port {port + 1}" in ran.stderr
    assert f'make serve SERVE_ARGS="--port {port + 1}"' in ran.stderr
    assert "Traceback" not in ran.stderr and "OSError" not in ran.stderr


def test_serve_port_keeps_the_host_of_addr(mini):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        ran = rightskit("serve", "-a", "127.0.0.1:1", "-p", str(port), cwd=mini)
    assert ran.returncode == 1 and f"127.0.0.1:{port} is already in use" in ran.stderr
