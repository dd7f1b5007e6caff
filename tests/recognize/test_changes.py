"""Changes in both scripts: direction, magnitude (percent, points, multiple, amount) and basis."""

from __future__ import annotations

import pytest
from recognize_support import mentions_of, only

from extractor.models import Basis, Qualifier
from extractor.recognize import MentionKind

C = MentionKind.CHANGE
YOY, QOQ, MOM, EXP, PRIOR = Basis.YOY, Basis.QOQ, Basis.MOM, Basis.VS_EXPECTATION, Basis.VS_PRIOR
EXACT, APPROX, OVER = Qualifier.EXACT, Qualifier.APPROX, Qualifier.OVER

# sentence, surface, percent, basis, qualifier
PERCENT_CHANGES = [
    ("微軟營收同比增長14%", "同比增長14%", 14.0, YOY, EXACT),
    ("微软营收同比增长14%", "同比增长14%", 14.0, YOY, EXACT),
    ("蘋果淨利潤同比增長6%", "同比增長6%", 6.0, YOY, EXACT),
    ("沃爾瑪營收同比增長12%", "同比增長12%", 12.0, YOY, EXACT),
    # a loss that narrows (收窄) shrinks
    ("蔚來第三季淨虧損34.8億元，按年收窄31.2%", "按年收窄31.2%", -31.2, YOY, EXACT),
    ("蔚来第三季度净亏损34.8亿元，同比收窄31.2%", "同比收窄31.2%", -31.2, YOY, EXACT),
    # tenths and units of per cent (一成三: 13 per cent)
    ("寧德時代第三季營收年增一成三", "年增一成三", 13.0, YOY, EXACT),
    ("宁德时代归母净利润同比增长四成一", "同比增长四成一", 41.0, YOY, EXACT),
    ("门店业务营收同比增长5%", "同比增长5%", 5.0, YOY, EXACT),
    ("該業務淨利潤同比激增1,250%", "同比激增1,250%", 1250.0, YOY, EXACT),  # thousands groups
    ("该业务净利润同比激增1,250%", "同比激增1,250%", 1250.0, YOY, EXACT),
    ("第三方商家服務同比增長11%", "同比增長11%", 11.0, YOY, EXACT),
    ("广告业务同比增长23%", "同比增长23%", 23.0, YOY, EXACT),
    ("北美業務銷售額同比增長10%", "同比增長10%", 10.0, YOY, EXACT),
    ("營業利潤同比增長24%", "同比增長24%", 24.0, YOY, EXACT),
    ("国际业务营收同比增长17%", "同比增长17%", 17.0, YOY, EXACT),
    ("雲業務營業利潤同比增長18%", "同比增長18%", 18.0, YOY, EXACT),
    ("全年营收同比增长20%", "同比增长20%", 20.0, YOY, EXACT),
    ("廣告業務增長22%", "增長22%", 22.0, None, EXACT),
    ("广告业务增长22%", "增长22%", 22.0, None, EXACT),
    ("國際業務營業利潤同比下降23%至10億美元", "同比下降23%", -23.0, YOY, EXACT),
    ("国际业务营业利润同比下降23%至10亿美元", "同比下降23%", -23.0, YOY, EXACT),
    ("台積電營收年增16.9%", "年增16.9%", 16.9, YOY, EXACT),
    ("台积电营收年增16.9%", "年增16.9%", 16.9, YOY, EXACT),
    ("宏碁獲利年減64%", "年減64%", -64.0, YOY, EXACT),
    ("宏碁获利年减64%", "年减64%", -64.0, YOY, EXACT),
    ("聯發科營收季增8.2%", "季增8.2%", 8.2, QOQ, EXACT),
    ("联发科营收季减3%", "季减3%", -3.0, QOQ, EXACT),
    ("鴻海營收月增12%", "月增12%", 12.0, MOM, EXACT),
    ("鸿海营收月减4.5%", "月减4.5%", -4.5, MOM, EXACT),
    ("台達電營收年成長20%", "年成長20%", 20.0, YOY, EXACT),
    ("騰訊收入按年增長15%", "按年增長15%", 15.0, YOY, EXACT),
    ("腾讯收入按年增长15%", "按年增长15%", 15.0, YOY, EXACT),
    ("港交所收入按季下跌6%", "按季下跌6%", -6.0, QOQ, EXACT),
    ("小米营收环比增长7%", "环比增长7%", 7.0, QOQ, EXACT),
    ("小米營收環比下滑7%", "環比下滑7%", -7.0, QOQ, EXACT),
    ("小鵬汽車10月共交付新車42013輛，同比增長76%，環比增長4%", "環比增長4%", 4.0, MOM, EXACT),
    ("小鹏汽车10月共交付新车42013辆，同比增长76%，环比增长4%", "环比增长4%", 4.0, MOM, EXACT),
    ("理想汽車單月銷量環比下降3%", "環比下降3%", -3.0, MOM, EXACT),
    ("英伟达第三财季营收570.1亿美元，同比增长62%，环比增长22%", "环比增长22%", 22.0, QOQ, EXACT),
    ("台積電10月9日公布第三季營收，環比增長6%", "環比增長6%", 6.0, QOQ, EXACT),
    ("淨利潤較去年同期增長31%", "較去年同期增長31%", 31.0, YOY, EXACT),
    ("净利润较上年同期下降8%", "较上年同期下降8%", -8.0, YOY, EXACT),
    ("出貨量較上季衰退12%", "較上季衰退12%", -12.0, QOQ, EXACT),
    ("营收较上一季度提升5%", "较上一季度提升5%", 5.0, QOQ, EXACT),
    ("每股收益比市場預期高出5%", "比市場預期高出5%", 5.0, EXP, EXACT),
    ("Meta淨利潤同比增幅達到31%", "同比增幅達到31%", 31.0, YOY, EXACT),
    ("Meta净利润同比增幅达到31%", "同比增幅达到31%", 31.0, YOY, EXACT),
    ("谷歌資本開支增幅將達到52%", "增幅將達到52%", 52.0, None, EXACT),
    ("谷歌资本开支增幅将达到52%", "增幅将达到52%", 52.0, None, EXACT),
    ("按固定匯率計算的有機增長為1%", "有機增長為1%", 1.0, None, EXACT),
    ("按固定汇率计算的有机增长为1%", "有机增长为1%", 1.0, None, EXACT),
    ("微軟資本支出增幅也高達66%", "增幅也高達66%", 66.0, None, EXACT),
    # a growth outlook, revised or kept, is a rate noun too
    ("沃爾瑪全年銷售額增長預期上調至4.8%至5.1%", "增長預期上調至4.8%至5.1%", 4.95, None, Qualifier.RANGE),
    ("沃尔玛全年销售额增长预期上调至4.8%至5.1%", "增长预期上调至4.8%至5.1%", 4.95, None, Qualifier.RANGE),
    ("公司維持全年營收增長目標在10%左右", "增長目標在10%左右", 10.0, None, APPROX),
    ("公司维持全年营收增长目标在10%左右", "增长目标在10%左右", 10.0, None, APPROX),
    # a comparison with the quarter before, also with 相比 between basis and direction
    ("毛利率為64.1%，與上一季度持平", "與上一季度持平", 0.0, QOQ, EXACT),
    ("毛利率为64.1%，与上一季度持平", "与上一季度持平", 0.0, QOQ, EXACT),
    ("营收与上季度相比增长6%", "与上季度相比增长6%", 6.0, QOQ, EXACT),
    ("營收與上季度相比增長6%", "與上季度相比增長6%", 6.0, QOQ, EXACT),
    # a balance against the last year-end is against the figure before, not a year-on-year change
    ("資產總額12.6兆元，較上年末增長4.84%", "較上年末增長4.84%", 4.84, PRIOR, EXACT),
    ("资产总额12.6万亿元，较上年末增长4.84%", "较上年末增长4.84%", 4.84, PRIOR, EXACT),
    ("个人客户数较年初增长3.6%", "较年初增长3.6%", 3.6, PRIOR, EXACT),
    ("貸款總額與年初相比增長4.2%", "與年初相比增長4.2%", 4.2, PRIOR, EXACT),
    ("英特爾股價單日跌幅達到9.99%", "單日跌幅達到9.99%", -9.99, PRIOR, EXACT),
    ("英特尔股价单日跌幅达到9.99%", "单日跌幅达到9.99%", -9.99, PRIOR, EXACT),
    ("AWS的營收增速(24%)不及對手", "增速(24%", 24.0, None, EXACT),
    ("明显超出营收增速（14%）", "增速（14%", 14.0, None, EXACT),
    ("股價在盤後一度暴跌超過10%", "暴跌超過10%", -10.0, None, OVER),
    ("股价在盘后一度暴跌超过10%", "暴跌超过10%", -10.0, None, OVER),
    ("晶片業務同比增長超過三位數", "同比增長超過三位數", 100.0, YOY, OVER),
    ("芯片业务同比增长超过三位数", "同比增长超过三位数", 100.0, YOY, OVER),
    ("並保持三位數年增長率", "三位數年增長率", 100.0, YOY, OVER),
    ("并保持三位数年增长率", "三位数年增长率", 100.0, YOY, OVER),
    ("訂閱收入實現兩位數增長", "兩位數增長", 10.0, None, OVER),
    ("资本支出同比增幅接近翻倍", "同比增幅接近翻倍", 100.0, YOY, APPROX),
    ("資本支出同比增幅接近翻倍", "同比增幅接近翻倍", 100.0, YOY, APPROX),
    ("數據中心營收翻倍", "翻倍", 100.0, None, EXACT),
    ("数据中心营收翻了一番", "翻了一番", 100.0, None, EXACT),
    ("十年間營收翻兩番", "翻兩番", 300.0, None, EXACT),
    ("推理速度較上一代提升超過4倍", "提升超過4倍", 400.0, None, OVER),
    ("推理速度较上一代提升超过4倍", "提升超过4倍", 400.0, None, OVER),
    ("記憶體容量也增至4倍", "增至4倍", 300.0, None, EXACT),
    ("内存容量也增至4倍", "增至4倍", 300.0, None, EXACT),
    ("净利润增长2倍", "增长2倍", 200.0, None, EXACT),
    ("營收同比大增3成", "同比大增3成", 30.0, YOY, EXACT),
    ("毛利率同比大幅下降5%", "同比大幅下降5%", -5.0, YOY, EXACT),
    ("营收同比增长10%-12%", "同比增长10%-12%", 11.0, YOY, Qualifier.RANGE),
    ("營收同比增長約8%", "同比增長約8%", 8.0, YOY, APPROX),
    ("營收同比增長百分之十五", "同比增長百分之十五", 15.0, YOY, EXACT),
    ("股价上涨3.5%", "上涨3.5%", 3.5, None, EXACT),
    ("騰訊第三季盈利按年升19%", "按年升19%", 19.0, YOY, EXACT),
    ("國際遊戲收入急增43%", "急增43%", 43.0, None, EXACT),
    ("三星營業利潤季增逾八成", "季增逾八成", 80.0, QOQ, OVER),
    ("美光營收季增約37%", "季增約37%", 37.0, QOQ, APPROX),
    ("全年營收年增率可望達35%左右", "年增率可望達35%左右", 35.0, YOY, APPROX),
    ("股價下跌3.5%", "下跌3.5%", -3.5, None, EXACT),
    ("销量同比萎缩两成", "同比萎缩两成", -20.0, YOY, EXACT),
    ("存储价格跌幅为15%", "跌幅为15%", -15.0, None, EXACT),
    ("毛利率同比持平", "同比持平", 0.0, YOY, EXACT),
    ("營收與去年同期基本持平", "與去年同期基本持平", 0.0, YOY, EXACT),
]


