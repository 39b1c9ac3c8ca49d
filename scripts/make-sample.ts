/**
 * Writes the sample application workbook, its list of deliberate faults, and the blank template:
 *   examples/applications-sample.xlsx   sheet "申报表": title row, canonical headers, ~40 rows
 *   examples/sample-faults.json         every deliberate fault: Excel row, rule, column
 *   assets/applications-template.xlsx   headers only, drop-down lists, sheet "填写说明"
 *
 * Run: npx tsx scripts/make-sample.ts
 * Every clean row is exact under READING.md; the faults are listed in FAULTS below.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { CATALOGUE_2021, CHUZHOU_DIVISIONS, citeShort, makeCreditCode } from "../src/policy";
import { CANONICAL_HEADERS } from "../src/validation/headers";
import { COLUMN_KEYS, type ColumnKey } from "../src/validation/types";

const ROOT = path.resolve(__dirname, "..");
const TITLE = "滁州市支持工业互联网发展政策奖补申报汇总表（2022—2024年度）";
const HEADER_ROW = 2;
const FIRST_DATA_ROW = 3;

const DIVISION_OF: Record<string, string> = Object.fromEntries(Object.entries(CHUZHOU_DIVISIONS).map(([code, name]) => [name, code]));

interface Firm {
  name: string;
  code: string;
}

let serial = 0;
/** A firm registered in `division` (default: the jurisdiction's own code). */
function firm(name: string, jurisdiction: string, division = DIVISION_OF[jurisdiction]): Firm {
  serial++;
  const stem = `MA2N${String(1000 + serial * 37).padStart(4, "0")}`;
  return { name, code: makeCreditCode(division, stem) };
}

type Cell = string | number | Date | boolean | null;
interface Row {
  firm: Firm;
  jurisdiction: string;
  program: string;
  project: string;
  amount?: number | null;
  level?: string | number | boolean | null;
  date?: string | null;
  requested?: number | null;
  city?: number | null;
  local?: number | null;
  served?: number | null;
  scenario?: string | null;
  /** Overrides of cells (faults). */
  override?: Partial<Record<ColumnKey, Cell>>;
  faults?: Array<{ rule: string; column: ColumnKey | null; note: string }>;
}

// Firms -------------------------------------------------------------------------------------
const F = {
  huarui: firm("滁州华瑞智能装备有限公司", "琅琊区"),
  langya5g: firm("中国移动通信集团安徽有限公司滁州分公司", "琅琊区"),
  langyaAuto: firm("滁州琅琊汽车零部件有限公司", "琅琊区"),
  langyaSoft: firm("滁州市琅琊区云启软件科技有限公司", "琅琊区"),
  nanqiaoFood: firm("安徽南谯食品科技有限公司", "南谯区"),
  nanqiaoHome: firm("滁州南谯家居智造有限公司", "南谯区"),
  nanqiaoMold: firm("滁州精工模具有限公司", "南谯区"),
  tianchangCable: firm("天长市恒通电缆有限公司", "天长市"),
  tianchangInst: firm("安徽天康仪表股份有限公司", "天长市"),
  tianchangCity: firm("天长市晶科新材料有限公司", "天长市", "341100"), // registered under the city code: no finding
  tianchangGlass: firm("天长市明珠玻璃制品有限公司", "天长市"),
  mingguangChem: firm("明光市绿源化工有限公司", "明光市"),
  mingguangBattery: firm("明光锂能电池科技有限公司", "明光市"),
  mingguangMine: firm("安徽明光凹凸棒新材料有限公司", "明光市"),
  laianMetal: firm("来安县金达金属制品有限公司", "来安县"),
  laianPlatform: firm("安徽来安工业互联网科技有限公司", "来安县"),
  laianNode: firm("滁州标识解析科技有限公司", "来安县"),
  quanjiaoTextile: firm("全椒县华纺纺织有限公司", "全椒县"),
  quanjiaoMachine: firm("全椒力拓机械制造有限公司", "全椒县"),
  quanjiaoChip: firm("全椒芯联半导体设备有限公司", "全椒县"),
  dingyuanSalt: firm("定远县盐化工业有限公司", "定远县"),
  dingyuanNode: firm("安徽定远数联科技有限公司", "定远县"),
  dingyuanBrick: firm("定远县新型建材有限公司", "定远县"),
  fengyangGlass: firm("凤阳县硅基玻璃有限公司", "凤阳县"),
  fengyangPlatform: firm("凤阳工业互联网公共服务平台有限公司", "凤阳县"),
  fengyangFood: firm("凤阳县小岗农产品加工有限公司", "凤阳县"),
  jingkaiAppliance: firm("滁州经开区博创家电有限公司", "滁州经开区"),
  jingkaiChip: firm("滁州芯成集成电路制造有限公司", "滁州经开区"),
  jingkaiDemo: firm("滁州经开区智联工业互联网有限公司", "滁州经开区"),
  jingkaiCar: firm("滁州新能源汽车部件有限公司", "滁州经开区"),
  suchuDesign: firm("苏滁微芯集成电路设计有限公司", "中新苏滁高新区"),
  suchuEquip: firm("苏滁晶测半导体科技有限公司", "中新苏滁高新区"),
  suchuFactory: firm("中新苏滁精密制造有限公司", "中新苏滁高新区"),
  suchuDemo: firm("苏滁数智科技有限公司", "中新苏滁高新区"),
  suchuBio: firm("苏滁生物医药有限公司", "中新苏滁高新区"),
  mingguangWorkshop: firm("明光市祥和电器有限公司", "明光市"),
};

