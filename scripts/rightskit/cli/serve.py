"""`rightskit serve`: the live-reload preview."""
from __future__ import annotations

import errno
import shutil
import socket
import sys
from pathlib import Path

from rightskit.core.findings import errors, format_findings
from rightskit.cli.common import _project
from rightskit.mkdocs.build import _setup_logging


def cmd_serve(args) -> int:
    """MkDocs' live-reload server with our own builder: a failed rebuild shows its problems in the
    browser instead of leaving it waiting, and PDFs are skipped unless asked for."""
    import tempfile

    from mkdocs.livereload import LiveReloadServer

    from rightskit.cli import preview
    from rightskit.mkdocs.live import LivePreview
    from rightskit.mkdocs.session import findings_of

    _setup_logging(args.verbose)
    project = _project(args)
    host, _, port = args.addr.rpartition(":")
    port = str(args.port) if args.port else port
    # Before the first build, which takes a while: the port may still be held by another preview.
    if _in_use(host, int(port)):
        print(_in_use_message(host, int(port)), file=sys.stderr)
        return 1
    site_dir = Path(tempfile.mkdtemp(prefix="rightskit-preview-"))
    url = f"http://{host}:{port}/"
    search = preview.Background()
    live = LivePreview(project.root, project.config_file, site_dir, url, pdf=args.pdf, watched=preview.WATCHED)

    def builder(config=None) -> None:
        try:
            if config is not None:
                live.full(config)
                outcome = None
            else:  # a full rebuild lets the search indexing of the last build finish first
                outcome = live.update(before_full=search.wait)
        except Exception as error:  # noqa: BLE001 - whatever failed, the browser must show it, not hang
            findings = errors(findings_of(error) or [])
            report = format_findings(findings) if findings else f"{error or error.__class__.__name__}: see the terminal."
            preview.show_errors(site_dir, report)
            print(f"Preview paused: the problems above are shown in the browser at {url}", file=sys.stderr, flush=True)
            return
        if outcome is None:
            print("Built; indexing search in the background.", flush=True)
        elif outcome.quick:
            print(f"Rebuilt {', '.join(outcome.pages)} in {outcome.seconds:.2f} s (quick path); "
                  f"updating the search index in the background.", flush=True)
        else:
            print(f"Rebuilt in {outcome.seconds:.1f} s (full build: {outcome.reason}); "
                  f"updating the search index in the background.", flush=True)
        job = live.session.take_search()
        if job is not None:
            search.start(job)

    config = live.load_config()
    config_file = str(project.root / project.config_file)
    config.plugins.on_startup(command="serve", dirty=False)
    server = LiveReloadServer(builder=builder, host=host, port=int(port), root=str(site_dir))
    try:
        builder(config)
        server.watch(config_file)
        for name in preview.WATCHED:
            if (project.root / name).is_dir():
                server.watch(str(project.root / name))
        print(f"Preview at {url} (watching mkdocs.yml, {', '.join(n + '/' for n in preview.WATCHED)}; "
              f"{'with' if args.pdf else 'no'} PDFs). Press Ctrl+C to stop.", flush=True)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        except OSError as error:  # taken while the site was building
            if error.errno != errno.EADDRINUSE:
                raise
            print(_in_use_message(host, int(port)), file=sys.stderr)
            return 1
        finally:
            server.shutdown()
    finally:
        search.wait()
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


def _in_use(host: str, port: int) -> bool:
    """Whether another program listens on the address (bound as the preview server binds it)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror:
        return False  # an unknown host name: left to the server, which reports it
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            return error.errno == errno.EADDRINUSE
    return False


def _in_use_message(host: str, port: int) -> str:
    return (f"rightskit serve: {host}:{port} is already in use, perhaps by another preview still running. "
            f"Stop that one (Ctrl+C in its terminal), or preview on another port: rightskit serve --port {port + 1} "
            f"(make serve SERVE_ARGS=\"--port {port + 1}\"; for another address too, rightskit serve -a {host}:{port + 1})")
