"""`rightskit new` and `rightskit schemas`: start a correctly shaped file; write the editors' schemas."""
from __future__ import annotations

import os
import sys

from rightskit.cli.common import _project


def cmd_new(args) -> int:
    from rightskit.cli.scaffold import ScaffoldError, create

    if args.kind == "translation":  # made from its English page, not from a template
        return cmd_new_translation(args)
    project = _project(args)
    try:
        created = create(project.root, args.kind, args.id, config_file=project.config_file)
    except ScaffoldError as error:
        print(f"rightskit new: {error}", file=sys.stderr)
        return 1
    print(created.report())
    return 0


def cmd_new_translation(args) -> int:
    from rightskit.content.i18n import untranslated
    from rightskit.content.i18n.translations import new_translation

    project = _project(args)
    try:
        target = new_translation(project.docs, args.id, args.lang)
    except ValueError as error:
        print(f"rightskit new translation: {error}", file=sys.stderr)
        return 1
    print(f"Started {os.path.relpath(target)}: translate the title, summary and text, keeping [[ids]] and links; "
          f"delete each '{untranslated.MARKER}' once the text below it is translated.")
    return 0


def cmd_schemas(args) -> int:
    from rightskit.core import schema
    folder = _project(args).root / schema.SCHEMA_DIR
    for path in schema.write_schemas(folder):
        print(f"wrote {os.path.relpath(path)}")
    return 0
