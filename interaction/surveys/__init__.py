"""网上调查 (surveys): the questionnaire form, one response per respondent, results as SVG charts and tables."""
