"""The PDF roadmap of a round (fpdf2, bundled Noto fonts; see fonts/OFL.txt)."""

from assessment.report.build import build_report

__all__ = ["build_report"]