// Findings READING requires on otherwise clean rows: gaps left to the 实施细则 are never silent.
const PROVISIONAL_RATE = { rule: "provisional.parameter", column: "program" as ColumnKey, note: "cloud_service rate left to the 实施细则: computed at 100% (provisional)" };
const OTHER_PRODUCT = { rule: "cross.other_object", column: "project" as ColumnKey, note: "another product of the same firm: one-time per product, a warning to check (READING 一次性)" };
const PROVISIONAL_SERVED = { rule: "provisional.parameter", column: "program" as ColumnKey, note: "service_platform: number of served firms left to the 实施细则" };

function badCheck(code: string): string {
  const cs = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const i = cs.indexOf(code[17]);
  return code.slice(0, 17) + cs[(i + 7) % cs.length];
}

// Rows --------------------------------------------------------------------------------------
const rows: Row[] = [
  { firm: F.huarui, jurisdiction: "琅琊区", program: "smart_factory", project: "智能装备总装智能工厂", date: "2022-11-15", requested: 300000, city: 150000, local: 150000 },
  { firm: F.nanqiaoFood, jurisdiction: "南谯区", program: "省级数字化车间", project: "烘焙食品数字化车间", date: "2022-12-20", requested: 200000, city: 100000, local: 100000 },
  { firm: F.tianchangCable, jurisdiction: "天长市", program: "equipment_network", project: "电缆生产线设备联网改造", amount: 3600000, date: "2023-03-10", requested: 720000, city: 0, local: 720000 },
  { firm: F.mingguangChem, jurisdiction: "明光市", program: "数字化转型能力评估", project: "数字化转型能力评估", level: "4A", date: "2023-06-30", requested: 300000, city: 300000, local: 0 },
  { firm: F.laianMetal, jurisdiction: "来安县", program: "cloud_service", project: "生产管理系统上云", amount: 450000, date: "2022-08-01", requested: 450000, city: 225000, local: 225000, faults: [PROVISIONAL_RATE] },
  { firm: F.quanjiaoTextile, jurisdiction: "全椒县", program: "network_upgrade", project: "厂区5G专网改造", date: "2023-05-18", requested: 500000, city: 0, local: 500000 },
  { firm: F.dingyuanNode, jurisdiction: "定远县", program: "标识解析二级节点", project: "盐化工行业标识解析二级节点", amount: 5000000, date: "2022-10-09", requested: 1500000, local: 1500000 },
  { firm: F.fengyangPlatform, jurisdiction: "凤阳县", program: "service_platform", project: "凤阳县工业互联网公共服务平台", amount: 8000000, date: "2023-09-12", requested: 2400000, local: 2400000, served: 126, faults: [PROVISIONAL_SERVED] },
  { firm: F.langya5g, jurisdiction: "琅琊区", program: "base_station_5g", project: "2022年度5G基站建设", amount: 350, level: "TRUE", date: "2022-12-31", requested: 700000, city: 700000 },
  { firm: F.suchuDesign, jurisdiction: "中新苏滁高新区", program: "ic_tapeout", project: "SC2201电源管理芯片首轮流片", amount: 2000000, date: "2023-04-20", requested: 600000, local: 600000 },
  { firm: F.suchuEquip, jurisdiction: "中新苏滁高新区", program: "ic_rd_equipment", project: "2022年度研发测试设备购置", amount: 8000000, date: "2023-02-15", requested: 1600000, local: 1600000 },
  { firm: F.jingkaiChip, jurisdiction: "滁州经开区", program: "集成电路等产业链产业化项目", project: "12英寸晶圆封测产业化项目", amount: 6000000, level: 25000000, date: "2023-07-01", requested: 600000, local: 600000 },
  { firm: F.langyaSoft, jurisdiction: "琅琊区", program: "scenario_national", project: "5G+机器视觉质检典型场景", scenario: "5G典型场景", date: "2023-11-02", requested: 500000, city: 500000 },
  { firm: F.nanqiaoHome, jurisdiction: "南谯区", program: "scenario_provincial", project: "家居柔性定制新模式示范应用", scenario: "新模式示范应用", date: "2022-09-30", requested: 200000, city: 100000, local: 100000 },
  { firm: F.jingkaiDemo, jurisdiction: "滁州经开区", program: "empowerment_demo", project: "家电产业链工业互联网赋能示范项目", amount: 12000000, date: "2023-12-01", requested: 2400000, city: 2400000 },
  { firm: F.tianchangInst, jurisdiction: "天长市", program: "security_grading", project: "工控网络安全分类分级", amount: 400000, date: "2024-03-15", requested: 200000, local: 200000 },
  { firm: F.mingguangBattery, jurisdiction: "明光市", program: "platform_provincial", project: "锂电行业工业互联网平台", amount: 800000, date: "2023-08-08", requested: 800000, city: 400000, local: 400000 },
  { firm: F.laianPlatform, jurisdiction: "来安县", program: "platform_national", project: "国家级区域型工业互联网平台", date: "2022-12-12", requested: 2000000, city: 2000000 },
  { firm: F.quanjiaoMachine, jurisdiction: "全椒县", program: "智能工厂", project: "工程机械智能工厂", date: "2024-01-20", requested: 300000, city: 150000, local: 150000 },
  { firm: F.dingyuanSalt, jurisdiction: "定远县", program: "digital_workshop", project: "精制盐包装数字化车间", date: "2023-10-10", requested: 200000, city: 100000, local: 100000 },
  { firm: F.fengyangGlass, jurisdiction: "凤阳县", program: "工业设备网络化技术改造", project: "浮法玻璃窑炉设备联网", amount: 1200000, date: "2024-05-06", requested: 240000, local: 240000 },
  { firm: F.suchuFactory, jurisdiction: "中新苏滁高新区", program: "smart_factory", project: "精密部件智能工厂", date: "2023-03-03", requested: 300000, city: 150000, local: 150000 },
  { firm: F.jingkaiAppliance, jurisdiction: "滁州经开区", program: "digital_workshop", project: "冰箱门体数字化车间", date: "2024-06-18", requested: 200000, city: 100000, local: 100000 },
  { firm: F.tianchangGlass, jurisdiction: "天长市", program: "dx_assessment", project: "数字化转型能力评估", level: "AAA", date: "2022-07-07", requested: 200000, city: 200000 },
  { firm: F.nanqiaoMold, jurisdiction: "南谯区", program: "企业上云上平台", project: "模具设计云平台订阅", amount: 300000, date: "2024-02-02", requested: 250000, city: 125000, local: 125000, faults: [PROVISIONAL_RATE] },
  { firm: F.langyaAuto, jurisdiction: "琅琊区", program: "equipment_network", project: "冲压车间设备联网", amount: 900000, date: "2023-01-09", requested: 180000, local: 180000 },
  { firm: F.mingguangMine, jurisdiction: "明光市", program: "security_grading", project: "矿山工控安全分类分级", amount: 1000000, date: "2023-12-22", requested: 300000, local: 300000 },
  { firm: F.fengyangFood, jurisdiction: "凤阳县", program: "省级典型场景", project: "农产品加工标识解析应用", scenario: "标识解析应用", date: "2024-04-10", requested: 200000, city: 100000, local: 100000 },
  { firm: F.laianNode, jurisdiction: "来安县", program: "identifier_node", project: "五金行业标识解析二级节点", amount: 2000000, date: "2024-08-30", requested: 600000, local: 600000 },
  { firm: F.quanjiaoChip, jurisdiction: "全椒县", program: "ic_rd_equipment", project: "刻蚀设备研发工具购置", amount: 3000000, date: "2022-11-11", requested: 600000, local: 600000 },
  { firm: F.dingyuanBrick, jurisdiction: "定远县", program: "network_upgrade", project: "IPv6改造", date: "2022-06-06", requested: 500000, local: 500000 },
  { firm: F.suchuDemo, jurisdiction: "中新苏滁高新区", program: "工业互联网赋能示范项目", project: "精密制造赋能示范项目", amount: 9000000, date: "2023-05-05", requested: 1800000, city: 1800000 },
  { firm: F.tianchangCity, jurisdiction: "天长市", program: "smart_factory", project: "光伏玻璃智能工厂", date: "2023-08-18", requested: 300000, city: 150000, local: 150000 },
  { firm: F.suchuDesign, jurisdiction: "中新苏滁高新区", program: "ic_tapeout", project: "SC2305射频芯片首轮流片", amount: 3000000, date: "2023-09-25", requested: 900000, local: 900000, faults: [OTHER_PRODUCT] },

  // ---- Deliberate faults --------------------------------------------------------------------
  {
    firm: { ...F.mingguangWorkshop, code: badCheck(F.mingguangWorkshop.code) },
    jurisdiction: "明光市",
    program: "digital_workshop",
    project: "小家电装配数字化车间",
    date: "2023-07-12",
    requested: 200000,
    city: 100000,
    local: 100000,
    faults: [{ rule: "credit_code.check", column: "credit_code", note: "check character altered" }],
  },
  {
    firm: F.huarui,
    jurisdiction: "琅琊区",
    program: "省级智能工厂",
    project: "智能装备二期智能工厂",
    date: "2023-10-20",
    requested: 300000,
    city: 150000,
    local: 150000,
    faults: [{ rule: "cross.duplicate_one_time", column: "program", note: "smart_factory already awarded to this firm (first row)" }],
  },
  {
    firm: F.suchuDesign,
    jurisdiction: "中新苏滁高新区",
    program: "ic_tapeout",
    project: "SC2309传感器芯片首轮流片",
    amount: 4000000,
    date: "2024-03-30",
    requested: 1200000,
    local: 1200000,
    faults: [{ rule: "cross.enterprise_cap", column: "requested", note: "tape-outs 60万 (2023) + 90万 (2023) + 120万 (2024) > 200万 per enterprise over the whole policy period" }, OTHER_PRODUCT],
  },
  {
    firm: F.jingkaiCar,
    jurisdiction: "滁州经开区",
    program: "equipment_network",
    project: "电驱总成产线设备联网",
    amount: 2000000,
    date: "2024-01-15",
    requested: 500000,
    local: 500000,
    faults: [
      { rule: "amount.over_award", column: "requested", note: "20% of 200万 is 40万, 50万 requested" },
      { rule: "share.mismatch", column: "local_share", note: "beneficiary share follows the payable 40万" },
    ],
  },
  {
    firm: F.suchuBio,
    jurisdiction: "中新苏滁高新区",
    program: "digital_workshop",
    project: "制剂数字化车间",
    date: "2021-06-15",
    requested: 200000,
    city: 100000,
    local: 100000,
    faults: [{ rule: "date.outside", column: "date", note: "before the policy took effect on 2021-09-27" }],
  },
  {
    firm: F.langyaAuto,
    jurisdiction: "琅琊区",
    program: "智能工场",
    project: "焊装智能工厂",
    date: "2024-03-01",
    requested: 300000,
    city: 150000,
    local: 150000,
    faults: [{ rule: "program.unknown", column: "program", note: "typo for 智能工厂 (smart_factory suggested)" }],
  },
  {
    firm: F.dingyuanSalt,
    jurisdiction: "定远县",
    program: "security_grading",
    project: "盐化工控系统安全分类分级",
    amount: 40,
    date: "2024-04-18",
    requested: 200000,
    faults: [
      { rule: "amount.wan_suspect", column: "amount", note: "investment 40 typed in 万元 (400,000 元 meant)" },
      { rule: "amount.over_award", column: "requested", note: "50% of 40 元 is 20 元" },
    ],
  },
  {
    firm: F.fengyangGlass,
    jurisdiction: "凤阳县",
    program: "scenario_provincial",
    project: "玻璃窑炉5G远程运维场景",
    date: "2023-06-06",
    requested: 200000,
    city: 200000,
    local: 0,
    faults: [
      { rule: "share.mismatch", column: "city_share", note: "1:1 split: 10万 + 10万" },
      { rule: "share.mismatch", column: "local_share", note: "1:1 split: 10万 + 10万" },
    ],
  },
  {
    firm: F.jingkaiAppliance,
    jurisdiction: "滁州经开区",
    program: "empowerment_demo",
    project: "家电供应链协同赋能示范项目",
    amount: 6000000,
    date: "2023-08-28",
    requested: 1200000,
    city: 1200000,
    faults: [{ rule: "cross.demo_per_year", column: "program", note: "third empowerment demo of 2023 (1–2 a year)" }],
  },
  {
    firm: F.laianPlatform,
    jurisdiction: "来安县",
    program: "公共服务平台",
    project: "来安县五金产业公共服务平台",
    amount: 6000000,
    date: "2024-02-26",
    requested: 1800000,
    local: 1800000,
    faults: [{ rule: "served.missing", column: "served", note: "服务企业数 not filled in" }, PROVISIONAL_SERVED],
  },
  {
    firm: F.dingyuanSalt,
    jurisdiction: "定远县",
    program: "digital_workshop",
    project: "食盐小包装二号数字化车间",
    date: "2024-05-20",
    requested: 200000,
    city: 100000,
    local: 100000,
    faults: [{ rule: "cross.duplicate_one_time", column: "program", note: "a second workshop of one firm: the award is once per enterprise (对认定为…的企业)" }],
  },
  {
    firm: F.langya5g,
    jurisdiction: "琅琊区",
    program: "base_station_5g",
    project: "2023年度5G基站建设",
    amount: 400,
    date: "2023-12-31",
    requested: 800000,
    city: 800000,
    faults: [{ rule: "level.condition_missing", column: "level", note: "second year of 5G (a new object: no duplicate), but the annual task is not confirmed" }],
  },
  {
    firm: F.tianchangCable,
    jurisdiction: "天长市",
    program: "security_grading",
    project: "电缆生产线设备联网改造",
    amount: 3600000,
    date: "2023-05-10",
    requested: 300000,
    local: 300000,
    faults: [{ rule: "cross.project_programs", column: "project", note: "the same project also claims equipment_network: 72万 + 30万 beside 360万 invested" }],
  },
  // Clean rows after the faults, so that a fault never hides the end of the table.
  { firm: F.nanqiaoMold, jurisdiction: "南谯区", program: "equipment_network", project: "注塑车间设备联网", amount: 600000, date: "2024-07-08", requested: 120000, local: 120000 },
  { firm: F.quanjiaoTextile, jurisdiction: "全椒县", program: "dx_assessment", project: "数字化转型能力评估", level: "5A", date: "2024-09-02", requested: 500000, city: 500000 },
];

