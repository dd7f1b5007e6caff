"""Gold files: one claim per JSONL line, the Claim fields plus `core`, evidence as text or a full span.

A malformed line stops the benchmark with `path:line: reason`, one line the command line prints as is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractor.matching import BenchClaim
from extractor.models import ClaimFields, Evidence


class GoldError(ValueError):
    """A malformed gold file; the message is `path:line: reason`."""


def load_gold(path: Path, article: str | None = None) -> list[BenchClaim]:
    """The gold claims of one JSONL file; evidence located in `article` when given."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}:0: cannot read ({getattr(error, 'strerror', None) or error})") from None
    claims = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                claims.append(_gold_claim(line, article))
            except ValueError as error:
                raise GoldError(f"{path}:{number}: {_reason(error)}") from None
    return claims


def _gold_claim(line: str, article: str | None) -> BenchClaim:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(data, dict):
        raise ValueError("a gold line must be a JSON object")
    core = data.pop("core", True)
    if not isinstance(core, bool):
        raise ValueError(f"core must be true or false, not {core!r}")
    evidence = data.pop("evidence", None)
    claim = ClaimFields.model_validate(data)
    text, span = _gold_evidence(evidence, article)
    return BenchClaim(claim=claim, evidence=text, span=span, core=core)


def _gold_evidence(evidence: Any, article: str | None) -> tuple[str, tuple[int, int] | None]:
    """Evidence given as text (located in the article when it occurs once) or as a full span."""
    if evidence is None:
        return "", None
    if isinstance(evidence, str):
        evidence = {"text": evidence}
    if not isinstance(evidence, dict) or not isinstance(evidence.get("text"), str):
        raise ValueError('evidence must be {"text": ...} or {"start": ..., "end": ..., "text": ...}')
    text = str(evidence["text"])
    if "start" in evidence or "end" in evidence:
        span = Evidence.model_validate(evidence, context={"text": article})
        return span.text, (span.start, span.end)
    if article is not None and article.count(text) == 1:
        start = article.index(text)
        return text, (start, start + len(text))
    return text, None


def _reason(error: ValueError) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "enum":  # pydantic lists every allowed value: too long for one line
            message = f"{first['input']!r} is not a value the claim contract allows here"
        return f"{where}: {message}" if where else message
    return str(error)
