"""Claim assembly on sentences written the way earnings news writes them, in both scripts.

Each case is a short article and the claims expected from it, as tuples of
(subject, segment, metric, period, value, unit, qualifier, status, changes), where changes is a tuple
of (basis, percent, points, amount).
"""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.models import Claim

ClaimTuple = tuple[
    str,
    str | None,
    str,
    str | None,
    float | None,
    str,
    str,
    str,
    tuple[tuple[str, float | None, float | None, float | None], ...],
]


def _tuple(claim: Claim) -> ClaimTuple:
    return (
        claim.subject,
        claim.segment,
        claim.metric.value,
        claim.period,
        claim.value,
        claim.unit,
        claim.qualifier.value,
        claim.status.value,
        tuple((c.basis.value, c.percent, c.points, c.amount) for c in claim.changes),
    )


_MX_Q3: list[ClaimTuple] = [
    (
        "Samsung Electronics",
        "Mobile eXperience",
        "revenue",
        "2025-Q3",
        34100000000000.0,
        "KRW",
        "exact",
        "actual",
        (),
    ),
    (
        "Samsung Electronics",
        "Mobile eXperience",
        "operating_income",
        "2025-Q3",
        3600000000000.0,
        "KRW",
        "exact",
        "actual",
        (),
    ),
]
_XIAOMI_PHONES_Q3: list[ClaimTuple] = [
    ("Xiaomi", "Smartphones", "revenue", "2025-Q3", 46000000000.0, "CNY", "exact", "actual", ()),
    ("Xiaomi", "Smartphones", "gross_margin", "2025-Q3", 11.1, "%", "exact", "actual", ()),
]
_HONDA_H1: list[ClaimTuple] = [
    (
        "Honda",
        None,
        "operating_income",
        "FY2026-H1",
        438000000000.0,
        "JPY",
        "exact",
        "actual",
        (("yoy", -20.0, None, None),),
    ),
    ("Honda", None, "dividend", "FY2026-H1", 35.0, "JPY", "exact", "actual", ()),
]
_PING_AN_H1: list[ClaimTuple] = [
    ("Ping An", None, "net_income", "2025-H1", 68000000000.0, "CNY", "exact", "actual", ()),
    ("Ping An", None, "dividend", "2025-H1", 0.95, "CNY", "exact", "actual", ()),
]
_MICROSOFT_OUTLOOK: list[ClaimTuple] = [
    ("Microsoft", None, "revenue", "FY2026-Q2", 80000000000.0, "USD", "approx", "guidance", ()),
    (
        "Microsoft",
        "Azure",
        "revenue",
        "FY2026-Q2",
        None,
        "USD",
        "exact",
        "guidance",
        (("yoy", 37.0, None, None),),
    ),
    ("Microsoft", None, "operating_margin", "FY2026-Q2", 45.0, "%", "exact", "guidance", ()),
]
_XIAOMI_EV_Q3: list[ClaimTuple] = [
    (
        "Xiaomi",
        "Smart EV",
        "revenue",
        "2025-Q3",
        29000000000.0,
        "CNY",
        "exact",
        "actual",
        (("yoy", 199.0, None, None),),
    ),
    ("Xiaomi", "Smart EV", "operating_income", "2025-Q3", 700000000.0, "CNY", "exact", "actual", ()),
]
_TAOTIAN_Q3: list[ClaimTuple] = [
    (
        "Alibaba",
        "Taobao and Tmall Group",
        "revenue",
        "2025-Q3",
        78927000000.0,
        "CNY",
        "exact",
        "actual",
        (("yoy", 10.0, None, None),),
    ),
]

