"""The app starts the results' warm-up once, after its first page is drawn."""

from __future__ import annotations

from assessment.ui import warmup
from tests.app.conftest import open_app


def test_the_first_page_starts_the_warm_up_and_later_runs_reuse_it(db_url, monkeypatch) -> None:
    monkeypatch.setattr(warmup, "_thread", None)
    at = open_app()
    assert not at.exception
    assert at.title[0].value == "Vielfaltskompass"
    thread = warmup._thread
    assert thread is not None
    at.run()
    assert warmup._thread is thread
    thread.join(timeout=120)
    assert not thread.is_alive()
