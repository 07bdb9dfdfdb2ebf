#!/usr/bin/env python3
"""Derive the Hangzhou demo city (about 800 service stations) from OpenStreetMap amenities.

Python 3.11, standard library only. Deterministic: every pseudo-random choice is taken from a
SHA-256 hash of the OSM reference, so the same inputs always give byte-identical output.

Inputs (read-only, under the shared data folder, default /work/shared/data):
  poi_hangzhou_osm/hangzhou_osm_amenity_all_poi.csv   OSM amenities, WGS-84, ODbL 1.0
  boundaries_datav/citys_330100.json                  Hangzhou district MultiPolygons, GCJ-02
                                                      (used only to assign districts; licence
                                                      unclear, never copied into the project)
  admin_codes/areas.csv                               NBS 2023 county codes and names (WTFPL)

Output: src/main/resources/demo/hangzhou-stations.csv (UTF-8, header row, RFC 4180 quoting).

Usage:
  python3 tools/demo-city/derive_hangzhou_stations.py [DATA_DIR] [--out FILE]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

DEFAULT_DATA = Path("/work/shared/data")
DEFAULT_OUT = Path(__file__).resolve().parents[2] / "src/main/resources/demo/hangzhou-stations.csv"

COLUMNS = [
    "osm_ref", "name", "address", "district", "host_type", "host_name", "lat", "lon",
    "area_m2", "seats", "amenities", "opening_hours", "smart_entry_method", "smart_entry_hours",
    "mobile", "level", "stars", "status", "description", "phone",
]

# How far the nearest OSM place with a street may be for a station without one of its own to be
# addressed "<street>附近" (near that street).
NEAR_STREET_M = 300


def phone_of(t):
    """The POI's own phone (OSM phone / contact:phone) as the registry writes it, else ''."""
    raw = (t.get("phone") or t.get("contact:phone") or "").split(";")[0]
    digits = re.sub(r"\D", "", raw)
    if digits.startswith("86") and len(digits) > 11:
        digits = digits[2:]
    if re.fullmatch(r"1[3-9]\d{9}", digits):
        return digits
    if digits.startswith("571") and len(digits) == 11:
        return f"0571-{digits[3:]}"
    if digits.startswith("0571") and len(digits) == 12:
        return f"0571-{digits[4:]}"
    return ""


