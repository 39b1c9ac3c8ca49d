/**
 * Every CLI text, one catalogue per language (src/i18n; zh-CN default). The language is `--lang`
 * when given, otherwise the locale variables (LC_ALL, LC_MESSAGES, LANG: English for en_*).
 */
import { type Catalogue, defineMessages, type Lang } from "../i18n";

export type CliMsg =
  | "usage"
  | "unknown_command"
  | "unknown_option"
  | "option_needs_value"
  | "bad_lang"
  | "too_many_args"
  | "missing_program"
  | "missing_file"
  | "missing_out"
  | "not_found"
  | "not_a_file"
  | "empty_file"
  | "file_too_large"
  | "encrypted"
  | "legacy_xls"
  | "not_zip"
  | "truncated"
  | "not_xlsx"
  | "zip_bomb"
  | "too_many_cells"
  | "unreadable"
  | "no_sheets"
  | "unknown_sheet"
  | "empty_sheet"
  | "no_header"
  | "no_header_merged"
  | "out_is_input"
  | "out_exists"
  | "same_outputs"
  | "no_visible_sheet"
  | "out_not_xlsx"
  | "out_dir_missing"
  | "write_failed"
  | "report_unavailable"
  | "validation_unavailable"
  | "table_error"
  | "internal"
  | "list_sep"
  | "programs_title";

type Table = Catalogue<CliMsg>;

const zh: Table = {
  usage: () =>
    [
      "用法：cz-subsidy <命令> [参数] [选项]        （在本仓库中也可用 npx cz-subsidy 或 npm run cz -- …）",
      "",
      "命令：",
      "  calc <项目> [金额] [等级] [日期]   计算奖补金额（与 =CZ.SUBSIDY 相同）；省略的参数写 - 或 \"\"",
      "  programs                          列出政策目录（代码、中文名、条款、规则、承担）",
      "  validate <文件.xlsx>               校验申报表（默认校验所有可见且有表头的工作表）",
      "      [--sheet 工作表名] [--out 报告.xlsx] [--force]",
      "  report <文件.xlsx> --out <报告.xlsx>  生成结果表、汇总表和行动计划进度",
      "  convert <文件.xlsx> --out <副本.xlsx>  把 CZ 公式换成普通 Excel 公式（供 WPS、Office 2016/2019 使用）",
      "",
      "选项：",
      "  --json        输出 JSON",
      "  --lang en     英文输出（默认中文；未指定时按环境变量 LANG，如 LANG=en_US.UTF-8 为英文）",
      "  --force       覆盖已存在的 --out 文件",
      "  -q, --quiet   不显示进度行",
      "  -h, --help    显示帮助；cz-subsidy <命令> --help 显示该命令的说明和示例",
      "",
      "退出码：0 正常/无错误；1 发现错误；2 输入无法使用；130/143 被 Ctrl+C / 终止",
      "示例：cz-subsidy calc equipment_network 800000",
      "      cz-subsidy validate 申报表.xlsx --out 校验报告.xlsx",
    ].join("\n"),
  unknown_command: (p) => `未知命令“${p.name}”，可用命令：calc、programs、validate、report（--help 查看用法）`,
  unknown_option: (p) => `未知选项“${p.name}”（--help 查看用法）`,
  option_needs_value: (p) => `选项 ${p.name} 需要一个值`,
  bad_lang: (p) => `不支持的语言“${p.name}”，请用 zh 或 en`,
  too_many_args: (p) => `${p.cmd} 的参数过多：“${p.extra}”（--help 查看用法）`,
  missing_program: () => "缺少项目类别：cz-subsidy calc <项目代码或中文名> [金额] [等级] [日期]",
  missing_file: (p) => `缺少文件：cz-subsidy ${p.cmd} <文件.xlsx>`,
  missing_out: () => "缺少输出文件：cz-subsidy report <申报表.xlsx> --out <报告.xlsx>",
  not_found: (p) => `找不到文件：${p.path}`,
  not_a_file: (p) => `不是文件：${p.path}`,
  empty_file: (p) => `文件为空（0 字节）：${p.path}`,
  file_too_large: (p) => `文件过大（${p.size}），超过上限 ${p.limit}，请拆分后再校验`,
  encrypted: (p) => `文件已加密（设有打开密码），无法读取：${p.path}；请在 Excel 中取消密码后另存为 .xlsx`,
  legacy_xls: (p) => `这是旧版 Excel 97-2003（.xls）文件，不是 .xlsx：${p.path}；请在 Excel/WPS 中另存为 .xlsx`,
  not_zip: (p) => `不是有效的 .xlsx 文件（可能是改了扩展名的文本或其他格式）：${p.path}`,
  truncated: (p) => `文件不完整或已损坏（可能在下载或复制时被截断）：${p.path}`,
  not_xlsx: (p) => `不是 Excel 工作簿（压缩包中没有 xl/workbook.xml）：${p.path}`,
  zip_bomb: (p) => `文件解压后过大（${p.size}，上限 ${p.limit}），疑似压缩炸弹或超大表格，已拒绝读取`,
  too_many_cells: (p) => `工作表“${p.name}”过大：有值的单元格超过 ${p.limit} 个，已停止读取；请按年度或地区拆分成多个文件后再校验`,
  unreadable: (p) => `无法读取该 .xlsx 文件（文件结构损坏）：${p.path}`,
  no_sheets: (p) => `工作簿中没有工作表：${p.path}`,
  unknown_sheet: (p) => `找不到工作表“${p.name}”，现有工作表：${p.list}`,
  empty_sheet: (p) => `工作表“${p.name}”是空的，没有可校验的数据`,
  no_header: (p) => `工作表“${p.name}”中找不到可识别的表头行（需要如“企业名称”“项目类别”“申报金额（元）”等列名）`,
  no_header_merged: (p) => `工作表“${p.name}”中找不到可识别的表头行：表头含合并单元格（${p.cells}），请取消合并、每列一个列名后重试`,
  out_is_input: () => "输出文件不能与输入文件相同（不会覆盖原始申报表），请用 --out 指定另一个文件",
  out_exists: (p) => `输出文件已存在：${p.path}；如确需覆盖，请加 --force`,
  same_outputs: (p) => `--out 与 --findings-out 不能是同一个文件：${p.path}`,
  no_visible_sheet: (p) => `工作簿中没有可见的工作表（${p.list} 均已隐藏）；请用 --sheet 指定要校验的工作表`,
  out_not_xlsx: (p) => `输出文件须以 .xlsx 结尾：${p.path}`,
  out_dir_missing: (p) => `输出目录不存在：${p.path}`,
  write_failed: (p) => `写入输出文件失败：${p.reason}`,
  report_unavailable: () => "report 命令暂不可用：报表模块（src/reports/）尚未完成",
  validation_unavailable: () => "validate 暂不可用：校验模块（src/validation/ 的 validateTable）尚未完成",
  table_error: (p) => `工作表“${p.name}”：${p.text}`,
  internal: (p) => `内部错误：${p.reason}`,
  list_sep: "、",
  programs_title: "{title}（{from} 至 {to}）",
};

