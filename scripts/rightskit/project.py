"""The project as every command sees it: its content loaded and checked, links into generated
pages included. Checking comes before page generation, so the page generator is handed in here,
the one place above both."""
from __future__ import annotations

from rightskit.content.load import Loaded, Project
from rightskit.content.load import load_site as _load_site
from rightskit.pages.render import Renderer

__all__ = ["Loaded", "Project", "load_site"]


def load_site(project: Project) -> Loaded:
    return _load_site(project, Renderer)
