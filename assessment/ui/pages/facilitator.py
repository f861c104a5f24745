"""Facilitator: invitation, live progress, the group's result, spread and discussion points."""

from assessment.ui.views.facilitator import render

render()
