"""Claim assembly: numbers, periods, entities and metric terms linked into claims.

Sentence by sentence, each value (an amount with a unit, or a percentage) that has a metric and a
subject becomes a claim; each change joins the value it follows (营收2134亿美元，同比增长14%) or precedes
(下降23%至10亿美元), or stands as a claim of its own (广告业务增长22%). What a sentence leaves unsaid —
the company, the period, the currency of a bare 元 — is carried from the sentences before it.

The records built per sentence, entity, period or number are slotted dataclasses and not frozen ones,
which cost four times as much to build.
"""

from __future__ import annotations

import itertools
import operator
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, TypeVar

import regex
from pydantic import TypeAdapter

from extractor.assemble.link import (
    Named,
    SentenceView,
    Spot,
    attribution_end,
    counts,
    ends_item,
    find_change_metric,
    find_metric,
    find_status,
    find_subject,
    metric_kind,
    named,
    names_business_before,
    shared_by_each,
    spot,
)
from extractor.assemble.periods import (
    PeriodContext,
    StatedPeriod,
    ends_before,
    in_year,
    is_after,
    is_dated,
    is_day,
    looks_back,
    prior_year,
    quarter_ending,
)
from extractor.assemble.text import Sentence, split_sentences
from extractor.assemble.vocabulary import ValueKind, vocabulary
from extractor.data import home_currencies, market_currencies, yuan_countries
from extractor.entities.mentions import EntityMention, MetricMention
from extractor.models import Basis, Claim, EntityType, Metric, Qualifier, Status
from extractor.recognize.mentions import Mention, MentionKind, Period, RelativePeriod
from extractor.recognize.respective import respective_groups

__all__ = ["assemble"]

_MAGNITUDES = ("percent", "points", "amount")
_QUARTERS = {f"Q{number}": number for number in range(1, 5)}
_KIND_AND_PARENT = operator.attrgetter("type", "parent")
_MONTHS = {f"{number:02d}": number for number in range(1, 13)}
_Magnitudes = tuple[float | None, float | None, float | None]  # a change's percent, points and amount
_HAN_CHARACTER = regex.compile(r"\p{Han}")
_start = operator.attrgetter("start")

# Enum members compared with for every mention, bound once: looking a member up on its class costs
# about 90 ns in Python 3.11, more than the comparison itself.
_CHANGE = MentionKind.CHANGE
_PERIOD = MentionKind.PERIOD
_PERCENT = MentionKind.PERCENT
_AMOUNT = MentionKind.AMOUNT
_ACTUAL = Status.ACTUAL
_NAMING_LENGTH = 4  # Han characters before the metric that name something: more than 其中, 此外, 同期


@dataclass(slots=True)
class _Draft:
    """A claim being built: the value mention (None for a change alone) and the changes joined to it."""

    value: Mention | None
    changes: list[Mention]
    subject: str
    segment: str | None
    metric: MetricMention
    period: Period | None
    status: Status
    unit: str
    start: int
    end: int
    compared: bool = False  # its period is a point of comparison (较上一季的...)


@dataclass
class _State:
    """What carries from one sentence to the next."""

    periods: PeriodContext
    subject: str | None = None
    named: dict[str, None] = field(default_factory=dict)  # the companies named so far, the latest last
    segment: str | None = None
    currency: str | None = None
    local_currency: str | None = None
    home_currency: str | None = None
    claims: list[dict[str, Any]] = field(default_factory=list)
    stated: dict[tuple[str, Metric], list[_Draft]] = field(default_factory=dict)  # by subject and metric


def assemble(
    text: str,
    mentions: Sequence[Mention],
    entities: Sequence[EntityMention],
    metrics: Sequence[MetricMention],
) -> list[Claim]:
    """The claims `text` states; evidence spans index `text`."""
    period_mentions, changes, values = _by_kind(mentions)
    company_ends = {entity.end for entity in entities if entity.type is EntityType.COMPANY}
    periods = [_stated(text, mention, company_ends) for mention in _stated_periods(text, period_mentions)]
    report = _report_period(text, periods)
    calendar_year = next(
        (p.period.year for p in mentions if p.period is not None and p.period.year and not p.period.fiscal),
        None,
    )
    context = PeriodContext(report=report, current=report, calendar_year=calendar_year)
    periods = _anchor_days(periods, context)
    state = _State(
        context,
        local_currency=_home_currency(entities, yuan_countries()) or _first_local_currency(values),
        home_currency=_reporting_currency(entities),
    )
    sentences = split_sentences(text)
    starts = [sentence.start for sentence in sentences]
    ends = [sentence.end for sentence in sentences]
    by_entities = _by_sentence(
        _subsidiaries_as_businesses([named(e) for e in entities], starts), starts, ends
    )
    by_metrics = _by_sentence(metrics, starts, ends)
    by_periods = _by_sentence(periods, starts, ends)
    by_values = _by_sentence(values, starts, ends)
    by_changes = _by_sentence(changes, starts, ends)
    for index, sentence in enumerate(sentences):
        values, changes = by_values[index], by_changes[index]
        if not values and not changes:  # most sentences state no number: they only pass on what they name
            _carry(by_entities[index], by_periods[index], [], state)
            continue
        view = SentenceView(
            text,
            sentence,
            by_entities[index],
            by_metrics[index],
            by_periods[index],
            tuple(state.named),
            state.segment,
            attribution_end(text, sentence),
        )
        _assemble_sentence(view, values, changes, state)
    return _claims().validate_python(state.claims)


