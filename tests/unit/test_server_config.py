"""The server settings a public-sector deployment relies on, and a favicon served locally."""

from __future__ import annotations

import tomllib

from assessment.ui import navigation
from tests.conftest import ROOT


def test_streamlit_config_hardens_the_server() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableXsrfProtection"] is True
    assert 0 < config["server"]["maxUploadSize"] <= 5  # MB; response files are small
    assert config["client"]["showErrorDetails"] == "none"
    assert config["browser"]["gatherUsageStats"] is False


def test_the_page_icon_is_a_file_of_the_app() -> None:
    assert navigation.ICON.is_file()
    assert navigation.ICON.read_bytes().startswith(b"\x89PNG")
