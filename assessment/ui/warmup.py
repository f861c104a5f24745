"""The core warm-up in a background thread: started once per server process.

The app calls `start` after a page has been drawn, so the first visitor's page does not wait
for it; a results view that comes while it runs waits only for what is not imported yet.
"""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger("assessment.ui")

#: The result pages' modules, imported before the core warm-up builds the demo's charts.
RESULT_VIEWS = (
    "assessment.ui.views.results",
    "assessment.ui.views.facilitator",
    "assessment.ui.plan_table",
)

_lock = threading.Lock()
_thread: threading.Thread | None = None


def start() -> threading.Thread:
    """Start the warm-up unless this process has started it already; returns its thread."""
    global _thread
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_run, name="vielfaltskompass-warmup", daemon=True)
            _thread.start()
        return _thread


def _run() -> None:
    try:
        for module in RESULT_VIEWS:
            importlib.import_module(module)
        from assessment import warmup
        from assessment.i18n import DEFAULT_LANG
        from assessment.ui.results_view import BARS_WIDTH

        seconds = warmup.warm(DEFAULT_LANG, BARS_WIDTH)
    except Exception:  # a failed warm-up costs only time: the first results view does the work
        log.warning("the warm-up of the results view failed", exc_info=True)
    else:
        log.debug("warm-up took %.1f ms", seconds * 1000)
