"""Linking rules: which subject, segment, metric and status a number in a sentence belongs to.

Chinese earnings prose puts the topic first: a company (or its segment), then the metric, then the
number. So each finder looks backwards from the number: first within its clause, then in the earlier
clauses of the sentence, then (for the subject) in the sentences before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from extractor.assemble.periods import StatedPeriod
from extractor.assemble.text import Sentence
from extractor.assemble.vocabulary import ValueKind, vocabulary
from extractor.entities.mentions import EntityMention, MetricMention
from extractor.models import EntityType, Metric, Status
from extractor.recognize.mentions import Mention, MentionKind
from extractor.recognize.patterns import qualifier_words

_ENUMERATION = frozenset("、和与及以等 ")
_CONJUNCTIONS = frozenset("、和与及")
_CLAUSE_MARKS = frozenset("，,；;。")
_BUSINESS_WORDS = frozenset("业务部门板块同比按年 ")  # what may stand between a business and its change
_LISTED_GAP = 8

# Enum members the finders compare with for every entity or number, bound once: looking a member up
# on its class costs about 90 ns in Python 3.11, more than the comparison itself.
_COMPANY = EntityType.COMPANY
_BUSINESS_LINES = frozenset({EntityType.SEGMENT, EntityType.PRODUCT})
_PERCENT = MentionKind.PERCENT


@dataclass(slots=True)
class SentenceView:
    """A sentence and what was found in it, each list in text order; `earlier_subjects` are the
    companies named before the sentence, the most recent last."""

    text: str
    sentence: Sentence
    entities: Sequence[Named]
    metrics: Sequence[MetricMention]
    periods: Sequence[StatedPeriod]
    earlier_subjects: tuple[str, ...] = ()
    last_segment: str | None = None
    attributed_from: int | None = None  # the end of analysts' view opening the sentence (法人预估，)


@dataclass(slots=True)
class Named:
    """An entity mention with what the linking asks of it, worked out once per text: its name (the
    canonical one, else as written), the company it names or belongs to when it can be a claim's
    subject, and whether it is a business line (a segment or product)."""

    start: int
    end: int
    type: EntityType
    parent: str | None
    name: str
    subject: str | None
    segment_like: bool


def named(entity: EntityMention) -> Named:
    """`entity` with its names: a segment or product of a known company has that company as subject."""
    name = entity.canonical or entity.text
    segment_like = entity.type in _BUSINESS_LINES
    subject = name if entity.type is _COMPANY else None
    if segment_like and entity.parent is not None:
        subject = entity.parent
    return Named(entity.start, entity.end, entity.type, entity.parent, name, subject, segment_like)


# Whose a number is: the subject company and segment, and whether its own clause named them. A plain
# tuple: a dataclass costs about four times as much to build, and each number gets one.
Attribution = tuple[str | None, str | None, bool]


@dataclass(slots=True)
class Spot:
    """Where a number stands in its sentence: its position, the start of its clause, and the entities,
    metric terms and periods that end before it, gathered once for all the finders."""

    position: int
    clause_start: int
    entities: list[Named]
    metrics: list[MetricMention]
    periods: list[StatedPeriod]

    def names_metric(self) -> bool:
        """Whether the number's own clause names a metric term before it."""
        return any(metric.start >= self.clause_start for metric in self.metrics)


def spot(view: SentenceView, position: int) -> Spot:
    """The number at `position` in `view` with what its sentence names before it."""
    return Spot(
        position,
        view.sentence.clause_start(position),
        [e for e in view.entities if e.end <= position],
        [m for m in view.metrics if m.end <= position],
        [p for p in view.periods if p.end <= position],
    )