const en: Table = {
  usage: () =>
    [
      "Usage: cz-subsidy <command> [arguments] [options]   (in this repository also npx cz-subsidy or npm run cz -- …)",
      "",
      "Commands:",
      "  calc <program> [amount] [level] [date]   the award (same as =CZ.SUBSIDY); write - or \"\" for an omitted argument",
      "  programs                                 list the catalogue (code, name, clause, rule, paid by)",
      "  validate <file.xlsx>                     check an application table (every visible sheet with a header)",
      "      [--sheet NAME] [--out report.xlsx] [--force]",
      "  report <file.xlsx> --out <report.xlsx>   results table, summary tables and Action-Plan progress",
      "  convert <file.xlsx> --out <copy.xlsx>    CZ formulas replaced by ordinary Excel formulas (for WPS, Office 2016/2019)",
      "",
      "Options:",
      "  --json        JSON output",
      "  --lang en     English output (default Chinese; without --lang, LANG=en_US.UTF-8 and the like give English)",
      "  --force       overwrite an existing --out file",
      "  -q, --quiet   no progress line",
      "  -h, --help    this help; cz-subsidy <command> --help explains one command, with examples",
      "",
      "Exit codes: 0 fine / no errors; 1 errors found; 2 unusable input; 130/143 interrupted (Ctrl+C) / terminated",
      "Examples: cz-subsidy calc equipment_network 800000",
      "          cz-subsidy validate applications.xlsx --out checked.xlsx --lang en",
    ].join("\n"),
  unknown_command: (p) => `Unknown command "${p.name}"; commands: calc, programs, validate, report (see --help)`,
  unknown_option: (p) => `Unknown option "${p.name}" (see --help)`,
  option_needs_value: (p) => `Option ${p.name} needs a value`,
  bad_lang: (p) => `Unsupported language "${p.name}": use zh or en`,
  too_many_args: (p) => `Too many arguments for ${p.cmd}: "${p.extra}" (see --help)`,
  missing_program: () => "Missing program: cz-subsidy calc <code or Chinese name> [amount] [level] [date]",
  missing_file: (p) => `Missing file: cz-subsidy ${p.cmd} <file.xlsx>`,
  missing_out: () => "Missing output file: cz-subsidy report <applications.xlsx> --out <report.xlsx>",
  not_found: (p) => `File not found: ${p.path}`,
  not_a_file: (p) => `Not a file: ${p.path}`,
  empty_file: (p) => `The file is empty (0 bytes): ${p.path}`,
  file_too_large: (p) => `The file is too large (${p.size}; limit ${p.limit}): split it first`,
  encrypted: (p) => `The file is encrypted (password to open) and cannot be read: ${p.path}; remove the password in Excel and save as .xlsx`,
  legacy_xls: (p) => `This is an old Excel 97-2003 (.xls) file, not .xlsx: ${p.path}; save it as .xlsx in Excel or WPS`,
  not_zip: (p) => `Not a valid .xlsx file (perhaps a renamed text or other file): ${p.path}`,
  truncated: (p) => `The file is incomplete or damaged (perhaps cut off while downloading or copying): ${p.path}`,
  not_xlsx: (p) => `Not an Excel workbook (no xl/workbook.xml in the package): ${p.path}`,
  zip_bomb: (p) => `The file unpacks too large (${p.size}; limit ${p.limit}): a zip bomb or an oversized sheet; refused`,
  too_many_cells: (p) => `Sheet "${p.name}" is too large: more than ${p.limit} cells hold values; reading stopped. Split it by year or area into several files`,
  unreadable: (p) => `Cannot read this .xlsx file (damaged structure): ${p.path}`,
  no_sheets: (p) => `The workbook has no worksheets: ${p.path}`,
  unknown_sheet: (p) => `No sheet named "${p.name}"; sheets: ${p.list}`,
  empty_sheet: (p) => `Sheet "${p.name}" is empty: nothing to check`,
  no_header: (p) => `No recognisable header row in sheet "${p.name}" (expected column names such as 企业名称, 项目类别, 申报金额（元）)`,
  no_header_merged: (p) => `No recognisable header row in sheet "${p.name}": the header has merged cells (${p.cells}); unmerge them so each column has one name`,
  out_is_input: () => "The output file must differ from the input (the application table is never overwritten): give another --out",
  out_exists: (p) => `The output file already exists: ${p.path}; add --force to overwrite it`,
  same_outputs: (p) => `--out and --findings-out cannot be the same file: ${p.path}`,
  no_visible_sheet: (p) => `The workbook has no visible sheet (${p.list} are hidden); name one with --sheet`,
  out_not_xlsx: (p) => `The output file must end in .xlsx: ${p.path}`,
  out_dir_missing: (p) => `The output folder does not exist: ${p.path}`,
  write_failed: (p) => `Could not write the output file: ${p.reason}`,
  report_unavailable: () => "The report command is not available yet: the report module (src/reports/) is not finished",
  validation_unavailable: () => "validate is not available yet: the validation module (validateTable in src/validation/) is not finished",
  table_error: (p) => `Sheet "${p.name}": ${p.textEn ?? p.text}`,
  internal: (p) => `Internal error: ${p.reason}`,
  list_sep: ", ",
  programs_title: "{title} ({from} to {to})",
};

