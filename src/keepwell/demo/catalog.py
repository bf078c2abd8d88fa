"""Reference data of the demo company: regions, seasons, teams, people's profiles and name pools.

Pure data, no Django. The generator (``keepwell.demo.generator``) draws from it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

Pair = tuple[float, float]


@dataclass(frozen=True)
class Region:
    """Where a team works: its jurisdiction, time zone, pay and order currency, and seasons."""

    jurisdiction: str
    zone: str
    currency: str
    # Twelve monthly factors, January first: how busy a month is relative to an average one.
    season: tuple[float, ...]
    # An engineer's monthly revenue quota, in the reporting currency (CNY), before seasons.
    quota: int
    # An engineer's monthly base salary range in the region's currency, and its rounding step.
    salary: tuple[int, int]
    salary_step: int
    names: str


CHINA_SEASON = (0.95, 0.62, 0.98, 1.0, 0.95, 1.05, 0.95, 0.97, 1.05, 0.9, 1.15, 1.3)  # Spring Festival, Q4
GERMANY_SEASON = (0.85, 0.95, 1.05, 1.0, 0.95, 1.0, 0.9, 0.62, 1.05, 1.05, 1.2, 1.05)  # August holidays, Q4
JAPAN_SEASON = (
    0.85,
    0.95,
    1.25,
    0.9,
    0.78,
    1.0,
    1.0,
    0.8,
    1.1,
    1.0,
    1.05,
    1.2,
)  # fiscal year end, Golden Week

REGIONS = {
    "CN-BJ": Region("CN-BJ", "Asia/Shanghai", "CNY", CHINA_SEASON, 350_000, (14_000, 26_000), 500, "cn"),
    "CN-SH": Region("CN-SH", "Asia/Shanghai", "CNY", CHINA_SEASON, 360_000, (15_000, 27_000), 500, "cn"),
    "DE": Region("DE", "Europe/Berlin", "EUR", GERMANY_SEASON, 480_000, (4_800, 6_800), 50, "de"),
    "JP": Region("JP", "Asia/Tokyo", "JPY", JAPAN_SEASON, 300_000, (330_000, 520_000), 5_000, "jp"),
}

# The previous year's local average monthly wage (CNY) that China's severance cap reads (LCL Art 47: at most
# 3 × this average a month). DEMO INPUTS, rounded near recent published levels, not the official figures;
# a real tenant enters the figure its city publishes.
LOCAL_AVERAGE_WAGES = {"CN-BJ": 12_000, "CN-SH": 12_500}

# Reserve candidates (people being prepared for a sales-engineer seat), by the index of the team among the
# teams after Xiao Li's and days from as_of to readiness. Xiao Li's team has none: its bench is thin.
RESERVE_CANDIDATES = ((0, 20), (2, 120), (3, 30))

# Fixed-term contract length in years, by jurisdiction (China: usually three; Germany: up to two
# without objective reason; Japan: yearly renewals).
FIXED_TERM_YEARS = {"CN-BJ": 3, "CN-SH": 3, "DE": 1, "JP": 1}

# First-quarter exchange rates of the demo (1 base = rate CNY) and their rounding.
FX_START = {"EUR": ("7.8200", "0.0001"), "JPY": ("0.048200", "0.000001")}

DIRECTOR_TEAM = ("sales", "Sales", "CN-BJ")
STORY_TEAM = ("bj-north", "Beijing North", "CN-BJ")
OTHER_TEAMS = (
    ("sh-east", "Shanghai East", "CN-SH"),
    ("sh-west", "Shanghai West", "CN-SH"),
    ("de-munich", "Munich", "DE"),
    ("jp-tokyo", "Tokyo", "JP"),
    ("bj-south", "Beijing South", "CN-BJ"),
    ("de-hamburg", "Hamburg", "DE"),
    ("jp-osaka", "Osaka", "JP"),
    ("sh-pudong", "Shanghai Pudong", "CN-SH"),
    ("de-stuttgart", "Stuttgart", "DE"),
    ("jp-nagoya", "Nagoya", "JP"),
)


@dataclass(frozen=True)
class Profile:
    """How a person works, as (first month, last complete month) levels; the year interpolates."""

    followed: Pair  # distinct customers touched a month
    activities_per_customer: float
    leads: Pair  # leads created a month
    conversion: Pair  # share of leads qualified within 30 days
    deal_conversion: float  # share of qualified leads won within 60 days
    buyers: Pair  # distinct customers ordering a month
    repurchase: Pair  # share of buyers who ordered in the year before
    screening: Pair  # percent of activity minutes spent screening leads
    attainment: Pair  # revenue / quota
    csat: Pair
    response: Pair  # share of inbound contacts answered within 24 h
    on_time: Pair  # share of tasks done by their due time
    tasks: float  # tasks due a month
    complaint: float  # extra chance that a feedback is a complaint
    inbound_share: float = 0.2  # share of non-screening activities that answer an inbound contact
    feedback_per_buyer: float = 0.45


# One row per archetype; a pair "a>b" moves from a in the first month to b in the last complete one.
# Columns: customers followed, activities per customer, leads created, lead conversion (30 days), deal
# conversion (60 days), buyers, repurchase rate, screening % of minutes, quota attainment, csat,
# 24-hour response rate, tasks on time, tasks a month, extra complaint chance.
_PROFILE_TABLE = """
archetype  follow apc leads conv    deal buyers repurch screen attain    csat    respond on_time tasks compl
steady     24     2.0 20    .19     .35  16     .14     20     .92       4.2     .85     .86     12    .02
strong     26     2.2 22    .25     .42  17     .2      26     1.08      4.4     .9      .9      12    .01
weak       21     1.8 18    .15     .28  13     .1      15     .74       4.0     .8      .8      12    .03
star       28     2.4 24    .33>.34 .5   18     .27>.28 30     1.25>1.32 4.7     .96     .95     12    0
second     27     2.2 22    .27>.28 .45  16     .24>.25 29>30  1.12>1.16 4.5     .93     .92     12    .01
xiaoli     28>30  2.3 24>25 .16>.12 .15  22>25  .12>.08 13>10  .78>.6    4.7     .96     .94     13    0
disengaged 12>11  1.4 10>9  .3      .5   9      .42     27     1.26>1.3  3.7>3.5 .5>.42  .55>.48 12    .08
low_low    13>12  1.3 12>11 .09>.08 .2   7>6    .06>.05 10>9   .48>.42   3.4>3.2 .58>.52 .58>.52 11    .1
improving  18>27  2.0 16>23 .12>.26 .4   11>17  .1>.2   12>27  .6>1.1    4.0>4.4 .76>.92 .75>.92 12    .02
declining  27>19  2.0 22>16 .26>.13 .38  17>12  .22>.1  25>14  1.15>.62  4.4>3.9 .92>.72 .92>.7  12    .03
manager    25     2.0 12    .23     .45  9      .2      22     1.0       4.6     .96     .95     10    .01
director   6      2.5 3     .3      .5   3      .5      20     1.0       4.5     .9      .9      8     0
newcomer   22     1.9 18    .15     .3   12     .1      18     .8        4.3     .9      .9      10    .02
"""


def _pair(text: str) -> Pair:
    first, _, last = text.partition(">")
    return (float(first), float(last or first))


def _profiles(table: str) -> dict[str, Profile]:
    rows = [line.split() for line in table.strip().splitlines()[1:]]
    return {
        name: Profile(
            followed=_pair(followed),
            activities_per_customer=float(per_customer),
            leads=_pair(leads),
            conversion=_pair(conversion),
            deal_conversion=float(deal),
            buyers=_pair(buyers),
            repurchase=_pair(repurchase),
            screening=_pair(screening),
            attainment=_pair(attainment),
            csat=_pair(csat),
            response=_pair(response),
            on_time=_pair(on_time),
            tasks=float(tasks),
            complaint=float(complaint),
        )
        for (
            name,
            followed,
            per_customer,
            leads,
            conversion,
            deal,
            buyers,
            repurchase,
            screening,
            attainment,
            csat,
            response,
            on_time,
            tasks,
            complaint,
        ) in rows
    }


# Star: high attitude, high performance. Xiao Li: high attitude, low performance (diligent and liked,
# but his funnel leaks). Disengaged: low attitude, high performance (big loyal accounts, slow replies,
# slipping tasks). Managers sell a smaller book; the director keeps a few strategic accounts.
PROFILES = _profiles(_PROFILE_TABLE)
# The disengaged performer gets more inbound contacts than they answer in time.
PROFILES["disengaged"] = replace(PROFILES["disengaged"], inbound_share=0.3)

# What the rest of a team is made of.
ORDINARY_MIX = (("steady", 5), ("strong", 2), ("weak", 3))
# Xiao Li's teammates in the story months: at or below the team average (a thin bench).
STORY_BENCH = ("steady", "weak", "steady", "weak", "steady", "weak", "steady")
# Beijing North sells long-cycle projects: few qualified leads are won within 60 days. Its deal
# conversion by archetype: Xiao Li closes like his team, the two at the top about 12 % (the level the
# story's goal for months 4-6 aims at: deal conversion 8 % -> 12 %).
STORY_DEAL_CONVERSION = {
    "xiaoli": 0.08,
    "star": 0.12,
    "second": 0.12,
    "manager": 0.1,
    "steady": 0.08,
    "strong": 0.1,
    "weak": 0.05,
}

INDUSTRIES = ("machinery", "automation", "electronics", "chemicals", "logistics", "medical", "energy", "food")
SIZES = (("small", 4), ("medium", 4), ("large", 2), ("enterprise", 1))

CHINESE_SURNAMES = (
    ("Wang", "王"),
    ("Zhang", "张"),
    ("Liu", "刘"),
    ("Chen", "陈"),
    ("Yang", "杨"),
    ("Zhao", "赵"),
    ("Huang", "黄"),
    ("Zhou", "周"),
    ("Wu", "吴"),
    ("Xu", "徐"),
    ("Sun", "孙"),
    ("Hu", "胡"),
    ("Zhu", "朱"),
    ("Gao", "高"),
    ("Lin", "林"),
    ("He", "何"),
    ("Guo", "郭"),
    ("Ma", "马"),
    ("Luo", "罗"),
    ("Liang", "梁"),
    ("Song", "宋"),
    ("Zheng", "郑"),
    ("Xie", "谢"),
    ("Han", "韩"),
)
CHINESE_GIVEN = (
    ("Fang", "芳"),
    ("Na", "娜"),
    ("Min", "敏"),
    ("Jing", "静"),
    ("Lei", "磊"),
    ("Jun", "军"),
    ("Yang", "洋"),
    ("Yong", "勇"),
    ("Yan", "艳"),
    ("Jie", "杰"),
    ("Tao", "涛"),
    ("Ming", "明"),
    ("Chao", "超"),
    ("Xiuying", "秀英"),
    ("Xia", "霞"),
    ("Ping", "平"),
    ("Gang", "刚"),
    ("Hao", "浩"),
    ("Yu", "宇"),
    ("Xin", "欣"),
    ("Ting", "婷"),
    ("Peng", "鹏"),
    ("Bo", "博"),
    ("Kai", "凯"),
    ("Dan", "丹"),
    ("Bin", "斌"),
    ("Hui", "慧"),
    ("Qiang", "强"),
    ("Lan", "兰"),
    ("Feng", "峰"),
)
GERMAN_GIVEN = (
    "Lukas",
    "Anna",
    "Jonas",
    "Lea",
    "Felix",
    "Laura",
    "Maximilian",
    "Sophie",
    "Paul",
    "Marie",
    "Tobias",
    "Julia",
    "Jan",
    "Katharina",
    "Niklas",
    "Lena",
    "Stefan",
    "Sabine",
    "Thomas",
    "Claudia",
    "Florian",
    "Miriam",
    "Sebastian",
    "Hannah",
)
GERMAN_SURNAMES = (
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Braun",
    "Zimmermann",
    "Krüger",
    "Hartmann",
    "Lange",
    "Werner",
    "Krause",
)
JAPANESE_SURNAMES = (
    ("Sato", "佐藤"),
    ("Suzuki", "鈴木"),
    ("Takahashi", "高橋"),
    ("Tanaka", "田中"),
    ("Ito", "伊藤"),
    ("Watanabe", "渡辺"),
    ("Yamamoto", "山本"),
    ("Nakamura", "中村"),
    ("Kobayashi", "小林"),
    ("Kato", "加藤"),
    ("Yoshida", "吉田"),
    ("Yamada", "山田"),
    ("Sasaki", "佐々木"),
    ("Yamaguchi", "山口"),
    ("Matsumoto", "松本"),
    ("Inoue", "井上"),
    ("Kimura", "木村"),
    ("Hayashi", "林"),
    ("Shimizu", "清水"),
    ("Saito", "斎藤"),
)
JAPANESE_GIVEN = (
    ("Shota", "翔太"),
    ("Hina", "陽菜"),
    ("Daisuke", "大輔"),
    ("Misaki", "美咲"),
    ("Kenta", "健太"),
    ("Ai", "愛"),
    ("Takuya", "拓也"),
    ("Yumi", "由美"),
    ("Naoki", "直樹"),
    ("Yuko", "優子"),
    ("Ryo", "亮"),
    ("Megumi", "恵"),
    ("Makoto", "誠"),
    ("Aya", "彩"),
    ("Yuto", "悠斗"),
    ("Mayumi", "真由美"),
)

CHINESE_CITIES = (
    "北京",
    "上海",
    "天津",
    "苏州",
    "杭州",
    "南京",
    "无锡",
    "宁波",
    "青岛",
    "济南",
    "合肥",
    "武汉",
    "成都",
    "重庆",
    "西安",
    "郑州",
    "长沙",
    "沈阳",
    "大连",
    "厦门",
)
CHINESE_BRANDS = (
    "恒达",
    "华信",
    "瑞丰",
    "中科",
    "博远",
    "金诚",
    "宏图",
    "新源",
    "汇通",
    "天成",
    "鼎盛",
    "启明",
    "东升",
    "永兴",
    "安泰",
    "远航",
    "精工",
    "卓越",
    "嘉禾",
    "联创",
    "正泰",
    "海纳",
    "昌隆",
    "锦程",
    "明阳",
    "同创",
    "立信",
    "盛世",
    "德润",
    "万通",
    "凯达",
    "欣荣",
    "宇航",
    "协和",
    "长风",
    "信达",
    "光华",
    "润泽",
    "泰和",
    "华瑞",
)
CHINESE_TRADES = {
    "machinery": "精密机械",
    "automation": "自动化",
    "electronics": "电子",
    "chemicals": "化工",
    "logistics": "物流",
    "medical": "医疗器械",
    "energy": "新能源",
    "food": "食品",
}
CHINESE_MIDDLES = ("", "科技", "实业", "设备", "工业", "技术")
CHINESE_FORMS = ("有限公司", "股份有限公司")
GERMAN_CITIES = (
    "München",
    "Augsburg",
    "Nürnberg",
    "Regensburg",
    "Ingolstadt",
    "Stuttgart",
    "Ulm",
    "Frankfurt",
    "Hamburg",
    "Bremen",
    "Hannover",
    "Köln",
    "Düsseldorf",
    "Dresden",
    "Leipzig",
    "Passau",
)
GERMAN_TRADES = {
    "machinery": "Maschinenbau",
    "automation": "Automation",
    "electronics": "Elektronik",
    "chemicals": "Chemie",
    "logistics": "Logistik",
    "medical": "Medizintechnik",
    "energy": "Energietechnik",
    "food": "Lebensmittel",
}
GERMAN_FORMS = ("GmbH", "AG", "GmbH & Co. KG", "KG")
JAPANESE_CITIES = (
    "東京",
    "大阪",
    "名古屋",
    "横浜",
    "神戸",
    "京都",
    "福岡",
    "札幌",
    "仙台",
    "広島",
    "浜松",
    "川崎",
)
JAPANESE_TRADES = {
    "machinery": "精機",
    "automation": "オートメーション",
    "electronics": "電子",
    "chemicals": "化学",
    "logistics": "物流",
    "medical": "メディカル",
    "energy": "エナジー",
    "food": "食品",
}

TASK_KINDS = (
    ("quotation", "Send quotation"),
    ("follow_up", "Follow up after visit"),
    ("account_plan", "Update account plan"),
    ("crm_hygiene", "Update pipeline in CRM"),
    ("report", "Submit weekly report"),
)