function isoDate(s: string): Date {
  return new Date(`${s}T00:00:00Z`);
}

function rowCells(r: Row): Cell[] {
  const base: Record<ColumnKey, Cell> = {
    enterprise: r.firm.name,
    credit_code: r.firm.code,
    jurisdiction: r.jurisdiction,
    program: r.program,
    project: r.project,
    amount: r.amount ?? null,
    level: r.level ?? null,
    date: r.date ? isoDate(r.date) : null,
    requested: r.requested ?? null,
    city_share: r.city ?? null,
    local_share: r.local ?? null,
    served: r.served ?? null,
    scenario: r.scenario ?? null,
  };
  Object.assign(base, r.override ?? {});
  return COLUMN_KEYS.map((k) => base[k]);
}

const WIDTHS: Record<ColumnKey, number> = {
  enterprise: 34,
  credit_code: 22,
  jurisdiction: 14,
  program: 26,
  project: 30,
  amount: 16,
  level: 14,
  date: 12,
  requested: 16,
  city_share: 16,
  local_share: 16,
  served: 10,
  scenario: 16,
};

function fixTimes(wb: ExcelJS.Workbook): void {
  const t = new Date(Date.UTC(2024, 9, 8, 0, 0, 0));
  wb.creator = "cz-subsidy scripts/make-sample.ts";
  wb.lastModifiedBy = "cz-subsidy";
  wb.created = t;
  wb.modified = t;
}

