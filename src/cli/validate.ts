import type { ParsedArgs } from "./args";
import type { Io } from "./index";
export async function runValidate(_args: ParsedArgs, _io: Io): Promise<number> { return 2; }
