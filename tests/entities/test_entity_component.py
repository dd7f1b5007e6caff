"""The extractor_entities spaCy component: span groups, saving users' registries, and `extract`."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import spacy

from extractor import extract
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