def metres(lat1, lon1, lat2, lon2):
    """Equirectangular distance, plenty within a city for a 300 m threshold."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371008.8 * math.hypot(x, y)

AMENITY_ORDER = [
    "DRINKING_WATER", "HOT_WATER", "MICROWAVE", "FRIDGE", "TOILET", "SEATING", "AIR_CONDITIONING",
    "HEATING", "PHONE_CHARGING", "EBIKE_CHARGING", "BATTERY_SWAP", "WIFI", "MEDICINE_KIT",
    "FIRST_AID_AED", "TOOL_KIT", "UMBRELLA", "BOOKS", "TV", "LOCKERS", "LEGAL_SERVICE",
    "DISCOUNTED_MEALS", "HAIRCUT", "MOTHERS_ROOM", "WHEELCHAIR_ACCESS",
]

# --------------------------------------------------------------------------------------------
# Deterministic pseudo-randomness
# --------------------------------------------------------------------------------------------

def h(key: str, salt: str) -> float:
    """Uniform number in [0, 1) derived from the OSM reference and a purpose label."""
    digest = hashlib.sha256(f"{key}|{salt}".encode("utf-8")).hexdigest()
    return int(digest[:13], 16) / float(16 ** 13)


def pick(key: str, salt: str, weighted: list[tuple[object, float]]):
    u = h(key, salt) * sum(w for _, w in weighted)
    acc = 0.0
    for value, w in weighted:
        acc += w
        if u < acc:
            return value
    return weighted[-1][0]


def irange(key: str, salt: str, lo: int, hi: int) -> int:
    return lo + int(h(key, salt) * (hi - lo + 1))


# --------------------------------------------------------------------------------------------
# WGS-84 -> GCJ-02 (the standard published formula) and point in polygon
# --------------------------------------------------------------------------------------------

_A = 6378245.0
_EE = 0.00669342162296594323


def _transform_lat(x: float, y: float) -> float:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _transform_lon(x: float, y: float) -> float:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret


def wgs84_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    dlat = _transform_lat(lon - 105.0, lat - 35.0)
    dlon = _transform_lon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = math.sin(radlat)
    magic = 1 - _EE * magic * magic
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * math.pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * math.cos(radlat) * math.pi)
    return lon + dlon, lat + dlat


def _in_ring(x: float, y: float, ring) -> bool:
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


class District:
    def __init__(self, adcode: int, name: str, polygons):
        self.adcode = adcode
        self.name = name
        self.polygons = polygons  # list of rings-lists (outer ring first, then holes)
        xs = [p[0] for poly in polygons for p in poly[0]]
        ys = [p[1] for poly in polygons for p in poly[0]]
        self.bbox = (min(xs), min(ys), max(xs), max(ys))

    def contains(self, x: float, y: float) -> bool:
        b = self.bbox
        if not (b[0] <= x <= b[2] and b[1] <= y <= b[3]):
            return False
        for poly in self.polygons:
            if _in_ring(x, y, poly[0]) and not any(_in_ring(x, y, hole) for hole in poly[1:]):
                return True
        return False


def load_districts(path: Path) -> list[District]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for f in data["features"]:
        g = f["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        out.append(District(int(f["properties"]["adcode"]), f["properties"].get("name", ""), polys))
    return out


# --------------------------------------------------------------------------------------------
# 2021 re-districting. The DataV boundaries predate the April 2021 reform (国函〔2021〕25号):
#   下城区 330103            -> 拱墅区 330105 (whole)
#   江干区 330104            -> 上城区 330102, except 下沙/白杨 街道 -> 钱塘区 330114
#   萧山区 330109            -> 萧山区, except 河庄/义蓬/新湾/临江/前进 (大江东) -> 钱塘区 330114
#   余杭区 330110            -> 余杭区, except 临平/东湖/南苑/星桥/运河/乔司/崇贤/塘栖 -> 临平区 330113
# The split of the three divided polygons is resolved from street / town names in the POI's own
# tags, else by the majority of the 5 nearest such labelled POIs (within 4 km), else by a coarse
# geometric rule. All resulting codes are NBS 2023 codes present in admin_codes/areas.csv.
# --------------------------------------------------------------------------------------------

WHOLE_REMAP = {330103: 330105}
SPLIT = {
    330104: {
        330114: ["钱塘", "下沙", "白杨街道", "高教", "金沙湖", "学林街", "学源街", "文泽路", "福雷德"],
        330102: ["上城", "九堡", "笕桥", "彭埠", "丁兰", "四季青", "闸弄口", "凯旋", "采荷",
                 "钱江新城", "火车东站", "三堡", "七堡", "江干"],
    },
    330109: {
        330114: ["钱塘", "大江东", "义蓬", "河庄", "新湾", "临江", "前进街道", "江东"],
        330109: ["瓜沥", "党湾", "益农", "南阳", "靖江", "衙前", "宁围", "新塘", "城厢", "北干",
                 "蜀山", "临浦", "浦阳", "进化", "楼塔", "河上", "戴村", "义桥", "所前", "闻堰",
                 "机场", "空港", "浦沿", "萧山"],
    },
    330110: {
        330113: ["临平", "东湖", "南苑", "星桥", "运河", "乔司", "崇贤", "塘栖", "博陆", "五杭",
                 "亭趾", "杭南村", "LingPin"],
        330110: ["仓前", "闲林", "五常", "中泰", "良渚", "瓶窑", "径山", "黄湖", "鸬鸟", "百丈",
                 "仁和", "未来科技城", "余杭街道", "余杭镇", "西溪园区", "勾庄", "獐山", "双溪",
                 "梦想小镇", "海创园", "云城"],
    },
}


def geometric_split(old: int, x: float, y: float) -> int:
    """Coarse fallback on GCJ-02 coordinates when no name or neighbour says otherwise."""
    if old == 330104:
        return 330114 if x > 120.305 else 330102
    if old == 330109:
        return 330114 if (x > 120.455 and y > 30.265) else 330109
    if old == 330110:
        if x > 120.235:
            return 330113
        if y > 30.465 and x > 120.135:      # 塘栖
            return 330113
        if 30.395 < y <= 30.465 and x > 120.19:  # 崇贤 / 星桥
            return 330113
        return 330110
    return old


def text_hint(old: int, texts: list[str]) -> int | None:
    rules = SPLIT[old]
    hits = set()
    blob = " ".join(t for t in texts if t)
    for code, words in rules.items():
        if any(w in blob for w in words):
            hits.add(code)
    if len(hits) == 1:
        return hits.pop()
    # addr:district saying the successor explicitly wins over a generic word like 萧山/江干
    for t in texts[:1]:
        if "临平" in t:
            return 330113
        if "钱塘" in t:
            return 330114
    return None


# --------------------------------------------------------------------------------------------
# POI helpers
# --------------------------------------------------------------------------------------------

CJK = re.compile(r"[\u4e00-\u9fff]")


def has_cjk(s: str) -> bool:
    return bool(s and CJK.search(s))


def parse_geometry(wkt: str) -> tuple[float, float] | None:
    """WKT POINT or the area-weighted centroid of a (multi)polygon's first outer ring."""
    kind = wkt.split("(", 1)[0].strip().upper()
    nums = re.findall(r"-?\d+(?:\.\d+)?\s+-?\d+(?:\.\d+)?", wkt)
    if not nums:
        return None
    if kind == "POINT":
        x, y = map(float, nums[0].split())
        return x, y
    if kind in ("POLYGON", "MULTIPOLYGON"):
        first = wkt[wkt.index("(") :].lstrip("(")
        ring_txt = first.split(")", 1)[0]
    else:
        ring_txt = wkt[wkt.index("(") + 1 :].split(")", 1)[0]
    pts = [tuple(map(float, p.split())) for p in re.findall(r"-?\d+(?:\.\d+)?\s+-?\d+(?:\.\d+)?", ring_txt)]
    if len(pts) >= 4 and kind != "LINESTRING":
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            c = x0 * y1 - x1 * y0
            a += c
            cx += (x0 + x1) * c
            cy += (y0 + y1) * c
        if abs(a) > 1e-14:
            return cx / (3 * a), cy / (3 * a)
    return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)


BRAND_ZH = [
    (r"industrial and commercial|icbc", "中国工商银行"),
    (r"construction bank|\bccb\b", "中国建设银行"),
    (r"agricultural bank|\babc\b", "中国农业银行"),
    (r"bank of china", "中国银行"),
    (r"communications|bocom", "交通银行"),
    (r"merchants", "招商银行"),
    (r"postal savings|psbc|china post", "中国邮政储蓄银行"),
    (r"hangzhou united|united bank", "杭州联合银行"),
    (r"bank of hangzhou|hangzhou bank", "杭州银行"),
    (r"citic", "中信银行"),
    (r"pudong|spdb", "浦发银行"),
    (r"industrial bank", "兴业银行"),
    (r"minsheng", "中国民生银行"),
    (r"everbright", "中国光大银行"),
    (r"ping ?an", "平安银行"),
    (r"huaxia", "华夏银行"),
    (r"hsbc", "汇丰银行"),
    (r"zhejiang rural|rural commercial|nongshang", "农商银行"),
    (r"sinopec", "中国石化"),
    (r"petrochina|cnpc", "中国石油"),
    (r"\bshell\b", "壳牌"),
    (r"cnooc", "中国海油"),
]