def find_subject(view: SentenceView, here: Spot) -> Attribution:
    """The subject and segment of a number `here`: the nearest company (or a segment of a known
    company) before it in its clause, with a generic segment between them; else the sentence's topic,
    its first company. Companies listed together (亚马逊、微软和Meta) are one joint subject, and so are
    the companies a group of their number refers back to (三大云服务提供商)."""
    before, clause_start, position = here.entities, here.clause_start, here.position
    in_clause = before[_clause_opening(before, clause_start) :]
    segment: str | None = None
    for index in range(len(in_clause) - 1, -1, -1):
        entity = in_clause[index]
        if entity.subject is not None:
            if entity.type is not _COMPANY:
                joint = _joint_segment(view.text, in_clause[: index + 1])
                listed = _generic_listed(view.text, entity, in_clause[index + 1 :])
                return entity.subject, ", ".join([joint, *listed]) if listed else segment or joint, True
            name = _joint_subject(view.text, in_clause, index)
            return name, segment or _segment_of(in_clause[:index], name), True
        if entity.segment_like and segment is None:
            segment = _joint_segment(view.text, in_clause[: index + 1])  # 7纳米和5纳米: both
    group = _collective(view, clause_start, position, before)
    if group is not None:
        return group, segment, True
    segment = segment or _referred_segment(view, clause_start, position, before)
    named_here = segment is not None  # the sentence's topic segment is not named in the clause
    segment = segment or _topic_segment(view, before)
    topic = _first_subject(before)
    if topic is None:
        return None, segment, named_here
    if topic.type is not _COMPANY and segment is None:
        return topic.subject, topic.name, False
    return topic.subject, segment, named_here


def _clause_opening(entities: list[Named], clause_start: int) -> int:
    """The index of the first of `entities` in the clause starting at `clause_start`: entities come
    sorted by start, so those of the clause are the last ones, counted back from the end."""
    index = len(entities)
    while index and entities[index - 1].start >= clause_start:
        index -= 1
    return index


def _first_subject(entities: list[Named]) -> Named | None:
    """The first entity that can be a claim's subject: the sentence's topic."""
    for entity in entities:
        if entity.subject is not None:
            return entity
    return None


def _joint_segment(text: str, in_clause: list[Named]) -> str:
    """The last segment or product named, with those of the same company listed with it by a
    conjunction (Trainium和通用处理器Graviton), and the company itself when the list names brands
    (丰田与雷克萨斯品牌: its namesake brand)."""
    last = in_clause[-1]
    names = [last.name]
    following = last
    brands = text.startswith(vocabulary().brand_words, last.end)
    for entity in reversed(in_clause[:-1]):
        gap = text[entity.end : following.start]
        namesake = brands and entity.type is _COMPANY and entity.name == last.parent
        if not (namesake or (entity.segment_like and _same_company(entity, last))) or not _lists(gap):
            break
        names.insert(0, entity.name)
        following = entity
    return ", ".join(dict.fromkeys(names))


def _generic_listed(text: str, entity: Named, following: list[Named]) -> list[str]:
    """The generic business lines listed right after a company's line (AWS和广告业务)."""
    names: list[str] = []
    before = entity
    for other in following:
        if not other.segment_like or other.subject is not None or not _lists(text[before.end : other.start]):
            break
        names.append(other.name)
        before = other
    return names


def _same_company(entity: Named, other: Named) -> bool:
    """Whether two business lines can be one company's: the same company's, or either a generic line
    (AWS和广告业务)."""
    return entity.parent == other.parent or entity.parent is None or other.parent is None


def _lists(gap: str) -> bool:
    """Whether the text between two names lists them: a conjunction, then at most a short description."""
    return bool(gap) and gap[0] in _CONJUNCTIONS and len(gap) <= _LISTED_GAP and _CLAUSE_MARKS.isdisjoint(gap)


def _referred_segment(
    view: SentenceView, clause_start: int, position: int, before: list[Named]
) -> str | None:
    """The business line 该分部 or 该业务 refers back to: the last one named."""
    if vocabulary().segment_references.search(view.text, clause_start, position) is None:
        return None
    named = [e for e in before if e.segment_like]
    return (named[-1].name) if named else view.last_segment


