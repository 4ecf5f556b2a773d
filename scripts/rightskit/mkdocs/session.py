"""What a command and the plugin share for one build, held in one object the command hands the
plugin (`attach`), instead of attributes set on the plugin from outside.

A build stopped by content problems raises `ContentFailed`, which keeps the findings: MkDocs
turns a plugin's error into a bare "Aborted", so `findings_of` looks for it behind that.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from mkdocs.exceptions import PluginError

from rightskit.core import model as m
from rightskit.core.findings import Finding, format_findings
from rightskit.infra.progress import QUIET, Progress


@dataclass
class BuildSession:
    # The checked content, when the command has just loaded it: used by one build, then dropped,
    # so a later rebuild (the preview's) loads the edited files.
    site: m.Site | None = None
    # The preview serves the rebuilt pages first and indexes search after: the build leaves the
    # indexing to run as `pending_search`.
    defer_search: bool = False
    pending_search: Callable[[], None] | None = None
    # What the build is doing, on stderr (`rightskit build` and `offline`); silent otherwise.
    progress: Progress = QUIET

    def take_site(self) -> m.Site | None:
        site, self.site = self.site, None
        return site

    def take_search(self) -> Callable[[], None] | None:
        job, self.pending_search = self.pending_search, None
        return job


def attach(config, session: BuildSession) -> BuildSession:
    """Hand `session` to the rightskit plugin of a loaded MkDocs configuration."""
    config.plugins["rightskit"].session = session
    return session


class ContentFailed(PluginError):
    """The content has problems: the build stops, and the findings travel with the error."""

    def __init__(self, findings: list[Finding]):
        self.findings = sorted(findings)
        super().__init__("The content has problems:\n" + format_findings(self.findings))


def findings_of(error: BaseException | None) -> list[Finding] | None:
    """The findings of a build that stopped on content problems, else None."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, ContentFailed):
            return error.findings
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return None
