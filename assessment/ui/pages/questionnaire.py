"""Questionnaire: one area per step; every answer and comment is saved when given."""

from assessment.ui.views.questionnaire import render

render()
