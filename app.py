"""Vielfaltskompass: streamlit run app.py"""

from assessment import logs
from assessment.ui.navigation import run

logs.configure()
run()
