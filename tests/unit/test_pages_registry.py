"""The page registry names every page file once, and no code links to a page by its path."""

from __future__ import annotations

import re
from pathlib import Path

from assessment.ui.pages_registry import DEFAULT, PAGES_DIR, SECTIONS

UI = Path(__file__).resolve().parents[2] / "assessment" / "ui"
#: A page reached by a literal: a file path, or a URL path given to a link or switch.
LITERAL_PAGE = re.compile(r"""pages/\w+\.py|(?:switch_page|page_link)\(\s*["']""")


def test_every_page_file_is_registered_once() -> None:
    names = [spec.name for specs in SECTIONS.values() for spec in specs]
    assert sorted(names) == sorted(p.stem for p in PAGES_DIR.glob("*.py"))
    assert DEFAULT in names
    url_paths = [spec.url_path for specs in SECTIONS.values() for spec in specs]
    assert len(set(url_paths)) == len(url_paths)


def test_no_page_is_reached_by_a_literal_path() -> None:
    found = [
        f"{path.relative_to(UI)}: {match.group(0)}"
        for path in sorted(UI.rglob("*.py"))
        for match in LITERAL_PAGE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not found
