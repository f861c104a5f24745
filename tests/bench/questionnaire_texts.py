"""The texts of one questionnaire area as the app shows them, for the bare and the peer page.

bench_app.py (P1) and bench_browser.py (P1b) write them to a JSON file named in
BENCH_BARE_DATA; bare_questionnaire.py and survey_questionnaire.py draw them.
"""

from __future__ import annotations

from assessment.i18n import t
from assessment.questionnaire import Questionnaire

#: The radio options for "don't know" and "not applicable" (the app's "na"; the bare and the
#: peer page store nothing, so a number stands in for it).
DONT_KNOW, NOT_APPLICABLE = -1, -2
#: The questionnaire whose largest area (nine statements) the benchmarks answer.
QUESTIONNAIRE = ("verwaltung", "1.0")


def largest_area(q: Questionnaire) -> int:
    """The index of the area with the most statements (the first of them)."""
    sizes = [len(area.items) for area in q.dimensions]
    return sizes.index(max(sizes))


def area_texts(q: Questionnaire, index: int, token: str, caption: str) -> dict:
    """What the app's questionnaire page shows for area `index`, in German."""
    area = q.dimensions[index]
    labels = {str(level.value): level.label("de") for level in q.scale}
    return {
        "caption": caption,
        "link_title": f":material/key: **{t('ui.link_title', 'de')}** – {t('ui.link_text', 'de')}",
        "link": f"http://localhost:8501/questionnaire?t={token}",
        "areas_label": t("ui.q_areas", "de"),
        "area_labels": [
            f"{n}. {other.title('de')}"
            if n == index + 1
            else t("ui.q_area_open", "de", area=f"{n}. {other.title('de')}", open=len(other.items))
            for n, other in enumerate(q.dimensions, start=1)
        ],
        "area_index": index,
        "progress_text": t("ui.q_progress", "de", answered=0, total=len(q.items_by_id)),
        "area_of": t("ui.q_area_of", "de", k=index + 1, n=len(q.dimensions)),
        "area_title": area.title("de"),
        "area_intro": area.intro("de"),
        "scale_title": t("ui.q_scale_title", "de"),
        "scale_lines": [
            f"**{level.value} – {level.label('de')}**: {level.description('de')}"
            for level in q.scale
        ],
        "hints_label": t("ui.q_show_hints", "de"),
        "labels": {
            **labels,
            str(DONT_KNOW): t("common.dont_know", "de"),
            str(NOT_APPLICABLE): t("common.not_applicable", "de"),
        },
        "items": [
            {
                "id": item.id,
                "statement": f"{n}. {item.statement('de')}",
                "hint": f"**{t('ui.q_hint', 'de')}:** {item.hint('de')}",
            }
            for n, item in enumerate(area.items, start=1)
        ],
        "comment_label": t("ui.q_comment", "de"),
        "comment_placeholder": t("ui.q_comment_placeholder", "de"),
        "saved_note": t("ui.q_saved_note", "de"),
        "prev": t("ui.q_prev", "de"),
        "next": t("ui.q_next", "de"),
    }