CASES: list[tuple[str, list[ClaimTuple]]] = [
    # A change that leads into the level it reached (，达到) is that level's change: one claim.
    ("阿里巴巴公布2025年第三季度业绩。淘天集团收入同比增长10%，达到789.27亿元。", _TAOTIAN_Q3),
    ("阿里巴巴公布2025年第三季度業績。淘天集團收入按年增長10%，達到789.27億元。", _TAOTIAN_Q3),
    ("阿里巴巴公布2025年第三季度业绩。淘天集团收入同比增长10%，至789.27亿元。", _TAOTIAN_Q3),
    ("阿里巴巴公布2025年第三季度業績。淘天集團收入按年增長10%，為789.27億元。", _TAOTIAN_Q3),
    # Past the end of a list item (；), a clause going straight to its metric keeps the company of the
    # claim before it but not a business line that claim named itself (其中Azure...); one it took from
    # a reference (该分部) or the topic goes on.
    (
        "微软公布2026财年第一财季业绩，并预计第二财季营收约为800亿美元，其中Azure营收将增长37%；营业利润率预计为45%。",
        _MICROSOFT_OUTLOOK,
    ),
    (
        "微軟公布2026財年第一財季業績，並預計第二財季營收約為800億美元，其中Azure營收將增長37%；營業利潤率預計為45%。",
        _MICROSOFT_OUTLOOK,
    ),
    (
        "小米集团公布2025年第三季度业绩。最受关注的是智能电动汽车业务。第三季度该分部收入290亿元，同比增长199%；分部经营收益为7亿元。",
        _XIAOMI_EV_Q3,
    ),
    (
        "小米集團公布2025年第三季度業績。最受關注的是智能電動汽車業務。第三季該分部收入290億元，按年增長199%；分部經營收益為7億元。",
        _XIAOMI_EV_Q3,
    ),
    # A clause going on with the claim before it keeps that claim's segment, not the sentence's topic
    # (手机方面); the topic stands for a clause of its own.
    ("三星电子公布2025年第三季度财报。手机方面，MX部门营收34.1万亿韩元，营业利益3.6万亿韩元。", _MX_Q3),
    ("三星電子公布2025年第三季財報。手機方面，行動體驗(MX)部門營收34.1兆韓元，營業利益3.6兆韓元。", _MX_Q3),
    ("小米集团公布2025年第三季度业绩。手机方面，收入460亿元，毛利率11.1%。", _XIAOMI_PHONES_Q3),
    ("小米集團公布2025年第三季度業績。手機方面，收入460億元，毛利率11.1%。", _XIAOMI_PHONES_Q3),
    # An interim dividend (中期股息) is of the first half, whatever half the sentence before named.
    (
        "本田公布2026财年上半财年财报，营业利润为4380亿日元，同比下降20%。公司预计下半财年营业利润将回升。本田宣布中期股息为每股35日元。",
        _HONDA_H1,
    ),
    (
        "本田公布2026財年上半財年財報，營業利潤為4380億日圓，同比下降20%。公司預計下半財年營業利潤將回升。本田宣布中期股息為每股35日圓。",
        _HONDA_H1,
    ),
    ("中国平安公布2025年中期业绩，归母净利润680亿元。公司宣布中期股息每股0.95元。", _PING_AN_H1),
    ("中國平安公布2025年中期業績，歸母淨利潤680億元。公司宣布中期股息每股0.95元。", _PING_AN_H1),
    # A metric term heading a growth rate (净利润增速) gives way to a plain term nearer the value.
    (
        "英伟达2026财年第三季度净利润增速放缓，营收仍达570亿美元。",
        [("NVIDIA", None, "revenue", "FY2026-Q3", 57000000000.0, "USD", "exact", "actual", ())],
    ),
    (
        "英偉達2026財年第三季度淨利潤增速放緩，營收仍達570億美元。",
        [("NVIDIA", None, "revenue", "FY2026-Q3", 57000000000.0, "USD", "exact", "actual", ())],
    ),
    (
        "腾讯控股公布2025年第三季度业绩，期内收入1928.7亿元，同比增长15%。",
        [
            (
                "Tencent",
                None,
                "revenue",
                "2025-Q3",
                192870000000.0,
                "CNY",
                "exact",
                "actual",
                (("yoy", 15.0, None, None),),
            )
        ],
    ),
    (
        "騰訊控股公布2025年第三季度業績，期內收入1928.7億元，同比增長15%。",
        [
            (
                "Tencent",
                None,
                "revenue",
                "2025-Q3",
                192870000000.0,
                "CNY",
                "exact",
                "actual",
                (("yoy", 15.0, None, None),),
            )
        ],
    ),
    (
        "苹果公司2025财年第四季度营收1025亿美元，同比增长8%；净利润为274.7亿美元。",
        [
            (
                "Apple",
                None,
                "revenue",
                "FY2025-Q4",
                102500000000.0,
                "USD",
                "exact",
                "actual",
                (("yoy", 8.0, None, None),),
            ),
            ("Apple", None, "net_income", "FY2025-Q4", 27470000000.0, "USD", "exact", "actual", ()),
        ],
    ),
    (
        "2025年第二季度，特斯拉营业利润同比下降42%至9.23亿美元。",
        [
            (
                "Tesla",
                None,
                "operating_income",
                "2025-Q2",
                923000000.0,
                "USD",
                "exact",
                "actual",
                (("yoy", -42.0, None, None),),
            )
        ],
    ),
    (
        "2025年第二季度，特斯拉营业利润同比下降42%至9.23亿美元。同期，特斯拉交付汽车38.4万辆。",
        [
            (
                "Tesla",
                None,
                "operating_income",
                "2025-Q2",
                923000000.0,
                "USD",
                "exact",
                "actual",
                (("yoy", -42.0, None, None),),
            ),
            ("Tesla", None, "units", "2025-Q2", 384000.0, "count", "exact", "actual", ()),
        ],
    ),
    (
        "輝達2026財年第三季度資料中心業務營收為512億美元，年增66%。",
        [
            (
                "NVIDIA",
                "Data Center",
                "revenue",
                "FY2026-Q3",
                51200000000.0,
                "USD",
                "exact",
                "actual",
                (("yoy", 66.0, None, None),),
            )
        ],
    ),
    (
        "微软预计2026年资本支出约为1200亿美元。",
        [("Microsoft", None, "capex", "2026", 120000000000.0, "USD", "approx", "guidance", ())],
    ),
    (
        "阿里巴巴2025年第二季度每股收益为2.1美元，低于市场预期的2.25美元。",
        [
            ("Alibaba", None, "eps", "2025-Q2", 2.1, "USD", "exact", "actual", ()),
            ("Alibaba", None, "eps", "2025-Q2", 2.25, "USD", "exact", "estimate", ()),
        ],
    ),
    (
        "比亚迪净利润从2023年的300亿元增至2024年的402.5亿元，同比增长34%。",
        [
            ("BYD", None, "net_income", "2023", 30000000000.0, "CNY", "exact", "actual", ()),
            (
                "BYD",
                None,
                "net_income",
                "2024",
                40250000000.0,
                "CNY",
                "exact",
                "actual",
                (("yoy", 34.0, None, None),),
            ),
        ],
    ),
    (
        "2025年3月和2025年9月，英特尔两次裁员，裁员人数分别为1.5万人和2.4万人。",
        [
            ("Intel", None, "layoffs", "2025-03", 15000.0, "count", "exact", "actual", ()),
            ("Intel", None, "layoffs", "2025-09", 24000.0, "count", "exact", "actual", ()),
        ],
    ),
    (
        "台積電2025年第三季毛利率為59.5%，較上季提升0.9個百分點。",
        [
            (
                "TSMC",
                None,
                "gross_margin",
                "2025-Q3",
                59.5,
                "%",
                "exact",
                "actual",
                (("qoq", None, 0.9, None),),
            )
        ],
    ),
    (
        "2025年第三季度，京东收入2991亿元，同比增长15%，广告业务增长9%。",
        [
            (
                "JD.com",
                None,
                "revenue",
                "2025-Q3",
                299100000000.0,
                "CNY",
                "exact",
                "actual",
                (("yoy", 15.0, None, None),),
            ),
            (
                "JD.com",
                "Advertising",
                "revenue",
                "2025-Q3",
                None,
                "CNY",
                "exact",
                "actual",
                (("yoy", 9.0, None, None),),
            ),
        ],
    ),
    (
        "2025年第三季度，微软在全球云市场的份额为22%，谷歌份额约为13%，两大巨头合计控制了35%的份额。",
        [
            ("Microsoft", None, "market_share", "2025-Q3", 22.0, "%", "exact", "actual", ()),
            ("Google", None, "market_share", "2025-Q3", 13.0, "%", "approx", "actual", ()),
            ("Microsoft, Google", None, "market_share", "2025-Q3", 35.0, "%", "exact", "actual", ()),
        ],
    ),
    (
        "2025年第三季度，台积电晶圆代工市占率为67%，三星为12%，两者合计达79%。",
        [
            ("TSMC", "Foundry", "market_share", "2025-Q3", 67.0, "%", "exact", "actual", ()),
            ("Samsung Electronics", None, "market_share", "2025-Q3", 12.0, "%", "exact", "actual", ()),
            ("TSMC, Samsung Electronics", None, "market_share", "2025-Q3", 79.0, "%", "exact", "actual", ()),
        ],
    ),
    (
        "2025年第三季度，亞馬遜營收1800億美元。AWS的營收增速(20%)落後於微軟Azure(40%)。",
        [
            ("Amazon", None, "revenue", "2025-Q3", 180000000000.0, "USD", "exact", "actual", ()),
            (
                "Amazon",
                "AWS",
                "revenue",
                "2025-Q3",
                None,
                "USD",
                "exact",
                "actual",
                (("yoy", 20.0, None, None),),
            ),
            (
                "Microsoft",
                "Azure",
                "revenue",
                "2025-Q3",
                None,
                "USD",
                "exact",
                "actual",
                (("yoy", 40.0, None, None),),
            ),
        ],
    ),
    (
        "小米2025年第三季度收入1131億元人民幣。智能手機業務方面，第三季收入460億元，按年下降3.1%。",
        [
            ("Xiaomi", None, "revenue", "2025-Q3", 113100000000.0, "CNY", "exact", "actual", ()),
            (
                "Xiaomi",
                "Smartphones",
                "revenue",
                "2025-Q3",
                46000000000.0,
                "CNY",
                "exact",
                "actual",
                (("yoy", -3.1, None, None),),
            ),
        ],
    ),
    (
        "三星電子2025年第三季營業利益12.2兆韓元，較上一季的4.7兆韓元大幅改善。淨利為9.3兆韓元。",
        [
            (
                "Samsung Electronics",
                None,
                "operating_income",
                "2025-Q3",
                12200000000000.0,
                "KRW",
                "exact",
                "actual",
                (),
            ),
            (
                "Samsung Electronics",
                None,
                "operating_income",
                "2025-Q2",
                4700000000000.0,
                "KRW",
                "exact",
                "actual",
                (),
            ),
            (
                "Samsung Electronics",
                None,
                "net_income",
                "2025-Q3",
                9300000000000.0,
                "KRW",
                "exact",
                "actual",
                (),
            ),
        ],
    ),
    (
        "宁德时代2025年前三季度营收2830亿元。截至9月30日，公司员工总数约13.1万人。",
        [
            ("CATL", None, "revenue", "2025-9M", 283000000000.0, "CNY", "exact", "actual", ()),
            ("CATL", None, "headcount", "2025-Q3", 131000.0, "count", "approx", "actual", ()),
        ],
    ),
    (
        "美光2026財年第一財季營收136.4億美元，DRAM營收107.9億美元，占總營收79%。",
        [
            ("Micron", None, "revenue", "FY2026-Q1", 13640000000.0, "USD", "exact", "actual", ()),
            ("Micron", "DRAM", "revenue", "FY2026-Q1", 10790000000.0, "USD", "exact", "actual", ()),
            ("Micron", "DRAM", "revenue_share", "FY2026-Q1", 79.0, "%", "exact", "actual", ()),
        ],
    ),
    (
        "小鹏汽车2025年10月共交付新车4.2万辆，产品已进入全球超过50个国家和地区。",
        [("XPeng", None, "units", "2025-10", 42000.0, "count", "exact", "actual", ())],
    ),
    (
        "2025年第二季度，丰田营业利润1.17万亿日元。丰田股价11月6日收盘上涨2.1%，报2980日元。",
        [
            ("Toyota", None, "operating_income", "2025-Q2", 1170000000000.0, "JPY", "exact", "actual", ()),
            (
                "Toyota",
                None,
                "share_price",
                "2025-11-06",
                2980.0,
                "JPY",
                "exact",
                "actual",
                (("vs_prior", 2.1, None, None),),
            ),
        ],
    ),
    (
        "聯發科2025年12月營收新台幣480.3億元。聯發科去年全年營收5,991億元。",
        [
            ("MediaTek", None, "revenue", "2025-12", 48030000000.0, "TWD", "exact", "actual", ()),
            ("MediaTek", None, "revenue", "2025", 599100000000.0, "TWD", "exact", "actual", ()),
        ],
    ),
    (
        "Meta預計2026年資本支出將顯著增長，全年總營收約為2000億美元。",
        [("Meta", None, "revenue", "2026", 200000000000.0, "USD", "approx", "guidance", ())],
    ),
    (
        "阿里巴巴2025年第二季度营收2477亿元，高于市场预期的2460亿元。",
        [
            ("Alibaba", None, "revenue", "2025-Q2", 247700000000.0, "CNY", "exact", "actual", ()),
            ("Alibaba", None, "revenue", "2025-Q2", 246000000000.0, "CNY", "exact", "estimate", ()),
        ],
    ),
    (
        "台積電10月9日公布2025年9月營收新台幣3,310億元。台積電8日收在1,395元，上漲25元。騰訊股價當日收報648港元。",
        [
            ("TSMC", None, "revenue", "2025-09", 331000000000.0, "TWD", "exact", "actual", ()),
            (
                "TSMC",
                None,
                "share_price",
                "2025-10-08",
                1395.0,
                "TWD",
                "exact",
                "actual",
                (("vs_prior", None, None, 25.0),),
            ),
            ("Tencent", None, "share_price", "2025-10-08", 648.0, "HKD", "exact", "actual", ()),
        ],
    ),
    (
        "苹果2025财年第四财季净利润为274.7亿美元，主要由于去年同期计入了约102亿美元的一次性税款。",
        [("Apple", None, "net_income", "FY2025-Q4", 27470000000.0, "USD", "exact", "actual", ())],
    ),
    (
        "星辰科技2025年第三季度营收年增26%至512亿美元；受一次性所得税费用约159亿美元影响，净利润下降。",
        [
            (
                "星辰科技",
                None,
                "revenue",
                "2025-Q3",
                51200000000.0,
                "USD",
                "exact",
                "actual",
                (("yoy", 26.0, None, None),),
            )
        ],
    ),
    (
        "騰訊2025年第三季度收入1928.7億元人民幣。騰訊股價當日收報648港元，成交額約151億港元。",
        [
            ("Tencent", None, "revenue", "2025-Q3", 192870000000.0, "CNY", "exact", "actual", ()),
            ("Tencent", None, "share_price", None, 648.0, "HKD", "exact", "actual", ()),
        ],
    ),
    (
        "台積電2025年第二季高效能運算營收占比達60%，物聯網與車用電子各占5%。",
        [
            ("TSMC", "HPC", "revenue_share", "2025-Q2", 60.0, "%", "exact", "actual", ()),
            ("TSMC", "IoT", "revenue_share", "2025-Q2", 5.0, "%", "exact", "actual", ()),
            ("TSMC", "Automotive", "revenue_share", "2025-Q2", 5.0, "%", "exact", "actual", ()),
        ],
    ),
    (
        "小米2025年第三季度全球月活躍用戶數達7.42億，按年增長8.2%。",
        [
            (
                "Xiaomi",
                None,
                "users",
                "2025-Q3",
                742000000.0,
                "count",
                "exact",
                "actual",
                (("yoy", 8.2, None, None),),
            )
        ],
    ),
    (
        "亚马逊预计2026年资本支出约2000亿美元。亚马逊2000亿美元的资本开支中包含了物流网络建设。",
        [
            ("Amazon", None, "capex", "2026", 200000000000.0, "USD", "approx", "guidance", ()),
            ("Amazon", None, "capex", "2026", 200000000000.0, "USD", "exact", "guidance", ()),
        ],
    ),
    (
        "丰田2025年11月5日公布2026财年上半财年财报，营业利润为2.0万亿日元。丰田股价5日收盘上涨2.1%，报2980日元。",
        [
            ("Toyota", None, "operating_income", "FY2026-H1", 2000000000000.0, "JPY", "exact", "actual", ()),
            (
                "Toyota",
                None,
                "share_price",
                "2025-11-05",
                2980.0,
                "JPY",
                "exact",
                "actual",
                (("vs_prior", 2.1, None, None),),
            ),
        ],
    ),
    (
        "2025年第三季度，阿里巴巴云业务收入398亿元，同比增长34%。",
        [
            (
                "Alibaba",
                "Cloud Intelligence",
                "revenue",
                "2025-Q3",
                39800000000.0,
                "CNY",
                "exact",
                "actual",
                (("yoy", 34.0, None, None),),
            )
        ],
    ),
    (
        "鴻海2025年10月營收新台幣8,940億元，月增6.2%。累計前10月營收為6兆9,102億元，年增17.0%。",
        [
            (
                "Foxconn",
                None,
                "revenue",
                "2025-10",
                894000000000.0,
                "TWD",
                "exact",
                "actual",
                (("mom", 6.2, None, None),),
            ),
            (
                "Foxconn",
                None,
                "revenue",
                None,
                6910200000000.0,
                "TWD",
                "exact",
                "actual",
                (("yoy", 17.0, None, None),),
            ),
        ],
    ),
    (
        "2025-10-30 16:05\n比亚迪第三季度营业收入1949.85亿元，同比下降3.05%。前三季度归母净利润233.33亿元。",
        [
            (
                "BYD",
                None,
                "revenue",
                "2025-Q3",
                194985000000.0,
                "CNY",
                "exact",
                "actual",
                (("yoy", -3.05, None, None),),
            ),
            ("BYD", None, "net_income", "2025-9M", 23333000000.0, "CNY", "exact", "actual", ()),
        ],
    ),
    (
        "比亚迪第三季度营业收入1949.85亿元。",
        [("BYD", None, "revenue", None, 194985000000.0, "CNY", "exact", "actual", ())],
    ),
    (
        "2025-10-31 蘋果 2025 會計年度第 4 季營收達 1,025 億美元，年增 8%。"
        "蘋果預估，12 月季度營收將成長 10% 至 12%。",
        [
            (
                "Apple",
                None,
                "revenue",
                "FY2025-Q4",
                102500000000.0,
                "USD",
                "exact",
                "actual",
                (("yoy", 8.0, None, None),),
            ),
            (
                "Apple",
                None,
                "revenue",
                "2025-Q4",
                None,
                "USD",
                "exact",
                "guidance",
                (("yoy", 11.0, None, None),),
            ),
        ],
    ),
    (
        "索尼2025財年上半年營業利益7,684億日圓。索尼將全財年營業利益預測上修至1.43兆日圓。"
        "遊戲業務營業利益年增31%至2,090億日圓；影像與感測解決方案部門營收年增13%。",
        [
            ("Sony", None, "operating_income", "FY2025-H1", 768400000000.0, "JPY", "exact", "actual", ()),
            ("Sony", None, "operating_income", "FY2025", 1430000000000.0, "JPY", "exact", "guidance", ()),
            (
                "Sony",
                "Gaming",
                "operating_income",
                "FY2025-H1",
                209000000000.0,
                "JPY",
                "exact",
                "actual",
                (("yoy", 31.0, None, None),),
            ),
            (
                "Sony",
                "Imaging & Sensing Solutions",
                "revenue",
                "FY2025-H1",
                None,
                "JPY",
                "exact",
                "actual",
                (("yoy", 13.0, None, None),),
            ),
        ],
    ),
    (
        "聯電2025年第3季合併營收592.7億元，季增1.7%；每股純益1.19元。",
        [
            (
                "UMC",
                None,
                "revenue",
                "2025-Q3",
                59270000000.0,
                "TWD",
                "exact",
                "actual",
                (("qoq", 1.7, None, None),),
            ),
            ("UMC", None, "eps", "2025-Q3", 1.19, "TWD", "exact", "actual", ()),
        ],
    ),
    # An outlook word (预期) inside an expectation's words earlier in the sentence does not make a later
    # clause an outlook; an outlook word of its own does.
    (
        "市场预期苹果2025财年第四季度营收1000亿美元，苹果实际营收1025亿美元。",
        [
            ("Apple", None, "revenue", "FY2025-Q4", 100000000000.0, "USD", "exact", "estimate", ()),
            ("Apple", None, "revenue", "FY2025-Q4", 102500000000.0, "USD", "exact", "actual", ()),
        ],
    ),
    (
        "市場預期蘋果2025財年第四季度營收1000億美元，蘋果實際營收1025億美元。",
        [
            ("Apple", None, "revenue", "FY2025-Q4", 100000000000.0, "USD", "exact", "estimate", ()),
            ("Apple", None, "revenue", "FY2025-Q4", 102500000000.0, "USD", "exact", "actual", ()),
        ],
    ),
    (
        "分析师预期微软2026年资本支出800亿美元，微软预计2026年资本支出1200亿美元。",
        [
            ("Microsoft", None, "capex", "2026", 80000000000.0, "USD", "exact", "estimate", ()),
            ("Microsoft", None, "capex", "2026", 120000000000.0, "USD", "exact", "guidance", ()),
        ],
    ),
    (
        "分析師預期微軟2026年資本支出800億美元，微軟預計2026年資本支出1200億美元。",
        [
            ("Microsoft", None, "capex", "2026", 80000000000.0, "USD", "exact", "estimate", ()),
            ("Microsoft", None, "capex", "2026", 120000000000.0, "USD", "exact", "guidance", ()),
        ],
    ),
    # A clause going straight to its metric continues the business line of the claim before it, whether
    # it opens with nothing before the metric or with words that only continue (同时也实现); one that
    # first names a business the registry does not know does not.
    (
        "亚马逊2025年第四季度AWS营收356亿美元，同比增长20%，营业利润率35.0%。",
        [
            (
                "Amazon",
                "AWS",
                "revenue",
                "2025-Q4",
                35600000000.0,
                "USD",
                "exact",
                "actual",
                (("yoy", 20.0, None, None),),
            ),
            ("Amazon", "AWS", "operating_margin", "2025-Q4", 35.0, "%", "exact", "actual", ()),
        ],
    ),
    (
        "亞馬遜2025年第四季度AWS營收356億美元，同比增長20%，營業利潤率35.0%。",
        [
            (
                "Amazon",
                "AWS",
                "revenue",
                "2025-Q4",
                35600000000.0,
                "USD",
                "exact",
                "actual",
                (("yoy", 20.0, None, None),),
            ),
            ("Amazon", "AWS", "operating_margin", "2025-Q4", 35.0, "%", "exact", "actual", ()),
        ],
    ),
    (
        "亚马逊2025年第四季度AWS营收356亿美元，同时也实现营业利润率35.0%。",
        [
            ("Amazon", "AWS", "revenue", "2025-Q4", 35600000000.0, "USD", "exact", "actual", ()),
            ("Amazon", "AWS", "operating_margin", "2025-Q4", 35.0, "%", "exact", "actual", ()),
        ],
    ),
    (
        "亞馬遜2025年第四季度AWS營收356億美元，同時也實現營業利潤率35.0%。",
        [
            ("Amazon", "AWS", "revenue", "2025-Q4", 35600000000.0, "USD", "exact", "actual", ()),
            ("Amazon", "AWS", "operating_margin", "2025-Q4", 35.0, "%", "exact", "actual", ()),
        ],
    ),
    (
        "亚马逊2025年第四季度AWS营收356亿美元，自动驾驶出租车服务营收12亿美元。",
        [
            ("Amazon", "AWS", "revenue", "2025-Q4", 35600000000.0, "USD", "exact", "actual", ()),
            ("Amazon", None, "revenue", "2025-Q4", 1200000000.0, "USD", "exact", "actual", ()),
        ],
    ),
    (
        "亞馬遜2025年第四季度AWS營收356億美元，自動駕駛出租車服務營收12億美元。",
        [
            ("Amazon", "AWS", "revenue", "2025-Q4", 35600000000.0, "USD", "exact", "actual", ()),
            ("Amazon", None, "revenue", "2025-Q4", 1200000000.0, "USD", "exact", "actual", ()),
        ],
    ),
    # A sentence without a number passes on the company and period it names.
    (
        "亚马逊公布2025年第四季度业绩。营收2134亿美元，同比增长14%。",
        [
            (
                "Amazon",
                None,
                "revenue",
                "2025-Q4",
                213400000000.0,
                "USD",
                "exact",
                "actual",
                (("yoy", 14.0, None, None),),
            ),
        ],
    ),
    (
        "亞馬遜公布2025年第四季度業績。營收2134億美元，同比增長14%。",
        [
            (
                "Amazon",
                None,
                "revenue",
                "2025-Q4",
                213400000000.0,
                "USD",
                "exact",
                "actual",
                (("yoy", 14.0, None, None),),
            ),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_claims_of_a_sentence(text: str, expected: list[ClaimTuple]) -> None:
    document = extract(text)
    assert [_tuple(claim) for claim in document.claims] == expected
    for claim in document.claims:
        assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.text


@pytest.mark.parametrize(
    ("text", "change_qualifiers"),
    [
        ("苹果预计第一财季营收同比增长10%至12%。", ["range"]),
        ("蘋果預計第一財季營收年增10%至12%。", ["range"]),
        ("亚马逊总市值在三个交易日内蒸发逾2500亿美元。", ["over"]),
        ("亞馬遜總市值在三個交易日內蒸發逾2500億美元。", ["over"]),
        ("英特尔股价在盘后交易中下跌约4%。", ["approx"]),
        ("英特爾股價在盤後交易中下跌約4%。", ["approx"]),
    ],
)
def test_a_change_alone_keeps_its_qualifier_on_the_change(text: str, change_qualifiers: list[str]) -> None:
    """The claim's qualifier is its value's; a claim stating only a change has none to qualify."""
    (claim,) = extract(text).claims
    assert claim.value is None
    assert claim.qualifier.value == "exact"
    assert [change.qualifier.value for change in claim.changes] == change_qualifiers


@pytest.mark.parametrize(
    "text",
    [
        "苹果公布2025财年第四财季业绩。受指引强劲提振，苹果股价在盘后交易中上涨约2%，市值接近4万亿美元。",
        "蘋果公布2025財年第四財季業績。受指引強勁提振，蘋果股價在盤後交易中上漲約2%，市值接近4兆美元。",
        "11月5日，丰田汽车公布2026财年上半财年财报。受业绩预期上调提振，丰田股价5日收盘上涨2.1%，报2980日元。",
        "11月5日，豐田汽車公布2026財年上半財年財報。受業績預期上調提振，豐田股價5日收盤上漲2.1%，報2980日圓。",
    ],
)
def test_a_share_price_or_market_value_is_never_guidance(text: str) -> None:
    """A guidance cue before a market move is its cause, and a trading day after the reported period
    is no outlook."""
    claims = extract(text).claims
    assert [claim.metric.value for claim in claims][:1] == ["share_price"]
    assert [claim.status.value for claim in claims] == ["actual"] * len(claims)


@pytest.mark.parametrize(
    "text",
    [
        "騰訊控股公布第三季業績，總收入1,928億元(人民幣，下同)，按年增長15%。毛利1,092億元。騰訊股價收報650港元。",
        "腾讯控股公布第三季度业绩，总收入1,928亿元（人民币，下同），同比增长15%。毛利1,092亿元。腾讯股价收报650港元。",
    ],
)
def test_a_currency_noted_for_what_follows_counts_every_bare_yuan(text: str) -> None:
    """A Hong Kong company reporting in renminbi: the note (人民币，下同) sets the currency of every bare
    元 after it, whatever the currency of its shares."""
    assert [(claim.metric.value, claim.unit) for claim in extract(text).claims] == [
        ("revenue", "CNY"),
        ("gross_profit", "CNY"),
        ("share_price", "HKD"),
    ]


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # an expectation with words between the holder and the expectation
        ("星辰科技公布第三季度业绩，营收120亿元，此前分析师平均预估为115亿元。", ["actual", "estimate"]),
        ("星辰科技公布第三季業績，營收120億元，此前分析師平均預估為115億元。", ["actual", "estimate"]),
        ("星辰科技第三季度每股收益1.20元，市场原先预估仅1.05元。", ["actual", "estimate"]),
        ("星辰科技第三季每股盈餘1.20元，市場原先預估僅1.05元。", ["actual", "estimate"]),
        # a holder's view before a comma speaks for the rest of the sentence ...
        ("法人预估，星辰科技第四季度营收可望达130亿元，季增约8%。", ["estimate"]),
        ("法人預估，星辰科技第四季營收可望達130億元，季增約8%。", ["estimate"]),
        # ... but for a clause where the company itself plans
        (
            "法人分析，星辰科技明年营收恐将下滑约5%，公司先前设定的2026年营收目标为500亿元。",
            ["estimate", "guidance"],
        ),
        (
            "法人分析，星辰科技明年營收恐將下滑約5%，公司先前設定的2026年營收目標為500億元。",
            ["estimate", "guidance"],
        ),
        # a sentence that opens with analysts' expectation is theirs throughout, a bare 预计 too ...
        (
            "分析师平均预计星辰科技第三季度营收将达到549亿元；每股收益预计为1.25元。",
            ["estimate", "estimate"],
        ),
        (
            "分析師平均預計星辰科技第三季營收將達到549億元；每股盈餘預計為1.25元。",
            ["estimate", "estimate"],
        ),
        # ... but not one that states figures before it, nor one where the company's outlook comes
        # first, compared with theirs
        (
            "星辰科技第三季度营收570亿元，分析师预期为549亿元；第四季度营收指引为650亿元。",
            ["actual", "estimate", "guidance"],
        ),
        (
            "星辰科技预计第三季度营收为560亿元，高于分析师平均预估的549亿元；每股收益预计为1.3元。",
            ["guidance", "estimate", "guidance"],
        ),
        # a plan's figure compared with a year already reported: that figure is actual
        (
            "星辰科技公布2025年年度业绩。公司2026年资本开支计划为30亿元，较2025年的22亿元大幅增加。",
            ["guidance", "actual"],
        ),
        (
            "星辰科技公布2025年年度業績。公司2026年資本開支計劃為30億元，較2025年的22億元大幅增加。",
            ["guidance", "actual"],
        ),
        # results that beat expectations (胜预期) are no outlook
        ("星辰科技第三季度季绩胜预期 数据中心收入同比增长66%。", ["actual"]),
        ("星辰科技第三季季績勝預期 數據中心收入按年增66%。", ["actual"]),
        # a plan (规划) is guidance
        ("星辰科技将2026年资本支出由先前规划的80亿元上调至约90亿元。", ["guidance", "guidance"]),
        ("星辰科技將2026年資本支出由先前規劃的80億元上調至約90億元。", ["guidance", "guidance"]),
    ],
)
def test_who_states_a_figure(text: str, statuses: list[str]) -> None:
    assert [claim.status.value for claim in extract(text).claims] == statuses


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cut of jobs states the layoffs
        ("星辰科技10月宣布裁减约1.4万个企业职位。", [("layoffs", 14000.0, "approx", ())]),
        ("星辰科技10月宣布裁減約1.4萬個企業職位。", [("layoffs", 14000.0, "approx", ())]),
        ("星辰科技10月宣布削减3000个工作岗位。", [("layoffs", 3000.0, "exact", ())]),
        ("星辰科技10月宣布削減3000個工作崗位。", [("layoffs", 3000.0, "exact", ())]),
        # a cut of something else is none, a cut to a level is the level of what is cut
        ("星辰科技10月宣布削减100个门店。", []),
        ("星辰科技10月宣布削減100個門店。", []),
        ("星辰科技10月宣布将员工总数削减至约7.5万人。", [("headcount", 75000.0, "approx", ())]),
        ("星辰科技10月宣布將員工總數削減至約7.5萬人。", [("headcount", 75000.0, "approx", ())]),
        # a qualifier after the measure word (7.5万人左右) leaves the count its measure word
        ("星辰科技10月宣布员工总数将削减至7.5万人左右。", [("headcount", 75000.0, "approx", ())]),
        ("星辰科技10月宣布員工總數將削減至7.5萬人左右。", [("headcount", 75000.0, "approx", ())]),
        ("星辰科技10月宣布裁员3000人以上。", [("layoffs", 3000.0, "over", ())]),
        ("星辰科技10月宣布裁員3000人以上。", [("layoffs", 3000.0, "over", ())]),
        # a change of the layoffs stays a change
        ("星辰科技10月裁员人数同比减少20%。", [("layoffs", None, "exact", (-20.0,))]),
        ("星辰科技10月裁員人數年減20%。", [("layoffs", None, "exact", (-20.0,))]),
    ],
)
def test_cuts_of_jobs_are_layoffs(
    text: str, expected: list[tuple[str, float | None, str, tuple[float, ...]]]
) -> None:
    claims = extract(text).claims
    assert [
        (c.metric.value, c.value, c.qualifier.value, tuple(x.percent for x in c.changes)) for c in claims
    ] == expected


