// Values as the upstream systems of 蛇口街道 write them. Weights are rough shares of volume.

export const COMMUNITIES: readonly (readonly [string, number])[] = [
  ["湾厦社区", 12],
  ["东角头社区", 9],
  ["渔一社区", 8],
  ["渔二社区", 7],
  ["海湾社区", 10],
  ["蛇口社区", 11],
  ["雷岭社区", 8],
  ["深圳湾社区", 9],
  ["望海汇社区", 10],
  ["四海社区", 9],
  ["大铲岛社区", 1],
];

export interface CategorySpec {
  path: string;
  weight: number;
  /** 办结时限 in days from registration */
  days: number;
  units: readonly string[];
  issues: readonly string[];
}

const CHENGJIAN = ["蛇口街道城市建设办公室", "蛇口街道执法队"];
const HUANBAO = ["南山区生态环境局", "蛇口街道执法队"];
const SHICHANG = ["南山区市场监督管理局蛇口监管所"];
const JIAOTONG = ["南山交警大队蛇口中队", "蛇口街道城市建设办公室"];
const LAODONG = ["蛇口街道劳动办", "南山区人力资源局"];
const WUYE = ["蛇口街道住建办", "南山区住房和建设局"];

export const CATEGORIES: readonly CategorySpec[] = [
  { path: "城乡建设/违法建设", weight: 9, days: 15, units: CHENGJIAN, issues: ["楼顶加建铁皮房", "私自搭建阳台", "一楼商铺违规扩建"] },
  { path: "城乡建设/市政设施", weight: 5, days: 10, units: CHENGJIAN, issues: ["路灯不亮", "井盖缺失", "人行道破损"] },
  { path: "城乡建设/房屋安全", weight: 2, days: 7, units: CHENGJIAN, issues: ["外墙瓷砖脱落", "楼梯间墙体开裂"] },
  { path: "环境保护/噪音扰民", weight: 12, days: 5, units: HUANBAO, issues: ["夜间施工噪音", "酒吧音乐声过大", "空调外机噪音"] },
  { path: "环境保护/油烟污染", weight: 4, days: 7, units: HUANBAO, issues: ["餐饮店油烟直排", "烧烤摊油烟"] },
  { path: "环境保护/垃圾清运", weight: 3, days: 3, units: HUANBAO, issues: ["垃圾桶满溢未清运", "建筑垃圾乱堆"] },
  { path: "市场监管/消费维权", weight: 10, days: 10, units: SHICHANG, issues: ["预付卡商家跑路", "购买商品质量问题", "健身房拒绝退费"] },
  { path: "市场监管/食品安全", weight: 3, days: 7, units: SHICHANG, issues: ["外卖食品变质", "餐厅卫生差"] },
  { path: "市场监管/无照经营", weight: 2, days: 10, units: SHICHANG, issues: ["无证经营小作坊"] },
  { path: "交通运输/占道停车", weight: 9, days: 5, units: JIAOTONG, issues: ["车辆长期占用消防通道", "乱停车堵塞路口"] },
  { path: "交通运输/公交服务", weight: 3, days: 10, units: JIAOTONG, issues: ["公交车不按站停靠", "公交班次太少"] },
  { path: "劳动社保/欠薪", weight: 8, days: 10, units: LAODONG, issues: ["公司拖欠三个月工资", "工地拖欠农民工工资"] },
  { path: "劳动社保/社保缴纳", weight: 3, days: 15, units: LAODONG, issues: ["单位未缴纳社保"] },
  { path: "物业管理/物业服务", weight: 10, days: 10, units: WUYE, issues: ["电梯经常故障", "小区保安不作为", "物业不处理漏水"] },
  { path: "物业管理/物业收费", weight: 4, days: 15, units: WUYE, issues: ["物业费上涨未公示", "停车费乱收费"] },
  { path: "公共安全/消防隐患", weight: 3, days: 3, units: ["蛇口街道安全生产监督管理办公室"], issues: ["楼道电动车充电", "消防通道堆放杂物"] },
  { path: "城市管理/占道经营", weight: 4, days: 5, units: ["蛇口街道执法队"], issues: ["流动摊贩占道经营", "商铺出店经营"] },
  { path: "城市管理/绿化养护", weight: 2, days: 10, units: ["南山区城市管理和综合执法局"], issues: ["树木倒伏", "绿化带无人修剪"] },
  { path: "教育卫生/学位咨询", weight: 2, days: 10, units: ["南山区教育局"], issues: ["学位申请政策咨询"] },
  { path: "水电气/停水停电", weight: 2, days: 3, units: ["深圳市水务集团南山分公司", "南山供电局"], issues: ["小区突然停水", "频繁停电"] },
];

export const PLACES = ["花园小区", "工业八路", "南海大道", "兴华路", "海上世界附近", "蛇口老街", "新街市场", "港湾大道", "后海大道", "湾厦村"];

export const ASKS = ["要求尽快处理", "希望相关部门核实", "请求依法查处", "要求给予答复", "已多次反映未解决"];

export const CALLER_NAMES = ["王先生", "李女士", "张先生", "陈女士", "刘先生", "黄女士", "林先生", "吴女士"];

export const DISPUTE_TYPES: readonly (readonly [string, number, number])[] = [
  // type, weight, typical amount in yuan (0 = usually no amount)
  ["物业纠纷", 22, 6000],
  ["婚姻家庭纠纷", 14, 0],
  ["邻里纠纷", 20, 2000],
  ["劳动争议", 14, 30000],
  ["合同纠纷", 10, 80000],
  ["损害赔偿纠纷", 8, 20000],
  ["房屋租赁纠纷", 8, 15000],
  ["道路交通事故纠纷", 4, 40000],
];

export const MEDIATION_KIND_WEIGHTS = [
  ["人民调解", 55],
  ["诉前调解", 20],
  ["行政调解", 15],
  ["司法调解", 10],
] as const;

/** Causes seen in both years; the second year adds NEW_CAUSES (absent from the first). */
export const BASE_CAUSES: readonly (readonly [string, number])[] = [
  ["行政处罚", 30],
  ["行政强制", 15],
  ["工伤认定", 15],
  ["行政许可", 8],
  ["不履行法定职责", 8],
];
export const NEW_CAUSES: readonly (readonly [string, number])[] = [
  ["信息公开", 14],
  ["涉访回复", 8],
  ["城乡建设", 10],
];
