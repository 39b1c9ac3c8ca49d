/** `calc` and `programs`: the CLI face of the policy core. */
import { calculate, errorMessage, explain, fenToYuan, programTable, type Lang, type PolicySet } from "../policy";
import { excelArg } from "./args";
import { CliError, cliText } from "./messages";
import { renderTable } from "./text-table";

export interface CalcJson {
  program: string;
  total: number;
  city: number;
  beneficiary: number;
  explanation: string;
}

/** Thrown for a policy error (unknown program, bad amount …): the message is the core's own. */
export class PolicyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PolicyInputError";
  }
}

/** Compute one case from CLI words. Returns the JSON shape; throws PolicyInputError for bad input. */
export function calcCase(args: string[], lang: Lang, policy: PolicySet): CalcJson {
  if (args.length === 0 || excelArg(args[0]) === null) throw new CliError("missing_program");
  if (args.length > 4) throw new CliError("too_many_args", { cmd: "calc", extra: args.slice(4).join(" ") });
  const outcome = calculate({
    program: excelArg(args[0]),
    amount: excelArg(args[1]),
    level: excelArg(args[2], { bools: true }),
    date: excelArg(args[3]),
  }, policy);
  if (!outcome.ok) throw new PolicyInputError(errorMessage(outcome.error, lang));
  const r = outcome.result;
  return { program: r.program.code, total: fenToYuan(r.total), city: fenToYuan(r.city), beneficiary: fenToYuan(r.beneficiary), explanation: explain(r, lang) };
}

export function runCalc(args: string[], json: boolean, lang: Lang, print: (s: string) => void, policy: PolicySet): number {
  const c = calcCase(args, lang, policy);
  if (json) print(JSON.stringify(c));
  else print(String(c.total));
  return 0;
}

export function runPrograms(json: boolean, lang: Lang, print: (s: string) => void, policy: PolicySet): number {
  const cat = policy.fallback;
  const table = programTable(cat, lang);
  if (json) {
    const keys = ["code", "name", "section", "rule", "rate", "cap", "threshold", "payer"];
    const rows = table.slice(1).map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] === "" ? null : r[i]])));
    print(JSON.stringify({ catalogue: cat.id, programs: rows }));
    return 0;
  }
  // code, 中文名, 条款, 规则, 承担 (the rate/cap/threshold are inside the rule text), the header row included.
  const pick = (r: (string | number)[]) => [r[0], r[1], r[2], r[3], r[7]].map((x) => String(x));
  const rows = table.map(pick);
  const title = cliText(lang, "programs_title", { title: cat.title[lang], from: cat.validFrom, to: cat.validTo });
  print(title + "\n\n" + renderTable(rows));
  return 0;
}
