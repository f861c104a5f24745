"""Results: overall score and stage, radar and bars, area table, targets, weak items."""

from assessment.ui.views.results import render

render()