def _subsidiaries_as_businesses(entities: list[Named], sentence_starts: list[int]) -> list[Named]:
    """`entities`, a listed subsidiary of the story's company (its first) as one of that company's
    businesses (京东...京东物流收入为551亿元: JD.com's segment). A subsidiary named in the sentence that
    first names its parent (京东集团旗下的京东物流公布业绩) is a company of its own throughout: the
    story may be its."""
    first = next((e for e in entities if e.type is EntityType.COMPANY), None)
    if first is None or (EntityType.COMPANY, first.subject) not in set(map(_KIND_AND_PARENT, entities)):
        return entities  # no subsidiary of the first company: the pairs are collected without a loop
    opening = bisect_right(sentence_starts, first.start) - 1
    introduced = {
        e.name
        for e in entities
        if e.parent == first.subject and bisect_right(sentence_starts, e.start) - 1 == opening
    }
    return [
        Named(e.start, e.end, EntityType.SEGMENT, e.parent, e.name, e.parent, True)
        if e.type is EntityType.COMPANY and e.parent == first.subject and e.name not in introduced
        else e
        for e in entities
    ]


def _stated_periods(text: str, periods: list[Mention]) -> list[Mention]:
    """Periods less those that only spell out the one before them in brackets: 上半财年(2025年4月至9月)."""
    explained: set[int] = set()
    for index, period in enumerate(periods):
        opening = period.end
        if text[opening : opening + 1] not in ("(", "（"):
            continue
        closing = min((text.find(c, opening) for c in ")）" if text.find(c, opening) >= 0), default=-1)
        explained.update(i for i in range(index + 1, len(periods)) if periods[i].end <= closing)
    return [p for i, p in enumerate(periods) if i not in explained]


def _stated(text: str, mention: Mention, company_ends: set[int]) -> StatedPeriod:
    """A period mention with how the text uses it: as the base of a comparison (较上一季, 与去年同期持平,
    从2023年的...), or as the date something stands at (截至9月30日). Last quarter right after a
    company's name (微软上季营收) is the quarter the article reports on, the last one the company
    has closed; elsewhere (优于上季的58.6%) it is the quarter before that."""
    period = mention.period
    assert period is not None
    if period.relative is RelativePeriod.LAST_QUARTER and mention.start in company_ends:
        period = replace(period, relative=RelativePeriod.THIS_QUARTER)
    words = vocabulary()
    preceding = text[max(mention.start - 2, 0) : mention.start]
    comparison = looks_back(period) or preceding.endswith(words.comparison_markers)
    as_of = mention.text.startswith(words.as_of_markers) or preceding.endswith(words.as_of_markers)
    return StatedPeriod(mention.start, mention.end, mention.text, period, comparison, as_of)


def _anchor_days(periods: list[StatedPeriod], context: PeriodContext) -> list[StatedPeriod]:
    """Days named by reference (当日) or without their month (8日收在) dated from the last day the text
    named (10月9日公布...), not counting the dates that close a period (截至9月30日)."""
    anchored: list[StatedPeriod] = []
    last_day: Period | None = None
    for stated in periods:
        period = stated.period
        if period.day is not None or period.relative is RelativePeriod.SAME_DAY:
            if last_day is None or last_day.part is None:
                continue
            part = last_day.part if period.day is None else f"{last_day.part[:2]}-{period.day:02d}"
            last_day = Period(year=last_day.year, part=part)
            stated = replace(stated, period=last_day)
        elif is_day(period) and not stated.as_of:
            last_day = context.resolve(period)
        anchored.append(stated)
    return anchored


def _report_period(text: str, periods: list[StatedPeriod]) -> Period | None:
    """The period the article reports on: the first period with a year named as that of a results
    release (公布2024年全年业绩); else its first period with a year that is not a point of
    comparison (从2023年..., 较2024年同期) and not the date closing a period (截至2025年10月26日); a
    year, half, quarter or month before a day (a dateline: 2025-10-30 财联社...), which is taken only
    when the text gives no other; else the first such date closing a period (截至2025年10月31日), whose
    year is the only one the text gives."""
    dated = [stated for stated in periods if stated.period.year is not None and not stated.comparison]
    release = vocabulary().results_release
    released = next((stated.period for stated in dated if release.match(text, stated.end)), None)
    if released is not None:
        return released
    reported = [stated.period for stated in dated if not (stated.as_of and is_dated(stated.period))]
    if not reported:
        return dated[0].period if dated else None
    return next((period for period in reported if not is_day(period)), reported[0])


def _first_local_currency(values: list[Mention]) -> str | None:
    """The currency every bare 元 is read in when the first company named has no home market of 元:
    the first one written out (a Hong Kong story's 港元 share price does not turn its 人民币 results
    into 港元). A company's home market comes first: a headline's 800亿港元 buyback does not turn
    Tencent's results into 港元."""
    yuan_currencies = frozenset(yuan_countries().values())
    for value in values:
        if value.kind is MentionKind.AMOUNT and not value.implicit_unit and value.unit in yuan_currencies:
            return value.unit
    return None


def _home_currency(entities: Sequence[EntityMention], homes: dict[str, str]) -> str | None:
    """The home currency in `homes` of the first company named that has one: what a bare 元 means at
    home (a Taiwan company's is TWD), or what the company reports in."""
    return next((homes[e.country] for e in entities if e.country in homes), None)


def _reporting_currency(entities: Sequence[EntityMention]) -> str | None:
    """What the first company with a known currency reports in: its own (registry `currency`: HSBC
    reports in USD), else its home market's."""
    homes = home_currencies()
    for entity in entities:
        if entity.currency is not None:
            return entity.currency
        if entity.country in homes:
            return homes[entity.country]
    return None


def _by_kind(mentions: Sequence[Mention]) -> tuple[list[Mention], list[Mention], list[Mention]]:
    """The periods, changes and values (amounts and percentages) among `mentions`, in one pass; the
    recognizers report no value inside a change."""
    periods: list[Mention] = []
    changes: list[Mention] = []
    values: list[Mention] = []
    for mention in mentions:
        kind = mention.kind
        if kind is _CHANGE:
            changes.append(mention)
        elif kind is _PERIOD:
            if mention.period is not None:
                periods.append(mention)
        elif mention.value is not None:
            values.append(mention)
    return periods, changes, values


_Item = TypeVar("_Item", Mention, Named, MetricMention, StatedPeriod)