function headerStyle(ws: ExcelJS.Worksheet, rowNo: number): void {
  const row = ws.getRow(rowNo);
  row.font = { bold: true };
  row.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    c.border = { bottom: { style: "thin" } };
  });
}

function money(ws: ExcelJS.Worksheet): void {
  for (const k of ["amount", "requested", "city_share", "local_share"] as ColumnKey[]) ws.getColumn(COLUMN_KEYS.indexOf(k) + 1).numFmt = "#,##0.00";
  ws.getColumn(COLUMN_KEYS.indexOf("date") + 1).numFmt = "yyyy-mm-dd";
  ws.getColumn(COLUMN_KEYS.indexOf("credit_code") + 1).numFmt = "@";
}

async function writeSample(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  fixTimes(wb);
  const ws = wb.addWorksheet("申报表", { views: [{ state: "frozen", ySplit: HEADER_ROW }] });
  COLUMN_KEYS.forEach((k, i) => (ws.getColumn(i + 1).width = WIDTHS[k]));
  ws.getCell(1, 1).value = TITLE;
  ws.mergeCells(1, 1, 1, COLUMN_KEYS.length);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: "center" };
  ws.getRow(HEADER_ROW).values = COLUMN_KEYS.map((k) => CANONICAL_HEADERS[k]);
  headerStyle(ws, HEADER_ROW);
  money(ws);
  const faults: Array<{ row: number; rule: string; column: ColumnKey | null; note: string }> = [];
  rows.forEach((r, i) => {
    const rowNo = FIRST_DATA_ROW + i;
    ws.getRow(rowNo).values = rowCells(r);
    for (const f of r.faults ?? []) faults.push({ row: rowNo, ...f });
  });
  await wb.xlsx.writeFile(path.join(ROOT, "examples", "applications-sample.xlsx"));
  const doc = {
    description: "Deliberate faults in examples/applications-sample.xlsx (sheet 申报表). Every other row is clean: no error and no warning. Generated by scripts/make-sample.ts.",
    sheet: "申报表",
    headerRow: HEADER_ROW,
    dataRows: { first: FIRST_DATA_ROW, last: FIRST_DATA_ROW + rows.length - 1 },
    faults,
  };
  fs.writeFileSync(path.join(ROOT, "examples", "sample-faults.json"), JSON.stringify(doc, null, 2) + "\n");
}

