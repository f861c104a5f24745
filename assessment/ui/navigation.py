"""Page config, language switch and the navigation between pages."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import streamlit as st

from assessment.i18n import LANGS
from assessment.ui.state import lang, tr

PAGES_DIR = Path(__file__).parent / "pages"

#: (file, title key, url path, icon) in navigation order; the first is the default page.
CHECK_PAGES = (
    ("start.py", "ui.nav_start", "start", ":material/explore:"),
    ("profile.py", "ui.nav_profile", "profile", ":material/badge:"),
    ("questionnaire.py", "ui.nav_questionnaire", "questionnaire", ":material/checklist:"),
    ("results.py", "ui.nav_results", "results", ":material/radar:"),
    ("roadmap.py", "ui.nav_roadmap", "roadmap", ":material/flag:"),
)
INFO_PAGES = (("catalogue.py", "ui.nav_catalogue", "questionnaires", ":material/menu_book:"),)


def _pages(specs) -> list:
    return [
        st.Page(
            PAGES_DIR / file,
            title=tr(title),
            url_path=path,
            icon=icon,
            default=(file == "start.py"),
        )
        for file, title, path, icon in specs
    ]


def language_switch() -> None:
    """Deutsch/English switch in the sidebar, kept in the URL."""
    current = lang()
    choice = st.sidebar.segmented_control(
        tr("ui.language"),
        options=list(LANGS),
        format_func=LANGS.get,
        default=current,
        key="lang_choice",
    )
    if choice and choice != current:
        st.session_state["lang"] = choice
        st.query_params["lang"] = choice
        st.rerun()


def _navigation_pages() -> dict[str, list]:
    """The pages by section, built once per session and language."""
    key = f"pages_{lang()}"
    if key not in st.session_state:
        st.session_state[key] = {
            tr("ui.nav_section_check"): _pages(CHECK_PAGES),
            tr("ui.nav_section_info"): _pages(INFO_PAGES),
        }
    return st.session_state[key]


def _is_storage_error(error: Exception) -> bool:
    # Looked up lazily: the start page draws its title before the database code is imported.
    services = sys.modules.get("assessment.services.errors")
    sqlalchemy = sys.modules.get("sqlalchemy.exc")
    return (services is not None and isinstance(error, services.StorageFailed)) or (
        sqlalchemy is not None and isinstance(error, sqlalchemy.SQLAlchemyError)
    )


def run() -> None:
    """Entry point of the app."""
    st.set_page_config(
        page_title=tr("common.product"), page_icon=":material/explore:", layout="wide"
    )
    language_switch()
    page = st.navigation(_navigation_pages())
    try:
        page.run()
    except Exception as error:
        if not _is_storage_error(error):
            raise
        # One sentence for the user; the details (SQL, paths) go to the server log only.
        logging.getLogger("assessment.ui").error("page %s failed", page.url_path, exc_info=True)
        st.error(tr("ui.error_storage"), icon=":material/cloud_off:")