@pytest.mark.parametrize(("sentence", "surface", "percent", "basis", "qualifier"), PERCENT_CHANGES)
def test_percent_change(
    sentence: str, surface: str, percent: float, basis: Basis | None, qualifier: Qualifier
) -> None:
    mention = only(sentence, C, surface)
    assert (mention.percent, mention.points, mention.amount) == (percent, None, None)
    assert (mention.basis, mention.qualifier) == (basis, qualifier)


# sentence, surface, points, basis
POINT_CHANGES = [
    ("毛利率同比提升1.8個百分點", "同比提升1.8個百分點", 1.8, YOY),
    ("毛利率同比提升1.8个百分点", "同比提升1.8个百分点", 1.8, YOY),
    ("營業利潤率下降0.5個百分點", "下降0.5個百分點", -0.5, None),
    ("营业利润率下降0.5个百分点", "下降0.5个百分点", -0.5, None),
    ("市佔率較上季增加兩個百分點", "較上季增加兩個百分點", 2.0, QOQ),
    ("淨息差收窄下降25個基點", "下降25個基點", -0.25, None),
    ("净息差下降25个基点", "下降25个基点", -0.25, None),
    ("美光毛利率季增11.1個百分點", "季增11.1個百分點", 11.1, QOQ),
    ("丰田营业利润率同比下降2.4个百分点", "同比下降2.4个百分点", -2.4, YOY),
    ("不良貸款率0.94%，較上年末下降0.01個百分點", "較上年末下降0.01個百分點", -0.01, PRIOR),
    ("拨备覆盖率405.93%，比年初下降5.05个百分点", "比年初下降5.05个百分点", -5.05, PRIOR),
    # a margin that widens (Hong Kong usage) or narrows
    ("期內毛利率按年擴闊3個百分點", "按年擴闊3個百分點", 3.0, YOY),
    ("期内毛利率按年扩阔3个百分点", "按年扩阔3个百分点", 3.0, YOY),
    ("經營利潤率按季收窄0.8個百分點", "按季收窄0.8個百分點", -0.8, QOQ),
    ("经营利润率按季收窄0.8个百分点", "按季收窄0.8个百分点", -0.8, QOQ),
]