def _by_sentence(items: Sequence[_Item], starts: list[int], ends: list[int]) -> list[list[_Item]]:
    """`items` sorted into the sentences (given by their `starts` and `ends`) that hold them whole, in
    one pass: the recognizers and the entity finder give their mentions sorted by start, so the sentence
    of each item is found by moving on from the sentence of the one before, not by a search."""
    groups: list[list[_Item]] = [[] for _ in starts]
    if not groups:  # a text of separators alone holds no item
        return groups
    index, last = 0, len(starts) - 1
    for item in items:
        position = item.start
        while index < last and starts[index + 1] <= position:
            index += 1
        if starts[index] <= position and item.end <= ends[index]:
            groups[index].append(item)
    return groups


def _assemble_sentence(
    view: SentenceView, values: list[Mention], changes: list[Mention], state: _State
) -> None:
    """The claims of a sentence that states at least one value or change, added to `state`."""
    led_changes = _changes_leading_values(view, changes, values) if changes and values else {}
    period_overrides = _period_overrides(view, values, state) if len(values) >= 2 else {}
    items = sorted([*values, *changes], key=_start) if changes else values
    shares = _respective_shares(view, items) if len(items) >= 2 else {}
    # a list of changes stated respectively lies in one clause with its 分别: there it has shares
    respective = respective_groups(view.text, changes) if shares and len(changes) >= 2 else {}
    leading = {id(change) for chain in led_changes.values() for change in chain} if led_changes else set()
    drafts: list[_Draft] = []
    for item in items:
        if item.kind is _CHANGE:
            if id(item) in leading:
                continue
            listed = respective.get(id(item)) if respective else None
            if listed is not None and _handed_out(listed, values, drafts):
                leading.update(id(change) for change in listed)
                continue
            expecting = _expecting(view, item, drafts)
            if expecting is not None:
                drafts.append(_expected_draft(view, item, expecting, drafts[-1], state))
                continue
            _place_change(view, item, drafts, state, shares.get(id(item)) if shares else None)
            continue
        _remember_currency(item, state)
        here = spot(view, item.start)
        expected = _expected_rate(view, item, here, drafts)
        if expected is not None:
            drafts.append(_expected_draft(view, expected, here, drafts[-1], state))
            continue
        rate = _parallel_rate(view, item, here, changes)
        if rate is not None:
            _place_change(view, rate, drafts, state)
            continue
        previous = drafts[-1] if drafts else None
        draft = _value_draft(
            view,
            item,
            here,
            state,
            period_overrides.get(id(item)) if period_overrides else None,
            previous,
            shares.get(id(item)) if shares else None,
        )
        if draft is not None:
            led = led_changes.get(id(item))
            if led is not None:
                draft.changes.extend(led)
                draft.start = min([draft.start, *(view.sentence.clause_start(c.start) for c in led)])
            shared = shared_by_each(view, here)
            drafts.extend([replace(draft, segment=segment) for segment in shared] if shared else [draft])
    for draft in drafts:
        if draft.changes and view.periods and any(change.basis is None for change in draft.changes):
            draft.changes = [
                _with_compared_basis(view, change, draft.period, state) for change in draft.changes
            ]
        state.claims.append(_claim(view, draft))
        state.stated.setdefault((draft.subject, draft.metric.metric), []).append(draft)
    _carry(view.entities, view.periods, drafts, state)


def _changes_leading_values(
    view: SentenceView, changes: list[Mention], values: list[Mention]
) -> dict[int, list[Mention]]:
    """Changes that lead into their value (同比下降23%至10亿美元; 上涨2.1%，报2980日元), keyed by the
    value's id."""
    led: dict[int, list[Mention]] = {}
    words = vocabulary()
    for change in changes:
        following = _first_from(values, change.end)
        if following is None:
            continue
        gap = view.text[change.end : following.start].strip()
        if gap in words.to_connectors or gap.lstrip("，,") in words.level_connectors:
            led.setdefault(id(following), []).append(change)
    return led


def _first_from(values: list[Mention], position: int) -> Mention | None:
    """The first of `values` (in text order) that starts at or after `position`."""
    for value in values:
        if value.start >= position:
            return value
    return None


def _period_overrides(view: SentenceView, values: list[Mention], state: _State) -> dict[int, Period | None]:
    """The periods a sentence of two values or more hands out to them itself, keyed by the value's id."""
    return _from_to_periods(view, values, state) | _distributed_periods(view, values, state)


def _from_to_periods(view: SentenceView, values: list[Mention], state: _State) -> dict[int, Period | None]:
    """从A增至B: B takes the sentence's period, A the period written with it, else the year before, or
    B's own period when A is a figure revised (此前, 上调)."""
    words = vocabulary()
    overrides: dict[int, Period | None] = {}
    if view.text.find(words.from_marker, view.sentence.start, view.sentence.end) < 0:
        return overrides
    for first, second in itertools.pairwise(values):
        gap = view.text[first.end : second.start].strip()
        clause_start = view.sentence.clause_start(first.start)
        marker = view.text.rfind(words.from_marker, clause_start, first.start)
        if marker < 0 or view.sentence.clause_start(second.start) != clause_start:
            continue
        if not any(gap.endswith(connector) for connector in words.to_connectors):
            continue
        own = [p for p in view.periods if marker <= p.start and p.end <= first.start]
        outer = [p for p in view.periods if p.end <= marker]
        later = state.periods.resolve(outer[-1].period) if outer else state.periods.current
        overrides[id(second)] = later
        if own:
            overrides[id(first)] = state.periods.resolve(own[-1].period)
        elif words.revision_words.search(view.text, marker, second.start) is not None:
            overrides[id(first)] = later  # 从此前的3.2万亿日元上调至3.4万亿日元: one period, revised
        else:
            overrides[id(first)] = prior_year(later) if later is not None else None
    return overrides


