/** Names and addresses the report builders need before writing into a workbook. */
import type { SheetSpec, WorkbookHost } from "../../host/types";
import { uniqueTableName } from "../../sheet/names";
import { parseA1 } from "../../sheet/a1";

/** Give every table of a sheet spec a workbook-unique name (Excel rejects a duplicate); `taken` grows. */
export function withUniqueTables(spec: SheetSpec, taken: string[]): SheetSpec {
  const pick = (name: string | undefined) => {
    if (!name) return name;
    const n = uniqueTableName(name, taken);
    taken.push(n);
    return n;
  };
  return { ...spec, tableName: pick(spec.tableName), blocks: spec.blocks?.map((b) => ({ ...b, tableName: pick(b.tableName) })) };
}

/** Excel row number and 0-based column of the first cell of "A7:M53" (a sheet prefix dropped). */
export function topLeft(address: string): { row: number; col: number } | null {
  return parseA1(address.replace(/^.*!/, "").split(":")[0]);
}

export async function tableNames(host: WorkbookHost): Promise<string[]> {
  return (await host.listTables()).map((x) => x.name);
}
