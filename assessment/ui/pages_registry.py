"""The app's pages: built once per session and language, used for navigation, links and switches."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, NamedTuple

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from assessment.ui.state import lang, private_link, tr

PAGES_DIR = Path(__file__).parent / "pages"

PageName = Literal[
    "start",
    "profile",
    "questionnaire",
    "results",
    "roadmap",
    "catalogue",
    "join",
    "facilitator",
    "privacy",
    "imprint",
    "organisation",
]


class PageSpec(NamedTuple):
    """What a page is: its name (file stem), title key, URL path and icon."""

    name: PageName
    title: str
    url_path: str
    icon: str


#: The pages by section (title key) in navigation order; the first page is the default one.
SECTIONS: dict[str, tuple[PageSpec, ...]] = {
    "ui.nav_section_check": (
        PageSpec("start", "ui.nav_start", "start", ":material/explore:"),
        PageSpec("profile", "ui.nav_profile", "profile", ":material/badge:"),
        PageSpec("questionnaire", "ui.nav_questionnaire", "questionnaire", ":material/checklist:"),
        PageSpec("results", "ui.nav_results", "results", ":material/radar:"),
        PageSpec("roadmap", "ui.nav_roadmap", "roadmap", ":material/flag:"),
    ),
    "ui.nav_section_session": (
        PageSpec("join", "ui.nav_join", "join", ":material/group_add:"),
        PageSpec("facilitator", "ui.nav_facilitator", "facilitator", ":material/co_present:"),
    ),
    "ui.nav_section_history": (
        PageSpec("organisation", "ui.nav_organisation", "organisation", ":material/domain:"),
    ),
    "ui.nav_section_info": (
        PageSpec("catalogue", "ui.nav_catalogue", "questionnaires", ":material/menu_book:"),
        PageSpec("privacy", "ui.nav_privacy", "privacy", ":material/shield_person:"),
        PageSpec("imprint", "ui.nav_imprint", "imprint", ":material/gavel:"),
    ),
}
DEFAULT: PageName = "start"


def _build() -> dict[PageName, StreamlitPage]:
    return {
        spec.name: st.Page(
            PAGES_DIR / f"{spec.name}.py",
            title=tr(spec.title),
            url_path=spec.url_path,
            icon=spec.icon,
            default=spec.name == DEFAULT,
        )
        for specs in SECTIONS.values()
        for spec in specs
    }


def _registry() -> dict[PageName, StreamlitPage]:
    key = f"pages_{lang()}"
    if key not in st.session_state:
        st.session_state[key] = _build()
    return st.session_state[key]


def page(name: PageName) -> StreamlitPage:
    """The page object of `name`, for `st.page_link` and `st.switch_page`."""
    return _registry()[name]


def link(token: str, name: PageName = "questionnaire") -> str:
    """The full capability link to page `name` for `token`, in the current UI language."""
    return private_link(token, page(name).url_path)


def sections() -> dict[str, list[StreamlitPage]]:
    """The pages by translated section title, for `st.navigation`."""
    pages = _registry()
    return {tr(title): [pages[spec.name] for spec in specs] for title, specs in SECTIONS.items()}
