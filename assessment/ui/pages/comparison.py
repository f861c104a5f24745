"""The comparison page: two rounds side by side, item changes, what was done, the trend."""

from assessment.ui.views.comparison import render

render()