@pytest.mark.parametrize(
    ("text", "dividend"),
    [
        # a payout declared with the results takes their period, not the outlook's the text spoke of last
        (
            "微软公布2026财年第一财季业绩，营收777亿美元。微软预计第二财季营收约800亿美元。"
            "董事会宣布派发每股0.91美元的季度现金股息。",
            ("dividend", 0.91, "USD", "FY2026-Q1"),
        ),
        (
            "微軟公布2026財年第一財季業績，營收777億美元。微軟預計第二財季營收約800億美元。"
            "董事會宣布派發每股0.91美元的季度現金股息。",
            ("dividend", 0.91, "USD", "FY2026-Q1"),
        ),
        # per ten shares, written per share
        (
            "贵州茅台披露2024年年度报告，营业总收入1741亿元。公司拟向全体股东每10股派发现金红利276.24元。",
            ("dividend", 27.624, "CNY", "2024"),
        ),
        (
            "貴州茅台披露2024年年度報告，營業總收入1741億元。公司擬向全體股東每10股派發現金紅利276.24元。",
            ("dividend", 27.624, "CNY", "2024"),
        ),
    ],
)
def test_a_dividend_declared_with_results(text: str, dividend: tuple[str, float, str, str]) -> None:
    claims = extract(text).claims
    assert [(c.metric.value, c.value, c.unit, c.period) for c in claims][-1] == dividend


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count names what it counts when no term of its clause does
        (
            "星辰科技宣布裁减约1.4万个企业职位，约占其35万名企业员工的4%。",
            [("layoffs", 14000.0, None), ("headcount", 350000.0, None)],
        ),
        (
            "星辰科技宣布裁減約1.4萬個企業職位，約佔其35萬名企業員工的4%。",
            [("layoffs", 14000.0, None), ("headcount", 350000.0, None)],
        ),
        ("星辰科技宣布裁员1.4万名员工。", [("layoffs", 14000.0, None)]),
        ("星辰科技宣布裁員1.4萬名員工。", [("layoffs", 14000.0, None)]),
        # a period the text counts from (自2023年初以来) is no period it goes on about
        (
            "星辰科技宣布裁员1.4万人。这是该公司自2023年以来规模最大的一轮裁员。星辰科技目前员工总数约15万人。",
            [("layoffs", 14000.0, None), ("headcount", 150000.0, None)],
        ),
        (
            "星辰科技宣布裁員1.4萬人。這是該公司自2023年以來規模最大的一輪裁員。星辰科技目前員工總數約15萬人。",
            [("layoffs", 14000.0, None), ("headcount", 150000.0, None)],
        ),
    ],
)
def test_counts_of_people(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert [(c.metric.value, c.value, c.period) for c in extract(text).claims] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a term heading a growth rate in the value's own clause beats one of an earlier clause
        "星辰科技2025年第三季度，可比销售额增长4.5%；国际业务净销售额增长10.8%至329亿元。",
        "星辰科技2025年第三季，可比銷售額增長4.5%；國際業務淨銷售額增長10.8%至329億元。",
    ],
)
def test_a_value_reached_by_a_growth_rate_measures_its_own_clauses_term(text: str) -> None:
    claims = [(c.metric.value, c.segment, c.value) for c in extract(text).claims]
    assert claims == [("other", None, None), ("revenue", "International", 3.29e10)]


