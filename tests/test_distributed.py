"""The Dask mapping on a two-process LocalCluster gives what a local `extract` run gives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("distributed")

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from distributed import Client, LocalCluster

from extractor.distributed import CLAIM_COLUMNS, claim_frame, claim_record, extract_bag, extract_dataframe
from extractor.extraction import entity_finder, extract
from extractor.models import Basis, Change, Claim, Document, Evidence, Metric

ARTICLES = [
    "小米集团2024年全年营收3659亿元，同比增长35%，经调整净利润272亿元。",
    "台積電第三季營收新台幣9,899億元，年增30.3%；毛利率59.5%，季增0.7個百分點。",
    "比亚迪上半年净利润同比下降30%至160亿元，研发投入同比增长24%。",
    "鴻海第四季營收2.6兆元新台幣，較上季成長約10%，預計明年資本支出超過1,000億元。",
    "拼多多第二季度营收1040亿元，同比增长7%；净利润306亿元，同比下降4%。",
    "Quarterly revenue was USD 35.1 billion, up 94% from a year ago.",
    "",
]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


def test_a_bag_gives_the_documents_of_a_local_run_in_order(client: Client) -> None:
    bag = db.from_sequence(ARTICLES, npartitions=4)
    documents = [Document.model_validate(item) for item in extract_bag(bag).compute()]
    assert documents == [extract(text) for text in ARTICLES]


def test_a_bag_of_pairs_keeps_each_source(client: Client) -> None:
    pairs = [(text, f"news/{index}.txt") for index, text in enumerate(ARTICLES)]
    items = extract_bag(db.from_sequence(pairs, npartitions=3)).compute()
    assert items == [extract(text, source=source).model_dump(mode="json") for text, source in pairs]


def test_each_worker_builds_the_entity_layer_once(client: Client) -> None:
    bag = db.from_sequence(ARTICLES * 3, npartitions=6)
    extract_bag(bag).compute()
    builds = client.run(entity_finder.cache_info)
    assert len(builds) == 2
    assert all(info.misses <= 1 for info in builds.values())
    assert sum(info.misses for info in builds.values()) >= 1


def _local_claims(texts: pd.Series) -> pd.DataFrame:
    records: list[dict[str, Any]] = []
    labels: list[int] = []
    for label, text in texts.items():
        claims = extract(text).claims if isinstance(text, str) else []
        records.extend(claim_record(position, claim) for position, claim in enumerate(claims))
        labels.extend([label] * len(claims))
    return claim_frame(records, pd.Index(labels, dtype="int64"))


def test_a_dataframe_column_gives_the_claims_of_a_local_run(client: Client) -> None:
    articles = pd.DataFrame(
        {"title": [f"t{index}" for index in range(len(ARTICLES) + 1)], "body": [*ARTICLES, None]},
        index=pd.Index(range(100, 100 + len(ARTICLES) + 1), dtype="int64"),
    )
    claims = extract_dataframe(dd.from_pandas(articles, npartitions=3), "body")
    assert list(claims.columns) == list(CLAIM_COLUMNS)
    computed = claims.compute()
    pd.testing.assert_frame_equal(computed, _local_claims(articles["body"]))
    assert computed.dtypes.to_dict() == claims.dtypes.to_dict()
    assert len(computed) == sum(len(extract(text).claims) for text in ARTICLES)
    for label, row in computed.iterrows():
        assert articles.loc[label, "body"][row["evidence_start"] : row["evidence_end"]] == row["evidence"]


def test_claim_record_flattens_a_claim_with_typed_values() -> None:
    text = "比亚迪上半年净利润同比下降30%至160亿元"
    claim = Claim(
        subject="BYD",
        metric=Metric.NET_INCOME,
        period="2025-H1",
        value=16_000_000_000.0,
        unit="CNY",
        changes=[Change(basis=Basis.YOY, percent=-30.0)],
        evidence=Evidence(start=0, end=len(text), text=text),
    )
    assert claim_record(3, claim) == {
        "claim": 3,
        "subject": "BYD",
        "segment": None,
        "metric": "net_income",
        "adjusted": False,
        "period": "2025-H1",
        "value": 16_000_000_000.0,
        "value_low": None,
        "value_high": None,
        "unit": "CNY",
        "qualifier": "exact",
        "status": "actual",
        "changes": "yoy -30%",
        "evidence_start": 0,
        "evidence_end": len(text),
        "evidence": text,
    }