async function writeTemplate(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  fixTimes(wb);
  const ws = wb.addWorksheet("申报表", { views: [{ state: "frozen", ySplit: 1 }] });
  COLUMN_KEYS.forEach((k, i) => (ws.getColumn(i + 1).width = WIDTHS[k]));
  ws.getRow(1).values = COLUMN_KEYS.map((k) => CANONICAL_HEADERS[k]);
  headerStyle(ws, 1);
  money(ws);

  // Code lists on their own sheet: the program list is too long for an inline list (255 chars).
  const codes = wb.addWorksheet("代码表");
  codes.getRow(1).values = ["项目代码", "项目名称", "条款", "所属地区"];
  headerStyle(codes, 1);
  codes.getColumn(1).width = 26;
  codes.getColumn(2).width = 60;
  codes.getColumn(4).width = 18;
  CATALOGUE_2021.programs.forEach((p, i) => {
    codes.getCell(i + 2, 1).value = p.code;
    codes.getCell(i + 2, 2).value = p.name.zh;
    codes.getCell(i + 2, 3).value = citeShort(p.citation, "zh");
  });
  CATALOGUE_2021.jurisdictions.forEach((j, i) => (codes.getCell(i + 2, 4).value = j));
  const nP = CATALOGUE_2021.programs.length;
  const nJ = CATALOGUE_2021.jurisdictions.length;
  const col = (k: ColumnKey) => String.fromCharCode(65 + COLUMN_KEYS.indexOf(k));
  const last = 2000;
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  dv.add(`${col("jurisdiction")}2:${col("jurisdiction")}${last}`, {
    type: "list",
    allowBlank: true,
    formulae: [`'代码表'!$D$2:$D$${nJ + 1}`],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: "所属地区",
    error: "请从列表中选择十个受益财政之一",
  });
  dv.add(`${col("program")}2:${col("program")}${last}`, {
    type: "list",
    allowBlank: true,
    formulae: [`'代码表'!$A$2:$A$${nP + 1}`],
    showErrorMessage: true,
    errorStyle: "information",
    errorTitle: "项目类别",
    error: "请填写项目代码（见“代码表”）或中文名称",
  });

  const help = wb.addWorksheet("填写说明");
  help.getColumn(1).width = 22;
  help.getColumn(2).width = 90;
  const lines: Array<[string, string]> = [
    ["填写说明", "滁州市支持工业互联网发展若干政策 奖补申报表（模板）"],
    ["企业名称", "必填。与营业执照一致；同一统一社会信用代码只用一个名称。"],
    ["统一社会信用代码", "必填。18位，按 GB 32100-2015 校验末位校验码；请以文本格式填写。"],
    ["所属地区", "必填。受益财政所在地，十选一：" + CATALOGUE_2021.jurisdictions.join("、") + "。"],
    ["项目类别", "必填。项目代码（见“代码表”）或中文名称，如 smart_factory 或 省级智能工厂。"],
    ["项目名称", "一次性奖补的对象名称（项目、平台、产品或奖项名称）。同一企业同一项目类别同一对象只能申报一次；未填时无法判断是否重复。"],
    ["计算基数（元）", "按项目填写：投资额、云服务费用、合同金额、基站数量等，单位元（基站为个数）。表头改为“计算基数（万元）”时按万元填写，系统自动乘以10000。"],
    ["认定等级/条件", "数字化转型能力评估填 3A/4A/5A；5G基站填 TRUE（已完成年度任务）/FALSE；集成电路产业化项目填实际完成投资（元）。"],
    ["认定/完成日期", "各项目的认定、获评、竣工（上线）、建成等事件日期（集成电路研发设备、产业化项目为申报日期）。政策有效期 2021-09-27 至 2024-09-26，期外不予奖补。"],
    ["申报金额（元）", "申请的奖补金额，单位元；不得高于按政策核定的金额。应拨付额为核定额与申报额中的较低者；为空或为0时按核定额计（提示复核）。“最高不超过”类项目未填申请额时按最高额测算（提示）。"],
    ["市财政承担（元）", "选填。按政策分担方式：市财政承担、受益财政承担或1:1分担（市财政为总额÷2四舍五入到分）。"],
    ["受益财政承担（元）", "选填。同上，两者之和等于申报（核定）金额。"],
    ["服务企业数", "公共服务平台项目填写服务企业数量（具体门槛由实施细则确定）。"],
    ["场景类别", "典型场景类项目填写：5G典型场景、标识解析应用、新模式示范应用或优秀解决方案；行动计划“5G+工业互联网”案例只统计含5G的类别。"],
    ["一次性奖补", "按对象计一次：数字化车间、智能工厂、内外网改造、转型评估按企业；平台、节点、流片产品、场景奖项、示范项目、安全分级项目按对象（项目名称）；5G基站按运营商年度任务。"],
    ["单个企业上限", "集成电路流片：整个政策有效期内同一企业累计不超过200万元；研发设备、产业化项目：同一企业同一申报年度累计。"],
  ];
  lines.forEach(([a, b], i) => {
    help.getCell(i + 1, 1).value = a;
    help.getCell(i + 1, 2).value = b;
    help.getCell(i + 1, 2).alignment = { wrapText: true, vertical: "top" };
  });
  help.getCell(1, 1).font = { bold: true, size: 13 };
  help.getCell(1, 2).font = { bold: true };
  fs.mkdirSync(path.join(ROOT, "assets"), { recursive: true });
  await wb.xlsx.writeFile(path.join(ROOT, "assets", "applications-template.xlsx"));
}

async function main(): Promise<void> {
  fs.mkdirSync(path.join(ROOT, "examples"), { recursive: true });
  await writeSample();
  await writeTemplate();
  process.stdout.write(`examples/applications-sample.xlsx: ${rows.length} rows; examples/sample-faults.json; assets/applications-template.xlsx\n`);
}

main().catch((e) => {
  process.stderr.write(`make-sample: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