def brand_zh(*vals: str) -> str:
    for v in vals:
        if has_cjk(v):
            return v.strip()
    for v in vals:
        if not v:
            continue
        low = v.lower()
        for pat, zh in BRAND_ZH:
            if re.search(pat, low):
                return zh
    return ""


def zh_name(t: dict) -> str:
    for k in ("name:zh", "name:zh-Hans", "name:zh-CN", "official_name", "name", "alt_name:zh", "short_name:zh"):
        v = (t.get(k) or "").strip()
        if has_cjk(v):
            # "J（杭州市图书馆）" -> 杭州市图书馆; "人社就业服务窗口(…党群服务中心)" -> the centre
            m = re.match(r"^(?:[A-Za-z]+|人社就业服务窗口)[（(](.+)[)）]$", v)
            return m.group(1) if m else v
    return ""


# --------------------------------------------------------------------------------------------
# Host classification
# --------------------------------------------------------------------------------------------

def classify(t: dict, name: str) -> str | None:
    a = t["amenity"]
    n = name
    if "自助终端" in n or "终端机" in n:
        return None
    if "(在建)" in n.replace("（", "(").replace("）", ")") or t.get("landuse") == "construction" or "工地" in n:
        return "CONSTRUCTION_SITE"
    if t.get("office") == "company" or re.search(r"集团\d*号门", n):
        return "ENTERPRISE"
    if re.search(r"营业厅|中国移动|中国电信营业|中国联通", n):
        return "TELECOM_SHOP"
    if re.search(r"游客中心|游客服务中心|旅游集散|旅游咨询", n):
        return "TOURIST_CENTRE"
    if a == "waste_transfer_station" or a == "waste_disposal":
        return "SANITATION_DEPOT"
    if a == "recycling":
        return "SANITATION_DEPOT" if t.get("recycling_type") == "centre" else None
    if a == "toilets":
        return "PUBLIC_TOILET"
    if a == "fuel":
        return "PETROL_STATION"
    if a == "bank":
        return "BANK"
    if a == "post_office":
        return "POST_OFFICE"
    if a in ("restaurant", "fast_food", "cafe", "food_court"):
        if re.search(r"酒店|宾馆|大饭店|hotel", n, re.I) or t.get("tourism") == "hotel":
            return "HOTEL"
        return "MERCHANT_RESTAURANT"
    if a == "marketplace" or t.get("shop") in ("supermarket", "convenience"):
        return "SUPERMARKET"
    if a == "townhall":
        if re.search(r"党群|村委|村民委员会|居委|社区|中共|村$", n):
            return "PARTY_MASS_SERVICE_CENTRE"
        if re.search(r"政府|办事处|行政服务|服务中心|街道", n):
            return "GOVERNMENT_SERVICE_HALL"
        return None
    if a == "courthouse":
        if re.search(r"共享法庭|司法所", n):
            return "PARTY_MASS_SERVICE_CENTRE" if re.search(r"村|社区", n) else "GOVERNMENT_SERVICE_HALL"
        return "GOVERNMENT_SERVICE_HALL" if n else None
    if a in ("community_centre",):
        return "COMMUNITY_CENTRE"
    if a == "social_facility":
        if re.search(r"养老|敬老院|老人公寓|福利|疗养|颐养|庇护|托养|过渡|合作社|康寿|大清谷|之家|照料|康乐", n):
            return None  # care homes are not plausible hosts
        return "COMMUNITY_CENTRE" if n else None
    if a == "library":
        if re.search(r"大学|学院|学校|古籍|少年儿童|主图书馆|^图书馆$", n):
            return None
        return "COMMUNITY_CENTRE" if n else None
    if a == "police":
        if re.search(r"交警|交通警察|交通管理|交通治安|警务站|执勤点|哨卡|岗亭", n):
            return "TRAFFIC_POLICE_POST"
        if re.search(r"派出所$", n):
            return "OTHER"
        return None
    if a == "bus_station":
        if re.search(r"汽车站|客运|公交中心站|车站$|东站$|北站$", n):
            return "OTHER"
        return None
    if a == "research_institute" and "电信" in n:
        return "TELECOM_SHOP"
    return None


# quota per host type (maximum rows taken; fewer when the data have fewer candidates)
QUOTA = {
    "PUBLIC_TOILET": 175,
    "PETROL_STATION": 140,
    "BANK": 130,
    "MERCHANT_RESTAURANT": 70,
    "PARTY_MASS_SERVICE_CENTRE": 60,
    "GOVERNMENT_SERVICE_HALL": 40,
    "COMMUNITY_CENTRE": 40,
    "SANITATION_DEPOT": 40,
    "POST_OFFICE": 30,
    "SUPERMARKET": 28,
    "TRAFFIC_POLICE_POST": 20,
    "OTHER": 40,
    "HOTEL": 8,
    "TELECOM_SHOP": 5,
    "ENTERPRISE": 3,
    "TOURIST_CENTRE": 5,
    "CONSTRUCTION_SITE": 5,
}

TYPE_WORD = {
    "PUBLIC_TOILET": "公厕",
    "PETROL_STATION": "加油站",
    "BANK": "银行网点",
    "SANITATION_DEPOT": "环卫站",
    "POST_OFFICE": "邮政网点",
}

# --------------------------------------------------------------------------------------------
# Station attributes
# --------------------------------------------------------------------------------------------