_DIVISIONS = [(None, 5.809e10), ("Fashion & Leather Goods", 2.81e10), (None, 6.1e9)]


@pytest.mark.parametrize(
    "text",
    [
        # a division the registry does not know (香氛部门) does not take the one of the item before it
        "路威酩轩2025年前九个月营收为580.9亿欧元。其中，时装与皮具部门营收为281亿欧元；香氛部门营收为61亿欧元。",
        "路威酩軒2025年前九個月營收為580.9億歐元。其中，時裝與皮具部門營收為281億歐元；香氛部門營收為61億歐元。",
    ],
)
def test_an_unknown_division_takes_no_earlier_segment(text: str) -> None:
    assert [(claim.segment, claim.value) for claim in extract(text).claims] == _DIVISIONS


_CAPEX_PARTS = [(None, "capex", 1.2e12), ("Semiconductors", "capex", 6e11)]
_STAFF_PARTS = [(None, "headcount", 130000.0), ("R&D", "headcount", 20000.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a business, and a staff group, singled out of a total after 其中
        ("索尼预计本财年资本支出约1.2万亿日元，其中半导体约6000亿日元。", _CAPEX_PARTS),
        ("索尼預計本財年資本支出約1.2兆日圓，其中半導體約6000億日圓。", _CAPEX_PARTS),
        ("宁德时代员工总数约十三万人，其中研发人员超过二万人。", _STAFF_PARTS),
        ("寧德時代員工總數約十三萬人，其中研發人員超過二萬人。", _STAFF_PARTS),
    ],
)
def test_a_part_singled_out_of_a_total_is_its_segment(
    text: str, expected: list[tuple[str | None, str, float]]
) -> None:
    parts = [(claim.segment, claim.metric, claim.value) for claim in extract(text).claims]
    assert parts == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the size of a loss refers back to the loss just stated, and is that loss
        (
            "Snap第三季度经营亏损1.6亿美元，亏损幅度小于分析师预期的2.1亿美元。",
            [("operating_income", -1.6e8, "actual"), ("operating_income", -2.1e8, "estimate")],
        ),
        (
            "Snap第三季度經營虧損1.6億美元，虧損幅度小於分析師預期的2.1億美元。",
            [("operating_income", -1.6e8, "actual"), ("operating_income", -2.1e8, "estimate")],
        ),
        # a loss term measures a loss wherever its amount stands
        (
            "蔚来第三季度净亏损34.8亿元，市场预期亏损约40亿元。",
            [("net_income", -3.48e9, "actual"), ("net_income", -4e9, "estimate")],
        ),
        (
            "蔚來第三季淨虧損34.8億元，市場預期虧損約40億元。",
            [("net_income", -3.48e9, "actual"), ("net_income", -4e9, "estimate")],
        ),
    ],
)
def test_a_loss_is_negative_and_its_size_is_the_loss_before_it(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    claims = extract(text).claims
    assert [(claim.metric, claim.value, claim.status) for claim in claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an expectation's figure after a growth rate is that growth rate as expected, by whoever holds it
        (
            "联发科预计全年营收年增15%，高于市场预期的12%。",
            [((("yoy", 15.0),), "guidance"), ((("yoy", 12.0),), "estimate")],
        ),
        (
            "聯發科預計全年營收年增15%，高於市場預期的12%。",
            [((("yoy", 15.0),), "guidance"), ((("yoy", 12.0),), "estimate")],
        ),
        (
            "法人预估，台积电全年营收年增率可望达35%左右，优于公司先前预期的约30%。",
            [((("yoy", 35.0),), "estimate"), ((("yoy", 30.0),), "guidance")],
        ),
        (
            "法人預估，台積電全年營收年增率可望達35%左右，優於公司先前預期的約30%。",
            [((("yoy", 35.0),), "estimate"), ((("yoy", 30.0),), "guidance")],
        ),
    ],
)
def test_an_expected_growth_rate_after_a_growth_rate(text: str, expected: list[tuple[object, str]]) -> None:
    claims = extract(text).claims
    assert all(claim.metric == "revenue" and claim.value is None for claim in claims)
    assert [
        (tuple((change.basis, change.percent) for change in claim.changes), claim.status) for claim in claims
    ] == expected


