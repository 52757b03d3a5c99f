"""A report saved as a web page's source is read as the page a browser shows."""

from __future__ import annotations

from corpus import parse_plan
from corpus.html import html_to_plain, is_html

PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head><title>FY2072 Efforts | Agency</title>
<meta name="description" content="Efforts in FY2072 (April 2072)">
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li>Policies</li></ul></nav></header>
<main><article>
<h1>FY2072 Efforts on the &quot;Basic Plan&quot;</h1>
<p>Figures are provisional as of June 30<sup>th</sup>, 2073.</p>
<section id="f1">
<h2>Field&nbsp;1&emsp;Enhancement of public awareness, development of social awareness, and
  international collaboration</h2>
<h3 class="measure">Promotion of public relations</h3>
<ol class="efforts">
  <li>Ran the &ldquo;Stop &amp; Speak&rdquo; campaign (July 20<sup>th</sup>&nbsp;&ndash;
    August 31<sup>st</sup>, 2072).
    <ul class="tags"><li>CFA</li><li>Ministry of Economy, Trade and Industry</li></ul>
  </li>
  <!-- <li>A withdrawn item. <span class="org"><abbr>NPA</abbr></span></li> -->
  <li>Operated the hotline through the <abbr title="Internet Hotline Center">IHC</abbr>;
    consultations received:
    <table>
      <thead><tr><th>Channel</th><th>FY2071</th><th>FY2072</th></tr></thead>
      <tbody><tr><th scope="row">Chat</th><td>1,200</td><td>1,450</td></tr></tbody>
    </table>
    <div class="print-only folio">3</div>
    <hr class="page-break">
    <span class="org"><abbr title="National Police Agency">NPA</abbr>, <abbr
    title="Children and Families Agency">CFA</abbr></span></li>
</ol>
</section>
<aside><h4>Abbreviations</h4>
<dl>
  <dt>CFA</dt><dd>Children and Families Agency</dd>
  <dt>METI</dt><dd>Ministry of Economy, Trade and Industry</dd>
  <dt>NPA</dt><dd>National Police
    Agency</dd>
</dl></aside>
</article></main>
<footer><ul><li>Site Map</li></ul><p>Copyright</p></footer>
<script src="/site.js"></script>
</body>
</html>
"""


def test_a_web_pages_source_reads_as_the_page_a_browser_shows() -> None:
    plan = parse_plan(PAGE, source="fy2072.html")
    assert plan.title == 'FY2072 Efforts on the "Basic Plan"'
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness, development of social awareness, and "
            "international collaboration"),
    ]  # fmt: skip
    assert [m.title for m in plan.sections[0].measures] == ["Promotion of public relations"]
    efforts = [e for *_, e in plan.efforts()]
    # bodies as a nested list of names, or marked up at the item's end; a commented-out
    # item is no effort
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2072-1.1.1", ("CFA", "METI"), ("2072-07", "2072-08")),
        ("fy2072-1.1.2", ("NPA", "CFA"), ()),
    ]
    assert efforts[0].text == "Ran the “Stop & Speak” campaign (July 20th – August 31st, 2072)."
    # a table of the item's figures is read as Markdown rows; print-only furniture goes
    assert efforts[1].text == (
        "Operated the hotline through the IHC; consultations received: | Channel | FY2071 | "
        "FY2072 | |---|---|---| | Chat | 1,200 | 1,450 |"
    )
    assert plan.glossary["NPA"] == "National Police Agency"  # a name wrapped in its <dd>


def test_the_page_keeps_its_line_numbers() -> None:
    lines = PAGE.split("\n")
    shown = html_to_plain(lines)
    assert len(shown) == len(lines)
    assert shown[lines.index('<h3 class="measure">Promotion of public relations</h3>')] == (
        "O Promotion of public relations"
    )


def test_a_plain_report_that_names_a_tag_is_no_web_page() -> None:
    lines = ["FY2019 Efforts", "1. Awareness", "· Explained what <p> means in HTML. [NPA]"]
    assert not is_html(lines)
    assert html_to_plain(lines) == lines
