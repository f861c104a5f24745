"""The report's sections, each drawn by one function `draw(pdf, content)`."""