def _topic_segment(view: SentenceView, before: list[Named]) -> str | None:
    """A business line the sentence made its topic: as a heading (智能手机业务方面，...) or as the
    subject of a copula (数据中心业务仍是英伟达最大的收入来源，...)."""
    markers = vocabulary().topic_markers
    for entity in before:
        if entity.segment_like:
            rest = view.text[entity.end : entity.end + 6].removeprefix("业务")
            if rest.startswith(markers):
                return entity.name
    return None


def _segment_of(before: list[Named], company: str) -> str | None:
    """A segment of `company` named before it in the clause (AWS为亚马逊贡献...)."""
    for entity in reversed(before):
        if entity.type is _COMPANY:
            return None
        if entity.segment_like and entity.parent == company:
            return entity.name
    return None


def _collective(view: SentenceView, clause_start: int, position: int, before: list[Named]) -> str | None:
    match = vocabulary().collective.search(view.text, clause_start, position)
    if match is None:
        return None
    words = vocabulary()
    size_word = match.group("size")
    size = int(size_word) if size_word.isdigit() else words.collective_sizes.get(size_word, 0)
    named = [*view.earlier_subjects, *(e.subject for e in before if e.subject is not None)]
    recent: list[str] = []
    for name in reversed(named):
        if name not in recent and ", " not in name:
            recent.append(name)
    if size < 2 or len(recent) < size:
        return None
    return ", ".join(reversed(recent[:size]))


def _joint_subject(text: str, in_clause: list[Named], index: int) -> str:
    following = in_clause[index]
    names = [following.name]
    for entity in reversed(in_clause[:index]):
        if entity.type is not _COMPANY:
            break
        gap = text[entity.end : following.start]
        if not gap or not _ENUMERATION.issuperset(gap):
            break
        names.insert(0, entity.name)
        following = entity
    return ", ".join(dict.fromkeys(names))


def value_kind(mention: Mention) -> ValueKind:
    """What a value is: a percentage, a count, money, or (a bare 35.4亿 with no unit) any of the last two."""
    if mention.kind is _PERCENT:
        return ValueKind.PERCENT
    if mention.unit is None:
        return ValueKind.ANY
    if mention.unit == "count":
        return ValueKind.COUNT
    return ValueKind.PER_SHARE if mention.per_share else ValueKind.MONEY


def metric_kind(metric: Metric) -> ValueKind:
    return vocabulary().metric_values.get(metric, ValueKind.ANY)


@cache
def _fits(metric: Metric, kind: ValueKind) -> bool:
    expected = metric_kind(metric)
    if kind is ValueKind.ANY:
        return expected in (ValueKind.MONEY, ValueKind.COUNT)
    if expected is ValueKind.ANY or expected is kind:
        return True
    return {expected, kind} == {ValueKind.MONEY, ValueKind.PER_SHARE}


def find_metric(view: SentenceView, mention: Mention, here: Spot) -> MetricMention | None:
    """The metric term a value measures: a share noun or metric right after a percentage
    (21%的市场份额), the noun an amount modifies (2000亿美元的资本开支), else the nearest fitting term
    before it that does not head a growth rate (营收增速), else the sentence's first fitting term; none
    when a noun that is no metric of ours comes between (成交额约151亿港元)."""
    kind = value_kind(mention)
    if kind is ValueKind.PERCENT:
        share = _share_after(view, mention) or _share_taken(view, here)
        if share is not None:
            return share
    else:
        owner = _noun_after(view, mention)
        if owner is not None:
            return owner if isinstance(owner, MetricMention) and _fits(owner.metric, kind) else None
        counted = _counted_noun(view, mention, here) if mention.unit == "count" else None
        if counted is not None:
            return counted
    chosen = _nearest_fitting(view.text, mention, kind, here.metrics, here.clause_start)
    if chosen is None or _blocked(view.text[chosen.end : mention.start]):
        return None
    return chosen