AREA = {  # (min, max) m2
    "PUBLIC_TOILET": (12, 25), "PETROL_STATION": (15, 40), "BANK": (15, 60),
    "SANITATION_DEPOT": (20, 80), "POST_OFFICE": (15, 40), "MERCHANT_RESTAURANT": (12, 40),
    "PARTY_MASS_SERVICE_CENTRE": (25, 100), "GOVERNMENT_SERVICE_HALL": (30, 120),
    "COMMUNITY_CENTRE": (30, 120), "SUPERMARKET": (15, 50), "TRAFFIC_POLICE_POST": (12, 30),
    "OTHER": (15, 60), "HOTEL": (20, 60), "TELECOM_SHOP": (15, 40), "ENTERPRISE": (25, 80),
    "TOURIST_CENTRE": (20, 80), "CONSTRUCTION_SITE": (15, 35),
}

# probability of each optional amenity by host type; "*" is the default
BASE_P = {
    "HOT_WATER": {"*": 0.65, "PUBLIC_TOILET": 0.35},
    "MICROWAVE": {"*": 0.22, "PUBLIC_TOILET": 0.06, "MERCHANT_RESTAURANT": 0.55,
                  "SANITATION_DEPOT": 0.6, "COMMUNITY_CENTRE": 0.4, "PARTY_MASS_SERVICE_CENTRE": 0.4,
                  "CONSTRUCTION_SITE": 0.8},
    "FRIDGE": {"*": 0.12, "MERCHANT_RESTAURANT": 0.3, "SANITATION_DEPOT": 0.3, "PUBLIC_TOILET": 0.02},
    "TOILET": {"*": 0.55, "BANK": 0.35, "PETROL_STATION": 0.95, "GOVERNMENT_SERVICE_HALL": 0.95,
               "COMMUNITY_CENTRE": 0.9, "PARTY_MASS_SERVICE_CENTRE": 0.85, "SANITATION_DEPOT": 0.9,
               "MERCHANT_RESTAURANT": 0.7, "HOTEL": 0.95, "TOURIST_CENTRE": 0.95, "POST_OFFICE": 0.4,
               "TELECOM_SHOP": 0.2},
    "AIR_CONDITIONING": {"*": 0.88, "PUBLIC_TOILET": 0.55, "CONSTRUCTION_SITE": 0.7},
    "HEATING": {"*": 0.3, "PUBLIC_TOILET": 0.1},
    "PHONE_CHARGING": {"*": 0.9, "PUBLIC_TOILET": 0.6},
    "EBIKE_CHARGING": {"*": 0.1, "SANITATION_DEPOT": 0.25, "PARTY_MASS_SERVICE_CENTRE": 0.15,
                       "PUBLIC_TOILET": 0.04, "BANK": 0.06},
    "BATTERY_SWAP": {"*": 0.012, "PETROL_STATION": 0.05},
    "WIFI": {"*": 0.6, "PUBLIC_TOILET": 0.25, "BANK": 0.75, "HOTEL": 0.95},
    "MEDICINE_KIT": {"*": 0.55, "PUBLIC_TOILET": 0.3},
    "FIRST_AID_AED": {"*": 0.04, "PUBLIC_TOILET": 0.01, "GOVERNMENT_SERVICE_HALL": 0.15, "TOURIST_CENTRE": 0.3,
                      "COMMUNITY_CENTRE": 0.1},
    "TOOL_KIT": {"*": 0.35, "PETROL_STATION": 0.55, "SANITATION_DEPOT": 0.5},
    "UMBRELLA": {"*": 0.4, "BANK": 0.65, "PUBLIC_TOILET": 0.15},
    "BOOKS": {"*": 0.35, "COMMUNITY_CENTRE": 0.7, "PARTY_MASS_SERVICE_CENTRE": 0.6, "PUBLIC_TOILET": 0.08},
    "TV": {"*": 0.1, "COMMUNITY_CENTRE": 0.2, "PUBLIC_TOILET": 0.0},
    "LOCKERS": {"*": 0.05},
    "LEGAL_SERVICE": {"*": 0.06, "GOVERNMENT_SERVICE_HALL": 0.45, "PARTY_MASS_SERVICE_CENTRE": 0.35,
                      "COMMUNITY_CENTRE": 0.2, "PUBLIC_TOILET": 0.0},
    "DISCOUNTED_MEALS": {"*": 0.005, "MERCHANT_RESTAURANT": 0.12},
    "HAIRCUT": {"*": 0.012, "COMMUNITY_CENTRE": 0.06, "PARTY_MASS_SERVICE_CENTRE": 0.06, "PUBLIC_TOILET": 0.0},
    "MOTHERS_ROOM": {"*": 0.04, "GOVERNMENT_SERVICE_HALL": 0.15, "COMMUNITY_CENTRE": 0.12,
                     "PUBLIC_TOILET": 0.06},
    "WHEELCHAIR_ACCESS": {"*": 0.3, "PUBLIC_TOILET": 0.45, "GOVERNMENT_SERVICE_HALL": 0.6},
}