@pytest.mark.parametrize(
    "text",
    [
        "苹果第四财季通过股票回购和派息向股东返还了290亿美元。",
        "蘋果第四財季透過股票回購和派息向股東返還了290億美元。",
    ],
)
def test_a_return_to_shareholders_is_no_dividend(text: str) -> None:
    assert [(claim.metric, claim.value) for claim in extract(text).claims] == [("other", 2.9e10)]


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("上半财年丰田与雷克萨斯品牌全球销量约为520万辆。", ("Toyota", "Toyota, Lexus")),
        ("上半財年豐田與雷克薩斯品牌全球銷量約為520萬輛。", ("Toyota", "Toyota, Lexus")),
        ("大众汽车与奥迪品牌全球交付量约为410万辆。", ("Volkswagen", "Volkswagen, Audi")),
        ("大眾汽車與奧迪品牌全球交付量約為410萬輛。", ("Volkswagen", "Volkswagen, Audi")),
        # no brands named: the company's Lexus
        ("上半财年丰田与雷克萨斯全球销量约为520万辆。", ("Toyota", "Lexus")),
        ("上半財年豐田與雷克薩斯全球銷量約為520萬輛。", ("Toyota", "Lexus")),
    ],
)
def test_a_company_listed_with_its_brand_is_its_namesake_brand(text: str, owner: tuple[str, str]) -> None:
    assert [(claim.subject, claim.segment) for claim in extract(text).claims] == [owner]


def test_a_sentence_without_a_metric_makes_no_claim() -> None:
    assert extract("亚马逊创立于1994年，总部位于西雅图，员工遍布全球。").claims == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure revised (从此前的A上调至B) is the same period's, both the company's outlook
        (
            "星辰科技将2026年营业利润预期从此前的3.2万亿日元上调至3.4万亿日元。",
            [("2026", 3.2e12, "guidance"), ("2026", 3.4e12, "guidance")],
        ),
        (
            "星辰科技將2026年營業利潤預期從此前的3.2萬億日元上調至3.4萬億日元。",
            [("2026", 3.2e12, "guidance"), ("2026", 3.4e12, "guidance")],
        ),
        # ... a figure of the year it looks back to is what happened then
        (
            "星辰科技公布2025年第三季度业绩。公司预计2025年营业利润为3.4万亿日元，但仍低于上年的4.8万亿日元。",
            [("2025", 3.4e12, "guidance"), ("2024", 4.8e12, "actual")],
        ),
        (
            "星辰科技公布2025年第三季業績。公司預計2025年營業利潤為3.4萬億日元，但仍低於上年的4.8萬億日元。",
            [("2025", 3.4e12, "guidance"), ("2024", 4.8e12, "actual")],
        ),
        # ... and a quarter written without its year, in an outlook after a fourth quarter, is next year's
        (
            "星辰科技公布2025年第四季度业绩，营收为35亿元。公司预计第一季度营收为30亿元。",
            [("2025-Q4", 3.5e9, "actual"), ("2026-Q1", 3e9, "guidance")],
        ),
        (
            "星辰科技公布2025年第四季業績，營收為35億元。公司預計第一季營收為30億元。",
            [("2025-Q4", 3.5e9, "actual"), ("2026-Q1", 3e9, "guidance")],
        ),
        (
            "星辰科技公布2025年第四季度业绩，营收为35亿元。分析师预计第一季度营收为33亿元。",
            [("2025-Q4", 3.5e9, "actual"), ("2026-Q1", 3.3e9, "estimate")],
        ),
        (
            "星辰科技公布2025年第四季業績，營收為35億元。分析師預計第一季營收為33億元。",
            [("2025-Q4", 3.5e9, "actual"), ("2026-Q1", 3.3e9, "estimate")],
        ),
        # ... but a result of that quarter stays in the report's year
        (
            "星辰科技公布2025年第四季度业绩，营收为35亿元，第一季度营收为30亿元。",
            [("2025-Q4", 3.5e9, "actual"), ("2025-Q1", 3e9, "actual")],
        ),
        (
            "星辰科技公布2025年第四季業績，營收為35億元，第一季營收為30億元。",
            [("2025-Q4", 3.5e9, "actual"), ("2025-Q1", 3e9, "actual")],
        ),
        # a growth outlook is the company's, in the change itself
        (
            "星辰科技公布2025年第三季度业绩。公司将全年营收增长预期上调至4.8%至5.1%。",
            [("2025", None, "guidance")],
        ),
        (
            "星辰科技公布2025年第三季業績。公司將全年營收增長預期上調至4.8%至5.1%。",
            [("2025", None, "guidance")],
        ),
    ],
)
def test_the_period_and_status_of_an_outlook(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(c.period, c.value, c.status.value) for c in extract(text).claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an impact on a figure is a figure of its own (other), not the figure ...
        ("星辰科技表示，美国关税对全年利润的影响预计达1.45万亿日元。", [("other", 1.45e12)]),
        ("星辰科技表示，美國關稅對全年利潤的影響預計達1.45萬億日元。", [("other", 1.45e12)]),
        ("星辰科技表示，汇率波动对营业利润的冲击约为3000亿日元。", [("other", 3e11)]),
        ("星辰科技表示，匯率波動對營業利潤的衝擊約為3000億日元。", [("other", 3e11)]),
        # ... while a figure affected by something (受关税影响) is still the figure
        ("星辰科技营收受关税影响下降5%至100亿元。", [("revenue", 1e10)]),
        ("星辰科技營收受關稅影響下降5%至100億元。", [("revenue", 1e10)]),
    ],
)
def test_an_impact_on_a_metric_is_not_the_metric(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(c.metric.value, c.value) for c in extract(text).claims] == expected


