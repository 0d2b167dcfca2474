"""Analyses: what several rules and the metrics read from one document, computed once per document
and memoised on the lint Context (gender coding, prose, dictionary share, apostrophe style)."""
