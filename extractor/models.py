"""The claim contract (v1) as pydantic models: what every user of the tool receives.

Field names and closed value sets follow the contract exactly; `extractor schema` prints the JSON
Schema generated from `Document`. Validation rejects what cannot be right: an unknown metric or unit,
a malformed period, evidence whose text is not the slice of the original text it claims to be (checked
when the original is passed as validation context: `Document.model_validate(data, context={"text": t})`).
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from extractor.data import known_units


class Script(StrEnum):
    TRADITIONAL = "traditional"
    SIMPLIFIED = "simplified"
    MIXED = "mixed"
    NONE = "none"


class EntityType(StrEnum):
    COMPANY = "company"
    SEGMENT = "segment"
    PERSON = "person"
    PRODUCT = "product"
    ORGANIZATION = "organization"
    PLACE = "place"


class Metric(StrEnum):
    REVENUE = "revenue"
    GROSS_PROFIT = "gross_profit"
    OPERATING_INCOME = "operating_income"
    NET_INCOME = "net_income"
    EBITDA = "ebitda"
    EPS = "eps"
    EPS_DILUTED = "eps_diluted"
    GROSS_MARGIN = "gross_margin"
    OPERATING_MARGIN = "operating_margin"
    NET_MARGIN = "net_margin"
    CAPEX = "capex"
    OPEX = "opex"
    RND_EXPENSE = "rnd_expense"
    SEVERANCE = "severance"
    CASH_FLOW = "cash_flow"
    FREE_CASH_FLOW = "free_cash_flow"
    DIVIDEND = "dividend"
    BUYBACK = "buyback"
    MARKET_CAP = "market_cap"
    SHARE_PRICE = "share_price"
    MARKET_SHARE = "market_share"
    REVENUE_SHARE = "revenue_share"
    PROFIT_SHARE = "profit_share"
    RUN_RATE_REVENUE = "run_rate_revenue"
    BACKLOG = "backlog"
    USERS = "users"
    UNITS = "units"
    LAYOFFS = "layoffs"
    HEADCOUNT = "headcount"
    OTHER = "other"


class Qualifier(StrEnum):
    EXACT = "exact"
    APPROX = "approx"
    OVER = "over"
    UNDER = "under"
    UP_TO = "up_to"
    RANGE = "range"


class Status(StrEnum):
    ACTUAL = "actual"
    GUIDANCE = "guidance"
    ESTIMATE = "estimate"


class Basis(StrEnum):
    YOY = "yoy"
    QOQ = "qoq"
    MOM = "mom"
    VS_EXPECTATION = "vs_expectation"
    VS_PRIOR = "vs_prior"


class FindingKind(StrEnum):
    ARITHMETIC = "arithmetic"
    CONFLICT = "conflict"
    SUM = "sum"


PERIOD_PATTERN = re.compile(
    r"^(?:FY)?\d{4}(?:-(?:Q[1-4]|H[12]|9M|(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?))?$"
)

Offset = Annotated[int, Field(ge=0)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False)


class Evidence(_Model):
    """The clause that states a claim, as a slice of the original decoded input."""

    start: Offset
    end: Offset
    text: str

    @model_validator(mode="after")
    def _slice_matches(self, info: ValidationInfo) -> Evidence:
        start, end, text = self.start, self.end, self.text
        if len(text) != end - start:
            if end < start:
                raise ValueError(f"evidence end {end} is before its start {start}")
            raise ValueError(f"evidence text has {len(text)} characters, span has {end - start}")
        if info.context is None:  # validated without the original text: nothing more to check
            return self
        original = _context_text(info)
        if original is not None and original[start:end] != text:
            raise ValueError(f"evidence text {text!r} is not original[{start}:{end}]")
        return self


class Entity(_Model):
    """A named thing as written; checked against the original by the Document that holds it (one
    check per Document rather than a Python call per entity, of which an article has hundreds)."""

    text: str
    canonical: str | None
    type: EntityType
    start: Offset
    end: Offset


class Change(_Model):
    basis: Basis
    percent: float | None = None
    points: float | None = None
    amount: float | None = None
    qualifier: Qualifier = Qualifier.EXACT


def _known_unit(unit: str) -> str:
    if unit not in known_units():
        raise ValueError(f"unknown unit {unit!r}: use an ISO 4217 code, '%' or 'count'")
    return unit


def _period_shape(period: str) -> str:
    if not PERIOD_PATTERN.match(period):
        raise ValueError(
            f"period {period!r} is not of the form 2025, 2025-Q4, 2025-H1, 2025-9M, 2025-10, ..."
        )
    return period


def _ordered_range(value_range: tuple[float, float]) -> tuple[float, float]:
    if value_range[0] > value_range[1]:
        raise ValueError(f"value_range {value_range} has its low end above its high end")
    return value_range


# The checks sit inside the optional types, so that a field left None is accepted without a Python call.
Unit = Annotated[str, AfterValidator(_known_unit)]
PeriodLabel = Annotated[str, AfterValidator(_period_shape)]
ValueRange = Annotated[tuple[float, float], AfterValidator(_ordered_range)]


class ClaimFields(_Model):
    """The fields a claim and a gold claim share."""

    subject: str = Field(min_length=1)
    segment: str | None = None
    metric: Metric
    adjusted: bool = False
    period: PeriodLabel | None = None
    value: float | None = None
    value_range: ValueRange | None = None
    unit: Unit
    qualifier: Qualifier = Qualifier.EXACT
    changes: list[Change] = Field(default_factory=list)
    status: Status = Status.ACTUAL


class Claim(ClaimFields):
    """One stated numeric fact."""

    evidence: Evidence


class Finding(_Model):
    kind: FindingKind
    message: str
    claims: list[int]
    stated: float | None = None
    expected: float | None = None


class Document(_Model):
    """What the tool returns for one input text."""

    source: str | None = None
    script: Script
    entities: list[Entity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)

    @model_validator(mode="after")
    def _entities_match(self, info: ValidationInfo) -> Document:
        if info.context is None:  # validated without the original text: nothing to check
            return self
        original = _context_text(info)
        if original is None:
            return self
        for index, entity in enumerate(self.entities):
            start, end, text = entity.start, entity.end, entity.text
            if original[start:end] != text:
                raise ValueError(f"entities.{index}: entity text {text!r} is not original[{start}:{end}]")
        return self


def _context_text(info: ValidationInfo) -> str | None:
    context: Any = info.context
    if isinstance(context, dict):
        text = context.get("text")
        if isinstance(text, str):
            return text
    return None
