"""Dates as official documents write them: "ontvangen 9 december 2024", "2021-12-09",
"2021-10", "in maart 2020", "op 28 september 2021", "20 November 2019".

A date keeps its precision (day, month or year) and says where it came from, so that a
report can show "28 september 2021 (from the text)" or "at the latest 25 October 2021
(the date of the document that quotes it)" instead of inventing a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "february": 2, "feb": 2, "febr": 2,
    "maart": 3, "march": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "augustus": 8, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_PATTERNS = (
    ("day", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("day", re.compile(rf"\b(?P<d>[0-3]?\d)\s+(?P<mn>{_MONTH})\.?\s+(?P<y>(?:19|20)\d\d)\b", re.I)),
    ("month", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)\b(?!-\d)")),
    ("month", re.compile(rf"\b(?P<mn>{_MONTH})\.?\s+(?P<y>(?:19|20)\d\d)\b", re.I)),
    ("year", re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)(?![\d/]|-\d)")),
)
# Where a header names several dates, the words before each say which is which.
ANSWER_WORDS = ("beantwoord", "ontvangen", "antwoord", "answered", "received")
QUESTION_WORDS = ("ingezonden", "ingediend", "gesteld", "submitted")

DATE_BASES = ("metadata", "text", "quoting-document", "manifest", "undated")


@dataclass(frozen=True)
class Date:
    year: int
    month: int | None = None
    day: int | None = None
    basis: str = "metadata"  # one of DATE_BASES
    not_after: bool = False  # known only as "at the latest": the date of the document that quotes it

    @property
    def precision(self) -> str:
        return "day" if self.day else ("month" if self.month else "year")

    @property
    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        # A month or a year sorts at its start; "at the latest" sorts at its bound.
        return (self.year, self.month or 0, self.day or 0)

    def with_basis(self, basis: str, not_after: bool | None = None) -> Date:
        return replace(self, basis=basis, not_after=self.not_after if not_after is None else not_after)

    def as_dict(self) -> dict:
        return {"value": self.iso, "precision": self.precision, "basis": self.basis, "not_after": self.not_after}


@dataclass(frozen=True)
class Found:
    date: Date
    start: int
    end: int


def find_dates(text: str, basis: str = "text") -> list[Found]:
    """Every date in ``text``, the most precise reading of each stretch, in text order."""
    taken: list[tuple[int, int]] = []
    out: list[Found] = []
    for precision, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            g = m.groupdict()
            year = int(g["y"])
            month = int(g["m"]) if g.get("m") else MONTHS.get((g.get("mn") or "").lower().rstrip("."))
            day = int(g["d"]) if g.get("d") else None
            if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
                continue
            if precision == "year":
                month = day = None
            taken.append((m.start(), m.end()))
            out.append(Found(Date(year, month, day, basis), m.start(), m.end()))
    return sorted(out, key=lambda f: f.start)


def header_date(value: str, prefer: tuple[str, ...] = ANSWER_WORDS, basis: str = "metadata") -> Date | None:
    """The date a header or metadata value gives: the one after a preferred word
    ("beantwoord 13 december 2021" for an answer), else the most precise one."""
    found = find_dates(value or "", basis)
    if not found:
        return None
    low = (value or "").lower()
    for f in found:
        before = low[max(0, f.start - 30) : f.start]
        if any(w in before for w in prefer):
            return f.date
    rank = {"day": 0, "month": 1, "year": 2}
    return min(found, key=lambda f: (rank[f.date.precision], f.start)).date


def parse_date(value: str, basis: str = "manifest") -> Date | None:
    """A date given on its own (a manifest's ``date`` field): ISO or written out."""
    value = (value or "").strip()
    if not value:
        return None
    found = find_dates(value, basis)
    return found[0].date if len(found) == 1 else (header_date(value, basis=basis) if found else None)


def format_date(date: Date | None, lang: str = "nl") -> str:
    """"28 september 2021", "oktober 2021", "≤ 25 oktober 2021", "zonder datum"."""
    if date is None:
        return "zonder datum" if lang == "nl" else "undated"
    names = _NAMES[lang]
    if date.day:
        text = f"{date.day} {names[date.month - 1]} {date.year}"
    elif date.month:
        text = f"{names[date.month - 1]} {date.year}"
    else:
        text = str(date.year)
    return ("uiterlijk " if lang == "nl" else "at the latest ") + text if date.not_after else text


_NAMES = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
}