HOURS = {
    "BANK": [("Mo-Fr 08:30-17:30", 40), ("Mo-Fr 08:30-17:00; PH off", 20), ("Mo-Su 09:00-17:00", 20),
             ("Mo-Fr 09:00-17:00; Sa 09:00-16:00", 10), ("Mo-Su 08:00-20:00", 10)],
    "GOVERNMENT_SERVICE_HALL": [("Mo-Fr 08:30-17:00; PH off", 40), ("Mo-Fr 08:30-12:00,13:30-17:30", 30),
                                ("Mo-Fr 08:30-17:30", 20), ("Mo-Sa 08:30-17:30; PH off", 10)],
    "PARTY_MASS_SERVICE_CENTRE": [("Mo-Su 08:00-20:00", 40), ("Mo-Fr 08:30-17:30", 20),
                                  ("Mo-Fr 08:30-12:00,13:30-17:30", 15), ("Mo-Su 08:30-17:30", 15),
                                  ("Mo-Su 07:00-21:00", 10)],
    "COMMUNITY_CENTRE": [("Mo-Su 08:00-20:00", 40), ("Mo-Su 08:30-17:30", 20),
                         ("Mo-Fr 08:30-12:00,13:30-17:30", 15), ("Tu-Su 09:00-17:00", 10),
                         ("Mo-Su 07:00-21:00", 15)],
    "SANITATION_DEPOT": [("Mo-Su 05:00-21:00", 40), ("Mo-Su 06:00-20:00", 40), ("Mo-Su 04:30-18:00", 20)],
    "PETROL_STATION": [("Mo-Su 07:00-22:00", 60), ("24/7", 25), ("Mo-Su 06:30-21:30", 15)],
    "PUBLIC_TOILET": [("24/7", 85), ("Mo-Su 06:00-22:00", 15)],
    "POST_OFFICE": [("Mo-Fr 08:30-17:30", 40), ("Mo-Su 08:30-17:30", 30),
                    ("Mo-Fr 08:30-12:00,13:30-17:30; Sa 09:00-16:00", 15), ("Mo-Sa 08:00-18:00; PH off", 15)],
    "MERCHANT_RESTAURANT": [("Mo-Su 10:00-21:00", 35), ("Mo-Su 07:00-22:00", 25), ("Mo-Su 09:00-22:00", 25),
                            ("Mo-Su 10:30-14:00,16:30-21:00", 15)],
    "SUPERMARKET": [("Mo-Su 06:00-19:00", 40), ("Mo-Su 05:30-18:30", 30), ("Mo-Su 08:00-21:00", 30)],
    "HOTEL": [("24/7", 50), ("Mo-Su 07:00-23:00", 50)],
    "TELECOM_SHOP": [("Mo-Su 09:00-21:00", 60), ("Mo-Su 08:30-18:00", 40)],
    "ENTERPRISE": [("Mo-Fr 08:00-18:00", 60), ("Mo-Sa 08:00-18:00", 40)],
    "TOURIST_CENTRE": [("Mo-Su 08:00-17:30", 60), ("Mo-Su 08:30-17:00", 40)],
    "TRAFFIC_POLICE_POST": [("24/7", 30), ("Mo-Su 07:00-21:00", 40), ("Mo-Su 08:00-18:00", 30)],
    "CONSTRUCTION_SITE": [("Mo-Su 06:00-20:00", 60), ("Mo-Sa 07:00-19:00", 40)],
    "OTHER": [("Mo-Su 05:30-22:00", 40), ("Mo-Su 06:00-21:00", 40), ("24/7", 20)],
}

SMART_TYPES = {"BANK", "COMMUNITY_CENTRE", "PARTY_MASS_SERVICE_CENTRE", "GOVERNMENT_SERVICE_HALL",
               "SANITATION_DEPOT", "POST_OFFICE", "SUPERMARKET", "OTHER", "TELECOM_SHOP"}

_DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_DAYS = rf"{_DAY}(?:-{_DAY})?(?:,{_DAY}(?:-{_DAY})?)*"
_TIME = r"(?:[01]\d|2[0-3]):[0-5]\d"
_SPAN = rf"{_TIME}-(?:{_TIME}|24:00)"
_RULE = rf"(?:{_DAYS} {_SPAN}(?:,{_SPAN})*|{_DAYS} off|PH off)"
OH_RE = re.compile(rf"^(?:24/7|{_RULE}(?:; {_RULE})*)$")


def simple_opening_hours(raw: str) -> str | None:
    """Return the POI's opening_hours when it is a simple, valid rule set, else None."""
    if not raw:
        return None
    s = re.sub(r",\s+", ",", raw.strip())
    s = re.sub(r"\s*;\s*", "; ", s)
    if not OH_RE.match(s):
        return None
    for a, b in re.findall(rf"({_TIME})-({_TIME}|24:00)", s):
        if b <= a:  # keep to same-day spans
            return None
    return s


SERVICE_WORDS = [
    ("DRINKING_WATER", "饮水"), ("HOT_WATER", "热水"), ("MICROWAVE", "热饭"), ("TOILET", "如厕"),
    ("SEATING", "休息"), ("AIR_CONDITIONING", "纳凉取暖"), ("PHONE_CHARGING", "手机充电"),
    ("EBIKE_CHARGING", "电动车充电"), ("BATTERY_SWAP", "电池换电"), ("MEDICINE_KIT", "应急药品"),
    ("FIRST_AID_AED", "AED急救"), ("TOOL_KIT", "简易维修工具"), ("UMBRELLA", "借用雨伞"),
    ("BOOKS", "阅读"), ("LEGAL_SERVICE", "法律咨询"), ("DISCOUNTED_MEALS", "爱心优惠餐"),
    ("HAIRCUT", "免费理发"), ("WIFI", "免费上网"), ("LOCKERS", "物品寄存"), ("MOTHERS_ROOM", "母婴哺乳"),
]

GROUPS = [
    "环卫工人、快递小哥、外卖骑手", "快递员、外卖送餐员、网约车司机等户外劳动者", "环卫工人和出租车司机",
    "货车司机、网约车司机和快递员", "外卖骑手和快递小哥", "户外劳动者", "环卫工人、交通协管员和外卖骑手",
    "新就业形态劳动者和环卫工人",
]