def _nearest_fitting(
    text: str, mention: Mention, kind: ValueKind, metrics: list[MetricMention], clause_start: int
) -> MetricMention | None:
    """The last term before a value that fits it and does not head a growth rate, else the last one of
    the value's own clause (净销售额增长10.8%至329亿美元; also before a plain term of an earlier clause:
    营收增长18%至14.1亿美元；净利润增长12%至2.8亿美元), else the first fitting term: read backwards, the
    nearest plain term ends the search."""
    first: MetricMention | None = None
    own: MetricMention | None = None
    for metric in reversed(metrics):
        if _fits(metric.metric, kind) and counts(text, mention, metric):
            if own is not None and metric.start < clause_start:
                return own
            if not _heads_rate(text, metric):
                return metric
            first = metric
            if own is None and metric.start >= clause_start:
                own = metric
    return own or first


def _noun_after(view: SentenceView, mention: Mention) -> MetricMention | str | None:
    """What an amount written as a modifier measures (2000亿美元的资本开支; 约102亿美元的一次性税款):
    the metric term after 的, or the other noun there; None when the amount is not a modifier, or
    modifies a noun of its own level (92.5亿美元的纪录)."""
    if view.text[mention.end : mention.end + 1] != "的":
        return None
    if view.text.startswith(vocabulary().level_nouns, mention.end + 1):
        return None
    following = next((m for m in view.metrics if m.start == mention.end + 1), None)
    if following is not None:
        return following
    noun = view.text[mention.end + 1 : mention.end + 2]
    return noun if "\u4e00" <= noun <= "\u9fff" else None


def _counted_noun(view: SentenceView, mention: Mention, here: Spot) -> MetricMention | None:
    """The metric of the noun a count names (35万名企业员工: headcount) when no metric term of its own
    clause comes before it."""
    if here.names_metric():
        return None
    for metric, nouns in vocabulary().counted_nouns.items():
        noun = nouns.match(view.text, mention.end)
        if noun is not None:
            return MetricMention(noun.start(), noun.end(), noun[0], metric)
    return None


def _blocked(between: str) -> bool:
    """Whether a noun that is no metric of ours (成交额, 关税) stands between a metric term and a value,
    outside the phrases that only qualify the figure (按固定汇率计算)."""
    words = vocabulary()
    if words.blocking_nouns.search(between) is None:  # most gaps hold none: one call tells
        return False
    return any(match.group("noun") for match in words.blocking_outside.finditer(between))


def _share_taken(view: SentenceView, here: Spot) -> MetricMention | None:
    """A percentage something takes of a money metric (收入约占六成, 占总营收79%): that metric's share."""
    words = vocabulary()
    if words.share_verbs.search(view.text, here.clause_start, here.position) is None:
        return None
    before = here.metrics
    if not before or before[-1].metric not in words.share_of:
        return None
    metric = before[-1]
    return MetricMention(
        metric.start, metric.end, metric.text, words.share_of[metric.metric], metric.adjusted
    )


def counts(text: str, mention: Mention, metric: MetricMention) -> bool:
    """Whether a count is written with a measure word of the metric (辆 for units, 人 for layoffs), or
    with a noun of the metric after it (1.4万个企业职位 for layoffs)."""
    if mention.unit != "count":
        return True
    words = vocabulary().count_words.get(metric.metric)
    if words is None:
        return True
    measure = _measure_word(mention.text)
    if measure in words or not ("\u4e00" <= measure <= "\u9fff"):
        return True
    nouns = vocabulary().count_nouns.get(metric.metric)
    return nouns is not None and nouns.match(text, mention.end) is not None


def _measure_word(surface: str) -> str:
    """The last character of a count before a qualifier written after it: 人 in 7.5万人左右."""
    surface = surface.rstrip()
    for word in _qualifiers_after():
        if surface.endswith(word):
            return surface[: -len(word)].rstrip()[-1:]
    return surface[-1:]


