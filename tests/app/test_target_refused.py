"""A target the database refuses is not left in its field: the field shows the stored one."""

from __future__ import annotations

from assessment.services import errors, planning
from tests.app.conftest import open_app


def test_a_refused_target_shows_the_stored_value_again(demo_token, monkeypatch):
    at = open_app(demo_token, "results.py")
    field = at.number_input[0]
    stored = field.value

    def refuse(*_args, **_kwargs):
        raise errors.StorageFailed("set target")

    monkeypatch.setattr(planning, "set_target", refuse)
    field.set_value(stored + 20 if stored <= 80 else stored - 20).run()
    assert not at.exception, at.exception
    assert at.number_input[0].value == stored
    assert at.error and "nicht erreichbar" in at.error[0].value
