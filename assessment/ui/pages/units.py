"""The units view: every unit of the organisation side by side, against the mean, as a heatmap."""

from assessment.ui.views.units import render

render()