@cache
def _qualifiers_after() -> tuple[str, ...]:
    return tuple(qualifier_words("after"))


def _heads_rate(text: str, metric: MetricMention) -> bool:
    rate_nouns = vocabulary().rate_nouns
    return metric.text.endswith(rate_nouns) or text.startswith(rate_nouns, metric.end)


def _share_after(view: SentenceView, mention: Mention) -> MetricMention | None:
    rest = view.text[mention.end : mention.end + 8]
    offset = 1 if rest.startswith("的") else 0
    words = vocabulary()
    for noun in words.share_nouns:
        if rest.startswith(noun, offset):
            start = mention.end + offset
            return MetricMention(start, start + len(noun), noun, Metric.MARKET_SHARE)
    for metric in view.metrics:
        if metric.start == mention.end + offset and metric.metric in words.share_of:
            share = words.share_of[metric.metric]
            return MetricMention(metric.start, metric.end, metric.text, share, metric.adjusted)
    return None


def find_change_metric(view: SentenceView, change: Mention, here: Spot) -> MetricMention | None:
    """The metric a change with no value of its own measures: the nearest term before it in its clause."""
    for metric in reversed([m for m in view.metrics if here.clause_start <= m.start < here.position]):
        kind = vocabulary().metric_values.get(metric.metric, ValueKind.ANY)
        if change.points is not None or kind is not ValueKind.PERCENT:
            return metric
    return None


def names_business_before(view: SentenceView, here: Spot) -> bool:
    """Whether a change follows a business line or company directly (广告业务增长22%): it is then that
    business's revenue that grew."""
    entities = [e for e in here.entities if e.start >= here.clause_start]
    if not entities or not (entities[-1].segment_like or entities[-1].subject is not None):
        return False
    gap = view.text[entities[-1].end : here.position]
    return len(gap) <= 3 and _BUSINESS_WORDS.issuperset(gap)


def shared_by_each(view: SentenceView, here: Spot) -> list[str]:
    """The business lines listed before a value they each take (物联网与车用电子各占5%), else none: a
    value with fewer than two names before it in its sentence is not looked at further."""
    if len(here.entities) < 2:
        return []
    if vocabulary().each_markers.search(view.text, here.clause_start, here.position) is None:
        return []
    listed = [e for e in here.entities if e.start >= here.clause_start and e.segment_like]
    return [e.name for e in listed] if len(listed) >= 2 else []


def attribution_end(text: str, sentence: Sentence) -> int | None:
    """Where a view of analysts or the market that is a clause of its own (法人预估，) ends in
    `sentence`, or None. Only a clause short enough for one and ending with a view word is searched:
    one test of the character before each clause's comma rules out nearly all."""
    words = vocabulary()
    ends, longest = words.estimate_view_ends, words.estimate_view_length
    starts = sentence.clause_starts
    previous = starts[0]
    for start in (*starts[1:], sentence.end + 1):
        if text[start - 2] in ends and start - previous <= longest:
            match = words.estimate_attributions.search(text, previous, start)
            if match is not None and not text.endswith(words.compared_with, previous, match.start()):
                return match.end()  # 法人预估，; not 高于市场预期， (a comparison)
        previous = start
    return None


def _plans_itself(view: SentenceView, here: Spot) -> bool:
    """Whether the number's clause names the company planning (公司先前设定的...目标为...)."""
    words, text, clause_start, position = vocabulary(), view.text, here.clause_start, here.position
    return (
        words.company_self_words.search(text, clause_start, position) is not None
        and words.guidance_cues.search(text, clause_start, position) is not None
    )


