"""The app's own log: level from $VIELFALTSKOMPASS_LOG_LEVEL (default WARNING), to stderr."""

from __future__ import annotations

import logging
import os

LEVEL_ENV = "VIELFALTSKOMPASS_LOG_LEVEL"


def configure() -> None:
    """Send the `assessment` loggers to stderr at the configured level (once per process)."""
    root = logging.getLogger("assessment")
    if root.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    level = os.environ.get(LEVEL_ENV, "WARNING").upper()
    root.setLevel(level if level in logging.getLevelNamesMapping() else logging.WARNING)
