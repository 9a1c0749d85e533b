"""An outlet that is an account on a platform (头条@云播大悟): the account is the outlet its
byline's reporters work for, not the platform; read off text written here."""
from __future__ import annotations

from pipeline.nlp import found

from .test_relations import members


def test_a_byline_of_an_account_on_a_platform_goes_to_the_account(analyse):
    text = "学校建成后移交政府管理运营。(来源:头条@云播大悟 特约记者 易荣波 通讯员 李新、张锋)"
    got = members(analyse, text, source="头条@云播大悟")
    assert {("易荣波", "云播大悟"), ("李新", "云播大悟"), ("张锋", "云播大悟")} <= {(p, o) for p, o, _ in got}
    assert not any("@" in o or o == "头条" for _, o, _ in got)
    orgs = {m.text for m in found(analyse(text, source="头条@云播大悟")) if m.label == "ORG"}
    assert "云播大悟" in orgs and not any("@" in o for o in orgs)
