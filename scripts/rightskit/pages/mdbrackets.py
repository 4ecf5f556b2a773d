"""Python-Markdown's link and image patterns, with a cheaper search for the closing bracket.

Python-Markdown (3.11) finds the `]` that closes a link's text by working out, in a Python loop
over every character, the closing bracket of every position of the text being processed; the
table is kept only while that text is unchanged, and every link turned into an element changes
it. So a paragraph with many links is read once per link, character by character: in a build
with 2,000 extra modules this was a tenth of all the CPU time.

Here the closing bracket is found by jumping from bracket to bracket with a regular expression,
from the link's own `[` onwards, which reads only as far as the link goes. When the bracket
never closes, Python-Markdown's own table is built and kept for that text, so text full of
unclosed brackets costs what it costs upstream (that table exists to avoid a quadratic scan).
The results are the same as upstream's for every text (tests/test_mdbrackets.py checks this,
and that the site converts byte for byte the same).

An ordinary Python-Markdown extension: no MkDocs object is needed.
"""
from __future__ import annotations

import re

from markdown import Markdown
from markdown import inlinepatterns as upstream
from markdown.extensions import Extension

_BRACKET = re.compile(r"[\[\]]")

NAME = "rightskit.pages.mdbrackets:BracketsExtension"  # its name in a list of Markdown extensions


class _Brackets:
    """Mixed into each of Python-Markdown's link processors, before the processor's own class."""

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:  # noqa: N802 - upstream's name
        if getattr(self, "_bracket_data", None) is not data:  # upstream has no table for this text yet
            level = 1
            for found in _BRACKET.finditer(data, index):
                level += 1 if found.group() == "[" else -1
                if level == 0:
                    end = found.end()
                    return data[index:end - 1], end, True
        return super().getText(data, index)  # unclosed, or a text whose table is already built


class Link(_Brackets, upstream.LinkInlineProcessor):
    pass


class Image(_Brackets, upstream.ImageInlineProcessor):
    pass


class Reference(_Brackets, upstream.ReferenceInlineProcessor):
    pass


class ShortReference(_Brackets, upstream.ShortReferenceInlineProcessor):
    pass


class ImageReference(_Brackets, upstream.ImageReferenceInlineProcessor):
    pass


class ShortImageReference(_Brackets, upstream.ShortImageReferenceInlineProcessor):
    pass


# Each processor by the class Python-Markdown registers it with, as the subclass to replace it with.
FASTER = {upstream.LinkInlineProcessor: Link, upstream.ImageInlineProcessor: Image,
          upstream.ReferenceInlineProcessor: Reference, upstream.ShortReferenceInlineProcessor: ShortReference,
          upstream.ImageReferenceInlineProcessor: ImageReference,
          upstream.ShortImageReferenceInlineProcessor: ShortImageReference}


class BracketsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        patterns = md.inlinePatterns
        # The registry has no public way to read a priority; replacing an item keeps its name.
        priorities = {item.name: item.priority for item in patterns._priority}  # noqa: SLF001
        for name in list(priorities):
            processor = patterns[name]
            faster = FASTER.get(type(processor))  # exactly upstream's class: another extension's subclass is left alone
            if faster is not None:
                replacement = faster(processor.pattern, md)
                replacement.compiled_re = processor.compiled_re
                patterns.register(replacement, name, priorities[name])


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks up
    return BracketsExtension(**kwargs)
