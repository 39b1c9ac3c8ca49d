/** Every CLI text, one table per language (zh-CN default). */
import type { Lang } from "../policy";

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
  | "out_not_xlsx"
  | "out_dir_missing"
  | "write_failed"
  | "report_unavailable"
  | "validation_unavailable"
  | "table_error"
  | "internal";

type Table = Record<CliMsg, (p: Record<string, string | number>) => string>;

const zh: Table = {
  usage: () =>
    [
      "用法：npm run cz -- <命令> [参数] [选项]",
      "",
      "命令：",
      "  calc <项目> [金额] [等级] [日期]   计算奖补金额（与 =CZ.SUBSIDY 相同）；省略的参数写 - 或 \"\"",
      "  programs                          列出政策目录（代码、中文名、条款、规则、承担）",
      "  validate <文件.xlsx>               校验申报表",
      "      [--sheet 工作表名] [--out 报告.xlsx]",
      "  report <文件.xlsx> --out <报告.xlsx>  生成结果表、汇总表和行动计划进度",
      "",
      "选项：",
      "  --json        输出 JSON",
      "  --lang en     英文输出（默认中文）",
      "  -h, --help    显示本帮助",
      "",
      "退出码：0 正常/无错误；1 发现错误；2 输入无法使用",
      "示例：npm run cz -- calc equipment_network 800000",
      "      npm run cz -- calc dx_assessment - 5A",
    ].join("\n"),
  unknown_command: (p) => `未知命令“${p.name}”，可用命令：calc、programs、validate、report（--help 查看用法）`,
  unknown_option: (p) => `未知选项“${p.name}”（--help 查看用法）`,
  option_needs_value: (p) => `选项 ${p.name} 需要一个值`,
  bad_lang: (p) => `不支持的语言“${p.name}”，请用 zh 或 en`,
  too_many_args: (p) => `${p.cmd} 的参数过多：“${p.extra}”（--help 查看用法）`,
  missing_program: () => "缺少项目类别：npm run cz -- calc <项目代码或中文名> [金额] [等级] [日期]",
  missing_file: (p) => `缺少文件：npm run cz -- ${p.cmd} <文件.xlsx>`,
  missing_out: () => "缺少输出文件：npm run cz -- report <申报表.xlsx> --out <报告.xlsx>",
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
  too_many_cells: (p) => `工作表过大（超过 ${p.limit} 个单元格），已停止读取`,
  unreadable: (p) => `无法读取该 .xlsx 文件（文件结构损坏）：${p.path}`,
  no_sheets: (p) => `工作簿中没有工作表：${p.path}`,
  unknown_sheet: (p) => `找不到工作表“${p.name}”，现有工作表：${p.list}`,
  empty_sheet: (p) => `工作表“${p.name}”是空的，没有可校验的数据`,
  no_header: (p) => `工作表“${p.name}”中找不到可识别的表头行（需要如“企业名称”“项目类别”“申报金额（元）”等列名）`,
  no_header_merged: (p) => `工作表“${p.name}”中找不到可识别的表头行：表头含合并单元格（${p.cells}），请取消合并、每列一个列名后重试`,
  out_is_input: () => "输出文件不能与输入文件相同（不会覆盖原始申报表），请用 --out 指定另一个文件",
  out_not_xlsx: (p) => `输出文件须以 .xlsx 结尾：${p.path}`,
  out_dir_missing: (p) => `输出目录不存在：${p.path}`,
  write_failed: (p) => `写入输出文件失败：${p.reason}`,
  report_unavailable: () => "report 命令暂不可用：报表模块（src/reports/）尚未完成",
  validation_unavailable: () => "validate 暂不可用：校验模块（src/validation/ 的 validateTable）尚未完成",
  table_error: (p) => `工作表“${p.name}”：${p.text}`,
  internal: (p) => `内部错误：${p.reason}`,
};

const en: Table = {
  usage: () =>
    [
      "Usage: npm run cz -- <command> [arguments] [options]",
      "",
      "Commands:",
      "  calc <program> [amount] [level] [date]   the award (same as =CZ.SUBSIDY); write - or \"\" for an omitted argument",
      "  programs                                 list the catalogue (code, name, clause, rule, paid by)",
      "  validate <file.xlsx>                     check an application table",
      "      [--sheet NAME] [--out report.xlsx]",
      "  report <file.xlsx> --out <report.xlsx>   results table, summary tables and Action-Plan progress",
      "",
      "Options:",
      "  --json        JSON output",
      "  --lang en     English output (default Chinese)",
      "  -h, --help    this help",
      "",
      "Exit codes: 0 fine / no errors; 1 errors found; 2 unusable input",
      "Examples: npm run cz -- calc equipment_network 800000",
      "          npm run cz -- calc dx_assessment - 5A",
    ].join("\n"),
  unknown_command: (p) => `Unknown command "${p.name}"; commands: calc, programs, validate, report (see --help)`,
  unknown_option: (p) => `Unknown option "${p.name}" (see --help)`,
  option_needs_value: (p) => `Option ${p.name} needs a value`,
  bad_lang: (p) => `Unsupported language "${p.name}": use zh or en`,
  too_many_args: (p) => `Too many arguments for ${p.cmd}: "${p.extra}" (see --help)`,
  missing_program: () => "Missing program: npm run cz -- calc <code or Chinese name> [amount] [level] [date]",
  missing_file: (p) => `Missing file: npm run cz -- ${p.cmd} <file.xlsx>`,
  missing_out: () => "Missing output file: npm run cz -- report <applications.xlsx> --out <report.xlsx>",
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
  too_many_cells: (p) => `The sheet is too large (more than ${p.limit} cells); reading stopped`,
  unreadable: (p) => `Cannot read this .xlsx file (damaged structure): ${p.path}`,
  no_sheets: (p) => `The workbook has no worksheets: ${p.path}`,
  unknown_sheet: (p) => `No sheet named "${p.name}"; sheets: ${p.list}`,
  empty_sheet: (p) => `Sheet "${p.name}" is empty: nothing to check`,
  no_header: (p) => `No recognisable header row in sheet "${p.name}" (expected column names such as 企业名称, 项目类别, 申报金额（元）)`,
  no_header_merged: (p) => `No recognisable header row in sheet "${p.name}": the header has merged cells (${p.cells}); unmerge them so each column has one name`,
  out_is_input: () => "The output file must differ from the input (the application table is never overwritten): give another --out",
  out_not_xlsx: (p) => `The output file must end in .xlsx: ${p.path}`,
  out_dir_missing: (p) => `The output folder does not exist: ${p.path}`,
  write_failed: (p) => `Could not write the output file: ${p.reason}`,
  report_unavailable: () => "The report command is not available yet: the report module (src/reports/) is not finished",
  validation_unavailable: () => "validate is not available yet: the validation module (validateTable in src/validation/) is not finished",
  table_error: (p) => `Sheet "${p.name}": ${p.textEn ?? p.text}`,
  internal: (p) => `Internal error: ${p.reason}`,
};

export const CLI_MESSAGES: Record<Lang, Table> = { zh, en };

export function cliMessage(lang: Lang, key: CliMsg, params: Record<string, string | number> = {}): string {
  return CLI_MESSAGES[lang][key](params);
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