@pytest.mark.parametrize(
    "text",
    [
        "星辰科技11月1日公布10月交付数据，共交付新车4万台。截至2025年10月31日，累计交付新车91万台。",
        "星辰科技11月1日公布10月交付數據，共交付新車4萬台。截至2025年10月31日，累計交付新車91萬台。",
    ],
)
def test_a_month_takes_its_year_from_the_only_date_that_gives_one(text: str) -> None:
    assert [(c.period, c.value) for c in extract(text).claims] == [
        ("2025-10", 40000.0),
        ("2025-10-31", 910000.0),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "苹果公布2025财年第四财季业绩。iPhone营收为490.3亿美元；服务营收创新高，达287.5亿美元。",
        "蘋果公布2025財年第四財季業績。iPhone營收為490.3億美元；服務營收創新高，達287.5億美元。",
    ],
)
def test_a_number_takes_the_names_of_its_metric_terms_clause(text: str) -> None:
    assert [(c.segment, c.value) for c in extract(text).claims] == [
        ("iPhone", 490.3e8),
        ("Services", 287.5e8),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # at constant exchange rates only qualifies the figure ...
        ("友邦保险第三季度新业务价值按固定汇率计算同比上升25%至15.67亿美元。", [("other", 1.567e9)]),
        ("友邦保險第三季度新業務價值按固定匯率計算按年上升25%至15.67億美元。", [("other", 1.567e9)]),
        # ... and so does the exchange rate a guidance assumes ...
        (
            "星辰科技预估第四季营收以美元对新台币汇率1比30.3计算，约在1430亿元至1490亿元之间。",
            [("revenue", 1.46e11)],
        ),
        (
            "星辰科技預估第四季營收以美元對新台幣匯率1比30.3計算，約在1430億元至1490億元之間。",
            [("revenue", 1.46e11)],
        ),
        # ... while an exchange rate itself is no figure of the metric before it
        ("星辰科技第三季度营收增长5%，汇率约为7.1元。", [("revenue", None)]),
        ("星辰科技第三季度營收增長5%，匯率約為7.1元。", [("revenue", None)]),
    ],
)
def test_a_phrase_that_qualifies_a_figure_does_not_block_it(
    text: str, expected: list[tuple[str, float | None]]
) -> None:
    assert [(c.metric.value, c.value) for c in extract(text).claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a change after the figure compared with is the change of the figure stated first ...
        (
            "星辰科技第三季度毛利率为20.1%，较去年同期的15.3%提升4.8个百分点。",
            [(20.1, "actual", (4.8,)), (15.3, "actual", ())],
        ),
        (
            "星辰科技第三季度毛利率為20.1%，較去年同期的15.3%提升4.8個百分點。",
            [(20.1, "actual", (4.8,)), (15.3, "actual", ())],
        ),
        (
            "星辰科技北美地区营收为50.2亿元，高于分析师平均预估的48.9亿元，同比增长4%。",
            [(5.02e9, "actual", (4.0,)), (4.89e9, "estimate", ())],
        ),
        (
            "星辰科技北美地區營收為50.2億元，高於分析師平均預估的48.9億元，按年增長4%。",
            [(5.02e9, "actual", (4.0,)), (4.89e9, "estimate", ())],
        ),
        # ... but not of a figure whose period leads both (从2024年的A增至B)
        (
            "星辰科技全年营收从2024年的500亿元增至660亿元，同比增长32%。",
            [(5e10, "actual", ()), (6.6e10, "actual", (32.0,))],
        ),
        (
            "星辰科技全年營收從2024年的500億元增至660億元，同比增長32%。",
            [(5e10, "actual", ()), (6.6e10, "actual", (32.0,))],
        ),
        # a record (创下...的纪录) is the figure's own level
        ("星辰科技第三季度营收创下92.5亿元的纪录，同比增长36%。", [(9.25e9, "actual", (36.0,))]),
        ("星辰科技第三季營收創下92.5億元的紀錄，同比增長36%。", [(9.25e9, "actual", (36.0,))]),
        # a change an expectation holds (预期的下降2%) is the expectation's, a claim of its own
        (
            "星辰科技第三季度营收为181亿元，有机增长为1%，好于分析师预期的下降2%。",
            [(1.81e10, "actual", (1.0,)), (None, "estimate", (-2.0,))],
        ),
        (
            "星辰科技第三季營收為181億元，有機增長為1%，好於分析師預期的下降2%。",
            [(1.81e10, "actual", (1.0,)), (None, "estimate", (-2.0,))],
        ),
    ],
)
def test_which_figure_a_change_belongs_to(
    text: str, expected: list[tuple[float, str, tuple[float, ...]]]
) -> None:
    claims = extract(text).claims
    assert [
        (c.value, c.status.value, tuple(x.percent if x.percent is not None else x.points for x in c.changes))
        for c in claims
    ] == expected


@pytest.mark.parametrize(
    "text",
    [
        "台积电3纳米制程出货占第三季度晶圆销售金额的23%，5纳米占37%。",
        "台積電3奈米製程出貨占第3季晶圓銷售金額的23%，5奈米占37%。",
    ],
)
def test_a_share_belongs_to_what_is_named_before_its_zhan(text: str) -> None:
    claims = extract(text).claims
    assert [(c.subject, c.segment, c.metric.value, c.value) for c in claims] == [
        ("TSMC", "3nm", "revenue_share", 23.0),
        ("TSMC", "5nm", "revenue_share", 37.0),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a company the registry lacks, announcing its results, is the subject of its figures
        "星河股份10月30日晚间公布三季报，2025年前三季度实现营业收入128亿元，同比增长1.8%。",
        "星河股份10月30日晚間公布三季報，2025年前三季度實現營業收入128億元，同比增長1.8%。",
    ],
)
def test_an_unknown_company_announcing_its_results_is_the_subject(text: str) -> None:
    claims = [(c.subject, c.metric.value, c.period, c.value) for c in extract(text).claims]
    assert claims == [("星河股份", "revenue", "2025-9M", 1.28e10)]


_LAST_QUARTER = [
    ("revenue", "FY2026-Q1", None),
    ("revenue", "FY2026-Q1", 7.77e10),
    ("gross_margin", "FY2026-Q1", 69.0),
    ("gross_margin", "FY2025-Q4", 68.0),
]


@pytest.mark.parametrize(
    "text",
    [
        # last quarter right after the company is the quarter reported on; as a comparison, the one before
        "微軟上季營收年增18%。微軟公布2026財年第一財季財報，營收777億美元，毛利率69%，優於上季的68%。",
        "微软上季度营收同比增长18%。微软公布2026财年第一财季财报，营收777亿美元，毛利率69%，优于上季度的68%。",
    ],
)
def test_last_quarter_after_the_company_is_the_quarter_reported_on(text: str) -> None:
    assert [(c.metric.value, c.period, c.value) for c in extract(text).claims] == _LAST_QUARTER


@pytest.mark.parametrize(
    "text",
    [
        # a headline's plan in 港元 neither sets the report period nor turns bare 元 into 港元
        "腾讯2025年回购规模将超过800亿港元。腾讯控股公布2024年全年业绩，全年收入为6,603亿元。",
        "騰訊2025年回購規模將超過800億港元。騰訊控股公布2024年全年業績，全年收入為6,603億元。",
    ],
)
def test_the_results_release_sets_the_period_and_the_home_market_the_currency(text: str) -> None:
    claims = [(c.metric.value, c.period, c.value, c.unit) for c in extract(text).claims]
    assert claims == [("buyback", "2025", 8e10, "HKD"), ("revenue", "2024", 6.603e11, "CNY")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a change with no value is counted in the company's home currency when no currency is written
        ("大立光第4季營收預估季減一成。", "TWD"),
        ("大立光第四季度营收预计环比下降一成。", "TWD"),
        ("港交所收入按季下跌6%。", "HKD"),
        ("港交所第三季度收入环比下降6%。", "HKD"),
        # outside the markets of 元 too: a US or Japanese company reports in its own currency
        ("超威半导体数据中心业务同比增长22%。", "USD"),
        ("超威半導體數據中心業務年增22%。", "USD"),
        ("丰田第二季度营业利润同比下降27%。", "JPY"),
        ("豐田第二季營業利益年減27%。", "JPY"),
        # a company reporting in another currency than its home market's (registry `currency`)
        ("汇丰控股第三季度税前利润下跌14%。", "USD"),
        ("滙豐控股第三季稅前利潤年減14%。", "USD"),
        # a business line names its company's home market (AWS is Amazon's)
        ("AWS业务营收同比增长24%。", "USD"),
        ("AWS業務營收年增24%。", "USD"),
        # a change of an amount counts in the currency it writes out
        ("宁德时代市值单日蒸发400亿美元。", "USD"),
        ("寧德時代市值單日蒸發400億美元。", "USD"),
    ],
)
def test_a_change_alone_is_in_the_home_currency(text: str, unit: str) -> None:
    assert [c.unit for c in extract(text).claims] == [unit]