def describe(key: str, host_type: str, amenities: list[str], smart: str, mobile: bool) -> str:
    have = [w for a, w in SERVICE_WORDS if a in amenities]
    special = [w for a, w in SERVICE_WORDS if a in amenities and a in (
        "MICROWAVE", "EBIKE_CHARGING", "BATTERY_SWAP", "MEDICINE_KIT", "LEGAL_SERVICE",
        "DISCOUNTED_MEALS", "HAIRCUT", "FIRST_AID_AED", "TOILET", "BOOKS")]
    basics = ["饮水", "休息"] + (["手机充电"] if "手机充电" in have else [])
    chosen = basics + [w for w in special if w not in basics]
    services = "、".join(chosen[:5])
    g = GROUPS[int(h(key, "group") * len(GROUPS))]
    if mobile:
        return f"建在工地现场的移动驿站，随项目迁移，为建筑工人和周边{g}提供{services}等服务。"
    if smart:
        way = {"ID_CARD": "刷身份证", "QR": "扫码", "FACE": "刷脸"}[smart]
        return f"24小时智慧驿站，无人值守时段{way}自助进入，为{g}提供{services}等服务。"
    t = int(h(key, "desc") * 6)
    if host_type == "PUBLIC_TOILET" and t < 3:
        return f"依托公共厕所设置，方便{g}就近{services}。"
    if host_type == "SANITATION_DEPOT" and t < 3:
        return f"设在环卫作业点内，为一线环卫工人和{g}提供{services}等服务。"
    if host_type in ("BANK", "POST_OFFICE", "PETROL_STATION", "TELECOM_SHOP") and t < 3:
        return f"利用营业网点闲置空间，为{g}提供{services}等暖心服务。"
    if host_type == "MERCHANT_RESTAURANT" and t < 3:
        return f"爱心商家开设的驿站，为{g}提供{services}等服务。"
    templates = [
        "为{g}提供{s}等服务。",
        "{g}可在这里{s}，歇脚补给。",
        "暖心驿站，为{g}提供{s}等便利。",
        "工会爱心驿站，向{g}免费开放，提供{s}。",
        "为{g}打造家门口的歇脚点，提供{s}等服务。",
        "冬暖夏凉的歇脚点，为{g}提供{s}。",
    ]
    return templates[t].format(g=g, s=services)


# --------------------------------------------------------------------------------------------
# Main derivation
# --------------------------------------------------------------------------------------------

OUTER = {330111, 330112, 330122, 330127, 330182}