def _distributed_periods(
    view: SentenceView, values: list[Mention], state: _State
) -> dict[int, Period | None]:
    """分别 hands the values after it (two or more) out over the periods before it, in order."""
    overrides: dict[int, Period | None] = {}
    for word in vocabulary().distributive.finditer(view.text, view.sentence.start, view.sentence.end):
        position = word.start()
        clause_start = view.sentence.clause_start(position)
        listed = [
            v for v in values if v.start > position and view.sentence.clause_start(v.start) == clause_start
        ]
        periods = [p for p in view.periods if p.end <= position]
        if len(listed) >= 2 and len(periods) >= len(listed):
            for value, period in zip(listed, periods[-len(listed) :], strict=True):
                overrides[id(value)] = state.periods.resolve(period.period)
    return overrides


@dataclass(frozen=True, slots=True)
class _Share:
    """What a value or change listed after 分别 takes of the lists before it: the `index`-th of `count`
    companies, business lines or metric terms (台积电与联电营收分别为3000亿元和200亿元)."""

    index: int
    count: int
    metric: MetricMention | None  # the metric term of the same place, when as many are listed

    def names_at(self, view: SentenceView, here: Spot) -> Spot:
        """Where its names are read: at its own metric term when each item has one (茅台酒收入和系列酒收入
        分别为...: 系列酒 is the second item's), else at the number."""
        return here if self.metric is None else spot(view, self.metric.end)

    def own(self, names: str | None) -> str | None:
        """Its own name of names listed jointly ("TSMC, UMC"), when there are as many."""
        if names is None:
            return None
        listed = names.split(", ")
        return listed[self.index] if len(listed) == self.count else names


def _respective_shares(view: SentenceView, items: list[Mention]) -> dict[int, _Share]:
    """分别 hands the values or changes listed after it in its clause out over as many companies,
    business lines or metric terms listed before it, in order (营业收入和净利润分别为1950亿元和78亿元),
    keyed by the item's id."""
    shares: dict[int, _Share] = {}
    sentence = view.sentence
    for word in vocabulary().distributive.finditer(view.text, sentence.start, sentence.end):
        position = word.start()
        clause_start = sentence.clause_start(position)
        listed = [i for i in items if i.end > position and sentence.clause_start(i.start) == clause_start]
        terms = [m for m in view.metrics if clause_start <= m.start and m.end <= position]
        count = len(listed)
        if count >= 2:
            for index, item in enumerate(listed):
                metric = terms[index] if len(terms) == count else None
                shares[id(item)] = _Share(index, count, metric)
    return shares


def _handed_out(listed: list[Mention], values: list[Mention], drafts: list[_Draft]) -> bool:
    """Whether changes stated respectively went each to the figure in its place among as many figures
    just before them (营业收入和净利润分别为1950亿元和78亿元，同比分别下降3.1%和32.6%). A figure that
    is no claim (面积653.1万平方米) keeps its change from the others."""
    figures = [value for value in values if value.end <= listed[0].start][-len(listed) :]
    if len(figures) < len(listed):
        return False
    by_value = {id(draft.value): draft for draft in drafts if draft.value is not None}
    for figure, change in zip(figures, listed, strict=True):
        draft = by_value.get(id(figure))
        if draft is not None:
            draft.changes.append(change)
            draft.end = max(draft.end, change.end)
    return True


def _period_before(here: Spot, state: _State, metric: Metric) -> tuple[Period | None, bool]:
    """The nearest period before a number in its sentence, else the one the text last spoke of (for a
    payout declared with results, the period of the results). A point of comparison (较上一季的0.4兆)
    holds only within its clause; a figure of a point in time (a share price) takes only a day or month
    of its own sentence. The flag tells a point of comparison."""
    words = vocabulary()
    if metric in words.point_in_time_metrics:
        dated = [p for p in here.periods if is_dated(p.period)]
        return (state.periods.resolve(dated[-1].period) if dated else None), False
    chosen = _nearest_period(here)
    if chosen is None:
        if metric in words.declared_metrics and state.periods.report is not None:
            return state.periods.report, False
        return state.periods.current, False
    period = state.periods.resolve(chosen.period)
    if period is not None and chosen.as_of:
        period = quarter_ending(period)
    return period, chosen.comparison


def _nearest_period(here: Spot) -> StatedPeriod | None:
    """The last period before a number, less points of comparison in earlier clauses."""
    for stated in reversed(here.periods):
        if stated.start >= here.clause_start or not stated.comparison:
            return stated
    return None


def _outlook_period(here: Spot, period: Period | None, state: _State) -> Period | None:
    """The period of an outlook or estimate: a quarter or half written without its year that would have
    ended before the report is next year's (第一季度营收指引 in a report on the fourth quarter)."""
    chosen = _nearest_period(here)
    if period is None or period.year is None or chosen is None:
        return period
    if chosen.period.year is not None or chosen.period.relative is not None:
        return period
    if not ends_before(period, state.periods.report):
        return period
    return in_year(period, period.year + 1, period.fiscal)


def _reported(period: Period | None, state: _State) -> bool:
    """Whether a period has closed by the report: it does not start after the reported one."""
    report = state.periods.report
    return period is not None and report is not None and not is_after(period, report)


def _looks_back_at(here: Spot) -> bool:
    """Whether a number's period is one the text looks back to (上年的, 去年同期的, 上一季的)."""
    chosen = _nearest_period(here)
    return chosen is not None and looks_back(chosen.period)


