"""Privacy notice (Datenschutzhinweis): what is stored, for how long, how to have it deleted."""

from assessment.ui.notice_page import show_notice

show_notice("privacy", "ui.nav_privacy")
