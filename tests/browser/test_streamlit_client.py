"""The load benchmark's light client speaks the app server's protocol (no browser needed).

tests/bench/bench_load.py drives a hundred participants through one server with this client;
if a Streamlit release changed the messages, the benchmark would measure nothing. So: one
answer through it is stored, a second one in the next area after the "next" button too.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from assessment.i18n import t
from assessment.questionnaire import load_catalogue
from tests.bench.streamlit_client import Session
from tests.browser.no_loss import new_round, stored_answers

pytestmark = pytest.mark.browser


async def answer_in_two_areas(url: str, token: str) -> tuple[dict[str, int], int, int]:
    """Answer the first statement of area 1 and of area 2; (chosen options, tracebacks, unsaved)."""
    session = await Session.open(url, f"t={token}", "questionnaire")
    chosen = {}
    try:
        for option in (2, 5):
            radio = session.find("radio", "answer_")[0]
            await session.choose(radio, radio.options[option])
            chosen[radio.key.removeprefix("answer_").rsplit("__r", 1)[0]] = option
            (following,) = session.find("button", label=t("ui.q_next", "de"))
            await session.click(following)
        return chosen, session.exceptions, len(session.find("button", "retry_"))
    finally:
        await session.close()


def test_answers_given_through_the_light_client_are_stored(server):
    q = load_catalogue()[("kmu", "1.0")]
    token = new_round(server.db_url, q, "Protokollprobe")
    # In a thread of its own: the session's synchronous Playwright may own this thread's loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        run = pool.submit(asyncio.run, answer_in_two_areas(server.url, token))
        chosen, tracebacks, unsaved = run.result(timeout=120)
    first, second = (area.items[0].id for area in q.dimensions[:2])
    assert chosen == {first: 2, second: 5}
    assert stored_answers(server.db_url, token) == chosen
    assert (tracebacks, unsaved) == (0, 0)
