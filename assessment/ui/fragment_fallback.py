"""A rerun request for a fragment the session does not know runs the whole page instead.

Streamlit drops a fragment rerun whose fragment this session has not registered, and with it
the widget values the browser sent. That happens when a tab reconnects to a restarted server:
the browser still shows the old page and names the answer list's fragment, while the new
session has not drawn that fragment yet. Dropping the request would lose the answer (DESIGN §9),
so it becomes a full run with the same widget values, which stores every value that differs
from the database. Automatic reruns (`run_every`) keep Streamlit's own behaviour.
"""

from __future__ import annotations

import functools
import logging

from streamlit.runtime.app_session import AppSession

_log = logging.getLogger(__name__)
_MARK = "_vk_unknown_fragment_runs_page"


def install() -> None:
    """Wrap `AppSession.request_rerun` once per process."""
    original = AppSession.request_rerun
    if getattr(original, _MARK, False):
        return

    @functools.wraps(original)
    def request_rerun(self: AppSession, client_state=None) -> None:
        if (
            client_state is not None
            and client_state.fragment_id
            and not client_state.is_auto_rerun
            and not self.has_fragment(client_state.fragment_id)
        ):
            _log.info("unknown fragment %s: the whole page runs", client_state.fragment_id)
            whole_page = type(client_state)()
            whole_page.CopyFrom(client_state)
            whole_page.ClearField("fragment_id")
            client_state = whole_page
        original(self, client_state)

    setattr(request_rerun, _MARK, True)
    AppSession.request_rerun = request_rerun
