/** `report <applications.xlsx> --out <report.xlsx>`: wired to src/reports/ once it exists. */
import type { ParsedArgs } from "./args";
import type { Io } from "./index";
import { CliError } from "./messages";

export async function runReport(args: ParsedArgs, _io: Io): Promise<number> {
  if (!args.positional[0]) throw new CliError("missing_file", { cmd: "report" });
  if (!args.out) throw new CliError("missing_out");
  throw new CliError("report_unavailable");
}
