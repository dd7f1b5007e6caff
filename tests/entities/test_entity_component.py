"""The extractor_entities spaCy component: span groups, saving users' registries, and `extract`."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import spacy

from extractor import extract
from extractor.data import DataError
from extractor.models import EntityType

USER_REGISTRY = "companies:\n  - {canonical: Bluesea Robotics, zh: [蓝海机器人, 藍海機器人]}\n"


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_REGISTRY, encoding="utf-8")
    return path


def test_the_component_writes_mentions_and_span_groups_with_canonical_names() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("extractor_entities")
    doc = nlp("亚马逊AWS营业利润率为35.0%。")
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans["entities"]] == [
        ("亚马逊", "company", "Amazon"),
        ("AWS", "segment", "AWS"),
    ]
    assert [(s.text, s.label_) for s in doc.spans["metrics"]] == [("营业利润率", "operating_margin")]
    assert [m.canonical for m in doc._.entity_mentions] == ["Amazon", "AWS"]


def test_a_saved_pipeline_keeps_the_users_registry(tmp_path: Path, registry: Path) -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("extractor_entities", config={"extra": [str(registry)]})
    nlp.to_disk(tmp_path / "saved")
    registry.unlink()
    fresh = spacy.blank("zh")
    fresh.add_pipe("extractor_entities")
    fresh.from_disk(tmp_path / "saved")
    doc = fresh("蓝海机器人营收增长")
    assert [(s.text, s.kb_id_) for s in doc.spans["entities"]] == [("蓝海机器人", "Bluesea Robotics")]


def test_the_component_round_trips_through_bytes(registry: Path) -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("extractor_entities", config={"extra": [str(registry)]})
    fresh = spacy.blank("zh")
    fresh.add_pipe("extractor_entities")
    fresh.from_bytes(nlp.to_bytes())
    assert [e.canonical for e in fresh("蓝海机器人")._.entity_mentions] == ["Bluesea Robotics"]


def test_extract_reports_entities_with_original_offsets_and_users_names(registry: Path) -> None:
    text = "藍海機器人與亞馬遜雲科技合作，傑夫·貝索斯出席。"
    document = extract(text, entities=[registry])
    found = [(e.text, e.type, e.canonical) for e in document.entities]
    assert found == [
        ("藍海機器人", EntityType.COMPANY, "Bluesea Robotics"),
        ("亞馬遜雲科技", EntityType.SEGMENT, "AWS"),
        ("傑夫·貝索斯", EntityType.PERSON, "Jeff Bezos"),
    ]
    for entity in document.entities:
        assert text[entity.start : entity.end] == entity.text


def test_the_component_pickles_for_worker_processes(registry: Path) -> None:
    nlp = spacy.blank("zh")
    ruler = nlp.add_pipe("extractor_entities", config={"extra": [str(registry)]})
    copy = pickle.loads(pickle.dumps(ruler))
    assert [e.canonical for e in copy.finder.entities("蓝海机器人与亚马逊")] == ["Bluesea Robotics", "Amazon"]


USER_SEGMENT_WORDS = """\
companies:
  - {canonical: Bluesea Robotics, zh: [蓝海机器人, 藍海機器人]}
segments:
  - {canonical: Service Robots, parent: Bluesea Robotics, zh: [服务机器人业务, 服務機器人業務]}
segment_words:
  - {segment: Service Robots, words: [機器人], metrics: [revenue]}
"""


@pytest.mark.parametrize(
    "text",
    ["蓝海机器人第三季度机器人收入为12亿元。", "藍海機器人第三季機器人收入為12億元。"],
)
def test_a_users_file_adds_segment_words(tmp_path: Path, text: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_SEGMENT_WORDS, encoding="utf-8")
    assert extract(text).claims == []  # the shipped registry knows neither the company nor the word
    claims = extract(text, entities=[path]).claims
    assert [(c.subject, c.segment, c.value) for c in claims] == [
        ("Bluesea Robotics", "Service Robots", 1.2e9)
    ]


def test_a_users_segment_word_for_no_segment_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "segment_words:\n  - {segment: Hovercraft, words: [气垫船], metrics: [revenue]}\n", "utf-8"
    )
    with pytest.raises(DataError, match=r"mine.yaml: segment_words row 1: names no segment of the registry"):
        extract("气垫船收入为1亿元。", entities=[path])