def _attribute(
    view: SentenceView,
    here: Spot,
    state: _State,
    previous: _Draft | None,
    metric: MetricMention | None = None,
) -> tuple[str | None, str | None]:
    """Subject and segment: those named in the number's clause, else those named in the earlier clause
    of its metric term (服务营收创新高，达287.5亿美元), else those of the sentence's claim before it when
    the clause goes on with it (营业利润125亿美元，同比增长18%，营业利润率35.0%; 手机方面，MX部门营收341亿，
    营业利益36亿; past the end of a list item, not a business line it named itself), else the
    sentence's topic, else the company the text last spoke of."""
    subject, segment, in_clause = find_subject(view, here)
    if not in_clause and metric is not None and metric.start < here.clause_start:
        named = find_subject(view, spot(view, metric.end))
        if named[2]:
            subject, segment, in_clause = named
    if not in_clause and previous is not None:
        first = _first_metric(view, here)
        if _names_own_line(view, here, first):
            return previous.subject, None  # 新业务收入 (a line the registry lacks), 公司总营收
        if _opens_with_metric(view, here, first):
            if ends_item(view.text, previous.end, here.clause_start) and _names_segment(view, previous):
                # a new item: the line the last one named is not this one's (…；有道净收入为…)
                return previous.subject, None if segment == previous.segment else segment
            return previous.subject, previous.segment
        if segment is None:
            return previous.subject, None
    subject = subject or (previous.subject if previous is not None else None) or state.subject
    return subject, segment


def _names_segment(view: SentenceView, draft: _Draft) -> bool:
    """Whether the claim of `draft` names its business line itself (其中iPhone营收...), rather than
    taking it from the sentence's topic or a reference (该分部收入...)."""
    return draft.segment is not None and any(
        entity.segment_like and entity.name == draft.segment and draft.start <= entity.start < draft.end
        for entity in view.entities
    )


def _opens_with_metric(view: SentenceView, here: Spot, first: MetricMention | None) -> bool:
    """Whether a clause goes straight to its metric or number (营业利润率35.0%, 同比增长18%): it then
    continues the claim before it; a clause that first names something the registry does not know
    (影像与传感解决方案部门营收...) is about that, not about the business line before it. `first` is
    the clause's first metric term (`_first_metric`)."""
    clause_start, first_metric = here.clause_start, here.position if first is None else first.start
    opening = view.text[clause_start:first_metric]
    for period in view.periods:
        if clause_start <= period.start and period.end <= first_metric:
            opening = opening.replace(period.text, "")
    if _names_nothing(opening):  # taking words out leaves fewer Han characters still
        return True
    words = vocabulary()
    return _names_nothing(words.continuation_words.sub("", words.estimate_cues.sub("", opening)))


def _names_own_line(view: SentenceView, here: Spot, first: MetricMention | None) -> bool:
    """Whether a clause speaks, before its first metric term `first`, of a business line the registry
    does not know (香水与化妆品部门营收, 新业务收入) or of the whole company (公司总营收, 集团收入,
    合并营收): it is about that, not about the line an earlier clause named."""
    if first is None:
        return False
    words = vocabulary()
    opening = view.text[here.clause_start : first.start].rstrip()
    suffixes = words.business_unit_suffixes
    return (
        (opening.endswith(suffixes) and opening not in suffixes)  # 分部经营收益 names no line
        or first.text.startswith(words.whole_company_terms)
        or words.company_self_words.search(opening) is not None
    )


def _first_metric(view: SentenceView, here: Spot) -> MetricMention | None:
    """The first metric term of a number's clause, before the number."""
    clause_start, position = here.clause_start, here.position
    return next((m for m in view.metrics if clause_start <= m.start < position), None)


def _names_nothing(text: str) -> bool:
    """Whether `text` has fewer Han characters than a name takes; a text that short is not scanned."""
    return len(text) < _NAMING_LENGTH or len(_HAN_CHARACTER.findall(text)) < _NAMING_LENGTH


def _value_draft(
    view: SentenceView,
    value: Mention,
    here: Spot,
    state: _State,
    period_override: Period | None,
    previous: _Draft | None,
    share: _Share | None,
) -> _Draft | None:
    metric = (share and share.metric) or find_metric(view, value, here)
    if metric is None:
        return None
    names_at = _share_holder(view, here, metric) if share is None else share.names_at(view, here)
    subject, segment = _attribute(view, names_at, state, previous, metric)
    if share is not None:
        subject, segment = share.own(subject), share.own(segment)
    if subject is None:
        return None
    if value.kind is _AMOUNT and value.value is not None and value.value > 0 and _names_loss(metric):
        value = _as_loss(value)
        if metric.text in vocabulary().loss_words and previous is not None:
            metric = _loss_referred(metric, previous, subject)
    period, compared = _period_before(here, state, metric.metric)
    if period_override is not None:
        period, compared = period_override, False
    start = min(
        here.clause_start,
        view.sentence.clause_start(metric.start) if metric.end <= value.start else value.start,
    )
    status = _status(view, here, period, state, metric.metric)
    if status is not _ACTUAL:
        if compared and (_looks_back_at(here) or _reported(period, state)):
            # 预计...，但仍低于上年的4.8万亿日元; 较2025年的22亿元: a past figure is no one's outlook
            status = _ACTUAL
        else:
            period = _outlook_period(here, period, state)
    if not here.periods:
        earlier = _stated_before(state, subject, metric.metric, value)
        if earlier is not None:
            period, status = earlier.period, earlier.status
    unit = _unit(value, metric.metric, state)
    if value.implicit_unit:  # a share price in a bare 元 is in the currency of the market quoted
        unit = _market_unit(view, value.start, metric.metric) or unit
    return _Draft(
        value,
        [],
        subject,
        segment,
        metric,
        period,
        status,
        unit,
        start,
        value.end,
        compared,
    )


def _share_holder(view: SentenceView, here: Spot, metric: MetricMention) -> Spot:
    """Where the names of a share are read: before its 占, which the whole it is a share of follows
    (3纳米制程出货占晶圆销售金额的23% is the 3nm node's share, not the wafers')."""
    if metric.metric not in vocabulary().share_metrics:
        return here
    verb = vocabulary().share_verbs.search(view.text, here.clause_start, here.position)
    return here if verb is None else spot(view, verb.start())


def _names_loss(metric: MetricMention) -> bool:
    """Whether a metric term names a loss (经营亏损, 亏损幅度), whose amounts are negative."""
    return vocabulary().loss_terms.search(metric.text) is not None