_BYD_Q3 = [
    ("BYD", None, "revenue", 1.95e11, ((("yoy", -3.1, None, None),))),
    ("BYD", None, "net_income", 7.8e9, ((("yoy", -32.6, None, None),))),
]
_FOUNDRIES = [("TSMC", None, "revenue", 3e11, ()), ("UMC", None, "revenue", 2e10, ())]
_CLOUDS = [
    ("Microsoft", "Intelligent Cloud", "revenue", None, (("yoy", 40.0, None, None),)),
    ("Google", "Google Cloud", "revenue", None, (("yoy", 34.0, None, None),)),
]
_LINES = [("Amazon", "AWS", "revenue", 3.3e10, ()), ("Amazon", "Advertising", "revenue", 1.8e10, ())]
_LIQUORS = [
    ("Kweichow Moutai", "Moutai Liquor", "revenue", 1.105e11, ()),
    ("Kweichow Moutai", "Series Liquor", "revenue", 2.01e10, ()),
]
_VANKE = [("Vanke", None, "revenue", 1.0046e11, (("yoy", -44.6, None, None),))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 分别 hands the figures and changes listed after it out over the metric terms, companies and
        # business lines listed before it, in order
        ("比亚迪营业收入和净利润分别为1950亿元和78亿元，同比分别下降3.1%和32.6%。", _BYD_Q3),
        ("比亞迪營業收入和淨利潤分別為1950億元和78億元，同比分別下降3.1%和32.6%。", _BYD_Q3),
        ("比亚迪营业收入为1950亿元，净利润为78亿元，同比分别下降3.1%和32.6%。", _BYD_Q3),
        ("台積電與聯電營收分別為3,000億元及200億元。", _FOUNDRIES),
        ("台积电与联电营收分别为3,000亿元及200亿元。", _FOUNDRIES),
        ("微软和谷歌的云业务营收分别增长40%和34%。", _CLOUDS),
        ("微軟和谷歌的雲端業務營收分別年增40%和34%。", _CLOUDS),
        ("亚马逊AWS和广告业务营收分别为330亿美元和180亿美元。", _LINES),
        ("亞馬遜AWS和廣告業務營收分別為330億美元和180億美元。", _LINES),
        # each figure takes the business line of its own metric term, when each has one
        ("贵州茅台前三季度茅台酒收入和系列酒收入分别为1105亿元和201亿元。", _LIQUORS),
        ("貴州茅台前三季茅台酒收入和系列酒收入分別為1105億元和201億元。", _LIQUORS),
        # a figure listed that is no claim (an area) keeps its change from the others
        ("万科合同销售面积653.1万平方米，合同销售金额1,004.6亿元，同比分别下降45.7%和44.6%。", _VANKE),
        ("萬科合同銷售面積653.1萬平方米，合同銷售金額1,004.6億元，同比分別下降45.7%和44.6%。", _VANKE),
    ],
)
def test_figures_stated_respectively(text: str, expected: list[tuple[object, ...]]) -> None:
    claims = [
        (
            c.subject,
            c.segment,
            c.metric.value,
            c.value,
            tuple((x.basis.value, x.percent, x.points, x.amount) for x in c.changes),
        )
        for c in extract(text).claims
    ]
    assert claims == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a change naming no basis right after the period it is compared with: the quarter before the
        # claim's is quarter on quarter, the same part of the year before year on year; the claim keeps
        # its own period
        ("中国国航2025年第三季度营业收入480亿元，与第二季度持平。", ("2025-Q3", "qoq", 0.0)),
        ("中國國航2025年第三季營業收入480億元，與第二季持平。", ("2025-Q3", "qoq", 0.0)),
        ("台積電2025年第4季營收與第3季相比增加5%。", ("2025-Q4", "qoq", 5.0)),
        ("台积电2025年第4季营收与第3季相比增加5%。", ("2025-Q4", "qoq", 5.0)),
        ("苹果2026年第一季度营收与2025年第四季度持平。", ("2026-Q1", "qoq", 0.0)),
        ("蘋果2026年第一季營收與2025年第四季持平。", ("2026-Q1", "qoq", 0.0)),
        ("苹果2026年第一季度营收较2025年第一季度增长3%。", ("2026-Q1", "yoy", 3.0)),
        ("小米2025年营收较2024年增长25%。", ("2025", "yoy", 25.0)),
        ("鴻海2025年10月營收較9月減少4.3%。", ("2025-10", "mom", -4.3)),
        ("鸿海2025年10月营收较9月减少4.3%。", ("2025-10", "mom", -4.3)),
        ("小米2025年1月营收较2024年12月增长3%。", ("2025-01", "mom", 3.0)),
        ("小米2025年營收較2024年增長25%。", ("2025", "yoy", 25.0)),
    ],
)
def test_a_change_takes_its_basis_from_the_period_compared_with(
    text: str, expected: tuple[str, str, float]
) -> None:
    claims = [(c.period, c.changes[0].basis.value, c.changes[0].percent) for c in extract(text).claims]
    assert claims == [expected]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # a share price or a move on it with no currency of its own is in the currency of the market quoted
        ("蔚来美股周二收涨5%。", ["USD"]),
        ("蔚來美股周二收漲5%。", ["USD"]),
        ("阿里巴巴美股盘前上涨3%，港股收跌1%。", ["USD", "HKD"]),
        ("阿里巴巴美股盤前上漲3%，港股收跌1%。", ["USD", "HKD"]),
        ("小米集团港股收报52.3元，上涨2%。", ["HKD"]),
        ("小米集團港股收報52.3元，上漲2%。", ["HKD"]),
        # 台股 and H股 inside a name before 股价 name no market
        ("贵州茅台股价报1428.50元/股。", ["CNY"]),
        ("LVMH股价在巴黎股市大涨12%。", ["EUR"]),
    ],
)
def test_a_share_price_is_in_the_currency_of_its_market(text: str, units: list[str]) -> None:
    assert [c.unit for c in extract(text).claims] == units


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a cut announced as one to come is the company's plan; one made is actual
        ("惠普將裁員最多6000人。", "guidance"),
        ("惠普将裁员最多6000人。", "guidance"),
        ("英特尔将裁减约2.4万个职位。", "guidance"),
        ("英特爾今年已裁減約2.4萬個職位。", "actual"),
    ],
)
def test_a_layoff_to_come_is_a_plan(text: str, status: str) -> None:
    assert [c.status.value for c in extract(text).claims] == [status]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bank's balances are figures of their own (metric other), not revenue, and one does not take
        # the term of the one before
        (
            "截至9月末，招商银行资产总额12.64万亿元，较上年末增长4.84%；贷款和垫款总额7.41万亿元，较上年末增长4.2%。",
            [
                ("other", 1.264e13, "招商银行资产总额12.64万亿元，较上年末增长4.84%"),
                ("other", 7.41e12, "贷款和垫款总额7.41万亿元，较上年末增长4.2%"),
            ],
        ),
        (
            "截至9月末，招商銀行資產總額12.64萬億元，較上年末增長4.84%；貸款和墊款總額7.41萬億元，較上年末增長4.2%。",
            [
                ("other", 1.264e13, "招商銀行資產總額12.64萬億元，較上年末增長4.84%"),
                ("other", 7.41e12, "貸款和墊款總額7.41萬億元，較上年末增長4.2%"),
            ],
        ),
    ],
)
def test_a_banks_balances_are_figures_of_their_own(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(c.metric.value, c.value, c.evidence.text) for c in extract(text).claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 估 before a change or a figure, and 可望, state the company's outlook
        ("日月光投控第四季營收估季增4%至6%。", [("ASE", None, "guidance")]),
        ("日月光投控第四季度营收估季增4%至6%。", [("ASE", None, "guidance")]),
        ("台積電第4季營收估達1兆元。", [("TSMC", None, "guidance")]),
        ("日月光投控2026年先進封裝營收可望再增加10億美元。", [("ASE", "Advanced Packaging", "guidance")]),
        # the lines of a packaging and testing house
        (
            "日月光投控預估封測事業營收將季增4%至6%，電子代工服務營收將與第三季持平。",
            [
                ("ASE", "Packaging and Testing", "guidance"),
                ("ASE", "Electronic Manufacturing Services", "guidance"),
            ],
        ),
    ],
)
def test_an_outlook_in_taiwan_phrasing(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert [(c.subject, c.segment, c.status.value) for c in extract(text).claims] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a business line the registry lacks, named before its metric, takes no segment of the clause
        # before it; a bare 分部 names none
        "分業務看，京東零售收入為2,506億元，按年增長11.4%；新業務收入為155億元，經營虧損為157億元。",
        "分业务看，京东零售收入为2,506亿元，同比增长11.4%；新业务收入为155亿元，经营亏损为157亿元。",
    ],
)
def test_a_business_line_the_registry_lacks_takes_no_earlier_segment(text: str) -> None:
    claims = [(c.segment, c.metric.value, c.value) for c in extract(text).claims]
    assert claims == [
        ("JD Retail", "revenue", 2.506e11),
        (None, "revenue", 1.55e10),
        (None, "operating_income", -1.57e10),
    ]


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        # the whole company's figure after a business line's takes no business line
        ("苹果iPhone营收为490亿美元，同比增长6%，公司总营收为1025亿美元。", ["iPhone", None]),
        ("蘋果iPhone營收為490億美元，年增6%，公司總營收為1025億美元。", ["iPhone", None]),
        ("小米手机出货量为4330万台，集团总收入为1131亿元。", ["Smartphones", None]),
        ("台積電HPC營收季增9%，合併營收為3,676億元。", ["HPC", None]),
        # a clause going straight to its metric goes on with the line before it
        ("iPhone營收為490億美元，年增6%，營業利益率為30%。", ["iPhone", "iPhone"]),
    ],
)
def test_the_whole_companys_figure_takes_no_business_line(text: str, segments: list[str | None]) -> None:
    assert [c.segment for c in extract(text).claims] == segments


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in a sentence opening with analysts' forecast, a company's figure expected later is theirs; a
        # company expecting something itself states its outlook
        (
            "据LSEG汇编的分析师预测，阿里巴巴该季度营收预计为2425亿元人民币，经调整每股美国存托股收益预计为12.5元。",
            [("revenue", 2.425e11, "estimate"), ("eps", 12.5, "estimate")],
        ),
        (
            "據LSEG彙編的分析師預測，阿里巴巴該季度營收預計為2425億元人民幣，經調整每股美國存託股收益預計為12.5元。",
            [("revenue", 2.425e11, "estimate"), ("eps", 12.5, "estimate")],
        ),
        (
            "分析师平均预计英伟达营收为549亿美元；英伟达预计第四季度营收为650亿美元。",
            [("revenue", 5.49e10, "estimate"), ("revenue", 6.5e10, "guidance")],
        ),
    ],
)
def test_a_figure_expected_in_analysts_sentence_is_theirs(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    assert [(c.metric.value, c.value, c.status.value) for c in extract(text).claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a listed subsidiary in a story on its parent's results is one of the parent's businesses
        (
            "京东集团公布第三季度业绩。京东物流收入为551亿元，同比增长24.1%；新业务收入为155.9亿元。",
            [("JD.com", "JD Logistics", 5.51e10), ("JD.com", None, 1.559e10)],
        ),
        (
            "京東集團公布第三季業績。京東物流收入為551億元，按年增長24.1%；新業務收入為155.9億元。",
            [("JD.com", "JD Logistics", 5.51e10), ("JD.com", None, 1.559e10)],
        ),
        # its own story, also when the first sentence names it with its parent
        ("京东物流第三季度收入为551亿元，同比增长24.1%。", [("JD Logistics", None, 5.51e10)]),
        (
            "腾讯控股旗下的腾讯音乐公布第三季度业绩。腾讯音乐收入为84.6亿元。",
            [("Tencent Music", None, 8.46e9)],
        ),
    ],
)
def test_a_listed_subsidiary_in_its_parents_story_is_a_business(
    text: str, expected: list[tuple[str, str | None, float]]
) -> None:
    assert [(c.subject, c.segment, c.value) for c in extract(text).claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # servers as Taiwan's makers report them
        (
            "廣達第四季AI伺服器營收將季增逾兩成，全年伺服器營收占比可望達到七成。",
            [("AI Servers", "revenue"), ("Servers", "revenue_share")],
        ),
        (
            "广达第四季度AI服务器营收将环比增长逾两成，全年服务器营收占比可望达到七成。",
            [("AI Servers", "revenue"), ("Servers", "revenue_share")],
        ),
        # a tax credit inside a profit is no figure of the profit
        ("LG新能源营业利润为6013亿韩元，其中包含税收抵免3655亿韩元。", [(None, "operating_income")]),
        ("LG新能源營業利益為6013億韓元，其中包含稅收抵免3655億韓元。", [(None, "operating_income")]),
    ],
)
def test_server_lines_and_credits(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert [(c.segment, c.metric.value) for c in extract(text).claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a value reached by a growth rate measures its own clause's term, also after a plain term of
        # an earlier clause
        (
            "友邦营收按年增长18%至14.1亿美元；净利润增长12%至2.8亿美元。",
            [
                ("revenue", 1.41e9, "友邦营收按年增长18%至14.1亿美元"),
                ("net_income", 2.8e8, "净利润增长12%至2.8亿美元"),
            ],
        ),
        (
            "友邦營收按年增長18%至14.1億美元；淨利潤增長12%至2.8億美元。",
            [
                ("revenue", 1.41e9, "友邦營收按年增長18%至14.1億美元"),
                ("net_income", 2.8e8, "淨利潤增長12%至2.8億美元"),
            ],
        ),
        # a telecom's customers are its users; an EBITDA margin is a figure of its own
        (
            "中國移動客戶總數達10.05億戶，EBITDA率為33.5%。",
            [("users", 1.005e9, "中國移動客戶總數達10.05億戶"), ("other", 33.5, "EBITDA率為33.5%")],
        ),
        (
            "中国移动客户总数达10.05亿户，EBITDA率为33.5%。",
            [("users", 1.005e9, "中国移动客户总数达10.05亿户"), ("other", 33.5, "EBITDA率为33.5%")],
        ),
    ],
)
def test_which_term_a_value_measures(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(c.metric.value, c.value, c.evidence.text) for c in extract(text).claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a listed subsidiary of its own story; regions of an insurer
        ("比亞迪電子中期純利跌8%。", [("BYD Electronic", None)]),
        ("比亚迪电子中期纯利下跌8%。", [("BYD Electronic", None)]),
        ("友邦保險香港業務新業務價值增長25%。", [("AIA", "Hong Kong")]),
        ("友邦保险香港业务新业务价值增长25%。", [("AIA", "Hong Kong")]),
    ],
)
def test_subsidiaries_and_regions_of_their_own(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(c.subject, c.segment) for c in extract(text).claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a company moving with no metric term is its share price; a business line growing, its revenue
        ("个股方面，寒武纪上涨6.3%。", [("share_price", "vs_prior", 6.3)]),
        ("個股方面，寒武紀上漲6.3%。", [("share_price", "vs_prior", 6.3)]),
        ("亚马逊广告业务增长22%。", [("revenue", "yoy", 22.0)]),
    ],
)
def test_a_company_moving_is_its_share_price(text: str, expected: list[tuple[str, str, float]]) -> None:
    claims = [(c.metric.value, c.changes[0].basis.value, c.changes[0].percent) for c in extract(text).claims]
    assert claims == expected


