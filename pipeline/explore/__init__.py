"""The explorer: a static offline HTML site over a build (``python -m pipeline explore``)
and the side-by-side comparison of two places or organisations
(``python -m pipeline compare A B``)."""
