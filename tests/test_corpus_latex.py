"""A report kept as LaTeX source is read as the text it typesets."""

from __future__ import annotations

from corpus import parse_plan
from corpus.latex import is_latex, latex_to_plain

SOURCE = r"""% efforts.tex -- typesetting source
\documentclass[a4paper]{article}
\usepackage{datetime2}
\newcommand{\resp}[1]{\unskip\hfill\mbox{[\,#1\,]}}
\newcommand{\ym}[2]{\DTMmonthname{#2}~#1}
\fancyhead[L]{\small FY2073 Efforts -- running head}
\title{FY2073 Efforts on the ``Basic Plan on Measures against\\
  Child Sexual Exploitation''}
\begin{document}
\maketitle
\tableofcontents
\newpage
\section[Awareness]{Enhancement of public awareness, development of social
  awareness, and international collaboration}
\subsection{Promotion of public relations}
\begin{enumerate}[label=(\arabic*)]
  \item Ran the campaign ``\#NoMeansNo'' with 97\% reach
    (\DTMdate{2073-07-20}--\DTMdate{2073-08-31}).\footnote{Figures for
    the campaign are provisional.} \resp{CFA \&
    NPA}
  \item Held a forum (\ym{2073}{12}). \resp{Ministry of Justice}
  \begin{comment}
  \item A withdrawn item (\ym{2073}{10}). \resp{NPA}
  \end{comment}
\end{enumerate}
\subsection*{Note}
The bodies of the items below are in the margin.
\subsection{Support for child victims}
\begin{itemize}
  \item\marginpar{\footnotesize CFA\\MOJ}%
    Operated the hotline from \DTMdisplaydate{2073}{12}{1}{-1} to
    \pagebreak
    \DTMdate{2074-01-15}; calls received:
    \begin{tabular}{lrr}
      \toprule
      & FY2072 & FY2073 \\
      \midrule
      Calls & 1,200 & 1,450 \\
      \bottomrule
    \end{tabular}
\end{itemize}
\begin{table}[p]
  \caption{Abbreviations}
  \begin{tabular}{ll}
    CFA & Children and Families Agency \\
    MOJ & Ministry of Justice \\
    NPA & National Police Agency \\
  \end{tabular}
\end{table}
\end{document}
"""


def test_a_latex_source_reads_as_the_text_it_typesets() -> None:
    plan = parse_plan(SOURCE, source="fy2073.tex")
    assert (
        plan.title
        == 'FY2073 Efforts on the "Basic Plan on Measures against Child Sexual Exploitation"'
    )
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness, development of social awareness, and "
            "international collaboration"),
    ]  # fmt: skip
    # an unnumbered heading is a note, no measure
    assert [m.title for m in plan.sections[0].measures] == [
        "Promotion of public relations",
        "Support for child victims",
    ]
    efforts = [e for *_, e in plan.efforts()]
    # the house's macro as the preamble defines it; a margin note of bodies; a comment
    # environment is no effort
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2073-1.1.1", ("CFA", "NPA"), ("2073-07", "2073-08")),
        ("fy2073-1.1.2", ("MOJ",), ("2073-12",)),
        ("fy2073-1.2.1", ("CFA", "MOJ"), ("2073-12", "2074-01")),
    ]
    assert (
        efforts[0].text
        == 'Ran the campaign "#NoMeansNo" with 97% reach (20 July 2073–31 August 2073).'
    )
    assert efforts[2].text.endswith(
        "calls received: | | FY2072 | FY2073 | |---|---|---| | Calls | 1,200 | 1,450 |"
    )
    assert plan.glossary["MOJ"] == "Ministry of Justice"


def test_the_source_keeps_its_line_numbers() -> None:
    lines = SOURCE.split("\n")
    shown = latex_to_plain(lines)
    assert len(shown) == len(lines)
    assert (
        shown[lines.index(r"\subsection{Support for child victims}")]
        == "O Support for child victims"
    )


def test_a_plain_report_that_quotes_a_command_is_no_latex() -> None:
    lines = ["FY2019 Efforts", "1. Awareness", r"· Taught \section{} to pupils. [MEXT]"]
    assert not is_latex(lines)
    assert latex_to_plain(lines) == lines