@pytest.mark.parametrize(("sentence", "surface", "points", "basis"), POINT_CHANGES)
def test_points_change(sentence: str, surface: str, points: float, basis: Basis | None) -> None:
    mention = only(sentence, C, surface)
    assert (mention.points, mention.percent, mention.basis) == (pytest.approx(points), None, basis)


# sentence, surface, amount, unit, basis, qualifier
AMOUNT_CHANGES = [
    ("現金儲備減少50億美元", "減少50億美元", -5000000000.0, "USD", None, EXACT),
    ("现金储备减少50亿美元", "减少50亿美元", -5000000000.0, "USD", None, EXACT),
    ("總市值在三個交易日之內蒸發逾2500億美元", "蒸發逾2500億美元", -250000000000.0, "USD", None, OVER),
    ("总市值在三个交易日之内蒸发逾2500亿美元", "蒸发逾2500亿美元", -250000000000.0, "USD", None, OVER),
    ("特斯拉市值單日蒸發4000億美元", "單日蒸發4000億美元", -400000000000.0, "USD", PRIOR, EXACT),
    ("特斯拉市值单日蒸发4000亿美元", "单日蒸发4000亿美元", -400000000000.0, "USD", PRIOR, EXACT),
    ("營收同比增加120億元", "同比增加120億元", 12000000000.0, "CNY", YOY, EXACT),
    ("员工总数减少1.2万人", "减少1.2万人", -12000.0, "count", None, EXACT),
    ("每股股利5元，較前一季增加0.5元", "較前一季增加0.5元", 0.5, "CNY", QOQ, EXACT),
    ("股價上漲0.5美元至10美元", "上漲0.5美元", 0.5, "USD", None, EXACT),
    ("每股收益較市場預期高出0.05美元", "較市場預期高出0.05美元", 0.05, "USD", EXP, EXACT),
]


