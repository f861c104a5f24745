"""Vielfaltskompass: streamlit run app.py"""

from assessment.ui import fragment_fallback

fragment_fallback.install()  # first: a reconnected tab's first click may arrive during this run

from assessment import logs  # noqa: E402
from assessment.ui.navigation import run  # noqa: E402

logs.configure()
run()
