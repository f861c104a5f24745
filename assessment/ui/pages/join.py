"""Join a group session: by its join link or code; hands out the participant's own link."""

from assessment.ui.views.join import render

render()
