"""Legal notice (Impressum): the operator's text, or a default that asks them to provide it."""

from assessment.ui.notice_page import show_notice

show_notice("imprint", "ui.nav_imprint")
