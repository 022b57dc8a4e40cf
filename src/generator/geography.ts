/**
 * Real provinces, prefecture cities and county-level units per sales region, for realistic master data.
 * Each city entry is "name:tier:county,county,…" (tier 1–5 as used for benchmarks). Province weights
 * reflect where distributor networks are dense (east and central China carry more distributors).
 */
import type { SalesRegion } from "./types";

interface ProvinceSpec {
  province: string;
  weight: number;
  cities: string[];
}

const TABLE: Record<SalesRegion, ProvinceSpec[]> = {
  华东: [
    {
      province: "江苏",
      weight: 5,
      cities: [
        "徐州:3:邳州,新沂,沛县,睢宁",
        "苏州:2:昆山,常熟,张家港",
        "盐城:3:东台,建湖,射阳",
        "南京:2:溧水区,高淳区",
      ],
    },
    {
      province: "浙江",
      weight: 4,
      cities: [
        "杭州:2:桐庐,淳安,建德",
        "宁波:2:余姚,慈溪,宁海",
        "温州:3:瑞安,乐清,苍南",
        "金华:3:义乌,东阳,永康",
      ],
    },
    {
      province: "山东",
      weight: 5,
      cities: [
        "临沂:3:兰陵,沂水,莒南,费县",
        "潍坊:3:寿光,青州,诸城",
        "菏泽:4:曹县,单县,郓城",
        "济南:2:平阴,商河",
      ],
    },
    {
      province: "安徽",
      weight: 3,
      cities: ["合肥:2:肥西,肥东,长丰,庐江", "阜阳:4:临泉,太和,阜南,界首", "安庆:4:怀宁,桐城,潜山"],
    },
    { province: "福建", weight: 2, cities: ["福州:2:福清,闽侯,连江", "泉州:3:晋江,石狮,南安,安溪"] },
    { province: "江西", weight: 2, cities: ["南昌:2:进贤,南昌县", "赣州:4:于都,瑞金,信丰"] },
    { province: "上海", weight: 1, cities: ["上海:1:浦东新区,松江区,嘉定区,崇明区"] },
  ],
  华南: [
    {
      province: "广东",
      weight: 5,
      cities: [
        "广州:1:从化区,增城区",
        "佛山:2:顺德区,南海区",
        "湛江:4:雷州,廉江,吴川",
        "梅州:4:兴宁,梅县区,五华",
        "揭阳:4:普宁,揭西,惠来",
      ],
    },
    {
      province: "广西",
      weight: 3,
      cities: ["南宁:2:横州,宾阳,武鸣区", "桂林:3:临桂区,阳朔,全州", "玉林:4:北流,博白,容县"],
    },
    { province: "海南", weight: 1, cities: ["海口:3:琼山区,秀英区", "三亚:3:海棠区,吉阳区"] },
  ],
  华北: [
    {
      province: "河北",
      weight: 5,
      cities: [
        "石家庄:2:正定,辛集,晋州,赵县",
        "保定:3:涿州,定州,高碑店",
        "邯郸:3:武安,永年区,魏县",
        "沧州:3:任丘,黄骅,泊头",
      ],
    },
    { province: "山西", weight: 2, cities: ["太原:2:清徐,古交", "运城:4:永济,河津,临猗"] },
    { province: "内蒙古", weight: 2, cities: ["呼和浩特:3:托克托,土默特左旗", "赤峰:4:宁城,巴林左旗"] },
    { province: "北京", weight: 1, cities: ["北京:1:顺义区,大兴区,平谷区,密云区"] },
    { province: "天津", weight: 1, cities: ["天津:2:武清区,宝坻区,静海区"] },
  ],
  华中: [
    {
      province: "河南",
      weight: 5,
      cities: [
        "郑州:2:新郑,中牟,登封,巩义",
        "周口:4:项城,鹿邑,太康,沈丘",
        "南阳:3:邓州,唐河,新野",
        "驻马店:4:确山,汝南,泌阳",
      ],
    },
    {
      province: "湖北",
      weight: 3,
      cities: ["武汉:2:黄陂区,新洲区", "襄阳:3:枣阳,宜城,老河口", "荆州:3:监利,洪湖,公安"],
    },
    {
      province: "湖南",
      weight: 3,
      cities: ["长沙:2:浏阳,宁乡,长沙县", "衡阳:3:耒阳,常宁,衡南", "常德:3:澧县,桃源,汉寿"],
    },
  ],
  西南: [
    {
      province: "四川",
      weight: 5,
      cities: [
        "成都:2:简阳,都江堰,彭州,崇州",
        "绵阳:3:江油,三台,梓潼",
        "南充:4:阆中,南部,营山",
        "宜宾:3:南溪区,长宁,江安",
      ],
    },
    { province: "重庆", weight: 3, cities: ["重庆:2:万州区,涪陵区,江津区,永川区"] },
    {
      province: "云南",
      weight: 3,
      cities: ["昆明:2:安宁,宜良,嵩明", "曲靖:4:宣威,陆良,会泽", "大理:4:祥云,宾川,弥渡"],
    },
    { province: "贵州", weight: 2, cities: ["贵阳:2:清镇,修文,开阳", "遵义:3:仁怀,赤水,湄潭"] },
    { province: "西藏", weight: 1, cities: ["拉萨:4:堆龙德庆区,达孜区"] },
  ],
  西北: [
    {
      province: "陕西",
      weight: 4,
      cities: [
        "西安:2:周至,蓝田,鄠邑区",
        "宝鸡:3:岐山,凤翔区,眉县",
        "渭南:4:蒲城,富平,大荔",
        "汉中:4:城固,洋县,勉县",
      ],
    },
    {
      province: "甘肃",
      weight: 2,
      cities: ["兰州:3:榆中,皋兰,永登", "天水:4:秦安,甘谷,武山", "张掖:5:山丹,临泽,高台"],
    },
    {
      province: "新疆",
      weight: 2,
      cities: ["乌鲁木齐:3:米东区,乌鲁木齐县", "昌吉:4:阜康,玛纳斯,呼图壁", "伊犁:4:伊宁,霍城,察布查尔"],
    },
    { province: "宁夏", weight: 1, cities: ["银川:3:永宁,贺兰,灵武", "吴忠:4:青铜峡,同心"] },
    { province: "青海", weight: 1, cities: ["西宁:3:湟中区,大通,湟源"] },
  ],
  东北: [
    {
      province: "辽宁",
      weight: 3,
      cities: ["沈阳:2:新民,辽中区,法库,康平", "大连:2:瓦房店,庄河,普兰店区", "锦州:4:凌海,北镇,黑山"],
    },
    {
      province: "黑龙江",
      weight: 3,
      cities: ["哈尔滨:2:五常,尚志,双城区,巴彦", "绥化:4:肇东,海伦,安达", "齐齐哈尔:4:讷河,依安,拜泉"],
    },
    {
      province: "吉林",
      weight: 2,
      cities: ["长春:2:榆树,德惠,农安,公主岭", "吉林:3:桦甸,蛟河,舒兰", "四平:4:梨树,双辽,伊通"],
    },
  ],
};

