"""Subject company and metric term of earnings sentences about many companies, in both scripts."""

from __future__ import annotations

import pytest

from extractor.entities import EntityFinder
from extractor.models import EntityType, Metric
from extractor.normalize import normalize

FINDER = EntityFinder()

# (sentence, company as written, canonical name, metric term as written, metric)
SENTENCES = [
    ("亚马逊第四季度营收2134亿美元，同比增长14%。", "亚马逊", "Amazon", "营收", Metric.REVENUE),
    ("亞馬遜第四季營收2134億美元，年增14%。", "亞馬遜", "Amazon", "營收", Metric.REVENUE),
    ("苹果公司上季度净利润为361亿美元。", "苹果公司", "Apple", "净利润", Metric.NET_INCOME),
    ("蘋果上季淨利為361億美元，優於預期。", "蘋果", "Apple", "淨利", Metric.NET_INCOME),
    ("微软第二财季营业利润达到384亿美元。", "微软", "Microsoft", "营业利润", Metric.OPERATING_INCOME),
    ("微軟第二財季營業利益達到384億美元。", "微軟", "Microsoft", "營業利益", Metric.OPERATING_INCOME),
    ("谷歌母公司第三季度资本支出为240亿美元。", "谷歌母公司", "Google", "资本支出", Metric.CAPEX),
    ("Alphabet第三季資本支出為240億美元。", "Alphabet", "Google", "資本支出", Metric.CAPEX),
    ("英伟达数据中心业务的毛利率为73.5%。", "英伟达", "NVIDIA", "毛利率", Metric.GROSS_MARGIN),
    ("輝達本季毛利率為73.5%，略低於上季。", "輝達", "NVIDIA", "毛利率", Metric.GROSS_MARGIN),
    ("Meta第四季度每股收益为8.02美元。", "Meta", "Meta", "每股收益", Metric.EPS),
    ("Meta第四季每股盈餘為8.02美元，優於預期。", "Meta", "Meta", "每股盈餘", Metric.EPS),
    ("特斯拉第三季度交付量为49.7万辆。", "特斯拉", "Tesla", "交付量", Metric.UNITS),
    ("特斯拉第三季交車量為49.7萬輛。", "特斯拉", "Tesla", "交車量", Metric.UNITS),
    ("奈飞全球付费用户突破3亿。", "奈飞", "Netflix", "付费用户", Metric.USERS),
    ("網飛全球付費用戶突破3億。", "網飛", "Netflix", "付費用戶", Metric.USERS),
    ("英特尔宣布今年裁员约1.5万人。", "英特尔", "Intel", "裁员", Metric.LAYOFFS),
    ("英特爾宣佈今年裁員約1.5萬人。", "英特爾", "Intel", "裁員", Metric.LAYOFFS),
    ("超威半导体数据中心收入同比增长22%。", "超威半导体", "AMD", "收入", Metric.REVENUE),
    ("超微資料中心營收年增22%。", "超微", "AMD", "營收", Metric.REVENUE),
    ("高通第一财季营收为116亿美元。", "高通", "Qualcomm", "营收", Metric.REVENUE),
    ("高通第一財季營收為116億美元。", "高通", "Qualcomm", "營收", Metric.REVENUE),
    ("博通人工智能收入同比增长74%。", "博通", "Broadcom", "收入", Metric.REVENUE),
    ("博通人工智慧營收年增74%。", "博通", "Broadcom", "營收", Metric.REVENUE),
    ("甲骨文剩余履约义务达到4550亿美元。", "甲骨文", "Oracle", "剩余履约义务", Metric.BACKLOG),
    ("甲骨文剩餘履約義務達到4550億美元。", "甲骨文", "Oracle", "剩餘履約義務", Metric.BACKLOG),
    ("美光科技本季度营业利润率为32%。", "美光科技", "Micron", "营业利润率", Metric.OPERATING_MARGIN),
    ("美光本季營益率為32%。", "美光", "Micron", "營益率", Metric.OPERATING_MARGIN),
    ("台积电10月营收为3675亿元新台币。", "台积电", "TSMC", "营收", Metric.REVENUE),
    ("台積電10月營收為新台幣3675億元，月增16.9%。", "台積電", "TSMC", "營收", Metric.REVENUE),
    ("鸿海第三季度税后纯益为577亿元新台币。", "鸿海", "Foxconn", "税后纯益", Metric.NET_INCOME),
    ("鴻海第三季稅後純益為577億元新台幣。", "鴻海", "Foxconn", "稅後純益", Metric.NET_INCOME),
    ("联发科全年每股盈余为66.9元新台币。", "联发科", "MediaTek", "每股盈余", Metric.EPS),
    ("聯發科全年每股盈餘為新台幣66.9元。", "聯發科", "MediaTek", "每股盈餘", Metric.EPS),
    ("广达11月营收为1400亿元新台币。", "广达", "Quanta", "营收", Metric.REVENUE),
    ("廣達11月營收為新台幣1400億元。", "廣達", "Quanta", "營收", Metric.REVENUE),
    ("日月光投控第三季度毛利率为17.1%。", "日月光投控", "ASE", "毛利率", Metric.GROSS_MARGIN),
    ("日月光投控第三季毛利率為17.1%。", "日月光投控", "ASE", "毛利率", Metric.GROSS_MARGIN),
    ("大立光本季度营业利益率为45%。", "大立光", "Largan", "营业利益率", Metric.OPERATING_MARGIN),
    ("大立光本季營業利益率為45%。", "大立光", "Largan", "營業利益率", Metric.OPERATING_MARGIN),
    ("台达电全年研发费用超过300亿元新台币。", "台达电", "Delta Electronics", "研发费用", Metric.RND_EXPENSE),
    ("台達電全年研發費用超過新台幣300億元。", "台達電", "Delta Electronics", "研發費用", Metric.RND_EXPENSE),
    ("腾讯控股第三季度收入为1928.7亿元。", "腾讯控股", "Tencent", "收入", Metric.REVENUE),
    ("騰訊控股第三季收入為1928.7億元，按年增長15%。", "騰訊控股", "Tencent", "收入", Metric.REVENUE),
    ("阿里巴巴经调整净利润同比下降53%。", "阿里巴巴", "Alibaba", "净利润", Metric.NET_INCOME),
    ("阿里巴巴經調整淨利潤按年下跌53%。", "阿里巴巴", "Alibaba", "淨利潤", Metric.NET_INCOME),
    ("百度第三季總營收為312億元。", "百度", "Baidu", "總營收", Metric.REVENUE),
    ("百度第三季度总收入为312亿元。", "百度", "Baidu", "总收入", Metric.REVENUE),
    ("京东集团第三季度净收入为2991亿元。", "京东集团", "JD.com", "净收入", Metric.REVENUE),
    ("京東集團第三季淨收入為2991億元。", "京東集團", "JD.com", "淨收入", Metric.REVENUE),
    ("美团第三季度经营亏损为141亿元。", "美团", "Meituan", "经营亏损", Metric.OPERATING_INCOME),
    ("美團第三季經營虧損為141億元。", "美團", "Meituan", "經營虧損", Metric.OPERATING_INCOME),
    ("拼多多第三季度营业收入为1082亿元。", "拼多多", "PDD", "营业收入", Metric.REVENUE),
    ("拼多多第三季營業收入為1082億元。", "拼多多", "PDD", "營業收入", Metric.REVENUE),
    ("网易第三季度净收入为284亿元。", "网易", "NetEase", "净收入", Metric.REVENUE),
    ("網易第三季淨收入為284億元。", "網易", "NetEase", "淨收入", Metric.REVENUE),
    ("小米集团第三季度智能手机出货量为4330万台。", "小米集团", "Xiaomi", "出货量", Metric.UNITS),
    ("小米集團第三季智慧型手機出貨量為4330萬台。", "小米集團", "Xiaomi", "出貨量", Metric.UNITS),
    ("比亚迪前三季度销量为326万辆。", "比亚迪", "BYD", "销量", Metric.UNITS),
    ("比亞迪前三季銷量為326萬輛。", "比亞迪", "BYD", "銷量", Metric.UNITS),
    ("蔚来第三季度交付量为8.7万辆。", "蔚来", "NIO", "交付量", Metric.UNITS),
    ("蔚來第三季交付量為8.7萬輛。", "蔚來", "NIO", "交付量", Metric.UNITS),
    ("小鹏汽车10月交付量首次突破4万辆。", "小鹏汽车", "XPeng", "交付量", Metric.UNITS),
    ("小鵬汽車10月交車量首次突破4萬輛。", "小鵬汽車", "XPeng", "交車量", Metric.UNITS),
    ("理想汽车第三季度毛利率为16.3%。", "理想汽车", "Li Auto", "毛利率", Metric.GROSS_MARGIN),
    ("理想汽車第三季毛利率為16.3%。", "理想汽車", "Li Auto", "毛利率", Metric.GROSS_MARGIN),
    ("贵州茅台前三季度归母净利润为646亿元。", "贵州茅台", "Kweichow Moutai", "归母净利润", Metric.NET_INCOME),
    ("貴州茅臺前三季歸母淨利潤為646億元。", "貴州茅臺", "Kweichow Moutai", "歸母淨利潤", Metric.NET_INCOME),
    ("宁德时代扣非净利润同比增长35%。", "宁德时代", "CATL", "扣非净利润", Metric.NET_INCOME),
    ("寧德時代扣非淨利潤按年增長35%。", "寧德時代", "CATL", "扣非淨利潤", Metric.NET_INCOME),
    ("中国平安宣布派息每股0.95元。", "中国平安", "Ping An", "派息", Metric.DIVIDEND),
    ("中國平安宣佈派息每股0.95元。", "中國平安", "Ping An", "派息", Metric.DIVIDEND),
    ("工商银行前三季度净利润为2699亿元。", "工商银行", "ICBC", "净利润", Metric.NET_INCOME),
    ("工商銀行前三季淨利潤為2699億元。", "工商銀行", "ICBC", "淨利潤", Metric.NET_INCOME),
    ("中国移动宣布回购股份，金额不超过10亿港元。", "中国移动", "China Mobile", "回购", Metric.BUYBACK),
    ("中國移動宣佈回購股份，金額不超過10億港元。", "中國移動", "China Mobile", "回購", Metric.BUYBACK),
    ("中芯国际第三季度产能利用率提升，收入为23.8亿美元。", "中芯国际", "SMIC", "收入", Metric.REVENUE),
    ("中芯國際第三季收入為23.8億美元。", "中芯國際", "SMIC", "收入", Metric.REVENUE),
    ("快手可灵年化收入运行率超过2.4亿美元。", "快手", "Kuaishou", "年化收入运行率", Metric.RUN_RATE_REVENUE),
    ("快手可靈年化收入運行率超過2.4億美元。", "快手", "Kuaishou", "年化收入運行率", Metric.RUN_RATE_REVENUE),
    ("哔哩哔哩日活跃用户达到1.17亿。", "哔哩哔哩", "Bilibili", "日活跃用户", Metric.USERS),
    ("嗶哩嗶哩日活躍用戶達到1.17億。", "嗶哩嗶哩", "Bilibili", "日活躍用戶", Metric.USERS),
    ("携程第三季度经营利润为56亿元。", "携程", "Trip.com", "经营利润", Metric.OPERATING_INCOME),
    ("攜程第三季經營利潤為56億元。", "攜程", "Trip.com", "經營利潤", Metric.OPERATING_INCOME),
    ("汇丰控股第三季度净利润为60亿美元。", "汇丰控股", "HSBC", "净利润", Metric.NET_INCOME),
    ("滙豐控股宣佈股份回購最多30億美元。", "滙豐控股", "HSBC", "股份回購", Metric.BUYBACK),
    ("港交所上半年收入及其他收益为140亿港元。", "港交所", "Hong Kong Exchanges", "收入", Metric.REVENUE),
    ("港交所上半年收入及其他收益為140億港元。", "港交所", "Hong Kong Exchanges", "收入", Metric.REVENUE),
    (
        "三星电子第三季度营业利润为12.1万亿韩元。",
        "三星电子",
        "Samsung Electronics",
        "营业利润",
        Metric.OPERATING_INCOME,
    ),
    (
        "三星電子第三季營業利益為12.1兆韓元。",
        "三星電子",
        "Samsung Electronics",
        "營業利益",
        Metric.OPERATING_INCOME,
    ),
    ("SK海力士在HBM市场的份额约为62%。", "SK海力士", "SK Hynix", "份额", Metric.MARKET_SHARE),
    ("SK海力士在HBM市場的市佔率約為62%。", "SK海力士", "SK Hynix", "市佔率", Metric.MARKET_SHARE),
    (
        "丰田汽车上调全年营业利润预期至3.4万亿日元。",
        "丰田汽车",
        "Toyota",
        "营业利润",
        Metric.OPERATING_INCOME,
    ),
    ("豐田汽車上調全年營業利益預期至3.4兆日圓。", "豐田汽車", "Toyota", "營業利益", Metric.OPERATING_INCOME),
    ("索尼集团本财年净利润预计为1.05万亿日元。", "索尼集团", "Sony", "净利润", Metric.NET_INCOME),
    ("索尼集團本財年淨利潤預計為1.05兆日圓。", "索尼集團", "Sony", "淨利潤", Metric.NET_INCOME),
    ("任天堂Switch 2销量突破1000万台。", "任天堂", "Nintendo", "销量", Metric.UNITS),
    ("任天堂Switch 2銷量突破1000萬台。", "任天堂", "Nintendo", "銷量", Metric.UNITS),
    ("软银集团第二财季净利润为2.5万亿日元。", "软银集团", "SoftBank", "净利润", Metric.NET_INCOME),
    ("軟銀集團第二財季淨利潤為2.5兆日圓。", "軟銀集團", "SoftBank", "淨利潤", Metric.NET_INCOME),
    ("阿斯麦第三季度新增订单为54亿欧元，积压订单约330亿欧元。", "阿斯麦", "ASML", "积压订单", Metric.BACKLOG),
    ("艾司摩爾未交付訂單約330億歐元。", "艾司摩爾", "ASML", "未交付訂單", Metric.BACKLOG),
    ("诺和诺德宣布裁员9000人。", "诺和诺德", "Novo Nordisk", "裁员", Metric.LAYOFFS),
    ("諾和諾德宣佈裁員9000人。", "諾和諾德", "Novo Nordisk", "裁員", Metric.LAYOFFS),
    (
        "伯克希尔·哈撒韦第三季度经营利润为134.9亿美元。",
        "伯克希尔·哈撒韦",
        "Berkshire Hathaway",
        "经营利润",
        Metric.OPERATING_INCOME,
    ),
    (
        "波克夏第三季營業利益為134.9億美元。",
        "波克夏",
        "Berkshire Hathaway",
        "營業利益",
        Metric.OPERATING_INCOME,
    ),
    (
        "巴克夏·海瑟威第三季營業利益為134.9億美元。",
        "巴克夏·海瑟威",
        "Berkshire Hathaway",
        "營業利益",
        Metric.OPERATING_INCOME,
    ),
    (
        "巴克夏第三季度经营利润为134.9亿美元。",
        "巴克夏",
        "Berkshire Hathaway",
        "经营利润",
        Metric.OPERATING_INCOME,
    ),
    ("摩根大通第三季度每股收益为5.07美元。", "摩根大通", "JPMorgan", "每股收益", Metric.EPS),
    ("摩根大通第三季每股盈餘為5.07美元。", "摩根大通", "JPMorgan", "每股盈餘", Metric.EPS),
    ("沃尔玛电商销售额同比增长27%。", "沃尔玛", "Walmart", "销售额", Metric.REVENUE),
    ("沃爾瑪電商銷售額年增27%。", "沃爾瑪", "Walmart", "銷售額", Metric.REVENUE),
    ("好市多会员数达到8100万。", "好市多", "Costco", "会员数", Metric.USERS),
    ("好市多會員數達到8100萬。", "好市多", "Costco", "會員數", Metric.USERS),
    ("迪士尼流媒体业务营业利润为3.52亿美元。", "迪士尼", "Disney", "营业利润", Metric.OPERATING_INCOME),
    ("迪士尼串流業務營業利益為3.52億美元。", "迪士尼", "Disney", "營業利益", Metric.OPERATING_INCOME),
    ("联想集团第二财季收入为204.5亿美元。", "联想集团", "Lenovo", "收入", Metric.REVENUE),
    ("聯想集團第二財季收入為204.5億美元。", "聯想集團", "Lenovo", "收入", Metric.REVENUE),
    ("华为今年研发投入超过1800亿元。", "华为", "Huawei", "研发投入", Metric.RND_EXPENSE),
    ("華為今年研發投入超過1800億元。", "華為", "Huawei", "研發投入", Metric.RND_EXPENSE),
    ("思科第一财季自由现金流为32亿美元。", "思科", "Cisco", "自由现金流", Metric.FREE_CASH_FLOW),
    ("思科第一財季自由現金流為32億美元。", "思科", "Cisco", "自由現金流", Metric.FREE_CASH_FLOW),
    ("优步第三季度经营现金流为23亿美元。", "优步", "Uber", "经营现金流", Metric.CASH_FLOW),
    ("優步第三季經營現金流為23億美元。", "優步", "Uber", "經營現金流", Metric.CASH_FLOW),
    ("波音第三季度净亏损为53亿美元。", "波音", "Boeing", "净亏损", Metric.NET_INCOME),
    ("波音第三季淨虧損為53億美元。", "波音", "Boeing", "淨虧損", Metric.NET_INCOME),
    ("礼来总市值一度突破1万亿美元。", "礼来", "Eli Lilly", "总市值", Metric.MARKET_CAP),
    ("禮來總市值一度突破1兆美元。", "禮來", "Eli Lilly", "總市值", Metric.MARKET_CAP),
    ("高盛股价收盘上涨3.5%。", "高盛", "Goldman Sachs", "股价", Metric.SHARE_PRICE),
    ("高盛股價收盤上漲3.5%。", "高盛", "Goldman Sachs", "股價", Metric.SHARE_PRICE),
    ("台积电员工总数超过8.3万人。", "台积电", "TSMC", "员工总数", Metric.HEADCOUNT),
    ("微軟員工人數為22.8萬人。", "微軟", "Microsoft", "員工人數", Metric.HEADCOUNT),
    ("亚马逊计提遣散费用7.3亿美元。", "亚马逊", "Amazon", "遣散费用", Metric.SEVERANCE),
    ("亞馬遜計提遣散費用7.3億美元。", "亞馬遜", "Amazon", "遣散費用", Metric.SEVERANCE),
    ("英伟达稀释后每股收益为1.30美元。", "英伟达", "NVIDIA", "稀释后每股收益", Metric.EPS_DILUTED),
    ("輝達稀釋每股盈餘為1.30美元。", "輝達", "NVIDIA", "稀釋每股盈餘", Metric.EPS_DILUTED),
    ("苹果服务业务收入占比升至26%。", "苹果", "Apple", "收入占比", Metric.REVENUE_SHARE),
    ("蘋果服務業務營收佔比升至26%。", "蘋果", "Apple", "營收佔比", Metric.REVENUE_SHARE),
    (
        "可口可乐营业利润率为32%，净利率为26%。",
        "可口可乐",
        "Coca-Cola",
        "营业利润率",
        Metric.OPERATING_MARGIN,
    ),
    ("可口可樂淨利率為26%。", "可口可樂", "Coca-Cola", "淨利率", Metric.NET_MARGIN),
    # comparable sales are no revenue: a metric the contract has no name for
    ("星巴克中国区同店销售额增长2%。", "星巴克", "Starbucks", "同店销售额", Metric.OTHER),
    ("星巴克中國區同店銷售額增長2%。", "星巴克", "Starbucks", "同店銷售額", Metric.OTHER),
    ("星巴克中国区销售额增长5%。", "星巴克", "Starbucks", "销售额", Metric.REVENUE),
    ("星巴克中國區銷售額增長5%。", "星巴克", "Starbucks", "銷售額", Metric.REVENUE),
]


@pytest.mark.parametrize(("text", "company", "canonical", "term", "metric"), SENTENCES)
def test_subject_company_and_metric_term(
    text: str, company: str, canonical: str, term: str, metric: Metric
) -> None:
    normalized = normalize(text)
    entities, metrics = FINDER.find(normalized.text)
    companies = [e for e in entities if e.type is EntityType.COMPANY]
    assert companies, text
    subject = companies[0]
    assert (subject.start, subject.end, subject.canonical) == (
        text.index(company),
        text.index(company) + len(company),
        canonical,
    )
    assert text[subject.start : subject.end] == company
    found = [(m.start, m.end, m.metric) for m in metrics if m.start == text.index(term)]
    assert found == [(text.index(term), text.index(term) + len(term), metric)]


def test_the_table_covers_at_least_40_companies_in_both_scripts() -> None:
    canonicals = {row[2] for row in SENTENCES}
    assert len(canonicals) >= 40
    for canonical in canonicals:
        scripts = {normalize(row[0]).script.value for row in SENTENCES if row[2] == canonical}
        assert scripts == {"simplified", "traditional"}, canonical
