"""Scoring, product-test judgement and brand valuation: pure Python and numpy, no Qt."""
