"""The organisation page: profile, every round, the next round, comparison and export."""

from assessment.ui.views.organisation import render

render()
