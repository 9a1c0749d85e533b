"""A place's mass organisations named by the level word alone (rules/org_level_bodies.txt)."""
from __future__ import annotations

from pipeline.entities import org_levels


def test_level_mass_bodies():
    text = "政协委员和县中华职教社负责人、市科协、县残联出席。"
    words = [(0, 4), (4, 5), (5, 6), (6, 11), (11, 14), (14, 15), (15, 16), (16, 18), (18, 19), (19, 20), (20, 22)]
    got = {m.text for m in org_levels.level_bodies(text, words)}
    assert {"县中华职教社", "市科协", "县残联"} <= got