/** The CLI's messages. */
export const cliText = defineMessages("cli", zh, en);

type HelpCommand = "calc" | "programs" | "validate" | "report" | "convert";
const HELP_COMMANDS: readonly string[] = ["calc", "programs", "validate", "report", "convert"] satisfies HelpCommand[];

/** `cz-subsidy <command> --help`: what the command does, its options and examples (one line per array item). */
const helpZh: Record<HelpCommand, string[]> = {
  calc: [
    "用法：cz-subsidy calc <项目> [金额] [等级] [日期] [--json] [--lang en]",
    "",
    "按政策计算一项奖补，结果与 Excel 中的 =CZ.SUBSIDY(项目, 金额, 等级, 日期) 相同。",
    "  项目   代码（不区分大小写）、中文名或常用简称，如 smart_factory、智能工厂",
    "  金额   计算基数（元），可写 80万、1,000,000元；“最高不超过”类项目省略则按上限",
    "  等级   3A/4A/5A；ic_industrialization 填已完成投资额；base_station_5g 填 FALSE 表示未完成年度任务",
    "  日期   认定日期，如 2022-03-01；省略则不校验政策有效期",
    "省略中间的参数时写 - 。--json 输出总额、市财政、受益财政和引用条款的说明。",
    "",
    "示例：",
    "  cz-subsidy calc smart_factory                       # 300000",
    "  cz-subsidy calc equipment_network 80万               # 160000",
    "  cz-subsidy calc dx_assessment - 5A --json",
    "  cz-subsidy calc smart_factory - - 2025-01-01         # 0（超出有效期）",
  ],
  programs: ["用法：cz-subsidy programs [--json] [--lang en]", "", "列出政策目录：代码、中文名、条款、规则（比例、上限、门槛）、资金承担方。", "", "示例：", "  cz-subsidy programs", "  cz-subsidy programs --json"],
  validate: [
    "用法：cz-subsidy validate <申报表.xlsx> [--sheet 工作表名] [--json] [--out 报告.xlsx] [--findings-out 问题清单.xlsx] [--force] [--quiet] [--lang en]",
    "",
    "校验申报表：信用代码、所属地区、项目类别、金额与政策核定金额、有效期、一次性奖补重复申报、单个企业上限等。",
    "不指定 --sheet 时，校验所有可见且有表头的工作表（每个工作表单独列出），隐藏的工作表跳过并列出；",
    "退出码反映全部工作表：0 无错误，1 有错误，2 文件无法使用。原文件只读不改。",
    "  --out 报告.xlsx   另存一份副本并加入“CZ校验报告”工作表（原有工作表逐字节保留）；",
    "                    文件已存在时拒绝，除非加 --force；不能与输入文件相同",
    "  --findings-out 问题清单.xlsx  另存问题清单：新工作簿，每个问题一行（严重程度、问题、单元格、企业、项目、说明）",
    "  --json            输出 JSON（完整文字，不截断）",
    "  --quiet           不显示进度行（进度行只在终端中、运行超过 1 秒时显示于 stderr）",
    "",
    "示例：",
    "  cz-subsidy validate 申报表.xlsx",
    "  cz-subsidy validate 申报表.xlsx --sheet 2023年 --json",
    "  cz-subsidy validate 申报表.xlsx --out 校验报告.xlsx --force",
  ],
  report: [
    "用法：cz-subsidy report <申报表.xlsx> --out <报表.xlsx> [--sheet 工作表名] [--force] [--json] [--quiet] [--lang en]",
    "",
    "先校验，再新建报表工作簿：结果表（CZ_Results）、按项目/地区/年度的汇总表、行动计划进度。",
    "只有无错误且算出核定金额的申报行计入汇总；公式未计算的行不计入。",
    "",
    "示例：",
    "  cz-subsidy report 申报表.xlsx --out 报表.xlsx",
    "  cz-subsidy report 申报表.xlsx --out 报表.xlsx --json",
  ],
  convert: [
    "用法：cz-subsidy convert <工作簿.xlsx> --out <副本.xlsx> [--force] [--json] [--lang en]",
    "",
    "写出一份副本：每个 CZ.SUBSIDY / CZ.SPLIT / CZ.ELIGIBLE 公式换成等价的普通 Excel 公式，其他 CZ 公式换成其计算结果；",
    "逐格列出所做的改动。看起来像公式的文本不会被转换；原文件只读不改。",
    "退出码：0 全部转换；1 副本已写出，但有 CZ 公式无法转换（已列出，不装加载项时显示 #NAME?）；2 文件无法使用。",
    "",
    "示例：",
    "  cz-subsidy convert 测算表.xlsx --out 测算表-普通公式.xlsx",
    "  cz-subsidy convert 测算表.xlsx --out 测算表-普通公式.xlsx --json",
  ],
};
const helpEn: Record<HelpCommand, string[]> = {
  calc: [
    "Usage: cz-subsidy calc <program> [amount] [level] [date] [--json] [--lang en]",
    "",
    "Computes one award, exactly as =CZ.SUBSIDY(program, amount, level, date) in Excel.",
    "  program  a code (any case), the Chinese name or a short name: smart_factory, 智能工厂",
    "  amount   the base in CNY: 800000, 80万, 1,000,000元; omitted for an up-to award means its cap",
    "  level    3A/4A/5A; for ic_industrialization the completed investment; FALSE for base_station_5g = annual task not done",
    "  date     the recognition date, e.g. 2022-03-01; omitted: the validity window is not checked",
    "Write - for an omitted argument in the middle. --json gives total, city and beneficiary shares and the clause-citing trace.",
    "",
    "Examples:",
    "  cz-subsidy calc smart_factory                       # 300000",
    "  cz-subsidy calc equipment_network 800000            # 160000",
    "  cz-subsidy calc dx_assessment - 5A --json --lang en",
  ],
  programs: ["Usage: cz-subsidy programs [--json] [--lang en]", "", "Lists the catalogue: code, Chinese name, clause, rule (rate, cap, threshold), who pays.", "", "Examples:", "  cz-subsidy programs --lang en", "  cz-subsidy programs --json"],
  validate: [
    "Usage: cz-subsidy validate <applications.xlsx> [--sheet NAME] [--json] [--out report.xlsx] [--findings-out findings.xlsx] [--force] [--quiet] [--lang en]",
    "",
    "Checks an application table: credit codes, jurisdictions, programs, amounts against the award, validity dates,",
    "repeated one-time awards, per-enterprise caps. Without --sheet every visible sheet with a header row is checked",
    "and reported under its name; hidden sheets are skipped and listed. The exit code covers all sheets:",
    "0 no errors, 1 errors, 2 unusable file. The input is only read.",
    "  --out report.xlsx  a copy with a CZ校验报告 sheet added (the original sheets are copied byte for byte);",
    "                     refused when the file exists unless --force; never the input file",
    "  --findings-out findings.xlsx  the findings in a new workbook, one row each (severity, problem, cell, enterprise, project, message)",
    "  --json             JSON output (full texts, never cut)",
    "  --quiet            no progress line (shown on stderr only in a terminal, for runs over a second)",
    "",
    "Examples:",
    "  cz-subsidy validate applications.xlsx --lang en",
    "  cz-subsidy validate applications.xlsx --sheet 2023 --json",
    "  cz-subsidy validate applications.xlsx --out checked.xlsx --force",
  ],
  report: [
    "Usage: cz-subsidy report <applications.xlsx> --out <report.xlsx> [--sheet NAME] [--force] [--json] [--quiet] [--lang en]",
    "",
    "Validates, then writes a new workbook: the results table (CZ_Results), summaries by program, jurisdiction and",
    "year, and the Action-Plan progress. Only rows without errors whose award computed are counted; a row with an",
    "uncalculated formula is not.",
    "",
    "Examples:",
    "  cz-subsidy report applications.xlsx --out report.xlsx --lang en",
    "  cz-subsidy report applications.xlsx --out report.xlsx --json",
  ],
  convert: [
    "Usage: cz-subsidy convert <workbook.xlsx> --out <copy.xlsx> [--force] [--json] [--lang en]",
    "",
    "Writes a copy in which every CZ.SUBSIDY / CZ.SPLIT / CZ.ELIGIBLE formula becomes the equivalent ordinary Excel",
    "formula and every other CZ formula its computed value, and lists each change. Text that looks like a formula is",
    "never converted; the input is only read.",
    "Exit codes: 0 all converted; 1 the copy is written but some CZ formulas could not be converted (listed; they show",
    "#NAME? without the add-in); 2 unusable file.",
    "",
    "Examples:",
    "  cz-subsidy convert workbook.xlsx --out workbook-native.xlsx --lang en",
    "  cz-subsidy convert workbook.xlsx --out workbook-native.xlsx --json",
  ],
};

/** One help text per command, its lines joined (functions, so that no "{…}" in a help line is read as a placeholder). */
const joined = (t: Record<HelpCommand, string[]>): Catalogue<HelpCommand> => ({
  calc: () => t.calc.join("\n"),
  programs: () => t.programs.join("\n"),
  validate: () => t.validate.join("\n"),
  report: () => t.report.join("\n"),
  convert: () => t.convert.join("\n"),
});
/** The commands' help texts. */
export const helpText = defineMessages<HelpCommand>("cli-help", joined(helpZh), joined(helpEn));

export function commandHelp(lang: Lang, command: string): string | null {
  return HELP_COMMANDS.includes(command) ? helpText(lang, command as HelpCommand) : null;
}

export function cliMessage(lang: Lang, key: CliMsg, params: Record<string, string | number> = {}): string {
  return cliText(lang, key, params);
}

/** A failure the CLI reports as one line on stderr with exit code 2 (or `exit`). */
export class CliError extends Error {
  constructor(
    public readonly key: CliMsg,
    public readonly params: Record<string, string | number> = {},
    public readonly exit = 2,
    public readonly showUsage = false,
  ) {
    super(key);
    this.name = "CliError";
  }
}

/** Human size: "12.3 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
