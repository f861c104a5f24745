"""Small building blocks shared by the pages."""

from __future__ import annotations

import streamlit as st

from assessment.questionnaire import Item
from assessment.ui.pages_registry import link, page
from assessment.ui.session import Current, current
from assessment.ui.state import NEW_OWNER_TOKEN, token, tr


def require_current() -> Current:
    """The current round, or a friendly stop with a way back to the start page."""
    found = current()
    if found is None:
        _join_instead()
        st.info(tr("ui.invalid_link") if token() else tr("ui.need_round"))
        st.page_link(page("start"), label=tr("ui.go_start"), icon=":material/home:")
        st.stop()
    return found


def _join_instead() -> None:
    """A session's join link or code opens no page of its own: it leads to the join page."""
    from assessment.services import access
    from assessment.ui.session import engine

    value = token()
    visitor = access.resolve(engine(), value) if value else None
    if visitor is not None and visitor.role == "join":
        st.switch_page(page("join"))


def resume_link_box(cur: Current) -> None:
    """The private resume link, shown prominently and easy to copy."""
    with st.container(border=True):
        st.markdown(f":material/key: **{tr('ui.link_title')}** – {tr('ui.link_text')}")
        st.code(link(cur.token), language=None, wrap_lines=True)
    # Shown in the session that created the organisation, and only on that organisation's pages.
    organisation_id, owner_token = st.session_state.get(NEW_OWNER_TOKEN, (None, None))
    if owner_token and organisation_id == cur.visitor.organisation_id:
        with st.container(border=True):
            st.markdown(f":material/domain: **{tr('ui.link_owner_title')}** – "
                        f"{tr('ui.link_owner_text')}")  # fmt: skip
            st.code(link(owner_token, "organisation"), language=None, wrap_lines=True)


def round_caption(cur: Current) -> None:
    """One line naming the organisation and round (user text, shown as plain text)."""
    st.text(f"{cur.details.organisation.name} · {cur.details.label}")


_SCROLL_TOP = """<script>
const main = window.parent.document.querySelector('[data-testid="stMain"]');
if (main) { main.scrollTo({top: 0}); } else { window.parent.scrollTo({top: 0}); }
</script>"""


def scroll_to_top() -> None:
    """Start the next step at the top of the page (a fixed script, no user data)."""
    st.html(_SCROLL_TOP, unsafe_allow_javascript=True, width=1)


def further_dimensions_note(item: Item) -> str | None:
    """The line marking a statement that also addresses further dimensions of diversity."""
    if not item.further_dimensions:
        return None
    names = ", ".join(tr(f"common.diversity_{d}") for d in item.further_dimensions)
    return tr("common.further_dimensions", dimensions=names)


def institution_type_select(
    kinds: dict[str, str], key: str, placeholder: str = "ui.profile_kind_placeholder"
) -> str | None:
    """The institution type chosen from `kinds` (id -> label); None when there are no kinds."""
    if not kinds:
        return None
    return st.selectbox(
        tr("common.institution_type"),
        options=list(kinds),
        format_func=kinds.get,
        index=None,
        placeholder=tr(placeholder),
        help=tr("ui.profile_kind_help"),
        key=key,
    )
