"""A bilingual report (the Japanese original, each heading and effort followed by its
provisional English translation) is read in English: "No. 1" sections, "1-(1)" measures,
efforts "(A)", "(B)" lettered anew in each, "In charge:" lines (cut by a page break too),
a legend of Japanese names with their abbreviations and English names, and dates with
their weekdays in brackets."""

from __future__ import annotations

from corpus.bilingual import english_only
from corpus.dates import find_dates
from corpus.parser import parse_plan

HEADER = "【仮訳】令和44年度の取組（子供の性被害防止プラン）　／　" + (
    "Provisional Translation: FY2062 Efforts"
)

REPORT = f"""令和44年度の取組
FY2062 Efforts under the Basic Plan
（仮訳／Provisional Translation）

府省庁名の略称／Abbreviations of ministries and agencies
　警察庁（NPA）　National Police Agency
　こども家庭庁（CFA）　Children and Families Agency
　文部科学省（MEXT）　Ministry of Education, Culture, Sports,
                      Science and Technology
　経済産業省（METI）　Ministry of Economy, Trade and Industry

第１　国民意識の向上
No. 1  Enhancement of public awareness, development of social awareness, and international
       collaboration

　（１）広報啓発の推進
  1-(1) Promotion of public relations

　　ア　シンポジウムを開催した。〔警察庁〕
    (A) Held the symposium in Niigata City on July 15, 2062 (Sat.); 1,120 people attended
        in person.
        In charge: NPA

　　イ　研修を実施した。〔文部科学省〕
    (B) Provided e-learning training for 14,300 teachers from August 1 (Tue.) to September
        30 (Sat.), 2062.
        In charge: Ministry of Education, Culture, Sports, Science and Technology

                                          ― １ ―

{HEADER}

　（２）情報発信
  1-(2) Information dissemination

　　ア　ワークショップを開催した。〔こども家庭庁、経済産業省〕
    (A) Held workshops for grandparents from mid-October to late November 2062 and a
        forum for parents in all 47 prefectures of the country.
        In charge: CFA, Ministry of Economy,

                                          ― ２ ―

{HEADER}

        Trade and Industry
"""


def test_a_bilingual_report_is_read_in_english() -> None:
    plan = parse_plan(REPORT, source="fy2062.txt")
    assert plan.title == "FY2062 Efforts under the Basic Plan"
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness, development of social awareness, and "
            "international collaboration"),
    ]  # fmt: skip
    assert [m.title for s in plan.sections for m in s.measures] == [
        "Promotion of public relations",
        "Information dissemination",
    ]
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries) for e in efforts] == [
        ("fy2062-1.1.1", ("NPA",)),
        ("fy2062-1.1.2", ("MEXT",)),  # named in full, as the wrapped legend names it
        ("fy2062-1.2.1", ("CFA", "METI")),  # the list cut by a page break
    ]
    assert [e.dates for e in efforts] == [
        ("2062-07",),
        ("2062-08", "2062-09"),
        ("2062-10", "2062-11"),
    ]
    assert not any("研修" in e.text or "〔" in e.text for e in efforts)
    assert plan.glossary["MEXT"] == (
        "Ministry of Education, Culture, Sports, Science and Technology"
    )


def test_a_report_with_a_few_japanese_words_is_no_bilingual_one() -> None:
    lines = ["FY2055 Efforts", "1. Awareness", "· Held a forum (2055年11月). [NPA]"]
    assert english_only(lines) == lines


def test_a_weekday_after_a_day_does_not_hide_its_month() -> None:
    assert find_dates("from July 21 (Fri.) to August 31 (Thu.), 2062") == ("2062-07", "2062-08")
