"""A report kept as YAML, the source a publishing pipeline builds its editions from.

The document (or one document per part, after a metadata document) holds sections,
measures and efforts as mappings, an effort's text as a block scalar, a plain scalar
wrapped over lines or a quoted string, its bodies as a flow sequence (maybe through an
alias or a merge key), figures as a sequence of rows, and a legend as a mapping of codes.
It is read with PyYAML's safe loader, which resolves anchors, aliases and merge keys and
drops comments (a commented-out effort is no effort), and then as the JSON reader reads
its data (``corpus.jsondoc``): keys recognised by what they are named like. Each string
keeps the line it starts on, so every part is written on its own line of the file.

A report that is not YAML, or YAML holding no sections of efforts, comes back unchanged.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from corpus.jsondoc import data_to_plain

__all__ = ["yaml_to_plain"]

# A YAML file starts with a directive, a document marker or a key at the margin.
_START = re.compile(r"%YAML\b|---(?:\s|$)|[A-Za-z_][\w-]*:(?:\s|$)")


class _Said(str):
    """A string with the (0-based) line of the file it starts on."""

    line: int


class _Loader(yaml.SafeLoader):
    """The safe loader, but each string remembers its line."""

    def construct_yaml_str(self, node: yaml.ScalarNode) -> str:
        said = _Said(self.construct_scalar(node))
        # a block scalar (">", "|") starts on its indicator's line, the key's
        said.line = node.start_mark.line
        return said


    def construct_grouped_int(self, node: yaml.ScalarNode) -> int | str:
        """An integer written with its digits grouped ("12_880") as the report shows it,
        "12,880"; any other as a number."""
        said = str(self.construct_scalar(node))
        if re.fullmatch(r"[-+]?\d{1,3}(?:_\d{3})+", said):
            return said.replace("_", ",")
        return int(self.construct_yaml_int(node))


_Loader.add_constructor("tag:yaml.org,2002:str", _Loader.construct_yaml_str)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_grouped_int)


def yaml_to_plain(lines: list[str]) -> list[str]:
    """The lines of a YAML report as the text it holds (as many lines; the rest blank).
    Other reports, and YAML holding no sections of efforts, come back unchanged."""
    head = next((x for x in lines if x.strip() and not x.startswith("#")), "")
    if not _START.match(head):
        return lines
    text = "\n".join(lines)
    try:
        documents = [d for d in yaml.load_all(text, Loader=_Loader) if d is not None]  # noqa: S506 (a safe loader)
    except yaml.YAMLError:
        return lines
    return data_to_plain(_joined(documents), text, len(lines)) or lines


def _joined(documents: list[Any]) -> dict[str, Any]:
    """The documents as one: each part's sections in turn, every other key kept."""
    joined: dict[str, Any] = {}
    for document in documents:
        if not isinstance(document, dict):
            continue
        for key, value in document.items():
            if isinstance(value, list) and isinstance(joined.get(key), list):
                joined[key] = joined[key] + value
            elif key not in joined:
                joined[key] = value
    return joined
