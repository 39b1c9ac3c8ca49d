/**
 * Finding the header row of an application table and mapping its columns to the canonical
 * keys (types.ts COLUMN_KEYS). Pure: works on arrays of cell values.
 *
 * Headers are matched after folding full-width forms (NFKC), dropping spaces, `_`, `-`, `*`
 * and case, and taking off a trailing unit in brackets: `计算基数（万元）` → key "amount",
 * unit 万元. A money column whose header says 万元 is read in 万元 and scaled by 10,000 exactly.
 */
import type { ColumnBinding, ColumnKey, ColumnMapping } from "./types";
import { defineMessages, type Lang } from "../i18n";
import { COLUMN_KEYS } from "./types";

/** Canonical zh headers, in template order. */
export const CANONICAL_HEADERS: Record<ColumnKey, string> = {
  enterprise: "企业名称",
  credit_code: "统一社会信用代码",
  jurisdiction: "所属地区",
  program: "项目类别",
  project: "项目名称",
  amount: "计算基数（元）",
  level: "认定等级/条件",
  date: "认定/完成日期",
  requested: "申报金额（元）",
  city_share: "市财政承担（元）",
  local_share: "受益财政承担（元）",
  served: "服务企业数",
  scenario: "场景类别",
};

/** Columns that hold 元 amounts (a 万元 header scales them). */
export const MONEY_KEYS: ReadonlySet<ColumnKey> = new Set<ColumnKey>(["amount", "requested", "city_share", "local_share"]);

/** Columns without which a table cannot be checked (mapping.missing_column). */
export const REQUIRED_KEYS: readonly ColumnKey[] = ["enterprise", "credit_code", "jurisdiction", "program", "requested"];

/** Accepted header spellings per key (compared after headerKey()). The canonical zh and the English key come first. */
const SYNONYMS: Record<ColumnKey, string[]> = {
  enterprise: ["企业名称", "enterprise", "企业", "企业全称", "单位名称", "申报单位", "申报企业", "公司名称", "company", "enterprisename", "企业(单位)名称", "申报单位名称", "申报主体", "申报企业名称", "受奖企业", "企业名"],
  credit_code: ["统一社会信用代码", "credit_code", "信用代码", "社会信用代码", "统一信用代码", "uscc", "creditcode", "社会统一信用代码", "企业信用代码", "统一社会信用代码(注册号)", "统一代码"],
  jurisdiction: ["所属地区", "jurisdiction", "地区", "县区", "所属县区", "县(市、区)", "所属县(市、区)", "属地", "region", "district", "所在地区", "所在县区", "所在县(市、区)", "县(市、区)名称", "县市区", "所属县市区", "所在县市区", "所属区域"],
  program: ["项目类别", "program", "项目类型", "奖补类别", "奖补项目", "政策类别", "支持类别", "programcode", "奖补类型", "申报类别", "申报类型", "项目类别代码", "支持方向", "政策条款类别"],
  project: ["项目名称", "project", "projectname", "平台名称", "产品名称", "奖项名称", "项目(平台、产品、奖项)名称", "对象名称", "object", "项目名", "项目(平台)名称"],
  amount: ["计算基数", "amount", "投资额", "项目投资额", "计算依据", "基数", "base", "投资总额", "项目总投资", "核定投资额", "实际投资额", "设备投资额", "软硬件投资额"],
  level: ["认定等级/条件", "level", "认定等级", "等级", "认定条件", "条件", "等级/条件", "认定级别", "级别", "评定等级"],
  date: ["认定/完成日期", "date", "认定日期", "日期", "认定时间", "完成日期", "竣工日期", "认定(完成)日期", "认定完成日期", "获评日期", "事件日期", "完成时间", "获评时间", "验收日期"],
  requested: ["申报金额", "requested", "申请金额", "申报奖补金额", "申请奖补金额", "申请奖补资金", "申报奖补资金", "拟申请金额", "申请补助金额", "申报补助金额", "申请奖励金额", "申报奖励金额"],
  city_share: ["市财政承担", "city_share", "市财政", "市级承担", "市财政承担金额", "cityshare", "市级财政承担", "市本级承担", "市级资金", "市财政资金", "市财政承担资金", "市级奖补资金"],
  local_share: ["受益财政承担", "local_share", "受益财政", "县区承担", "受益财政承担金额", "beneficiary_share", "localshare", "beneficiaryshare", "县级承担", "区级承担", "园区承担", "县(市、区)承担", "县市区承担", "县级财政承担", "区级财政承担", "县区财政承担", "受益财政承担资金", "县级资金", "地方财政承担", "地方承担"],
  served: ["服务企业数", "served", "服务企业数量", "服务企业", "servedenterprises", "服务企业家数", "服务企业户数"],
  scenario: ["场景类别", "scenario", "场景类型", "奖项类别", "scenariocategory", "应用场景类别"],
};

