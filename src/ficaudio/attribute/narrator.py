"""The first-person narrator's name, learnt from how the other characters address them."""

from __future__ import annotations

from collections import Counter

from ficaudio.attribute.document import Document
from ficaudio.attribute.resolve import FIRST_PERSON_NAME
from ficaudio.attribute.rules import Decision, vocatives_in


def name_first_person(doc: Document, decisions: dict[int, Decision]) -> dict[str, str]:
    """``{"I": name}`` when others keep addressing someone the narration never calls by name.

    Example: in a story told as ``I said``, quotations by others such as ``"Pip, come here"``
    and ``"Well, Pip?"`` while ``Pip`` is never the subject of a narration sentence -> the
    narrator is Pip. Returns ``{}`` when there is no such name.
    """
    if not any(d.speaker == FIRST_PERSON_NAME for d in decisions.values()):
        return {}
    addressed: Counter = Counter()
    for index, decision in decisions.items():
        if decision.speaker != FIRST_PERSON_NAME:
            addressed.update(set(vocatives_in(doc, doc.segments[index].text)))
    subjects = Counter(m.person for p in doc.paragraphs for m in p.mentions if m.kind == "name" and m.subject)
    candidates = [(n, c) for n, c in addressed.most_common() if subjects[n] <= 1 and c >= 2]
    return {FIRST_PERSON_NAME: candidates[0][0]} if candidates else {}