def _as_loss(value: Mention) -> Mention:
    """An amount of a loss written without its sign: the same amount, negative."""
    assert value.value is not None
    ends = value.value_range
    negative_range = None if ends is None else (-ends[1], -ends[0])
    return replace(value, value=-value.value, value_range=negative_range)


def _loss_referred(metric: MetricMention, previous: _Draft, subject: str) -> MetricMention:
    """A bare loss word (亏损幅度) as the metric of the loss the claim before it stated, when that claim,
    of the same company, stated one (经营亏损44.6亿美元)."""
    earlier = previous.value
    if previous.subject != subject or earlier is None or earlier.value is None or earlier.value >= 0:
        return metric
    return replace(metric, metric=previous.metric.metric, adjusted=previous.metric.adjusted)


def _stated_before(state: _State, subject: str, metric: Metric, value: Mention) -> _Draft | None:
    """The claim an amount repeats when its sentence names no period (亚马逊2000亿美元的资本开支中...,
    after 预计2026年资本支出约2000亿美元): the same subject, metric and value stated earlier."""
    if value.value is None:
        return None
    for draft in reversed(state.stated.get((subject, metric), [])):
        if draft.value is not None and draft.value.value == value.value:
            return draft
    return None


def _status(view: SentenceView, here: Spot, period: Period | None, state: _State, metric: Metric) -> Status:
    """Guidance, an estimate or an actual figure, from the cues before the number; a figure of a period
    after the one reported is guidance. A share price or market value is never the company's guidance
    (受指引提振，股价上涨2%: the cue is the cause of the move), nor a future figure for being dated after
    the report: it is what the market did."""
    status = find_status(view, here)
    if metric in vocabulary().point_in_time_metrics:
        return _ACTUAL if status is Status.GUIDANCE else status
    if status is _ACTUAL and period is not None and is_after(period, state.periods.report):
        achieved = vocabulary().achieved_verbs.search(view.text, here.clause_start, here.position)
        return _ACTUAL if achieved else Status.GUIDANCE  # 2025年前三季度实现营收: a result all the same
    return status


def _place_change(
    view: SentenceView,
    change: Mention,
    drafts: list[_Draft],
    state: _State,
    share: _Share | None = None,
) -> None:
    """Join a change to the claim it follows, or make it a claim of its own."""
    if drafts and share is None:
        target = _change_target(view, drafts)
        if _continues(view, target, change):
            target.changes.append(change)
            target.end = max(target.end, change.end)
            return
    here = spot(view, change.start)
    metric = (share and share.metric) or find_change_metric(view, change, here)
    if metric is None and names_business_before(view, here):
        moved = Metric.SHARE_PRICE if _moves_price(here, change) else Metric.REVENUE
        metric = MetricMention(change.start, change.start, "", moved)
    if metric is None:
        return
    count = _count_of(change)
    if count is not None and not counts(view.text, count, metric):
        return  # 削减100个门店 cuts no jobs
    names_at = here if share is None else share.names_at(view, here)
    subject, segment = _attribute(view, names_at, state, drafts[-1] if drafts else None)
    if share is not None:
        subject, segment = share.own(subject), share.own(segment)
    if subject is None:
        return
    base = _compared_period(view, change) if view.periods else None  # 较2024年增长5% is no claim on 2024
    period, compared = _period_before(here if base is None else spot(view, base.start), state, metric.metric)
    start = view.sentence.clause_start(metric.start) if metric.start < change.start else here.clause_start
    status = _status(view, here, period, state, metric.metric)
    if status is _ACTUAL and vocabulary().guidance_cues.search(view.text, change.start - 1, change.end):
        status = Status.GUIDANCE  # the change names an outlook itself (增长预期上调至5%), or with 估 (估季增)
    if status is not _ACTUAL:
        period = _outlook_period(here, period, state)
    if count is not None and metric.metric in vocabulary().cut_metrics:  # 裁减约1.4万个职位: 14,000 layoffs
        drafts.append(_Draft(count, [], subject, segment, metric, period, status, "count", start, change.end))
        return
    unit = (
        _change_unit(change)
        or _market_unit(view, change.start, metric.metric)
        or _unit(None, metric.metric, state)
    )
    drafts.append(
        _Draft(None, [change], subject, segment, metric, period, status, unit, start, change.end, compared)
    )


def _moves_price(here: Spot, change: Mention) -> bool:
    """Whether a change right after a company's name is a move of its share price (寒武纪上涨6.3%),
    not of its business (广告业务增长22%)."""
    return here.entities[-1].type is EntityType.COMPANY and change.text.startswith(vocabulary().price_moves)


def _change_unit(change: Mention) -> str | None:
    """The currency a change of an amount writes out (市值蒸发4000亿美元), which its claim is counted in."""
    if change.amount is None or change.implicit_unit or change.unit in (None, "count"):
        return None
    return change.unit


def _count_of(change: Mention) -> Mention | None:
    """The size of a change of a count (减约1.4万个) as an amount, or None for any other change."""
    if change.unit != "count" or not change.amount:
        return None
    return Mention(
        _AMOUNT, change.start, change.end, change.text, abs(change.amount), None, "count", change.qualifier
    )


def _complementary(first: Sequence[float | None], second: _Magnitudes) -> bool:
    """Two parts of one change: a percentage and an amount (下跌15元，跌幅1%). Written out for the three
    magnitudes: a generator over them costs more than the comparisons."""
    (percent, points, amount), (other_percent, other_points, other_amount) = first, second
    return (
        (percent is None or other_percent is None)
        and (points is None or other_points is None)
        and (amount is None or other_amount is None)
    )


def _magnitudes(change: Mention) -> _Magnitudes:
    return change.percent, change.points, change.amount