@pytest.mark.parametrize(
    "text",
    [
        # a result achieved in a period after the one an article opens with is actual all the same
        "摩尔线程2024年营业收入为4.38亿元。2025年前三季度，公司实现营收7.85亿元，同比增长182%。",
        "摩爾線程2024年營業收入為4.38億元。2025年前三季，公司實現營收7.85億元，年增182%。",
    ],
)
def test_a_result_achieved_is_actual(text: str) -> None:
    assert [(c.period, c.status.value) for c in extract(text).claims] == [
        ("2024", "actual"),
        ("2025-9M", "actual"),
    ]


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # analysts' view opening a clause speaks for the rest of its sentence
        (
            "受运价下滑影响，法人预估长荣海运第四季获利将进一步季减，全年每股纯益约在26元至28元之间。",
            ["estimate"],
        ),
        (
            "受運價下滑影響，法人預估長榮海運第四季獲利將進一步季減，全年每股純益約在26元至28元之間。",
            ["estimate"],
        ),
        # ... not when it holds its own figure, is compared with, or what actually happened follows
        (
            "谷歌营收为1023.5亿美元，市场预期为996.9亿美元；净利润为349.8亿美元。",
            ["actual", "estimate", "actual"],
        ),
        ("英伟达数据中心营收512亿美元，高于市场预期，净利润为319亿美元。", ["actual", "actual"]),
        ("市场预期苹果第四季度营收1000亿美元，苹果实际营收1025亿美元。", ["estimate", "actual"]),
    ],
)
def test_analysts_view_speaks_for_the_rest_of_its_sentence(text: str, statuses: list[str]) -> None:
    assert [c.status.value for c in extract(text).claims] == statuses


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 获利 is Taiwan's word for profit
        ("宏碁獲利年減64%。", [("net_income", -64.0)]),
        ("宏碁获利年减64%。", [("net_income", -64.0)]),
    ],
)
def test_taiwans_word_for_profit(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(c.metric.value, c.changes[0].percent) for c in extract(text).claims] == expected


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        # generic lines listed together are one joint line; 分别 hands them out
        ("台积电7纳米和5纳米营收占比分别为14%和35%。", ["7nm", "5nm"]),
        ("台積電7奈米和5奈米營收占比分別為14%和35%。", ["7nm", "5nm"]),
        ("台积电7纳米和5纳米营收占比合计为49%。", ["7nm, 5nm"]),
        # a line the last item named is not the next item's
        ("网易第三季度，游戏及相关增值服务净收入为232.8亿元；有道净收入为16.3亿元。", ["Games", None]),
    ],
)
def test_generic_lines_listed_together(text: str, segments: list[str | None]) -> None:
    assert [c.segment for c in extract(text).claims] == segments


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        # a bank's trading lines; 股票 alone (其中股票回购) is no trading line
        (
            "摩根大通交易业务收入为89亿美元，其中股票交易收入为33亿美元，固定收益交易收入为56亿美元。",
            ["Markets", "Equities", "Fixed Income"],
        ),
        (
            "摩根大通交易業務收入為89億美元，其中股票交易收入為33億美元，固定收益交易收入為56億美元。",
            ["Markets", "Equities", "Fixed Income"],
        ),
        ("英伟达其中股票回购金额为129亿美元。", [None]),
    ],
)
def test_a_banks_trading_lines(text: str, segments: list[str | None]) -> None:
    assert [c.segment for c in extract(text).claims] == segments


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        # vehicle sales are the automotive line; a China business, the China line
        ("理想汽车其中车辆销售收入为259亿元。", ["Automotive"]),
        ("理想汽車其中車輛銷售收入為259億元。", ["Automotive"]),
        ("星巴克中國業務營收為8.3億美元。", ["China"]),
        ("星巴克中国业务营收为8.3亿美元。", ["China"]),
    ],
)
def test_vehicle_sales_and_a_china_business(text: str, segments: list[str]) -> None:
    assert [c.segment for c in extract(text).claims] == segments
