"""`compare` and the checks of `report --previous`: two response files of one organisation."""

from __future__ import annotations

from dataclasses import dataclass

from assessment.formatting import fmt_date, fmt_number, round_half_up
from assessment.i18n import t
from assessment.questionnaire import Questionnaire
from assessment.responses import ResponseFile
from assessment.round_series import RoundSeries, series_of


class NotComparable(Exception):
    """Two files that should not be compared: one line naming the file and the reason."""


@dataclass(frozen=True)
class Compared:
    """Both rounds' scores, matched by area id (areas of the later questionnaire first)."""

    earlier: RoundSeries
    later: RoundSeries
    earlier_q: Questionnaire
    later_q: Questionnaire

    def area_ids(self) -> list[str]:
        """The areas of the later questionnaire, then any only the earlier one has."""
        later = [d.id for d in self.later_q.dimensions]
        return later + [d.id for d in self.earlier_q.dimensions if d.id not in later]

    def title(self, area: str, lang: str) -> str:
        """The area's title from whichever questionnaire has it."""
        for q in (self.later_q, self.earlier_q):
            if area in q.dimensions_by_id:
                return q.dimensions_by_id[area].title(lang)
        return area


def _organisation_key(data: ResponseFile) -> str:
    return " ".join(data.organisation.name.casefold().split())


def check_comparable(
    path: str, earlier: ResponseFile, earlier_q: Questionnaire, later: ResponseFile,
    later_q: Questionnaire,
) -> None:  # fmt: skip
    """NotComparable if the earlier file (at `path`) is of another organisation or was
    answered with another questionnaire (id or version) than the later one."""
    if _organisation_key(earlier) != _organisation_key(later):
        raise NotComparable(
            f"{path}: $.organisation.name: the earlier round is of "
            f"{earlier.organisation.name!r}, this round of {later.organisation.name!r} "
            "(use --force to compare anyway)"
        )
    if (earlier_q.id, earlier_q.version) != (later_q.id, later_q.version):
        raise NotComparable(
            f"{path}: $.questionnaire: the earlier round was answered with "
            f"{earlier_q.id} {earlier_q.version}, this round with {later_q.id} {later_q.version} "
            "(use --force to compare the areas anyway)"
        )


def compare_files(
    earlier: ResponseFile, earlier_q: Questionnaire, later: ResponseFile, later_q: Questionnaire
) -> Compared:
    """Score both files, each with its own questionnaire."""
    return Compared(series_of(earlier, earlier_q), series_of(later, later_q), earlier_q, later_q)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round_half_up(value, 1)


def _delta(now: float | None, before: float | None) -> float | None:
    """The change between the scores as printed (so the columns add up), as the PDF does."""
    if now is None or before is None:
        return None
    return round(round_half_up(now, 1) - round_half_up(before, 1), 1)


def _round(series: RoundSeries, q: Questionnaire) -> dict:
    return {
        "label": series.label,
        "date": series.date.isoformat(),
        "questionnaire": {"id": q.id, "version": q.version},
        "overall": _rounded(series.overall),
    }


def as_dict(found: Compared) -> dict:
    """The comparison as JSON-ready data: both rounds, then per area both scores and the delta."""
    earlier, later = found.earlier, found.later
    return {
        "earlier": _round(earlier, found.earlier_q),
        "later": _round(later, found.later_q),
        "areas": [
            {
                "id": area,
                "earlier": _rounded(earlier.areas.get(area)),
                "later": _rounded(later.areas.get(area)),
                "delta": _delta(later.areas.get(area), earlier.areas.get(area)),
            }
            for area in found.area_ids()
        ],
        "overall": {
            "earlier": _rounded(earlier.overall),
            "later": _rounded(later.overall),
            "delta": _delta(later.overall, earlier.overall),
        },
    }


def as_table(found: Compared, lang: str = "de") -> str:
    """A fixed-width table: area, earlier score, later score, delta in points; the rounds are
    named above it and head their columns by date."""

    def num(value: float | None) -> str:
        return fmt_number(value, lang, 1)

    def signed(value: float | None) -> str:
        return num(value) if value is None or value <= 0 else f"+{num(value)}"

    data = as_dict(found)
    earlier, later = found.earlier, found.later
    head = t("common.area", lang)
    first, second = fmt_date(earlier.date, lang), fmt_date(later.date, lang)
    lines = [
        f"{first}: {earlier.label}",
        f"{second}: {later.label}",
        "",
        f"{head:<32} {first:>14} {second:>14} {t('pdf.col_change', lang):>12}",
    ]
    rows = [(found.title(a["id"], lang), a) for a in data["areas"]]
    rows.append((t("common.overall", lang), data["overall"]))
    for title, row in rows:
        lines.append(
            f"{title[:32]:<32} {num(row['earlier']):>14} {num(row['later']):>14} "
            f"{signed(row['delta']):>12}"
        )
    return "\n".join(lines)
