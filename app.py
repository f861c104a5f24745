"""Vielfaltskompass: streamlit run app.py"""

from assessment.ui.navigation import run

run()