@pytest.mark.parametrize(("sentence", "surface", "amount", "unit", "basis", "qualifier"), AMOUNT_CHANGES)
def test_amount_change(
    sentence: str, surface: str, amount: float, unit: str, basis: Basis | None, qualifier: Qualifier
) -> None:
    mention = only(sentence, C, surface)
    assert (mention.amount, mention.unit, mention.basis, mention.qualifier) == (
        amount,
        unit,
        basis,
        qualifier,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "淨利潤從592億美元飆升至777億美元",  # a level reached, not a magnitude
        "净利润从592亿美元飙升至777亿美元",
        "毛利率提升至45%",
        "營收增速創下13個季度以來新高",
        "顯著提升了盈利能力",
        "股價報收於208.72美元",
        "2025年營收7169億美元",
    ],
)
def test_no_change(sentence: str) -> None:
    assert mentions_of(sentence, C) == []


def test_level_after_a_change_stays_an_amount() -> None:
    sentence = "國際業務營業利潤同比下降23%至10億美元"
    assert [surface for surface, _ in mentions_of(sentence, MentionKind.AMOUNT)] == ["10億美元"]
    assert mentions_of(sentence, MentionKind.PERCENT) == []


def test_level_reached_after_an_amount_change() -> None:
    found = mentions_of("股价上涨0.5美元至10美元", MentionKind.AMOUNT)
    assert [(surface, mention.value, mention.unit) for surface, mention in found] == [("10美元", 10.0, "USD")]