def _km(p: dict, q: dict) -> float:
    kx = math.cos(math.radians(p["lat"]))
    return math.hypot((p["lon"] - q["lon"]) * kx, p["lat"] - q["lat"]) * 111.2


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA), help="shared data folder")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output CSV path")
    args = ap.parse_args(argv)
    data = Path(args.data_dir)

    area_names: dict[int, str] = {}
    with open(data / "admin_codes/areas.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            area_names[int(r["code"])] = r["name"]

    districts = load_districts(data / "boundaries_datav/citys_330100.json")

    with open(data / "poi_hangzhou_osm/hangzhou_osm_amenity_all_poi.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))

    # 1. locate every POI (all amenities: unselected ones still serve as name-labelled neighbours)
    located = []
    stats = Counter()
    for t in rows:
        ref = f"{t['element_type']}/{t['osmid']}"
        pt = parse_geometry(t["geometry"])
        if pt is None:
            stats["no geometry"] += 1
            continue
        lon, lat = pt
        gx, gy = wgs84_to_gcj02(lon, lat)
        old = next((d.adcode for d in districts if d.contains(gx, gy)), None)
        if old is None:
            stats["outside every district polygon"] += 1
            continue
        located.append({"t": t, "ref": ref, "lon": lon, "lat": lat, "gx": gx, "gy": gy, "old": old})

    # 2. map the pre-2021 DataV codes to current NBS 2023 codes
    labelled = defaultdict(list)
    for p in located:
        old = p["old"]
        if old in SPLIT:
            t = p["t"]
            texts = [t.get("addr:district", ""), t.get("addr:city", ""), zh_name(t), t.get("name", ""),
                     t.get("addr:street", ""), t.get("addr:full", ""), t.get("address", ""),
                     t.get("operator", "")]
            p["hint"] = text_hint(old, texts)
            if p["hint"] is not None:
                labelled[old].append(p)
    how = Counter()
    for p in located:
        old = p["old"]
        if old in WHOLE_REMAP:
            p["district"] = WHOLE_REMAP[old]
            how["whole remap"] += 1
        elif old in SPLIT:
            if p["hint"] is not None:
                p["district"] = p["hint"]
                how["split: own name/address"] += 1
                continue
            kx = math.cos(math.radians(p["gy"]))
            near = sorted(
                ((((q["gx"] - p["gx"]) * kx) ** 2 + (q["gy"] - p["gy"]) ** 2, q["ref"], q["hint"])
                 for q in labelled[old]))[:5]
            near = [n for n in near if math.sqrt(n[0]) * 111.0 <= 4.0]
            if near:
                votes = Counter(n[2] for n in near)
                top = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
                if len(top) == 1 or top[0][1] > top[1][1]:
                    p["district"] = top[0][0]
                    how["split: nearest labelled neighbours"] += 1
                    continue
            p["district"] = geometric_split(old, p["gx"], p["gy"])
            how["split: geometric rule"] += 1
        else:
            p["district"] = old
            how["unchanged"] += 1
        if p["district"] not in area_names:
            raise SystemExit(f"district {p['district']} not in areas.csv")

    # 3. classify host sites and build names
    cands = []
    for p in located:
        t = p["t"]
        name = zh_name(t)
        ht = classify(t, name)
        if ht is None:
            continue
        p["host_type"] = ht
        p["zh"] = name
        p["brand"] = brand_zh(t.get("brand:zh", ""), t.get("operator:zh", ""), t.get("operator", ""),
                              t.get("brand", ""), t.get("name", ""), t.get("brand:en", ""))
        # named sites rank first; unnamed toilets / fuel / banks / depots may be named from tags
        if not name and ht not in ("PUBLIC_TOILET", "PETROL_STATION", "BANK", "SANITATION_DEPOT", "POST_OFFICE"):
            continue
        if not name and ht == "BANK" and not p["brand"]:
            continue
        # named sites first; within them, sites in the sparsely mapped outer districts first so
        # that every district gets stations; the rest in hash order
        p["rank"] = (0 if name else 1, 0 if p["district"] in OUTER else 1, h(p["ref"], "select"))
        cands.append(p)

    by_type = defaultdict(list)
    for p in cands:
        by_type[p["host_type"]].append(p)
    selected = []
    for ht, lst in sorted(by_type.items()):
        lst.sort(key=lambda p: p["rank"])
        taken = []
        for p in lst:
            # the same host mapped twice (e.g. 杭州陶瓷品市场 x4, gates 1..9 of one company):
            # same base name within 500 m
            base = re.sub(r"[（(].*?[)）]|\d+号门$", "", p["zh"]) if p["zh"] else None
            if base and any(q["base"] == base and (ht == "ENTERPRISE" or _km(p, q) < 0.5) for q in taken):
                continue
            p["base"] = base
            taken.append(p)
            if len(taken) >= QUOTA[ht]:
                break
        selected.extend(taken)
    selected.sort(key=lambda p: (p["district"], p["host_type"], p["ref"]))

    # OSM places that name their street, for the addresses of stations whose own tags have none
    with_street = []
    for q in located:
        s = (q["t"].get("addr:street") or "").strip()
        if s and has_cjk(s):
            with_street.append((q["lat"], q["lon"], q["district"], s))

    # 4. attributes
    counters = defaultdict(int)
    address_kinds = Counter()
    out_rows = []
    for p in selected:
        t, ref, ht = p["t"], p["ref"], p["host_type"]
        dname = area_names[p["district"]]
        street = (t.get("addr:street") or "").strip()
        street = street if has_cjk(street) else ""
        hn = (t.get("addr:housenumber") or "").strip()

        host = p["zh"]
        station = None
        if ht == "ENTERPRISE":
            host = re.sub(r"\d+号门$", "", host)
        if ht == "CONSTRUCTION_SITE":
            host = re.sub(r"[（(]在建[)）]", "", host) + "建设项目工地"
        if not host:
            counters[(p["district"], ht)] += 1
            no = counters[(p["district"], ht)]
            if ht == "PUBLIC_TOILET":
                host = f"{dname}{street}公共厕所" if street else f"{dname}公共厕所（{no}号）"
                station = f"{dname}{street}公厕驿站" if street else f"{dname}公厕驿站（{no}号）"
            elif ht == "PETROL_STATION":
                host = f"{p['brand']}{street or dname}加油站" + ("" if street else f"（{no}号）")
            elif ht == "BANK":
                host = f"{p['brand']}{street or dname}网点" + ("" if street else f"（{no}号）")
            elif ht == "SANITATION_DEPOT":
                host = f"{dname}{street}环卫作业站（{no}号）"
                station = f"{dname}环卫驿站（{no}号）"
            elif ht == "POST_OFFICE":
                host = f"中国邮政{street or dname}营业网点（{no}号）"
        if station is None:
            if ht == "BANK" and "建设银行" in host:
                suffix = "劳动者港湾"
            else:
                suffix = pick(ref, "suffix", [("爱心驿站", 40), ("户外劳动者服务站点", 30), ("暖心驿站", 15),
                                              ("工会驿站", 15)])
            station = host[: 60 - len(suffix)] + suffix
        station = station[:60]

        if street:
            num = hn if (not hn or hn.endswith("号")) else f"{hn}号"
            address = f"浙江省杭州市{dname}{street}{num}"
            address_kinds["own street"] += 1
        else:
            near = min(((metres(p["lat"], p["lon"], la, lo), s) for la, lo, d, s in with_street
                        if d == p["district"]), default=None)
            if near and near[0] <= NEAR_STREET_M:
                address = f"浙江省杭州市{dname}{near[1]}附近"
                address_kinds["near an OSM street"] += 1
            elif p["zh"]:
                # the host is a named real place: the landmark is the address people give
                address = f"浙江省杭州市{dname}{host}"
                address_kinds["the named host"] += 1
            else:
                address = f"浙江省杭州市{dname}"
                address_kinds["district only"] += 1

        lo, hi = AREA[ht]
        area = irange(ref, "area", lo, hi)
        mobile = ht == "CONSTRUCTION_SITE"

        status = pick(ref, "status", [("LISTED", 970), ("DRAFT", 20), ("SUSPENDED", 10)])
        level = "NONE"
        if status == "LISTED":
            level = pick(ref, "level", [("NONE", 790), ("CITY", 155), ("PROVINCIAL", 43), ("NATIONAL", 12)])
        stars = {
            "NONE": pick(ref, "stars", [(0, 35), (1, 25), (2, 25), (3, 15)]),
            "CITY": pick(ref, "stars", [(2, 25), (3, 50), (4, 25)]),
            "PROVINCIAL": pick(ref, "stars", [(3, 20), (4, 50), (5, 30)]),
            "NATIONAL": pick(ref, "stars", [(4, 25), (5, 75)]),
        }[level]
        if status == "DRAFT":
            stars = 0
        elif status == "SUSPENDED":
            stars = min(stars, 1)

        # smart 24-hour stations (about 6 %)
        smart = ""
        smart_hours = ""
        if ht in SMART_TYPES and status != "DRAFT" and h(ref, "smart") < 0.135:
            smart = pick(ref, "smart_method", [("ID_CARD", 40), ("QR", 40), ("FACE", 20)])
            smart_hours = pick(ref, "smart_hours", [("Mo-Su 18:00-08:00", 60), ("Mo-Su 22:00-08:00", 25),
                                                    ("Mo-Su 20:00-08:00", 15)])

        if smart:
            hours = "24/7"
        else:
            own = simple_opening_hours(t.get("opening_hours", ""))
            hours = own or pick(ref, "hours", HOURS[ht])

        # amenities
        bump = {"NONE": 0.0, "CITY": 0.1, "PROVINCIAL": 0.2, "NATIONAL": 0.3}[level]
        am = {"DRINKING_WATER", "SEATING"}
        if ht == "PUBLIC_TOILET":
            am.add("TOILET")
        for a, probs in BASE_P.items():
            pr = probs.get(ht, probs["*"])
            if a in ("BATTERY_SWAP", "HAIRCUT", "DISCOUNTED_MEALS", "FIRST_AID_AED", "LEGAL_SERVICE"):
                pr = pr + bump * pr  # rare services stay rare
            elif pr > 0:
                pr = min(0.98, pr + bump)
            if h(ref, "am:" + a) < pr:
                am.add(a)
        if t.get("toilets:wheelchair") == "yes" or t.get("wheelchair") == "yes":
            am.add("WHEELCHAIR_ACCESS")
        if t.get("internet_access") in ("wlan", "yes"):
            am.add("WIFI")
        if t.get("air_conditioning") == "yes":
            am.add("AIR_CONDITIONING")
        if smart:
            am.add("PHONE_CHARGING")
        if stars == 5 or level == "NATIONAL":
            area = max(area, 30 + irange(ref, "area5", 0, 30))
            am.add("FIRST_AID_AED")
            am.add("MEDICINE_KIT")
        amenities = [a for a in AMENITY_ORDER if a in am]

        seat_base = area / irange(ref, "seatdiv", 3, 5)
        seats = max(2, min(30, int(round(seat_base))))
        if stars == 5:
            seats = max(seats, 12)

        description = describe(ref, ht, amenities, smart, mobile)

        out_rows.append({
            "osm_ref": ref, "name": station, "address": address, "district": str(p["district"]),
            "host_type": ht, "host_name": host, "lat": f"{p['lat']:.7f}", "lon": f"{p['lon']:.7f}",
            "area_m2": str(area), "seats": str(seats), "amenities": ";".join(amenities),
            "opening_hours": hours, "smart_entry_method": smart, "smart_entry_hours": smart_hours,
            "mobile": "true" if mobile else "false", "level": level, "stars": str(stars),
            "status": status, "description": description, "phone": phone_of(t),
        })

    # station names must be unique: number repeated ones (chain banks without a branch name)
    groups = defaultdict(list)
    for r in out_rows:
        groups[r["name"]].append(r)
    for nm, grp in groups.items():
        if len(grp) > 1:
            per_district = Counter()
            for r in sorted(grp, key=lambda r: (r["district"], r["osm_ref"])):
                per_district[r["district"]] += 1
                tag = f"（{area_names[int(r['district'])]}{per_district[r['district']]}号）"
                r["name"] = nm[: 60 - len(tag)] + tag

    # 5. checks
    for r in out_rows:
        assert r["district"].startswith("3301") and int(r["district"]) in area_names, r
        assert OH_RE.match(r["opening_hours"]), r["opening_hours"]
        assert len(r["name"]) <= 60, r["name"]
        assert 12 <= int(r["area_m2"]) <= 120 and 2 <= int(r["seats"]) <= 30
    refs = [r["osm_ref"] for r in out_rows]
    assert len(refs) == len(set(refs))
    assert len({r["name"] for r in out_rows}) == len(out_rows)

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(out_rows)

    # 6. summary
    n = len(out_rows)
    print(f"input POIs: {len(rows)}; located in a Hangzhou district: {len(located)}; "
          + "; ".join(f"{k}: {v}" for k, v in sorted(stats.items())))
    print("district assignment: " + "; ".join(f"{k}: {v}" for k, v in sorted(how.items())))
    print(f"host candidates: {len(cands)}; stations written: {n} -> {out}")
    print()
    print("| district | code | stations |")
    print("|---|---|---:|")
    for code, c in sorted(Counter(int(r["district"]) for r in out_rows).items()):
        print(f"| {area_names[code]} | {code} | {c} |")
    print()
    print("| host_type | stations |")
    print("|---|---:|")
    for k, c in Counter(r["host_type"] for r in out_rows).most_common():
        print(f"| {k} | {c} |")
    print()
    for col in ("status", "level", "stars", "smart_entry_method", "mobile"):
        cnt = Counter(r[col] or "(none)" for r in out_rows)
        print(f"{col}: " + ", ".join(f"{k} {v}" for k, v in sorted(cnt.items())))
    print("opening_hours 24/7: %d" % sum(r["opening_hours"] == "24/7" for r in out_rows))
    print("address: " + ", ".join(f"{k} {v}" for k, v in sorted(address_kinds.items())))
    print("phone from OSM: %d" % sum(bool(r["phone"]) for r in out_rows))
    ac = Counter(a for r in out_rows for a in r["amenities"].split(";"))
    print("amenities (share of stations): " + ", ".join(
        f"{a} {100.0 * ac[a] / n:.0f}%" for a in AMENITY_ORDER))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
