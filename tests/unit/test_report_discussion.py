"""A session's PDF with many discussion points and long notes stays readable.

Each discussion point (statement, range of answers, good practice) stays on one page, an
area's heading is not left alone at the foot of a page, and no text runs into the footer.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from assessment.i18n import t
from assessment.questionnaire import Questionnaire, load_catalogue
from assessment.report import build_report
from assessment.report.document import MARGIN_BOTTOM
from assessment.responses import (
    FORMAT,
    Organisation,
    QuestionnaireRef,
    Respondent,
    ResponseFile,
    RoundInfo,
)
from tests.unit.test_report import fail_on_fpdf_warnings  # noqa: F401 - autouse fixture

CREATED = datetime(2026, 11, 3, 10, 0, tzinfo=UTC)
DISPUTED = 25
#: Far apart on the disputed statements, close on the others.
LEVELS = ((0, 2), (4, 2), (2, 3))
NOTE = (
    "Die Gruppe sieht hier großen Handlungsbedarf, ist sich aber über den Weg nicht einig. "
    "Die Leitung möchte zuerst eine Bestandsaufnahme, das Team wünscht sich schnelle, "
    "sichtbare Schritte – etwa eine Ansprechperson und eine kurze Schulung. Vereinbart: "
    "Bis Ende des Quartals legt eine kleine Arbeitsgruppe einen Vorschlag vor. "
)
PT_PER_MM = 72 / 25.4


@pytest.fixture(scope="module")
def kmu() -> Questionnaire:
    return load_catalogue()[("kmu", "1.0")]


def session(q: Questionnaire) -> ResponseFile:
    """Three answer sets, far apart on 25 statements; a long note on every area."""
    items = [item.id for d in q.dimensions for item in d.items]
    disputed = {item for n, item in enumerate(items) if n % 8 < 5}  # in every area
    assert len(disputed) == DISPUTED
    respondents = [
        Respondent(
            id=f"A{n}",
            answers={item: far if item in disputed else near for item in items},
        )
        for n, (far, near) in enumerate(LEVELS, start=1)
    ]
    return ResponseFile(
        format=FORMAT,
        questionnaire=QuestionnaireRef(id=q.id, version=q.version),
        organisation=Organisation(name="Familienzentrum Lindenhof"),
        round=RoundInfo(
            label="Workshop", date=date(2026, 11, 3), mode="session", anonymous=True, min_group=3
        ),
        respondents=respondents,
        notes={d.id: f"{d.title('de')}: " + NOTE * 4 for d in q.dimensions},
        consensus={q.dimensions[0].id: 40.0},
    )


def pages(pdf: bytes) -> list[str]:
    """Each page's text, whitespace collapsed."""
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def low_texts(pdf: bytes) -> list[tuple[int, str, float]]:
    """(page, text, height above the page's lower edge in mm) of text below the body area."""
    found = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):

        def seen(text, cm, tm, font, size, number=number):
            y = (tm[5] * cm[3] + cm[5]) / PT_PER_MM
            if text.strip() and y < MARGIN_BOTTOM - 1:
                found.append((number, text.strip(), y))

        page.extract_text(visitor_text=seen)
    return found


def test_many_discussion_points_are_never_split_over_pages(kmu: Questionnaire) -> None:
    data = session(kmu)
    pdf = build_report(data, kmu, "de", creation_date=CREATED)
    texts = pages(pdf)
    intro = t("pdf.group.discussion_intro", "de")[:40]
    first = next(n for n, text in enumerate(texts) if intro in text)
    after = next(n for n, text in enumerate(texts) if t("pdf.profile_title", "de") in text)
    discussion = range(first, after + 1)
    statements = {i.id: (i.statement("de"), i.hint("de")) for d in kmu.dimensions for i in d.items}
    disputed = [
        item for item in statements if data.respondents[0].answers[item] in (0, 4)
    ]  # the far-apart ones
    assert len(disputed) == DISPUTED
    for item in disputed:
        statement, hint = statements[item]
        (page,) = [n for n in discussion if statement in texts[n]]
        assert f"Gute Praxis: {hint}" in texts[page], f"{item}: its block is split"
    for area in kmu.dimensions:  # each area's heading shares its page with its first point
        assert any(f"{area.title('de')} • " in texts[n] for n in discussion), area.id
    for note in data.notes.values():
        assert any(note[:60] in texts[n] for n in discussion)
    assert low_texts(pdf) == [
        (n, text, y)
        for n, text, y in low_texts(pdf)
        if text.startswith(t("pdf.footer", "de")) or text.startswith("Seite ")
    ]  # nothing but the footer below the body area
