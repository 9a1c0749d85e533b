"""Stage 7 - relations, each with the sentence that evidences it, how it was read
(``basis``) and whether the text states it or it is inferred (``confidence``):

* MEMBER_OF  Person -> Organization, with the role as written (member_of.py; bylines in
  bylines.py, posts with no organisation written in inferred_posts.py, author notes in
  author_notes.py);
* PART_OF    Organization -> Organization: units, campuses, members of school groups
  (part_of.py);
* IMPLEMENTS Organization -> Measure, from the organisation the sentence names as the
  actor (implements.py).

LOCATED_IN comes from the place stage (pipeline/places.py); ABOUT and ON_DATE from the
claims. The cue words are data: rules/relations.tsv and rules/roles.tsv.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..doc import found, text_of
from ..placeorgs import units_placed_with_parents
from . import author_notes, implements, member_of, part_of


class RelationExtractor:
    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        ms = sorted(found(doc), key=lambda m: m.start)
        entities = doc._.entities if doc._.entities is not None else {}
        rels = list(doc._.relations or [])
        rels += member_of.find(doc, text, ms, entities)
        rels += author_notes.find(doc, text, ms)
        rels += part_of.find(doc, text, ms, entities)
        rels += implements.find(doc, text, ms)
        rels += units_placed_with_parents(rels)    # a unit placed only by its organisation's place
        doc._.entities = entities
        doc._.relations = rels
        return doc


@Language.factory("edu_relations")
def make_relation_extractor(nlp: Language, name: str):
    return RelationExtractor()
