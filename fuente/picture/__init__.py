"""Timeline pictures: laying out and drawing dated rows as SVG or PNG. May import times and the
bottom layer.
"""
