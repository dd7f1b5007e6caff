"""Money and counted quantities, as financial news writes them, in both scripts."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from recognize_support import mentions_of, only

from extractor.models import Qualifier
from extractor.recognize import MentionKind
from extractor.recognize.amounts import _digit_guard, going_on, unit_tested_pattern

A = MentionKind.AMOUNT
EXACT, APPROX, OVER, UNDER, UP_TO, RANGE = (
    Qualifier.EXACT,
    Qualifier.APPROX,
    Qualifier.OVER,
    Qualifier.UNDER,
    Qualifier.UP_TO,
    Qualifier.RANGE,
)

# sentence, surface, value, unit, qualifier
AMOUNTS = [
    # Hundredths of a currency (cents)
    ("友邦每股營運溢利增長12%至34.1美仙", "34.1美仙", 0.341, "USD", EXACT),
    ("汇丰宣布派中期股息每股49港仙", "49港仙", 0.49, "HKD", EXACT),
    ("匯豐宣布派中期股息每股49港仙", "49港仙", 0.49, "HKD", EXACT),
    # Arabic digits with currency words
    ("微軟本季實現營收2134億美元，優於預期", "2134億美元", 213400000000.0, "USD", EXACT),
    ("微软本季实现营收2134亿美元，优于预期", "2134亿美元", 213400000000.0, "USD", EXACT),
    ("蘋果第一財季淨利潤達212億美元", "212億美元", 21200000000.0, "USD", EXACT),
    ("苹果第一财季净利润达212亿美元", "212亿美元", 21200000000.0, "USD", EXACT),
    ("沃爾瑪年度營收規模達到7169億美元", "7169億美元", 716900000000.0, "USD", EXACT),
    ("沃尔玛年度营收规模达到7169亿美元", "7169亿美元", 716900000000.0, "USD", EXACT),
    ("谷歌雲部門營收為829.88億美元", "829.88億美元", 82988000000.0, "USD", EXACT),
    ("谷歌云部门营收为829.88亿美元", "829.88亿美元", 82988000000.0, "USD", EXACT),
    ("好市多門店業務營收58.55億美元", "58.55億美元", 5855000000.0, "USD", EXACT),
    ("Meta廣告以外收入428.16億美元", "428.16億美元", 42816000000.0, "USD", EXACT),
    ("奈飛訂閱收入131.22億美元", "131.22億美元", 13122000000.0, "USD", EXACT),
    ("微软游戏收入213.17亿美元", "213.17亿美元", 21317000000.0, "USD", EXACT),
    ("沃爾瑪美國業務銷售額1270.83億美元", "1270.83億美元", 127083000000.0, "USD", EXACT),
    ("英特爾代工部門營業虧損收窄至93億美元", "93億美元", -9300000000.0, "USD", EXACT),
    ("輝達遊戲業務營收507億美元", "507億美元", 50700000000.0, "USD", EXACT),
    ("特斯拉能源業務營業利潤10億美元", "10億美元", 1000000000.0, "USD", EXACT),
    ("甲骨文雲基礎設施營收356億美元", "356億美元", 35600000000.0, "USD", EXACT),
    ("博通營業利潤125億美元", "125億美元", 12500000000.0, "USD", EXACT),
    ("台積電全年營收1287億美元", "1287億美元", 128700000000.0, "USD", EXACT),
    ("谷歌全年資本開支為1310億美元", "1310億美元", 131000000000.0, "USD", EXACT),
    ("分析師預估的1447億美元", "1447億美元", 144700000000.0, "USD", EXACT),
    ("四家公司合計投入6600億美元", "6600億美元", 660000000000.0, "USD", EXACT),
    ("英特爾計提重組費用7.3億美元", "7.3億美元", 730000000.0, "USD", EXACT),
    ("Meta淨利潤從2024年的592億美元飆升至777億美元", "592億美元", 59200000000.0, "USD", EXACT),
    ("Meta净利润从2024年的592亿美元飙升至777亿美元", "777亿美元", 77700000000.0, "USD", EXACT),
    # per-share and prices
    ("蘋果稀釋後每股收益為1.95美元", "1.95美元", 1.95, "USD", EXACT),
    ("苹果稀释后每股收益为1.95美元", "1.95美元", 1.95, "USD", EXACT),
    ("略低於市場預期的1.97美元", "1.97美元", 1.97, "USD", EXACT),
    ("英偉達股價收於208.72美元", "208.72美元", 208.72, "USD", EXACT),
    ("辉达股价收于208.72美元", "208.72美元", 208.72, "USD", EXACT),
    ("每股派息US$1.95", "US$1.95", 1.95, "USD", EXACT),
    ("每股盈利HK$3.2", "HK$3.2", 3.2, "HKD", EXACT),
    ("股價報$150.5", "$150.5", 150.5, "USD", EXACT),
    ("EPS NT$12.5", "NT$12.5", 12.5, "TWD", EXACT),
    # qualifiers
    ("單季營收首次突破2000億美元", "突破2000億美元", 200000000000.0, "USD", OVER),
    ("单季营收首次突破2000亿美元", "突破2000亿美元", 200000000000.0, "USD", OVER),
    ("沃爾瑪年營收首次突破7000億美元大關", "突破7000億美元", 700000000000.0, "USD", OVER),
    ("特斯拉儲能業務營業利潤達到93億美元", "93億美元", 9300000000.0, "USD", EXACT),
    ("预计明年将在数据中心方面投入约2000亿美元", "约2000亿美元", 200000000000.0, "USD", APPROX),
    ("預計投入約2000億美元", "約2000億美元", 200000000000.0, "USD", APPROX),
    ("预计投入约2000亿美元", "约2000亿美元", 200000000000.0, "USD", APPROX),
    ("公司總資產逾2500億美元", "逾2500億美元", 250000000000.0, "USD", OVER),
    ("資本支出最高達到1850億美元", "最高達到1850億美元", 185000000000.0, "USD", UP_TO),
    ("资本支出最高达到1850亿美元", "最高达到1850亿美元", 185000000000.0, "USD", UP_TO),
    ("年化收入運行率已超過100億美元", "超過100億美元", 10000000000.0, "USD", OVER),
    ("自研晶片年化收入超百億美元", "超百億美元", 10000000000.0, "USD", OVER),
    ("自研芯片年化收入超百亿美元", "超百亿美元", 10000000000.0, "USD", OVER),
    ("成為第二家市值破兆美元的公司", "破兆美元", 1000000000000.0, "USD", OVER),
    ("营收为2000多亿元", "2000多亿元", 200000000000.0, "CNY", OVER),
    ("净利润在300亿元左右", "300亿元左右", 30000000000.0, "CNY", APPROX),
    ("訂單金額在50億元以上", "50億元以上", 5000000000.0, "CNY", OVER),
    ("淨利息收益指引上調至430億美元或以上", "430億美元或以上", 43000000000.0, "USD", OVER),
    ("净利息收益指引上调至430亿美元或以上", "430亿美元或以上", 43000000000.0, "USD", OVER),
    ("研發投入不到10億元", "不到10億元", 1000000000.0, "CNY", UNDER),
    ("研发投入不足10亿元", "不足10亿元", 1000000000.0, "CNY", UNDER),
    ("回購金額至多50億港元", "至多50億港元", 5000000000.0, "HKD", UP_TO),
    ("营收接近500亿元", "接近500亿元", 50000000000.0, "CNY", APPROX),
    ("茅台批價一度跌破1800元", "跌破1800元", 1800.0, "CNY", UNDER),
    ("茅台批价一度跌破1800元", "跌破1800元", 1800.0, "CNY", UNDER),
    ("小鵬月交付量突破4萬輛", "突破4萬輛", 40000.0, "count", OVER),
    ("季度淨虧損166億", "166億", -16600000000.0, None, EXACT),
    ("现金储备近千亿元", "近千亿元", 100000000000.0, "CNY", APPROX),
    ("員工總數1萬多人", "1萬多人", 10000.0, "count", OVER),
    # ranges
    ("預計營收介於10至15億美元", "10至15億美元", 1250000000.0, "USD", RANGE),
    ("预计营收介于10至15亿美元", "10至15亿美元", 1250000000.0, "USD", RANGE),
    ("全年營收指引為1,150億至1,350億美元", "1,150億至1,350億美元", 125000000000.0, "USD", RANGE),
    ("全年营收指引为1,150亿至1,350亿美元", "1,150亿至1,350亿美元", 125000000000.0, "USD", RANGE),
    ("第三季度營收預計10-12億美元", "10-12億美元", 1100000000.0, "USD", RANGE),
    ("明年利润预计在八到九百亿元", "八到九百亿元", 85000000000.0, "CNY", RANGE),
    ("明年利潤預計在八到九百億元", "八到九百億元", 85000000000.0, "CNY", RANGE),
    ("股價區間為15~18美元", "15~18美元", 16.5, "USD", RANGE),
    ("第四季營收介於1,420億元至1,520億元", "1,420億元至1,520億元", 147000000000.0, "CNY", RANGE),
    ("每股收益指引為8.22至8.62美元", "8.22至8.62美元", 8.42, "USD", RANGE),
    ("公司計劃回購不少於800億港元股份", "不少於800億港元", 80000000000.0, "HKD", OVER),
    # Chinese numerals and mixed forms
    ("茅台全年营收二千六百三十亿元", "二千六百三十亿元", 263000000000.0, "CNY", EXACT),
    ("茅台全年營收二千六百三十億元", "二千六百三十億元", 263000000000.0, "CNY", EXACT),
    ("公司派發股息一百零五億元", "一百零五億元", 10500000000.0, "CNY", EXACT),
    ("项目总投资十五点八万元", "十五点八万元", 158000.0, "CNY", EXACT),
    ("該市新增就業一萬五千億元的投資", "一萬五千億元", 1500000000000.0, "CNY", EXACT),
    ("专项债额度二十万亿元", "二十万亿元", 20000000000000.0, "CNY", EXACT),
    ("外匯儲備逾三萬億美元", "逾三萬億美元", 3000000000000.0, "USD", OVER),
    ("丰田营业利润4.8万亿日元", "4.8万亿日元", 4800000000000.0, "JPY", EXACT),
    ("豐田營業利潤4.8萬億日圓", "4.8萬億日圓", 4800000000000.0, "JPY", EXACT),
    ("三星電子營業利潤3千億韓元", "3千億韓元", 300000000000.0, "KRW", EXACT),
    ("软银投资亏损1,100.9亿日元", "1,100.9亿日元", -110090000000.0, "JPY", EXACT),
    ("月薪3万4000元", "3万4000元", 34000.0, "CNY", EXACT),
    ("公司上月营收十亿元", "十亿元", 1000000000.0, "CNY", EXACT),  # 上 of 上月 is no vague quantity
    # the figure after 万 with its thousands separator (the papers of Taiwan write share prices so)
    ("三星电子股价收在10万4,100韩元", "10万4,100韩元", 104100.0, "KRW", EXACT),
    ("三星電子股價收在10萬4,100韓元", "10萬4,100韓元", 104100.0, "KRW", EXACT),
    ("房屋均价每平方米6万2,500元", "6万2,500元", 62500.0, "CNY", EXACT),
    ("台積電前9月營收達2兆7,631億元", "2兆7,631億元", 2763100000000.0, "CNY", EXACT),
    ("台积电第四季营收可望达1兆400亿元左右", "1兆400亿元左右", 1040000000000.0, "CNY", APPROX),
    ("車款售價25萬6千元", "25萬6千元", 256000.0, "CNY", EXACT),
    ("新车起售价13万2元", "13万2元", 132000.0, "CNY", EXACT),
    ("项目预算两千万元", "两千万元", 20000000.0, "CNY", EXACT),
    ("台積電市值約新台幣25兆元", "約新台幣25兆元", 25000000000000.0, "TWD", APPROX),
    ("研發費用為人民幣100億元", "人民幣100億元", 10000000000.0, "CNY", EXACT),
    ("研发费用为人民币100亿元", "人民币100亿元", 10000000000.0, "CNY", EXACT),
    ("淨利RMB 52億", "RMB 52億", 5200000000.0, "CNY", EXACT),
    ("派息总额¥300亿", "¥300亿", 30000000000.0, "CNY", EXACT),
    ("營收約為€25億", "約為€25億", 2500000000.0, "EUR", APPROX),
    ("利润12亿欧元", "12亿欧元", 1200000000.0, "EUR", EXACT),
    ("匯豐稅前利潤84億英鎊", "84億英鎊", 8400000000.0, "GBP", EXACT),
    ("募資20億美金", "20億美金", 2000000000.0, "USD", EXACT),
    ("市值達到4萬億港幣", "4萬億港幣", 4000000000000.0, "HKD", EXACT),
    ("营收3500 USD", "3500 USD", 3500.0, "USD", EXACT),
    # 元 followed by the currency's name (亿元人民币) states the currency
    ("蔚來期內總收入217.9億元人民幣", "217.9億元人民幣", 21790000000.0, "CNY", EXACT),
    ("台積電營收3,310億元新台幣", "3,310億元新台幣", 331000000000.0, "TWD", EXACT),
    # ... or its name in brackets after it, alone or noting that it holds for what follows (下同)
    ("騰訊總收入1,928億元(人民幣，下同)", "1,928億元(人民幣，下同)", 192800000000.0, "CNY", EXACT),
    ("腾讯总收入1,928亿元（人民币，下同）", "1,928亿元（人民币，下同）", 192800000000.0, "CNY", EXACT),
    ("小米集團收入1,131億元（人民幣）", "1,131億元（人民幣）", 113100000000.0, "CNY", EXACT),
    ("小米集团收入1,131亿元(人民币)", "1,131亿元(人民币)", 113100000000.0, "CNY", EXACT),
    # a bracket of something else is no part of the amount
    ("比亞迪營收100億元（約合14億美元）", "100億元", 10000000000.0, "CNY", EXACT),
    ("比亚迪营收100亿元(约合14亿美元)", "100亿元", 10000000000.0, "CNY", EXACT),
    # a bare 元: CNY for now, the claim assembly may take the article's currency
    ("鴻海第三季營收2.06兆元", "2.06兆元", 2060000000000.0, "CNY", EXACT),
    ("公司本季淨賺3541.07萬元", "3541.07萬元", 35410700.0, "CNY", EXACT),
    # glued digits and the Chinese comma
    ("净利润3541.07万元2024年同期为3000万元", "3541.07万元", 35410700.0, "CNY", EXACT),
    # losses
    ("蔚来季度亏损166亿元", "166亿元", -16600000000.0, "CNY", EXACT),
    ("蔚來季度虧損166億元", "166億元", -16600000000.0, "CNY", EXACT),
    ("小鵬淨虧損為13.8億元", "13.8億元", -1380000000.0, "CNY", EXACT),
    ("公司亏损约5亿美元", "约5亿美元", -500000000.0, "USD", APPROX),
    # bare multipliers: unit None
    ("宁德时代营收达3,675亿，同比增长", "3,675亿", 367500000000.0, None, EXACT),
    ("寧德時代營收達3,675億，同比增長", "3,675億", 367500000000.0, None, EXACT),
    # counts
    ("亞馬遜裁員1.4萬人", "1.4萬人", 14000.0, "count", EXACT),
    ("亚马逊裁员1.6万人", "1.6万人", 16000.0, "count", EXACT),
    ("晶片累計交付已達140萬顆", "140萬顆", 1400000.0, "count", EXACT),
    ("芯片累计交付已达140万颗", "140万颗", 1400000.0, "count", EXACT),
    ("比亞迪單月銷量38萬輛", "38萬輛", 380000.0, "count", EXACT),
    ("比亚迪单月销量38万辆", "38万辆", 380000.0, "count", EXACT),
    ("iPhone出貨量5000萬部", "5000萬部", 50000000.0, "count", EXACT),
    ("伺服器出貨20萬台", "20萬台", 200000.0, "count", EXACT),
    ("小鹏交付新车3万台", "3万台", 30000.0, "count", EXACT),
    ("微信月活躍用戶13.8億戶", "13.8億戶", 1380000000.0, "count", EXACT),
    ("門店數量超過3000家", "超過3000家", 3000.0, "count", OVER),
    ("全球員工約150萬名", "約150萬名", 1500000.0, "count", APPROX),
    ("公司回購1000萬股", "1000萬股", 10000000.0, "count", EXACT),
    # a conversion into another currency is approximate
    ("營收為新台幣9,899億元，約合331億美元", "約合331億美元", 33100000000.0, "USD", APPROX),
    ("营收为新台币9,899亿元，折合331亿美元", "折合331亿美元", 33100000000.0, "USD", APPROX),
    # a minus sign after a link word or punctuation, and 负 anywhere, make the amount negative
    ("經營利潤為-141億元", "-141億元", -14100000000.0, "CNY", EXACT),
    ("经营利润为-141亿元", "-141亿元", -14100000000.0, "CNY", EXACT),
    ("自由現金流錄得負3億美元", "負3億美元", -300000000.0, "USD", EXACT),
    ("自由现金流录得负3亿美元", "负3亿美元", -300000000.0, "USD", EXACT),
    ("經營虧損為-141億元", "-141億元", -14100000000.0, "CNY", EXACT),  # not positive twice over
    ("Q3-5億美元", "5億美元", 500000000.0, "USD", EXACT),  # a hyphen after a letter or digit joins
    ("累計營收約為新台幣3兆1,259.16億元", "約為新台幣3兆1,259.16億元", 3125916000000.0, "TWD", APPROX),
]


@pytest.mark.parametrize(("sentence", "surface", "value", "unit", "qualifier"), AMOUNTS)
def test_amount(sentence: str, surface: str, value: float, unit: str | None, qualifier: Qualifier) -> None:
    mention = only(sentence, A, surface)
    assert (mention.value, mention.unit, mention.qualifier) == (value, unit, qualifier)


# sentence, surface, low, high
RANGES = [
    ("全年營收指引為1,150億至1,350億美元", "1,150億至1,350億美元", 115000000000.0, 135000000000.0),
    ("明年利润预计在八到九百亿元", "八到九百亿元", 80000000000.0, 90000000000.0),
    ("资本开支十到十五亿元", "十到十五亿元", 1000000000.0, 1500000000.0),
    ("預計營收介於10至15億美元", "10至15億美元", 1000000000.0, 1500000000.0),
    ("季度亏损10-12亿元", "10-12亿元", -1200000000.0, -1000000000.0),
]


@pytest.mark.parametrize(("sentence", "surface", "low", "high"), RANGES)
def test_range_ends(sentence: str, surface: str, low: float, high: float) -> None:
    assert only(sentence, A, surface).value_range == (low, high)


@pytest.mark.parametrize(
    ("sentence", "surface", "per_share"),
    [
        ("蘋果稀釋後每股收益為1.95美元", "1.95美元", True),
        ("每股派息0.25美元", "0.25美元", True),
        ("公司每股盈利HK$3.2", "HK$3.2", True),
        ("苹果净利润为1.95亿美元", "1.95亿美元", False),
        ("每股收益增長，淨利潤為30億美元", "30億美元", False),
    ],
)
def test_per_share(sentence: str, surface: str, per_share: bool) -> None:
    assert only(sentence, A, surface).per_share is per_share


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "value_range", "per_share"),
    [
        ("贵州茅台2024年度拟每10股派239.57元", "239.57元", 23.957, None, True),
        ("貴州茅台2024年度擬每10股派239.57元", "239.57元", 23.957, None, True),
        ("公司拟向全体股东每十股派发现金红利276.24元（含税）", "276.24元", 27.624, None, True),
        ("公司擬向全體股東每十股派發現金紅利276.24元（含稅）", "276.24元", 27.624, None, True),
        ("公司拟每10股派发现金红利20至25元", "20至25元", 2.25, (2.0, 2.5), True),
        # a total payout stays as it is
        ("公司合计派发现金红利300.9亿元", "300.9亿元", 30090000000.0, None, False),
    ],
)
def test_a_payout_per_lot_of_shares_is_written_per_share(
    sentence: str, surface: str, value: float, value_range: tuple[float, float] | None, per_share: bool
) -> None:
    mention = only(sentence, A, surface)
    assert (mention.value, mention.value_range, mention.per_share) == (value, value_range, per_share)


@pytest.mark.parametrize(
    ("sentence", "surface", "implicit"),
    [
        ("鴻海第三季營收2.06兆元", "2.06兆元", True),
        ("研发费用为人民币100亿元", "人民币100亿元", False),
        ("一碗面卖12块", "12块", True),
        ("港交所收入50億港元", "50億港元", False),
        ("蔚來期內總收入217.9億元人民幣", "217.9億元人民幣", False),
        ("騰訊總收入1,928億元(人民幣，下同)", "1,928億元(人民幣，下同)", False),
        ("比亚迪营收100亿元(约合14亿美元)", "100亿元", True),
    ],
)
def test_implicit_unit(sentence: str, surface: str, implicit: bool) -> None:
    assert only(sentence, A, surface).implicit_unit is implicit


@pytest.mark.parametrize(
    "sentence",
    [
        "李四人民幣存款增加",  # a name, not 四人民币
        "李四人民币存款增加",
        "張三美元帳戶",
        "Trainium 3將於明年量產",  # a product name
        "台積電3奈米製程良率提升",  # a process node
        "台积电3纳米制程良率提升",
        "營收增速創下13個季度以來新高",  # quarters
        "市值在三個交易日內大跌",
        "創下六年來最大跌幅",
        "這款第三代晶片",
        "这款第三代芯片",
        "2025年全年業績",  # a year
        "2月9日收盤",  # a date
        "交出了一份成績單",  # 一份: a word, not a count
        "輝達一家獨大",
        "美股科技7姐妹股價迭創新高",
        "Trainium 4預計於2027年開始交付",
        "下一代晶片Trainium 4的開發進展",
        "零售業務兩大類五部分",
        "同比增长超过三位数",
        "毛利率提升1.8个百分点",
        "營收成長14%",
        "在2025年10月和2026年1月",
        "毛利率上下浮動50個基點",
        # vague quantities: several of a multiplier, no figure
        "2027年則上看數十億美元",
        "2027年则上看数十亿美元",
        "公司计划投资数亿美元",
        "該業務虧損幾十億元",
        "用户规模突破上百万",
        "員工數十萬人",
    ],
)
def test_not_an_amount(sentence: str) -> None:
    assert mentions_of(sentence, A) == []


def test_from_to_is_two_levels() -> None:
    found = mentions_of("营收从100亿至200亿美元", A)
    assert [(surface, mention.value, mention.unit) for surface, mention in found] == [
        ("100亿", 10000000000.0, "USD"),
        ("200亿美元", 20000000000.0, "USD"),
    ]


def test_chinese_comma_keeps_amounts_apart() -> None:
    found = mentions_of("營收為1，200億元", A)
    assert [(surface, mention.value) for surface, mention in found] == [("200億元", 20000000000.0)]


AMOUNT_FRAGMENTS = [
    "1",
    "2",
    "0",
    "9",
    ".",
    ",",
    " ",
    "A",
    "Q",
    "二",
    "十",
    "百",
    "万",
    "亿",
    "美元",
    "US$",
    "元",
    "年",
    "至",
    "左右",
    "家",
    "余",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(AMOUNT_FRAGMENTS), max_size=40))
@example(["营收", "2", "1", "3", "4", "亿", "美元"])
@example(["US$", "1", ".", "9", "5"])
@example(["Q", "4", "营收", "1", "0", "亿", "元"])
@example(["二", "十", "亿", "美元"])
@example(["2", "0", "2", "5", "年"])
@example(["1", "0", "至", "1", "5", "亿"])
@example(["3", "0", "0", "家"])
@example(["1", "2", "0", " ", "美元"])
def test_the_digit_guard_fails_only_where_no_amount_starts(fragments: list[str]) -> None:
    text = "".join(fragments)
    guard, bare = re.compile(_digit_guard()), re.compile(unit_tested_pattern())
    for position in range(len(text)):
        if guard.match(text, position) is None:
            assert bare.match(text, position) is None


def test_no_character_an_amount_goes_on_with_is_part_of_a_number() -> None:
    """The guard reads a number's digits, points and commas before what follows them."""
    assert going_on().isdisjoint(",.0123456789")