def _parallel_rate(view: SentenceView, value: Mention, here: Spot, changes: list[Mention]) -> Mention | None:
    """A bracketed percentage after a name, in a clause that gave a growth rate the same way
    (AWS的营收增速(24%)不及Azure(39%)): that name's growth rate, as a change."""
    if value.kind is not _PERCENT or view.text[value.start - 1 : value.start] not in ("(", "（"):
        return None
    led_by_rate = [
        c
        for c in changes
        if here.clause_start <= c.start
        and c.end <= value.start
        and c.text.rstrip("%0123456789.")[-1:] in "(（"
    ]
    named = any(e.end == value.start - 1 for e in here.entities if e.subject is not None)
    if not led_by_rate or not named:
        return None
    return _rate_like(value, led_by_rate[-1])


def _expected_rate(view: SentenceView, value: Mention, here: Spot, drafts: list[_Draft]) -> Mention | None:
    """A percentage an expectation holds (优于公司先前预期的约30%), in a clause naming no metric, after a
    claim that stated a growth rate (年增率可望达35%左右): that growth rate as expected, a change."""
    if value.kind is not _PERCENT or not drafts or not drafts[-1].changes:
        return None
    if not view.text.endswith(vocabulary().expectation_possessives, here.clause_start, value.start):
        return None
    model = drafts[-1].changes[-1]
    if model.percent is None or here.names_metric():
        return None
    return _rate_like(value, model)


def _expecting(view: SentenceView, change: Mention, drafts: list[_Draft]) -> Spot | None:
    """Where a change an expectation holds is (好于分析师预期的下降2%), in a clause naming no metric, after
    a claim: its place, for a claim of its own, or None for any other change. The expectation is not the
    claim's own change."""
    if not drafts or not view.text.endswith(vocabulary().expectation_possessives, 0, change.start):
        return None
    here = spot(view, change.start)
    return None if here.names_metric() else here


def _rate_like(value: Mention, model: Mention) -> Mention:
    """A percentage as a change on the basis of the growth rate `model` it parallels."""
    return Mention(
        MentionKind.CHANGE,
        value.start,
        value.end,
        value.text,
        basis=model.basis,
        percent=value.value,
        qualifier=value.qualifier,
    )


def _expected_draft(
    view: SentenceView, expected: Mention, here: Spot, model: _Draft, state: _State
) -> _Draft:
    """The claim of an expected growth rate: that of the claim stating the rate, with its own status."""
    status = _status(view, here, model.period, state, model.metric.metric)
    return replace(
        model, value=None, changes=[expected], status=status, start=here.clause_start, end=expected.end
    )


def _change_target(view: SentenceView, drafts: list[_Draft]) -> _Draft:
    """The claim a change may continue: the last one, unless that one only states what the figure
    before it is compared with (较去年同期的5.58美元, 高于分析师平均预估的48.9亿美元): then that figure."""
    last = drafts[-1]
    if len(drafts) < 2:
        return last
    before = drafts[-2]
    if before.metric.metric is not last.metric.metric or before.subject != last.subject:
        return last
    if _compared_after(view, before, last) or (
        last.status is Status.ESTIMATE and _opens_with_comparison(view, last)
    ):
        return before
    return last


def _compared_after(view: SentenceView, before: _Draft, last: _Draft) -> bool:
    """Whether the last number is of a period it is compared at, written after the number before it
    (…为5.01美元，较去年同期的5.58美元; not 从2024年的592亿美元增至777亿美元, whose period leads both)."""
    if not last.compared or before.value is None or last.value is None:
        return False
    low, high = before.value.end, last.value.start
    return any(low <= stated.start and stated.end <= high and stated.comparison for stated in view.periods)


def _opens_with_comparison(view: SentenceView, draft: _Draft) -> bool:
    """Whether the clause of a draft's number opens with a comparison (高于, 低于, 优于)."""
    if draft.value is None:
        return False
    start = view.sentence.clause_start(draft.value.start)
    return view.text.startswith(vocabulary().comparison_openers, start)


def _continues(view: SentenceView, draft: _Draft, change: Mention) -> bool:
    """A change continues the claim before it when nothing new (a name, a metric term) comes between,
    and the claim has no change on that basis yet."""
    magnitudes = _magnitudes(change)
    for joined in draft.changes:
        if joined.basis == change.basis and not _complementary(_magnitudes(joined), magnitudes):
            return False
    start, end = draft.end, change.start
    for entity in view.entities:
        if (
            start <= entity.start
            and entity.end <= end
            and (entity.subject is not None or entity.type is EntityType.SEGMENT)
        ):
            return False
    return not any(start <= m.start and m.end <= end for m in view.metrics)


def _claim(view: SentenceView, draft: _Draft) -> dict[str, Any]:
    """A claim's fields, validated with all the text's claims at once (`_claims`)."""
    value = draft.value
    metric = draft.metric.metric
    segment = draft.segment
    if segment is not None:
        segment = vocabulary().company_segment_names.get(draft.subject, {}).get(segment, segment)
    period = draft.period
    start, end = _trimmed(view.text, draft.start, _clause_end(view.sentence, draft.end))
    return {
        "subject": draft.subject,
        "segment": segment,
        "metric": metric,
        "adjusted": draft.metric.adjusted,
        "period": period.label() if period is not None else None,
        "value": value.value if value is not None else None,
        "value_range": value.value_range if value is not None else None,
        "unit": draft.unit,
        "qualifier": value.qualifier if value is not None else Qualifier.EXACT,  # a change keeps its own
        "changes": _changes(draft.changes, metric) if draft.changes else [],
        "status": draft.status,
        "evidence": {"start": start, "end": end, "text": view.text[start:end]},
    }


@cache
def _claims() -> TypeAdapter[list[Claim]]:
    """Claims validated from their fields in one call: cheaper than one model at a time."""
    return TypeAdapter(list[Claim])


