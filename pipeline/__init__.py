"""edu-kg-pipeline: Chinese reports on schools and education bureaus -> a knowledge graph.

``pipeline.load(out_dir)`` reads a build folder back: typed pandas DataFrames of every table
and the NetworkX graph (see docs/schema.md).
"""


def load(out_dir="outputs", *, graph: bool = True):
    """The build in ``out_dir`` as a :class:`pipeline.loader.Outputs` (tables with pandas
    dtypes, ``graph`` a MultiDiGraph unless ``graph=False``)."""
    from .loader import load as _load
    return _load(out_dir, graph=graph)
