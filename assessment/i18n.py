"""The one text catalogue of the app, the PDF roadmap and the command line.

The texts are data: `assessment/locales/<lang>.toml`, one file per language with the same
keys. A key is `section.name` (for example `ui.nav_start`, `pdf.summary_title`,
`common.area`, `topic.racism`). The files are read once per process and checked on loading.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

#: The UI languages, each with its name in that language; the first is the default.
LANGS: dict[str, str] = {"de": "Deutsch", "en": "English"}
DEFAULT_LANG = "de"
LOCALE_DIR = Path(__file__).resolve().parent / "locales"


class CatalogueError(ValueError):
    """A text file is missing or malformed; each line names the file and the key."""


def placeholders(text: str) -> frozenset[str]:
    """The `{names}` a text expects; ValueError for stray braces or unnamed fields."""
    names = set()
    for _literal, field, _spec, _conversion in string.Formatter().parse(text):
        if field is None:
            continue
        if not field.isidentifier():
            raise ValueError(f"placeholder {{{field}}} is not a plain name")
        names.add(field)
    return frozenset(names)


def _flatten(
    table: Mapping[str, object], prefix: str, file: Path, out: dict[str, str]
) -> list[str]:
    """Collect `section.name` -> text from a parsed file; return the problems found."""
    problems = []
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict):
            problems += _flatten(value, f"{key}.", file, out)
        elif not isinstance(value, str):
            problems.append(f"{file}: {key}: expected a text, found {type(value).__name__}")
        elif not value.strip():
            problems.append(f"{file}: {key}: empty text")
        else:
            try:
                placeholders(value)
            except ValueError as exc:
                problems.append(f"{file}: {key}: {exc}")
            out[key] = value
    return problems


def _read(file: Path) -> tuple[dict[str, str], list[str]]:
    try:
        with file.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return {}, [f"{file}: missing (every language in LANGS needs its text file)"]
    except (OSError, tomllib.TOMLDecodeError) as exc:
        return {}, [f"{file}: cannot be read: {exc}"]
    texts: dict[str, str] = {}
    problems = _flatten(data, "", file, texts)
    if not data:
        problems.append(f"{file}: no texts")
    return texts, problems


def load_texts(directory: Path = LOCALE_DIR) -> dict[str, dict[str, str]]:
    """Read and check every language's file in `directory`; CatalogueError lists all problems."""
    files = {lang: directory / f"{lang}.toml" for lang in LANGS}
    catalogue, problems = {}, []
    for lang, file in files.items():
        catalogue[lang], found = _read(file)
        problems += found
    reference = catalogue[DEFAULT_LANG]
    for lang, texts in catalogue.items():
        if lang == DEFAULT_LANG or not texts or not reference:
            continue
        file, base = files[lang], files[DEFAULT_LANG].name
        problems += [
            f"{file}: {key}: missing (it is in {base})" for key in reference - texts.keys()
        ]
        problems += [f"{file}: {key}: not in {base}" for key in texts.keys() - reference]
        for key in reference.keys() & texts.keys():
            try:
                mine, theirs = placeholders(texts[key]), placeholders(reference[key])
            except ValueError:
                continue  # already reported
            if mine != theirs:
                found = f"placeholders {sorted(mine)} differ from {base} {sorted(theirs)}"
                problems.append(f"{file}: {key}: {found}")
    if problems:
        raise CatalogueError("\n".join(sorted(problems)))
    return catalogue


@cache
def _catalogue() -> dict[str, Mapping[str, str]]:
    return {lang: MappingProxyType(texts) for lang, texts in load_texts().items()}


def texts(lang: str) -> Mapping[str, str]:
    """Every text of `lang` (German for an unknown language), by key."""
    catalogue = _catalogue()
    return catalogue.get(lang) or catalogue[DEFAULT_LANG]


def has_text(key: str) -> bool:
    """Whether the catalogue has a text `key`."""
    return key in texts(DEFAULT_LANG)


def t(key: str, lang: str, **values: object) -> str:
    """The text `key` in `lang` (German for an unknown language), `{placeholders}` filled in."""
    try:
        text = texts(lang)[key]
    except KeyError:
        raise KeyError(f"no text {key!r} in {LOCALE_DIR}/*.toml") from None
    if not values:
        return text
    try:
        return text.format(**values)
    except KeyError as exc:
        raise KeyError(f"text {key!r} needs a value for {{{exc.args[0]}}}") from None


def counted(key: str, n: int, lang: str) -> str:
    """`n` with the singular (`key`_one) or the plural (`key`_many) phrase."""
    return t(f"{key}_one", lang) if n == 1 else t(f"{key}_many", lang, n=n)


def phase_label(phase: str, lang: str) -> str:
    """A phase id such as "3-6" as "3–6 Monate" / "3–6 months"; "later" as "später" / "later"."""
    if phase == "later":
        return t("common.phase_later", lang)
    start, end = phase.split("-")
    return t("common.phase_span", lang, start=start, end=end)