def _unit(value: Mention | None, metric: Metric, state: _State) -> str:
    """The claim's unit: the value's own, a bare 元 read as the article's local currency, and for a
    change with no value the unit its metric is counted in."""
    if value is None:
        kind = vocabulary().metric_values.get(metric, ValueKind.ANY)
        if kind is ValueKind.PERCENT:
            return "%"
        if kind is ValueKind.COUNT:
            return "count"
        return state.currency or state.home_currency or state.local_currency or "CNY"
    if value.kind is _PERCENT:
        return "%"
    if value.unit is None and metric_kind(metric) is ValueKind.COUNT:
        return "count"
    if value.implicit_unit or value.unit is None:
        return state.local_currency or value.unit or "CNY"
    return value.unit


def _with_compared_basis(
    view: SentenceView, change: Mention, period: Period | None, state: _State
) -> Mention:
    """A change naming no basis with the basis of the period it is compared with right before it: the
    quarter before the claim's is quarter on quarter (第四季度营收与第三季度持平), the same period a year
    earlier year on year (较2024年增长5%)."""
    if change.basis is not None:
        return change
    compared = _compared_period(view, change)
    if compared is None:
        return change
    own = period or _stated_period_before(view, compared.start)
    if own is None:
        return change
    basis = _basis_between(own, state.periods.resolve(compared.period) or compared.period)
    return change if basis is None else replace(change, basis=basis)


def _compared_period(view: SentenceView, change: Mention) -> StatedPeriod | None:
    """The period a change is compared with, written right before it (与第三季度持平, 较2024年增长5%)."""
    words = vocabulary()
    for stated in reversed(view.periods):
        if stated.end <= change.start:
            linked = view.text[stated.end : change.start] in words.basis_period_links
            if linked and view.text.endswith(words.basis_period_markers, view.sentence.start, stated.start):
                return stated
            return None  # only the last period before the change can be compared with
    return None


def _stated_period_before(view: SentenceView, position: int) -> Period | None:
    """The last period written before `position` in the sentence."""
    before = [stated.period for stated in view.periods if stated.end <= position]
    return before[-1] if before else None


def _basis_between(own: Period, compared: Period) -> Basis | None:
    """Year on year when `compared` is the same part of the year before `own`; quarter on quarter or
    month on month when it is the quarter or month before. With a year left to context on either side,
    the parts alone tell (与第3季持平 in a story on the fourth quarter)."""
    year, other_year = own.year, compared.year
    if own.part == compared.part:
        return Basis.YOY if year is None or other_year is None or other_year == year - 1 else None
    for parts, basis in ((_QUARTERS, Basis.QOQ), (_MONTHS, Basis.MOM)):
        if own.part in parts and compared.part in parts:
            number, count = parts[own.part], len(parts)
            if parts[compared.part] != (number - 2) % count + 1:  # not the one before
                return None
            first = number == 1  # the one before is in the year before
            return basis if year is None or other_year is None or other_year == year - first else None
    return None


def _market_unit(view: SentenceView, position: int, metric: Metric) -> str | None:
    """The currency of the stock market named last before `position` in the sentence (美股, 港股), for
    a share price or market value: what a move with no currency of its own is counted in."""
    if metric not in vocabulary().point_in_time_metrics:
        return None
    named = vocabulary().markets.findall(view.text, view.sentence.start, position)
    return market_currencies()[named[-1]] if named else None


def _remember_currency(value: Mention, state: _State) -> None:
    """The last currency written out, which a change with no value of its own is counted in."""
    if value.kind is not _AMOUNT or value.implicit_unit or value.unit in (None, "count"):
        return
    state.currency = value.unit


def _changes(changes: list[Mention], metric: Metric) -> list[dict[str, Any]]:
    """A claim's changes; those on one basis stated in parts (下跌15元，跌幅1%) as one change."""
    merged: list[dict[str, Any]] = []
    for change in changes:
        basis = change.basis if change.basis is not None else _default_basis(metric)
        magnitudes = _magnitudes(change)
        same = _completed(merged, basis, magnitudes) if merged else None
        if same is None:
            parts = dict(zip(_MAGNITUDES, magnitudes, strict=True))
            merged.append({"basis": basis, "qualifier": change.qualifier, **parts})
            continue
        for key, magnitude in zip(_MAGNITUDES, magnitudes, strict=True):
            if same[key] is None:
                same[key] = magnitude
    return merged


def _default_basis(metric: Metric) -> Basis:
    """The basis of a change that names none: against the prior figure for a point in time (a share
    price), else the year before."""
    return Basis.VS_PRIOR if metric in vocabulary().point_in_time_metrics else Basis.YOY


def _completed(merged: list[dict[str, Any]], basis: Basis, magnitudes: _Magnitudes) -> dict[str, Any] | None:
    """The change on `basis` listed so far that a change of `magnitudes` is the other part of."""
    for fields in merged:
        if fields["basis"] is basis and _complementary(tuple(fields[key] for key in _MAGNITUDES), magnitudes):
            return fields
    return None


def _clause_end(sentence: Sentence, position: int) -> int:
    """The end of the clause holding the last character before `position`."""
    return sentence.clause_end(max(position - 1, sentence.start))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span `start:end` of `text` less the spaces at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _carry(
    entities: Sequence[Named], periods: Sequence[StatedPeriod], drafts: list[_Draft], state: _State
) -> None:
    """What the next sentence inherits: the subject of its first claim (the sentence's topic) and the
    period of its last actual one (an outlook's period is not the article's), else the last company and
    period named."""
    last_subject: str | None = None
    for entity in entities:
        if entity.subject is not None:
            last_subject = entity.subject
            state.named.pop(last_subject, None)
            state.named[last_subject] = None
        if entity.segment_like:
            state.segment = entity.name
    if drafts:
        state.subject = drafts[0].subject
        stated = [d.period for d in drafts if d.period is not None and not d.compared and d.status is _ACTUAL]
        if stated:
            state.periods.current = stated[-1]
        return
    if last_subject is not None:
        state.subject = last_subject
    for written in reversed(periods):
        if written.comparison:  # 自2023年初以来, 较去年同期: no period the text goes on about
            continue
        last = state.periods.resolve(written.period)
        if last is not None:
            state.periods.current = last
            return