/** Share of distributors per region: dense in the east and centre, thin in the north-west. */
export const REGION_WEIGHTS: Readonly<Record<SalesRegion, number>> = {
  华东: 28,
  华南: 14,
  华北: 14,
  华中: 16,
  西南: 12,
  西北: 7,
  东北: 9,
};

/** A place a distributor is registered in. */
export interface Place {
  province: string;
  city: string;
  county: string;
  cityTier: number;
}

interface CitySpec {
  city: string;
  tier: number;
  counties: string[];
}

function parseCity(entry: string): CitySpec {
  const [city = "", tier = "3", counties = ""] = entry.split(":");
  return { city, tier: Number(tier), counties: counties.split(",") };
}

/** The table parsed once, with the weight tables the picker needs. */
const PARSED = Object.fromEntries(
  Object.entries(TABLE).map(([region, provinces]) => [
    region,
    {
      weights: Object.fromEntries(provinces.map((p) => [p.province, p.weight])),
      provinces: new Map(provinces.map((p) => [p.province, p.cities.map(parseCity)])),
    },
  ]),
) as Record<SalesRegion, { weights: Record<string, number>; provinces: Map<string, CitySpec[]> }>;

/** Picks a province, city and county in `region` using `pick(weights)` and `choose(list)`. */
export function pickPlace(
  region: SalesRegion,
  weighted: (weights: Record<string, number>) => string,
  choose: <T>(items: readonly T[]) => T,
): Place {
  const parsed = PARSED[region];
  const province = weighted(parsed.weights);
  const cities = parsed.provinces.get(province);
  if (cities === undefined) throw new Error(`no cities for ${province}`);
  const city = choose(cities);
  return { province, city: city.city, county: choose(city.counties), cityTier: city.tier };
}

/** All provinces of a region (used by tests to check the table is real and complete). */
export function provincesOf(region: SalesRegion): string[] {
  return TABLE[region].map((p) => p.province);
}
