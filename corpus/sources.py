"""The forms a report is kept in, each read as the plain lines the parser reads.

A report may come as the text of a PDF or as the source it was published from: open data
in JSON, a publishing pipeline's YAML, XML, a wiki page, AsciiDoc, reStructuredText, an Org
file, slides, a Q&A, a web page's HTML, LaTeX, or a bilingual edition; or as the text of a
PDF whose sections are tables without rules, as a word processor saved it as plain text,
as a browser without graphics saved its web page (``lynx -dump``), or copied out of a
Japanese publisher's e-book of its English edition, as a team wiki page exported to
Markdown, as an accessible edition for screen readers, as an online word processor's
plain-text download, as a diplomatic cable in capitals, as a compendium of press
releases, as a team-chat channel's export, as a survey tool's export of one form
per effort, or as a mainframe's line-printer listing. Each reader below
recognises its own form and leaves any other report untouched, line for line (so line
numbers stay those of the file); :func:`plain_lines` applies them in turn, the forms that
hold others first. Pure.
"""

from __future__ import annotations

from corpus.accessible import accessible_to_plain
from corpus.asciidoc import asciidoc_to_plain
from corpus.bilingual import english_only
from corpus.cable import cable_to_plain
from corpus.chat import chat_to_plain
from corpus.ebook import ebook_to_plain
from corpus.forms import forms_to_plain
from corpus.gdocs import gdocs_to_plain
from corpus.html import html_to_plain
from corpus.jsondoc import json_to_plain
from corpus.latex import latex_to_plain
from corpus.layout_tables import layout_tables
from corpus.lynx import lynx_to_plain
from corpus.notion import notion_to_plain
from corpus.org import org_to_plain
from corpus.plaintables import ruled_tables
from corpus.press import press_to_plain
from corpus.printout import printout_to_plain
from corpus.qanda import qanda_to_plain
from corpus.rst import rst_to_plain
from corpus.slides import slides_to_plain
from corpus.wiki import wiki_to_plain
from corpus.wordtext import word_text_to_plain
from corpus.xmldoc import xml_to_plain
from corpus.yamldoc import yaml_to_plain

__all__ = ["plain_lines"]

# In order: a line-printer listing's rulers and underlines would read as other forms'
# markup; JSON is also YAML; a JSON, YAML or XML document may quote markup; a wiki page may
# hold HTML tags.
_READERS = (
    printout_to_plain,
    json_to_plain,
    yaml_to_plain,
    xml_to_plain,
    notion_to_plain,
    wiki_to_plain,
    asciidoc_to_plain,
    qanda_to_plain,
    rst_to_plain,
    org_to_plain,
    slides_to_plain,
    english_only,
    html_to_plain,
    latex_to_plain,
    lynx_to_plain,
    layout_tables,
    ruled_tables,
    word_text_to_plain,
    ebook_to_plain,
    accessible_to_plain,
    gdocs_to_plain,
    cable_to_plain,
    press_to_plain,
    chat_to_plain,
    forms_to_plain,
)


def plain_lines(raw: list[str]) -> list[str]:
    """A report's lines as plain text, whatever form it is kept in (as many lines)."""
    lines = raw
    for read in _READERS:
        lines = read(lines)
    return lines