def find_status(view: SentenceView, here: Spot) -> Status:
    """Estimate when the clause names analysts' or the market's expectation (not the company's own:
    公司先前预期的约30%), or the sentence opens with
    their view (法人预估，...); guidance when the sentence so far names the company's outlook or plan
    (预计..., 全年净利润预期为...); else actual."""
    words = vocabulary()
    text, start, position = view.text, view.sentence.start, here.position
    # The company's own plan or expectation in the clause (公司先前预期的约30%) is guidance, whoever's
    # view the sentence gives; it is looked for only where it decides.
    cue = words.estimate_cues.search(text, here.clause_start, position)
    if cue is not None:
        holder = cue.group().startswith(words.estimate_holders)
        return Status.ESTIMATE if holder or not _plans_itself(view, here) else Status.GUIDANCE
    attributed = view.attributed_from
    if attributed is not None and attributed <= position:
        return Status.GUIDANCE if _plans_itself(view, here) else Status.ESTIMATE
    # An outlook word inside an expectation's words (市场预期) does not count; blanking those words out
    # can only remove outlook words, so the blanking is needed only when both kinds are there.
    if words.guidance_cues.search(text, start, position) is None:
        return Status.ACTUAL
    if _plans_itself(view, here):
        return Status.GUIDANCE
    opening = words.estimate_cues.search(text, start, position)
    if opening is None:
        return Status.GUIDANCE
    sentence = words.estimate_cues.sub(_blank, text[start:position])
    outlook = words.guidance_cues.search(sentence)
    if outlook is None:
        return Status.ESTIMATE if _holds_view(text, opening, position) else Status.ACTUAL
    # A sentence that opens with an expectation (分析师平均预计…；每股收益预计为1.25美元) is the holder's
    # throughout: a bare outlook word after it goes on with it, unless a company of its clause holds
    # the outlook itself (…；英伟达预计第四季度营收…), not a figure of its (阿里巴巴该季度营收预计为…).
    if opening.start() - start > outlook.start():
        return Status.GUIDANCE
    if any(start <= metric.start < opening.start() for metric in view.metrics):
        return Status.GUIDANCE  # 营收570.1亿美元，分析师预期为549.2亿美元；…营收指引为650亿美元
    clause_cue = words.guidance_cues.search(sentence, here.clause_start - start)
    cue_at = position if clause_cue is None else start + clause_cue.start()
    return Status.GUIDANCE if _holds_outlook(view, here, cue_at) else Status.ESTIMATE


def _holds_outlook(view: SentenceView, here: Spot, cue: int) -> bool:
    """Whether a company named in the number's clause before the outlook word at `cue` holds the
    outlook: no metric term comes between its name and the word."""
    return any(
        entity.subject is not None
        and here.clause_start <= entity.start
        and entity.end <= cue
        and not any(entity.end <= metric.start < cue for metric in view.metrics)
        for entity in here.entities
    )


def _holds_view(text: str, cue: re.Match[str], position: int) -> bool:
    """Whether an expectation cue is analysts' or the market's view of what follows (法人预估长荣第四季
    获利将季减，全年...), which speaks for the rest of its item of the sentence up to `position`; not
    a figure compared with theirs (高于市场预期的4.85美元, 高于市场预期，) nor their own figure
    (分析师预期为549.2亿美元；...)."""
    words = vocabulary()
    held, following = cue.group(), text[cue.end() : cue.end() + 1]
    return (
        held.startswith(words.estimate_holders)
        and held[-1] in words.estimate_view_ends
        and following not in words.view_not_before
        and not text.endswith(words.compared_with, 0, cue.start())
        and not ends_item(text, cue.end(), position)
        and words.actual_markers.search(text, cue.end(), position) is None
    )


def ends_item(text: str, start: int, end: int) -> bool:
    """Whether an item of a list of parallel statements ends between `start` and `end` (see
    assembly.yaml `item_ends`)."""
    return any(text.find(mark, start, end) >= 0 for mark in vocabulary().item_ends)


def _blank(match: re.Match[str]) -> str:
    """A match blanked out, keeping the positions of the text after it."""
    return " " * len(match.group())