def test_magnitude_is_not_also_a_level() -> None:
    sentence = "现金储备减少50亿美元，营收同比增长14%"
    assert mentions_of(sentence, MentionKind.AMOUNT) == []
    assert mentions_of(sentence, MentionKind.PERCENT) == []


# sentence, surface, percent, range, qualifier: every form of a percentage read from the change's match
PERCENT_FORMS_IN_CHANGES = [
    ("營收同比增長10%至12%", "同比增長10%至12%", 11.0, (10.0, 12.0), Qualifier.RANGE),
    ("营收同比下降5%-7%", "同比下降5%-7%", -6.0, (-7.0, -5.0), Qualifier.RANGE),
    ("營收同比下降百分之五", "同比下降百分之五", -5.0, None, EXACT),
    ("净利润同比增长百分之十至十五", "同比增长百分之十至十五", 12.5, (10.0, 15.0), Qualifier.RANGE),
    ("銷量同比減少四分之一", "同比減少四分之一", -25.0, None, EXACT),
    ("销量同比减少四分之一", "同比减少四分之一", -25.0, None, EXACT),
    ("出貨量年減約6成", "年減約6成", -60.0, None, APPROX),
    ("出货量年减约6成", "年减约6成", -60.0, None, APPROX),
    ("營收季增12.5%以上", "季增12.5%以上", 12.5, None, OVER),
    ("营收季增12.5%以上", "季增12.5%以上", 12.5, None, OVER),
    ("淨利潤同比激增2,150.5%", "同比激增2,150.5%", 2150.5, None, EXACT),
]


@pytest.mark.parametrize(("sentence", "surface", "percent", "ends", "qualifier"), PERCENT_FORMS_IN_CHANGES)
def test_percent_forms_in_changes(
    sentence: str, surface: str, percent: float, ends: tuple[float, float] | None, qualifier: Qualifier
) -> None:
    mention = only(sentence, C, surface)
    assert (mention.percent, mention.value_range, mention.qualifier) == (percent, ends, qualifier)
    assert not mentions_of(sentence, MentionKind.PERCENT)  # the change's magnitude is no level


@pytest.mark.parametrize(
    ("sentence", "changes"),
    [
        # 分别 lists one magnitude per item: each later one is a change with the first one's basis and
        # direction, no percentage level
        ("比亚迪营业收入和净利润同比分别下降3.1%和32.6%", [("同比分别下降3.1%", -3.1), ("32.6%", -32.6)]),
        ("比亞迪營業收入和淨利潤同比分別下降3.1%和32.6%", [("同比分別下降3.1%", -3.1), ("32.6%", -32.6)]),
        ("華碩營收與稅後淨利年增分別為12%、30%與8%", [("年增分別為12%", 12.0), ("30%", 30.0), ("8%", 8.0)]),
        ("华硕营收与税后净利年增分别为12%、30%与8%", [("年增分别为12%", 12.0), ("30%", 30.0), ("8%", 8.0)]),
        # 分别 before the direction word, outside the change's own words
        ("微软和谷歌的云业务营收分别增长40%和34%", [("增长40%", 40.0), ("34%", 34.0)]),
        # without 分别 a percentage after a change stays a level of its own
        ("营业收入同比下降3.1%和毛利率32.6%", [("同比下降3.1%", -3.1)]),
    ],
)
def test_changes_stated_respectively(sentence: str, changes: list[tuple[str, float]]) -> None:
    found = [(surface, mention.percent, mention.basis) for surface, mention in mentions_of(sentence, C)]
    basis = found[0][2]
    assert found == [(surface, percent, basis) for surface, percent in changes]
    listed = {surface for surface, _ in changes[1:]}
    assert [s for s, _ in mentions_of(sentence, MentionKind.PERCENT) if s in listed] == []


