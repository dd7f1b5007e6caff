"""Helpers shared by the recognizer tests: run `recognize` on the normalized form of a sentence written
in either script and pick the mentions of one kind, with their surface in the original sentence."""

from __future__ import annotations

from extractor.normalize import normalize
from extractor.recognize import Mention, MentionKind, recognize


def mentions_of(sentence: str, kind: MentionKind) -> list[tuple[str, Mention]]:
    """(surface in the original sentence, mention) for every mention of `kind`."""
    normalized = normalize(sentence)
    found = []
    for mention in recognize(normalized.text):
        assert normalized.text[mention.start : mention.end] == mention.text
        if mention.kind is kind:
            found.append((normalized.original_slice(mention.start, mention.end), mention))
    return found


def only(sentence: str, kind: MentionKind, surface: str) -> Mention:
    """The one mention of `kind` whose original surface is `surface` (failing if absent)."""
    matching = [mention for text, mention in mentions_of(sentence, kind) if text == surface]
    surfaces = [text for text, _ in mentions_of(sentence, kind)]
    assert len(matching) == 1, f"{surface!r} not found once among {surfaces}"
    return matching[0]
