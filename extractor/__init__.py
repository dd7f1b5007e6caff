"""extractor: structured, checkable claims from Chinese earnings news.

>>> from extractor import extract
>>> document = extract("亚马逊第四季度营收2134亿美元，同比增长14%。")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["extract", "extract_many"]

if TYPE_CHECKING:
    from extractor.extraction import extract, extract_many


def __getattr__(name: str) -> Any:
    # spaCy is imported on first use, so `extractor --help` and `extractor schema` start fast.
    if name in __all__:
        from extractor import extraction

        return getattr(extraction, name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
