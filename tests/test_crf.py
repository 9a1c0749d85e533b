"""The entity model's tagger (pipeline/entities/crf.py) against pycrfsuite's on the same
model file: the same labels and the same confidences, bit for bit, through CRFsuite's C
lattice and through the numpy version; and the feature columns it reads against the
feature lists the model was trained on."""
from __future__ import annotations

import pytest

from pipeline import nlp as nlp_mod
from pipeline.entities import crf as crf_mod, features, model as model_mod, word_spans

TEXTS = [
    "3月5日，城南区教育局召开会议，局长王海平要求全区38所学校做好准备。东阿县刘集镇中心小学党支部书记李红梅介绍了经验。",
    "据齐鲁晚报·齐鲁壹点记者许光海报道，济南市槐荫区教体局联合匡山街道，在济南西站附近开展了“平安校园”活动。",
    # one sentence far longer than the sentence splitter's limit, without a semicolon in it
    "成都市锦官新城小学" + "和武侯区第一实验小学的老师们一起" * 25 + "来到华东师范大学参加培训。",
    "好",  # one character: BOS and EOS on the same character
    "阿迪力·阿布都赛买提说：“今年我们县新建了3所幼儿园，招收幼儿1,200名。”\n\n责任编辑：冯玉钰",
]


def _inputs(text: str):
    nlp = nlp_mod.load()
    doc = nlp.make_doc(text)
    doc.user_data["edu_text"] = text
    return word_spans(doc), nlp_mod.sentence_spans(text), {"authors": ["许光海"], "editor": "冯玉钰"}


def _pycrfsuite_spans(m: model_mod.EntityModel, text, words, context, sents):
    """What the entity model returned before: featurize, then pycrfsuite's tagger."""
    out = []
    for (a, _b), x in zip(sents, features.featurize(text, words, context, sents)):
        if not x:
            continue
        y = m.tagger.tag(x)
        for s, e, lab in model_mod.decode(y):
            out.append((a + s, a + e, lab, m.tagger.marginal(y[s], s)))
    return out


@pytest.mark.parametrize("native", [True, False], ids=["crfsuite-lattice", "numpy"])
def test_same_labels_and_confidences_as_pycrfsuite(native, monkeypatch):
    m = model_mod.load()
    if not native:
        monkeypatch.setattr(crf_mod, "native_lattice", lambda crf: None)
    else:
        assert crf_mod.native_lattice(m.crf) is not None  # the pinned pycrfsuite exposes CRFsuite's lattice
    found = 0
    for text in TEXTS:
        words, sents, ctx = _inputs(text)
        want = _pycrfsuite_spans(m, text, words, ctx, sents)
        got = m.spans(text, words, ctx, sents)
        assert got == want  # floats compared exactly
        found += len(got)
    assert found >= 10  # the texts do hold names: the comparison is not of empty lists


def test_columns_list_the_trained_features():
    for text in TEXTS:
        words, _sents, ctx = _inputs(text)
        chars, dense, sparse = features.columns(text, words, ctx)
        n = len(text)
        C = list(features.BOUNDS[:1] * 2) + list(chars) + list(features.BOUNDS[1:] * 2)
        rows = [[name + "".join(C[j + 2 + o] for o in offs) for name, offs in features.CHAR_FEATURES]
                + [name + values[j] for name, values in dense] for j in range(n)]
        for names, offsets, cells in sparse:
            for feat, off in zip(names, offsets):
                for i, v in sorted(cells.items()):
                    if 0 <= i - off < n:
                        rows[i - off].append(feat + v)
        rows[0].append("BOS")
        rows[-1].append("EOS")
        assert rows == features.featurize(text, words, ctx)[0]


def test_model_file_read_as_crfsuite_reads_it():
    m = model_mod.load()
    crf = m.crf
    assert set(crf.labels) == set(m.tagger.labels())
    assert len(crf.labels) == 13 and "O" in crf.labels
    # a feature the model knows, looked up by name and value
    assert crf.ids["c="] and crf.plain.keys() >= {"BOS", "EOS"}