@pytest.mark.parametrize(
    ("sentence", "surface", "basis", "magnitude", "ends"),
    [
        # two changes joined by a range word state one range: its midpoint, with the first one's basis
        ("中芯国际预计第四季度收入环比持平到增长2%", "环比持平到增长2%", QOQ, "percent", (0.0, 2.0)),
        ("中芯國際預計第四季收入環比持平到增長2%", "環比持平到增長2%", QOQ, "percent", (0.0, 2.0)),
        ("聯電預期第4季晶圓出貨量將季減1%至持平", "季減1%至持平", QOQ, "percent", (-1.0, 0.0)),
        ("联电预期第四季度晶圆出货量将环比减少1%至持平", "环比减少1%至持平", QOQ, "percent", (-1.0, 0.0)),
        ("預計第一季營收將季減5%至季增1%", "季減5%至季增1%", QOQ, "percent", (-5.0, 1.0)),
        # a change in points stated as a range
        ("日月光投控預估毛利率將季增0.5至1個百分點", "季增0.5至1個百分點", QOQ, "points", (0.5, 1.0)),
        ("日月光投控预估毛利率将环比提升0.5至1个百分点", "环比提升0.5至1个百分点", QOQ, "points", (0.5, 1.0)),
        ("公司毛利率同比下降1至2个百分点", "同比下降1至2个百分点", YOY, "points", (-2.0, -1.0)),
    ],
)
def test_a_change_stated_as_a_range(
    sentence: str, surface: str, basis: Basis, magnitude: str, ends: tuple[float, float]
) -> None:
    found = [
        (s, m.basis, m.value_range, getattr(m, magnitude), m.qualifier) for s, m in mentions_of(sentence, C)
    ]
    assert found == [(surface, basis, ends, (ends[0] + ends[1]) / 2, Qualifier.RANGE)]


@pytest.mark.parametrize(
    ("sentence", "surface", "percent", "basis"),
    [
        # a growth rate that slowed or widened to a level is still that rate: the change is the level,
        # signed by the rate noun
        ("腾讯第三季度营收增速放缓至15%", "增速放缓至15%", 15.0, None),
        ("騰訊第三季營收增速放緩至15%", "增速放緩至15%", 15.0, None),
        ("台積電10月營收年增幅擴大至16.9%", "年增幅擴大至16.9%", 16.9, YOY),
        ("台积电10月营收年增幅扩大至16.9%", "年增幅扩大至16.9%", 16.9, YOY),
        ("特斯拉股价跌幅扩大至5%", "跌幅扩大至5%", -5.0, None),
    ],
)
def test_a_rate_moved_to_a_level_is_that_rate(
    sentence: str, surface: str, percent: float, basis: Basis | None
) -> None:
    assert [(s, m.percent, m.basis) for s, m in mentions_of(sentence, C)] == [(surface, percent, basis)]


@pytest.mark.parametrize(
    ("sentence", "surface", "ends"),
    [
        # a fall stated from the larger fall down is a range all the same
        ("理想汽车总收入同比下降约33.7%至26.9%", "同比下降约33.7%至26.9%", (-33.7, -26.9)),
        ("理想汽車總收入年減約33.7%至26.9%", "年減約33.7%至26.9%", (-33.7, -26.9)),
    ],
)
def test_a_fall_stated_from_the_larger_fall_down(
    sentence: str, surface: str, ends: tuple[float, float]
) -> None:
    found = [(s, m.value_range, m.percent, m.qualifier) for s, m in mentions_of(sentence, C)]
    assert found == [(surface, ends, -30.3, Qualifier.RANGE)]
