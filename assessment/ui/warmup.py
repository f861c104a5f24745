"""The core warm-up in a background thread: started once per server process.

The app calls `start` after a page has been drawn; the warm-up then waits until that run's
script thread has ended, so the first visitor's page does not wait for it (nor share the
interpreter with it). A results view that comes while it runs waits only for what is not
imported yet.
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

#: How long the warm-up waits for the run that started it to end (a run is short).
RUN_END_TIMEOUT_S = 10.0

_lock = threading.Lock()
_thread: threading.Thread | None = None


def start() -> threading.Thread:
    """Start the warm-up unless this process has started it already; returns its thread."""
    global _thread
    with _lock:
        if _thread is None:
            caller = threading.current_thread()
            _thread = threading.Thread(
                target=_run, args=(caller,), name="vielfaltskompass-warmup", daemon=True
            )
            _thread.start()
        return _thread


def _run(caller: threading.Thread) -> None:
    if caller is not threading.main_thread():  # a script run's thread ends with its run
        caller.join(timeout=RUN_END_TIMEOUT_S)
    try:
        for module in RESULT_VIEWS:
            importlib.import_module(module)
        from assessment import warmup
        from assessment.i18n import DEFAULT_LANG

        seconds = warmup.warm(DEFAULT_LANG)
    except Exception:  # a failed warm-up costs only time: the first results view does the work
        log.warning("the warm-up of the results view failed", exc_info=True)
    else:
        log.debug("warm-up took %.1f ms", seconds * 1000)
