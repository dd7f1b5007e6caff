"""EntityFinder: registry names, unknown names, metric terms, overlaps and users' registries."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.data import DataError
from extractor.entities import EntityFinder
from extractor.models import EntityType, Metric
from extractor.normalize import normalize

FINDER = EntityFinder()

CLOUD_ARTICLE = (
    "亞馬遜由傑夫·貝索斯創立，現任執行長安迪·傑西表示，AWS營收增長24%。"
    "亞馬遜雲科技推出Amazon EC2與Amazon S3之後，微軟雲(Azure)和Google雲緊隨其後。"
    "根據Canalys與Synergy Research Group的資料，微軟、Google、Meta與蘋果都在加碼AI投資，輝達是最大受益者。"
    "AWS自研晶片Trainium 2已大量交付，Trainium3和Trainium 4也在路上，通用處理器Graviton4同步推出，"
    "購物助手Rufus上線，並支援輝達的NVLink Fusion。客戶包括Anthropic、日本新創Karakuri、SplashMusic與Decart。"
    "北美和國際市場、亞太地區的業務都在增長，美國、日本和歐洲的客戶最多。"
)


def _found(text: str) -> set[tuple[str, EntityType, str | None]]:
    entities = FINDER.entities(normalize(text).text)
    for e in entities:
        assert text[e.start : e.end] == e.text or normalize(text).text[e.start : e.end] == e.text
    return {(text[e.start : e.end], e.type, e.canonical) for e in entities}


def test_every_name_of_a_cloud_article_is_found_with_its_canonical_name() -> None:
    found = _found(CLOUD_ARTICLE)
    expected = {
        ("亞馬遜", EntityType.COMPANY, "Amazon"),
        ("傑夫·貝索斯", EntityType.PERSON, "Jeff Bezos"),
        ("安迪·傑西", EntityType.PERSON, "Andy Jassy"),
        ("AWS", EntityType.SEGMENT, "AWS"),
        ("亞馬遜雲科技", EntityType.SEGMENT, "AWS"),
        ("Amazon EC2", EntityType.PRODUCT, "Amazon EC2"),
        ("Amazon S3", EntityType.PRODUCT, "Amazon S3"),
        ("微軟雲", EntityType.SEGMENT, "Azure"),
        ("Azure", EntityType.SEGMENT, "Azure"),
        ("Google雲", EntityType.SEGMENT, "Google Cloud"),
        ("Canalys", EntityType.ORGANIZATION, "Canalys"),
        ("Synergy Research Group", EntityType.ORGANIZATION, "Synergy Research Group"),
        ("微軟", EntityType.COMPANY, "Microsoft"),
        ("Google", EntityType.COMPANY, "Google"),
        ("Meta", EntityType.COMPANY, "Meta"),
        ("蘋果", EntityType.COMPANY, "Apple"),
        ("輝達", EntityType.COMPANY, "NVIDIA"),
        ("自研晶片", EntityType.SEGMENT, "Chips"),
        ("Trainium 2", EntityType.PRODUCT, "Trainium 2"),
        ("Trainium3", EntityType.PRODUCT, "Trainium 3"),
        ("Trainium 4", EntityType.PRODUCT, "Trainium 4"),
        ("Graviton4", EntityType.PRODUCT, "Graviton 4"),
        ("Rufus", EntityType.PRODUCT, "Rufus"),
        ("NVLink Fusion", EntityType.PRODUCT, "NVLink Fusion"),
        ("Anthropic", EntityType.COMPANY, "Anthropic"),
        ("Karakuri", EntityType.COMPANY, None),
        ("SplashMusic", EntityType.COMPANY, None),
        ("Decart", EntityType.COMPANY, None),
        ("北美", EntityType.SEGMENT, "North America"),
        ("國際市場", EntityType.SEGMENT, "International"),
        ("亞太地區", EntityType.SEGMENT, "Asia Pacific"),
        ("美國", EntityType.PLACE, "United States"),
        ("日本", EntityType.PLACE, "Japan"),
        ("歐洲", EntityType.PLACE, "Europe"),
    }
    assert expected - found == set()
    assert {name for name, _, _ in found} - {name for name, _, _ in expected} == {"AI"} - {"AI"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("其中海外销量8.4万辆，境外收入占比三成", [("海外", "Overseas"), ("境外", "Overseas")]),
        (
            "直销渠道收入增长，批发代理渠道收入下降",
            [("直销渠道", "Direct Sales"), ("批发代理渠道", "Wholesale")],
        ),
        (
            "裝置解決方案(DS)部門與行動體驗(MX)部門",
            [("裝置解決方案", "Device Solutions"), ("行動體驗", "Mobile eXperience")],
        ),
        ("其中蔚來品牌交付36,928台", [("蔚來品牌", "NIO")]),
        ("谷歌自研晶片TPU的營收", [("自研晶片", "Chips")]),
        ("谷歌自研芯片TPU的营收", [("自研芯片", "Chips")]),
        # Taiwan spellings of a named division, and generic lines the company renames
        ("遊戲與網路服務部門營收", [("遊戲與網路服務", "Game & Network Services")]),
        ("影像與感測解決方案部門", [("影像與感測解決方案", "Imaging & Sensing Solutions")]),
        ("音樂部門營業利益", [("音樂部門", "Music")]),
        ("寿险及健康险业务新业务价值", [("寿险及健康险业务", "Life and Health Insurance")]),
        ("財產險業務保費收入", [("財產險業務", "Property and Casualty Insurance")]),
        ("投资银行业务收入", [("投资银行业务", "Investment Banking")]),
        ("客戶端和遊戲部門營收", [("客戶端和遊戲", "Client and Gaming")]),
        ("嵌入式部门营收", [("嵌入式部门", "Embedded")]),
        ("YouTube廣告營收", [("YouTube廣告", "YouTube Ads")]),
        ("電商銷售成長近13%", [("電商銷售", "E-commerce")]),
        ("智慧電動汽車及AI等創新業務營收", [("智慧電動汽車及AI等創新業務", "Smart EV")]),
        ("MX及网络部门营收", [("MX及网络", "Mobile eXperience")]),
        (
            "阿里巴巴中國電商集團收入，其中即時零售收入",
            [("阿里巴巴中國電商集團", "China E-commerce Group"), ("即時零售", "Quick Commerce")],
        ),
        (
            "香水與化妝品部門與葡萄酒及烈酒部門",
            [("香水與化妝品", "Perfumes & Cosmetics"), ("葡萄酒及烈酒", "Wines & Spirits")],
        ),
    ],
)
def test_segment_names_as_reports_write_them(text: str, expected: list[tuple[str, str]]) -> None:
    segments = [e for e in FINDER.entities(normalize(text).text) if e.type is EntityType.SEGMENT]
    assert [(text[e.start : e.end], e.canonical) for e in segments] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # right before a metric term of the business line, a word names it
        ("蔚来第三季度汽车毛利率为14.7%", [("汽车", "Automotive")]),
        ("蔚來第三季汽車毛利率為14.7%", [("汽車", "Automotive")]),
        (
            "理想第三季度整车收入为260亿元，整车毛利率为15.5%",
            [("整车", "Automotive"), ("整车", "Automotive")],
        ),
        ("理想第三季整車收入為260億元，整車毛利率為15.5%", [("整車", "Automotive"), ("整車", "Automotive")]),
        # 服务 only where it follows no other word
        ("苹果服务营收为287.5亿美元", [("服务", "Services")]),
        ("蘋果服務營收為287.5億美元", [("服務", "Services")]),
        ("iPhone营收下滑；服务营收创新高", [("iPhone", "iPhone"), ("服务", "Services")]),
        ("iPhone營收下滑；服務營收創新高", [("iPhone", "iPhone"), ("服務", "Services")]),
        ("平安银行金融服务收入为50亿元", []),
        ("平安銀行金融服務收入為50億元", []),
        # a count stays the company's; elsewhere the word names nothing
        ("比亚迪10月新能源汽车销量为44.2万辆", []),
        ("比亞迪10月新能源汽車銷量為44.2萬輛", []),
        ("汽车行业的毛利率普遍承压", []),
        ("汽車行業的毛利率普遍承壓", []),
    ],
)
def test_a_word_names_a_business_line_right_before_its_metric(
    text: str, expected: list[tuple[str, str]]
) -> None:
    segments = [e for e in FINDER.entities(normalize(text).text) if e.type is EntityType.SEGMENT]
    assert [(text[e.start : e.end], e.canonical) for e in segments] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # right after 其中, a segment's name without its 业务 names it
        ("索尼预计全年资本支出约1.2万亿日元，其中半导体约6000亿日元", [("半导体", "Semiconductors")]),
        ("索尼預計全年資本支出約1.2兆日圓，其中半導體約6000億日圓", [("半導體", "Semiconductors")]),
        ("东芝本季营收8000亿日元，其中能源约2100亿日元", [("能源", "Energy")]),
        ("東芝本季營收8000億日圓，其中能源約2100億日圓", [("能源", "Energy")]),
        # the whole name is the registry's own; elsewhere the bare word names nothing
        ("公司营收增长，其中半导体业务贡献最大", [("半导体业务", "Semiconductors")]),
        ("公司營收增長，其中半導體業務貢獻最大", [("半導體業務", "Semiconductors")]),
        # a word both before a metric term and after 其中 is one name
        ("蔚来第三季度收入217亿元，其中汽车毛利率为14.7%", [("汽车", "Automotive")]),
        ("蔚來第三季度收入217億元，其中汽車毛利率為14.7%", [("汽車", "Automotive")]),
        ("半导体行业景气回升，能源价格下跌", []),
        ("半導體行業景氣回升，能源價格下跌", []),
    ],
)
def test_a_bare_business_word_after_qizhong_names_the_business_line(
    text: str, expected: list[tuple[str, str]]
) -> None:
    segments = [e for e in FINDER.entities(normalize(text).text) if e.type is EntityType.SEGMENT]
    assert [(text[e.start : e.end], e.canonical) for e in segments] == expected


def test_a_word_inside_a_company_name_names_no_business_line() -> None:
    text = "小鹏汽车毛利率为18.1%"
    assert [(e.text, e.canonical) for e in FINDER.entities(text)] == [("小鹏汽车", "XPeng")]


def test_segments_products_and_people_carry_their_parent_company() -> None:
    text = "亚马逊云科技与微软Azure竞争，黄仁勋称Blackwell需求强劲。"
    parents = {e.text: e.parent for e in FINDER.entities(text)}
    assert parents == {
        "亚马逊云科技": "Amazon",
        "微软": None,
        "Azure": "Microsoft",
        "黄仁勋": "NVIDIA",
        "Blackwell": "NVIDIA",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("亚马逊云科技营收增长", [("亚马逊云科技", "AWS")]),
        ("京东方与京东的股价", [("京东方", "BOE"), ("京东", "JD.com")]),
        ("中国平安和中国移动", [("中国平安", "Ping An"), ("中国移动", "China Mobile")]),
        ("德州仪器在德州设厂", [("德州仪器", "Texas Instruments"), ("德州", "Texas")]),
        ("高德纳预计高德地图用户增长", [("高德纳", "Gartner"), ("高德地图", "Amap")]),
        ("超微电脑与超微", [("超微电脑", "Super Micro Computer"), ("超微", "AMD")]),
    ],
)
def test_the_longest_registry_name_wins(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.text, e.canonical) for e in FINDER.entities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AMD股价上涨，AMDX另有所指", [("AMD", "AMD")]),
        ("TSMC与TSMCX", [("TSMC", "TSMC")]),
        ("ALL IN AI不是公司名", []),
        ("MS和GE不是代码", []),
        ("Amazonian与Applesauce", []),
        ("NVIDIA与Nvidia相同", [("NVIDIA", "NVIDIA"), ("Nvidia", "NVIDIA")]),
        ("0700.HK与AAPL", [("0700.HK", "Tencent"), ("AAPL", "Apple")]),
        ("COST一词不是代码", []),
    ],
)
def test_latin_names_and_tickers_need_word_boundaries(text: str, expected: list[tuple[str, str]]) -> None:
    known = [(e.text, e.canonical) for e in FINDER.entities(text) if e.canonical is not None]
    assert known == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("蔚蓝科技公司第三季度营收增长", [("蔚蓝科技公司", EntityType.COMPANY)]),
        ("据星河控股集团公告，", [("星河控股集团", EntityType.COMPANY)]),
        (
            "其中星河集团表现最好，目前蓝天科技公司",
            [("星河集团", EntityType.COMPANY), ("蓝天科技公司", EntityType.COMPANY)],
        ),
        ("该公司营收增长，这家公司表示，上市公司数量", []),
        ("科技巨头纷纷加码，科技股大涨", []),
        ("日本大语言模型公司与一家芯片公司", [("日本", EntityType.PLACE)]),
        ("首席执行官约翰·史密斯表示，", [("约翰·史密斯", EntityType.PERSON)]),
        ("公司董事长王建国表示，", [("王建国", EntityType.PERSON)]),
        (
            "客户包括Anthropic、Karakuri和SplashMusic",
            [
                ("Anthropic", EntityType.COMPANY),
                ("Karakuri", EntityType.COMPANY),
                ("SplashMusic", EntityType.COMPANY),
            ],
        ),
        ("GPU与CPU及IaaS不是名字，PC和EV也不是", []),
        ("PCB大厂的ABF载板与NIM、CET1都是行业用语", []),
        ("新创公司XYZ获得融资", [("XYZ", EntityType.COMPANY)]),
        ("FY26第一季度与1H25、Q4相比", []),
        ("新车ES9与Fold8开卖", [("ES9", EntityType.PRODUCT), ("Fold8", EntityType.PRODUCT)]),
        ("证券时报网讯，星河半导体（688999）披露三季报", [("星河半导体", EntityType.COMPANY)]),
        ("据公告，晨光能源(02345)营收增长", [("晨光能源", EntityType.COMPANY)]),
        ("同比增长(2025)不是代码", []),
        # a clause that opens with a company announcing its results names that company ...
        ("星河股份10月30日晚间公布三季报，营收增长。", [("星河股份", EntityType.COMPANY)]),
        ("据悉，晨光股份今日发布2025年业绩预告", [("晨光股份", EntityType.COMPANY)]),
        # ... not an authority, nor a clause that opens with something else, nor other news
        ("星河市统计局10月20日公布三季度报告", []),
        ("董事会公布年报", []),
        ("昨日星河股份公布三季报", []),
        ("星河股份10月30日公布新产品", []),
        # a superlative or a business line before a suffix is a description, not a name
        ("美国最大银行星河金融表示", [("美国", EntityType.PLACE)]),
        ("财产险业务原保险保费收入增长", [("财产险业务", EntityType.SEGMENT)]),
        ("旗下第二大银行业务部门保险收入", []),
    ],
)
def test_rules_catch_names_the_registry_lacks(text: str, expected: list[tuple[str, EntityType]]) -> None:
    assert [(e.text, e.type) for e in FINDER.entities(text)] == expected


def test_ordinary_words_that_contain_a_name_are_not_names() -> None:
    text = "早餐吃小米粥和苹果派，小米与苹果发布新品。"
    assert [(e.text, e.canonical) for e in FINDER.entities(text)] == [("小米", "Xiaomi"), ("苹果", "Apple")]
    text = "高通胀环境下，美国巨头的夏普比率下降，其中行业龙头与施工行业"
    assert [(e.text, e.canonical) for e in FINDER.entities(text)] == [("美国", "United States")]


@pytest.mark.parametrize(
    "text",
    [
        "亚马逊与蔚蓝科技集团合作，微软和晨光能源(02345)也在列，CEO Andy Smith表示。",
        "亞馬遜與蔚藍科技集團合作，微軟和晨光能源(02345)也在列，CEO Andy Smith表示。",
    ],
)
def test_unknown_names_take_their_place_among_registry_names(text: str) -> None:
    entities = FINDER.entities(normalize(text).text)
    assert [(e.start, e.end, e.type, e.canonical) for e in entities] == [
        (0, 3, EntityType.COMPANY, "Amazon"),
        (4, 10, EntityType.COMPANY, None),
        (13, 15, EntityType.COMPANY, "Microsoft"),
        (16, 20, EntityType.COMPANY, None),
        (35, 45, EntityType.PERSON, None),
    ]
    assert [text[e.start : e.end] for e in entities][-1] == "Andy Smith"


def test_unknown_names_do_not_swallow_registry_names_or_metric_terms() -> None:
    entities = FINDER.entities("亚马逊科技一直在投入，Amazon Foo与营收")
    assert [(e.text, e.canonical) for e in entities] == [
        ("亚马逊", "Amazon"),
        ("Amazon", "Amazon"),
        ("Foo", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "营业利润率35%，营业利润125亿，利润增长",
            [
                ("营业利润率", Metric.OPERATING_MARGIN, False),
                ("营业利润", Metric.OPERATING_INCOME, False),
                ("利润", Metric.NET_INCOME, False),
            ],
        ),
        ("经调整净利润为300亿元", [("净利润", Metric.NET_INCOME, True)]),
        ("Non-GAAP每股收益为1.2美元", [("每股收益", Metric.EPS, True)]),
        ("經調整後每股盈利為1.2港元", [("每股盈利", Metric.EPS, True)]),
        ("经调整，净利润为300亿元", [("净利润", Metric.NET_INCOME, False)]),
        ("扣非归母净利润增长", [("扣非归母净利润", Metric.NET_INCOME, True)]),
        (
            "稅後純益與營業利益",
            [("稅後純益", Metric.NET_INCOME, False), ("營業利益", Metric.OPERATING_INCOME, False)],
        ),
        (
            "市佔率與營收佔比",
            [("市佔率", Metric.MARKET_SHARE, False), ("營收佔比", Metric.REVENUE_SHARE, False)],
        ),
        ("盈利能力提升，净利润增长", [("净利润", Metric.NET_INCOME, False)]),
        ("分部經營收益為7億元", [("經營收益", Metric.OPERATING_INCOME, False)]),
        ("调整后每股亏损0.10美元", [("每股亏损", Metric.EPS, True)]),
        ("综合股价指数下跌，股价上涨", [("股价", Metric.SHARE_PRICE, False)]),
        ("税前利润与净利息收入", [("税前利润", Metric.OTHER, False), ("净利息收入", Metric.OTHER, False)]),
        ("淨利息收益與淨利潤", [("淨利息收益", Metric.OTHER, False), ("淨利潤", Metric.NET_INCOME, False)]),
        # a modifier before 下 or a comma states the basis of the rest of its sentence, until a reported
        # basis names the reported figures again
        (
            "非美國通用會計準則下歸屬百度的淨利潤與營業利潤。營收",
            [
                ("淨利潤", Metric.NET_INCOME, True),
                ("營業利潤", Metric.OPERATING_INCOME, True),
                ("營收", Metric.REVENUE, False),
            ],
        ),
        (
            "非美国通用会计准则下归属百度的净利润与营业利润。营收",
            [
                ("净利润", Metric.NET_INCOME, True),
                ("营业利润", Metric.OPERATING_INCOME, True),
                ("营收", Metric.REVENUE, False),
            ],
        ),
        (
            "按非公認會計準則，淨利潤增長；按美國公認會計準則，淨利潤下降",
            [("淨利潤", Metric.NET_INCOME, True), ("淨利潤", Metric.NET_INCOME, False)],
        ),
        (
            "按非公认会计准则，净利润增长；按美国公认会计准则，净利润下降",
            [("净利润", Metric.NET_INCOME, True), ("净利润", Metric.NET_INCOME, False)],
        ),
        # a figure with a name of its own is not the metric inside that name
        ("淨息差與不良貸款率", [("淨息差", Metric.OTHER, False), ("不良貸款率", Metric.OTHER, False)]),
        ("净息差与不良贷款率", [("净息差", Metric.OTHER, False), ("不良贷款率", Metric.OTHER, False)]),
        # a line of business and the rest (及其他收入) is revenue, not other income
        ("在線營銷服務及其他收入", [("及其他收入", Metric.REVENUE, False)]),
        # Hong Kong's underlying profit is adjusted; 末期息 is a dividend
        (
            "股東應佔基礎溢利與每股基礎盈利",
            [("股東應佔基礎溢利", Metric.NET_INCOME, True), ("每股基礎盈利", Metric.EPS, True)],
        ),
        (
            "股东应占基础溢利与每股基础盈利",
            [("股东应占基础溢利", Metric.NET_INCOME, True), ("每股基础盈利", Metric.EPS, True)],
        ),
        ("末期息維持3.75港元", [("末期息", Metric.DIVIDEND, False)]),
        ("前三季每股賺1.12元", [("每股賺", Metric.EPS, False)]),
        ("前三季每股赚1.12元", [("每股赚", Metric.EPS, False)]),
        ("每股基本盈利0.85元人民幣", [("每股基本盈利", Metric.EPS, False)]),
        ("末期息维持3.75港元", [("末期息", Metric.DIVIDEND, False)]),
        ("在线营销服务及其他收入", [("及其他收入", Metric.REVENUE, False)]),
        # a company's listed shares move; the market does not name a company's
        ("拼多多美股盤前跌超6%，美股市場走低", [("美股", Metric.SHARE_PRICE, False)]),
        ("拼多多美股盘前跌超6%，美股市场走低", [("美股", Metric.SHARE_PRICE, False)]),
        ("新業務價值利潤率上升", [("新業務價值利潤率", Metric.OTHER, False)]),
        ("新业务价值利润率上升", [("新业务价值利润率", Metric.OTHER, False)]),
        ("產能利用率與毛利率", [("產能利用率", Metric.OTHER, False), ("毛利率", Metric.GROSS_MARGIN, False)]),
        ("产能利用率与毛利率", [("产能利用率", Metric.OTHER, False), ("毛利率", Metric.GROSS_MARGIN, False)]),
        ("本公司權益持有人應佔盈利", [("本公司權益持有人應佔盈利", Metric.NET_INCOME, False)]),
        ("台積電股價收報1,395元", [("股價", Metric.SHARE_PRICE, False), ("收報", Metric.SHARE_PRICE, False)]),
        ("三星預估今年設施投資約47.4兆韓元", [("設施投資", Metric.CAPEX, False)]),
        ("每股攤薄盈利6.73元", [("每股攤薄盈利", Metric.EPS_DILUTED, False)]),
        ("资本开支与capex", [("资本开支", Metric.CAPEX, False), ("capex", Metric.CAPEX, False)]),
    ],
)
def test_metric_terms_longest_first_with_the_adjusted_flag(
    text: str, expected: list[tuple[str, Metric, bool]]
) -> None:
    metrics = FINDER.metrics(normalize(text).text)
    assert [(text[m.start : m.end], m.metric, m.adjusted) for m in metrics] == expected


def test_a_users_registry_adds_and_overrides_names(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "companies:\n"
        "  - {canonical: Bluesea Robotics, zh: [蓝海机器人, 藍海機器人], en: [Bluesea]}\n"
        "  - {canonical: Amazon.com Inc, zh: [亚马逊]}\n",
        encoding="utf-8",
    )
    finder = EntityFinder(extra=[path])
    entities = finder.entities(normalize("藍海機器人與亚马逊、Bluesea").text)
    assert [(e.text, e.canonical) for e in entities] == [
        ("蓝海机器人", "Bluesea Robotics"),
        ("亚马逊", "Amazon.com Inc"),
        ("Bluesea", "Bluesea Robotics"),
    ]
    assert [e.canonical for e in FINDER.entities("亚马逊")] == ["Amazon"]


def test_a_users_registry_may_be_json(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"people": [{"canonical": "Zhang San", "zh": ["张三丰"]}]}), encoding="utf-8")
    assert [(e.text, e.type) for e in EntityFinder(extra=[path]).entities("张三丰说")] == [
        ("张三丰", EntityType.PERSON)
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("companies:\n  - {zh: [某公司]}\n", "bad.yaml: companies entry 1: missing 'canonical'"),
        ("companies: [\n", "bad.yaml: not valid YAML or JSON at line"),
        ("- a\n- b\n", "bad.yaml: expected a mapping with keys companies"),
    ],
)
def test_a_bad_users_registry_raises_a_one_line_data_error(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message.replace("[", r"\[")):
        EntityFinder(extra=[path])


def test_a_missing_users_registry_raises_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        EntityFinder(extra=[tmp_path / "nowhere.yaml"])


FRAGMENTS = st.sampled_from(
    [
        "亚马逊",
        "亞馬遜雲科技",
        "AWS",
        "营收",
        "营业利润率",
        "，",
        "。",
        "微软Azure",
        "Trainium",
        " 3",
        "2025年",
        "AMD",
        "X",
        "蔚蓝科技公司",
        "安迪·贾西",
        "增长14%",
        "Karakuri",
        "的",
        "公司",
        "经调整",
        "净利润",
        "·",
        "Google云",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=30).map("".join))
def test_mentions_are_exact_slices_sorted_and_never_overlap(text: str) -> None:
    entities, metrics = FINDER.find(text)
    for mention in (*entities, *metrics):
        assert text[mention.start : mention.end] == mention.text
        assert mention.start < mention.end
    for before, after in itertools.pairwise(entities):
        assert before.end <= after.start
    for before, after in itertools.pairwise(metrics):
        assert before.end <= after.start


ALPHABET = "亚马逊云科技公司集团控股银行其中的与和·安迪贾西首席执行官表示ABCDXaz029 ，。()"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_any_text_gives_exact_non_overlapping_mentions(text: str) -> None:
    entities, metrics = FINDER.find(text)
    assert all(text[e.start : e.end] == e.text and e.start < e.end for e in (*entities, *metrics))
    assert all(a.end <= b.start for a, b in itertools.pairwise(entities))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a console's successor is a product of its own, not the first one's
        ("任天堂Switch 2销量为1036万台，前代Nintendo Switch累计销量超过1.5亿台", [
            ("Switch 2", "Nintendo Switch 2"), ("Nintendo Switch", "Nintendo Switch")
        ]),
        ("任天堂Switch2銷量為1036萬台", [("Switch2", "Nintendo Switch 2")]),
    ],
)  # fmt: skip
def test_a_successor_product_is_a_product_of_its_own(text: str, expected: list[tuple[str, str]]) -> None:
    products = [e for e in FINDER.entities(normalize(text).text) if e.type is EntityType.PRODUCT]
    assert [(text[e.start : e.end], e.canonical) for e in products] == expected
