"""The operator page (only when an admin password is set): anonymous benchmark values."""

from assessment.ui.views.operator import render

render()