/** Fold a header to its matching key: NFKC, no spaces/underscores/hyphens/asterisks, lower case. */
export function headerKey(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\u3000_\-*＊※]/g, "")
    .toLowerCase();
}

const UNIT_RE = /\((?:单位[:：]?)?(万元|元|个|家|人民币元)\)$/;

/** Split "计算基数(万元)" into its name key and unit. */
export function splitHeader(text: string): { key: string; unit: string | null } {
  const k = headerKey(text);
  const m = UNIT_RE.exec(k);
  if (m) return { key: k.slice(0, m.index), unit: m[1] };
  // "投资额万元" / "申报金额/万元" without brackets
  const m2 = /(?:\/)?(万元)$/.exec(k);
  if (m2 && m2.index > 0) return { key: k.slice(0, m2.index), unit: "万元" };
  return { key: k, unit: null };
}

const LOOKUP: Map<string, ColumnKey> = (() => {
  const m = new Map<string, ColumnKey>();
  for (const key of COLUMN_KEYS) {
    for (const s of SYNONYMS[key]) {
      const k = splitHeader(s).key;
      if (!m.has(k)) m.set(k, key);
    }
  }
  return m;
})();

/** The column key a single header text stands for, or null. */
export function matchHeader(value: unknown): { key: ColumnKey; wan: boolean } | null {
  if (typeof value !== "string") return null;
  if (value.length > 60) return null;
  const { key, unit } = splitHeader(value);
  if (!key) return null;
  const hit = LOOKUP.get(key);
  if (!hit) return null;
  return { key: hit, wan: unit === "万元" && MONEY_KEYS.has(hit) };
}

export interface MappingDetection {
  mapping: ColumnMapping;
  /** Number of distinct keys found. */
  score: number;
  /** Columns (0-based, in the region) whose header matched a key already taken. */
  duplicates: Array<{ index: number; header: string; key: ColumnKey }>;
  /** Non-empty headers that matched nothing. */
  unknown: Array<{ index: number; header: string }>;
}

/** Map one header row. The first column for a key wins; later ones are reported as duplicates. */
export function detectMapping(header: readonly unknown[]): MappingDetection {
  const mapping: ColumnMapping = {};
  const duplicates: MappingDetection["duplicates"] = [];
  const unknown: MappingDetection["unknown"] = [];
  let score = 0;
  for (let i = 0; i < header.length; i++) {
    const v = header[i];
    const text = typeof v === "string" ? v.trim() : v === null || v === undefined ? "" : String(v);
    if (!text) continue;
    const m = matchHeader(text);
    if (!m) {
      unknown.push({ index: i, header: text });
      continue;
    }
    if (mapping[m.key]) {
      duplicates.push({ index: i, header: text, key: m.key });
      continue;
    }
    const b: ColumnBinding = { index: i, header: text, wan: m.wan };
    mapping[m.key] = b;
    score++;
  }
  return { mapping, score, duplicates, unknown };
}

/** Why a block cannot be validated. */
export type TableErrorCode = "empty" | "no_header" | "no_program_column";

export class TableError extends Error {
  readonly code: TableErrorCode;
  readonly messageEn: string;
  readonly params: Record<string, string | number>;
  constructor(code: TableErrorCode, params: Record<string, string | number> = {}) {
    const { zh, en } = tableErrorText(code, params);
    super(zh);
    this.name = "TableError";
    this.code = code;
    this.messageEn = en;
    this.params = params;
  }
}

export function isTableError(e: unknown): e is TableError {
  return e instanceof TableError;
}

