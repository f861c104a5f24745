"""The results' warm-up: core without Streamlit, started once per process, never fatal."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from assessment.ui import warmup as background
from tests.conftest import ROOT


@pytest.fixture
def fresh_process(monkeypatch):
    """As in a process that has not started the warm-up yet (restored afterwards)."""
    monkeypatch.setattr(background, "_thread", None)


def test_the_core_warm_up_loads_charts_and_the_report_without_streamlit() -> None:
    probe = (
        "import sys; from assessment import warmup; seconds = warmup.warm('de'); "
        "print(seconds > 0, *(name in sys.modules for name in ('streamlit', 'altair', 'fpdf')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.split() == ["True", "False", "True", "True"], result.stderr


def test_the_warm_up_starts_once_and_finishes(fresh_process, caplog) -> None:
    caplog.set_level(logging.DEBUG, logger="assessment.ui")
    thread = background.start()
    assert background.start() is thread
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert background.start() is thread  # done is not a reason to start again
    messages = [record.getMessage() for record in caplog.records]
    assert any(message.startswith("warm-up took") for message in messages), messages
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_failing_warm_up_is_logged_and_breaks_nothing(fresh_process, monkeypatch, caplog):
    from assessment import warmup as core

    def broken(lang: str) -> float:
        raise RuntimeError("no chart today")

    monkeypatch.setattr(core, "warm", broken)
    background.start().join(timeout=120)
    failures = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert [r.getMessage() for r in failures] == ["the warm-up of the results view failed"]
    assert "no chart today" in caplog.text
