"""Page config, language switch and the navigation between pages."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import streamlit as st

from assessment.i18n import LANGS
from assessment.ui import warmup
from assessment.ui.pages_registry import sections
from assessment.ui.state import lang, tr

#: The browser tab's icon, served by the app itself (a Material icon would be fetched from
#: Google's font server by every visitor's browser).
ICON = Path(__file__).resolve().parent / "static" / "icon.png"


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


def _is_storage_error(error: Exception) -> bool:
    # Looked up lazily: the start page draws its title before the database code is imported.
    services = sys.modules.get("assessment.services.errors")
    sqlalchemy = sys.modules.get("sqlalchemy.exc")
    return (services is not None and isinstance(error, services.StorageFailed)) or (
        sqlalchemy is not None and isinstance(error, sqlalchemy.SQLAlchemyError)
    )


#: On a phone (Streamlit stacks columns below 640 px) a row of answer options would wrap into
#: a zig-zag; one option per line keeps the scale's order readable from top to bottom.
_PHONE_CSS = """<style>
@media (max-width: 640px) {
  [data-testid="stRadio"] [role="radiogroup"] {
    flex-direction: column;
    flex-wrap: nowrap;
    align-items: flex-start;
  }
}
</style>"""


def run() -> None:
    """Entry point of the app."""
    st.set_page_config(page_title=tr("common.product"), page_icon=str(ICON), layout="wide")
    st.html(_PHONE_CSS)
    language_switch()
    page = st.navigation(sections())
    try:
        page.run()
    except Exception as error:
        if not _is_storage_error(error):
            raise
        # One sentence for the user; the details (SQL, paths) go to the server log only.
        logging.getLogger("assessment.ui").error("page %s failed", page.url_path, exc_info=True)
        st.error(tr("ui.error_storage"), icon=":material/cloud_off:")
    finally:  # also after st.stop or a page switch: once the first page is drawn
        warmup.start()