/** Why a block cannot be validated, in words. */
const tableErrorMessages = defineMessages<TableErrorCode>(
  "table-errors",
  {
    empty: "表格为空，没有可校验的数据",
    no_header: "前{scanned}行中未找到表头（应包含 企业名称、统一社会信用代码、项目类别 等列），请检查工作表或手动指定列映射",
    no_program_column: "第{row}行像是表头，但没有“项目类别”列，无法计算奖补，请添加该列或手动指定列映射",
  },
  {
    empty: "The table is empty: nothing to check",
    no_header: "No header row found in the first {scanned} rows (expected columns such as 企业名称 / enterprise, 统一社会信用代码 / credit_code, 项目类别 / program): check the sheet or set the column mapping by hand",
    no_program_column: "Row {row} looks like a header but has no 项目类别 (program) column, so no award can be computed: add it or set the mapping by hand",
  },
);

function tableErrorText(code: TableErrorCode, p: Record<string, string | number>): Record<Lang, string> {
  return { zh: tableErrorMessages("zh", code, p), en: tableErrorMessages("en", code, p) };
}

export interface HeaderDetection {
  /** 0-based index into values of the header row. */
  headerIndex: number;
  mapping: ColumnMapping;
  duplicates: MappingDetection["duplicates"];
  unknown: MappingDetection["unknown"];
  score: number;
}

/** How many top rows are searched for the header. */
export const HEADER_SCAN_ROWS = 20;

/**
 * Find the header row among the first rows of a block: the row that maps the most known
 * headers (the first such row on a tie). Throws TableError when no row maps at least two keys,
 * or the best row has no program column.
 */
export function detectHeader(values: readonly (readonly unknown[])[], firstRow = 1): HeaderDetection {
  if (!values.length || values.every((r) => !r || r.every((v) => v === null || v === undefined || v === ""))) {
    throw new TableError("empty");
  }
  const n = Math.min(values.length, HEADER_SCAN_ROWS);
  let best: (MappingDetection & { index: number }) | null = null;
  for (let i = 0; i < n; i++) {
    const d = detectMapping(values[i] ?? []);
    if (!best || d.score > best.score) best = { ...d, index: i };
  }
  if (!best || best.score < 2) throw new TableError("no_header", { scanned: n });
  if (!best.mapping.program) throw new TableError("no_program_column", { row: firstRow + best.index });
  return { headerIndex: best.index, mapping: best.mapping, duplicates: best.duplicates, unknown: best.unknown, score: best.score };
}

/** A sheet offered to locateHeaderSheet: its name and a reader of its values (read only when needed). */
export interface SheetCandidate {
  name: string;
  read(): Promise<{ values: readonly (readonly unknown[])[]; firstRow?: number }>;
}

/**
 * The sheet that holds the application table: the first of `sheets` (in workbook order, the
 * chosen one first) whose top rows contain a header row. A cover page, an instructions sheet or
 * an empty sheet before the table is skipped. Sheets are read one at a time and only until the
 * header is found. Null when no sheet has one (the caller then offers manual mapping).
 */
export async function locateHeaderSheet(sheets: readonly SheetCandidate[]): Promise<{ name: string; index: number; detection: HeaderDetection } | null> {
  for (let i = 0; i < sheets.length; i++) {
    let block: { values: readonly (readonly unknown[])[]; firstRow?: number };
    try {
      block = await sheets[i].read();
    } catch {
      continue; // an empty or unreadable sheet is not the table
    }
    try {
      return { name: sheets[i].name, index: i, detection: detectHeader(block.values, block.firstRow ?? 1) };
    } catch (e) {
      if (!isTableError(e)) throw e;
    }
  }
  return null;
}

/**
 * A fingerprint of a header row, for remembering a corrected mapping: the folded header texts
 * (headerKey) joined, hashed (FNV-1a, 32 bits) and prefixed with the column count. Two tables
 * with the same headers in the same order share it, whatever their spacing or full-width forms.
 */
export function headerSignature(header: readonly unknown[]): string {
  const text = header.map((v) => (v === null || v === undefined ? "" : headerKey(String(v)))).join("\u0001");
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${header.length}-${h.toString(16).padStart(8, "0")}`;
}
