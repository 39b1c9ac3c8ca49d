/**
 * The cz-subsidy command line (built into dist/cli/cz-subsidy.js by scripts/build-cli.js; `npx
 * cz-subsidy …` or `npm run cz -- …`).
 *   calc <program> [amount] [level] [date]   programs   validate <file.xlsx>   report <file.xlsx> --out <report.xlsx>
 * Exit codes: 0 fine / no errors, 1 validation errors found, 2 unusable input (one line on stderr, no stack trace).
 */
import { parseArgs, peekLang, type ParsedArgs } from "./args";
import { PolicyInputError, runCalc, runPrograms } from "./calc";
import { installSignalHandlers, usePrivateTmpDir } from "./cleanup";
import type { Io } from "./io";
import { langFromEnv } from "../i18n";
import { CliError, cliMessage, commandHelp } from "./messages";
import type { PolicySet } from "../policy/types";
// The composition root of the CLI: the shipped catalogues are bound here and passed down.
import { SHIPPED_POLICY } from "../policy/shipped";

// Run when executed directly (the bundle, or tsx src/cli/index.ts …), not when imported by tests.
const isMain = typeof require !== "undefined" && typeof module !== "undefined" && require.main === module;

// Io has a module of its own, so that the commands need not import this file (no import cycle).
export type { Io } from "./io";

const defaultIo: Io = {
  out: (s) => process.stdout.write(s.endsWith("\n") ? s : s + "\n"),
  err: (s) => process.stderr.write(s.endsWith("\n") ? s : s + "\n"),
};

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Run one command; returns the exit code. Never throws. The language is `--lang`, otherwise the
 * locale variables of `env` (LC_ALL, LC_MESSAGES, LANG: English for en_*, zh-CN otherwise).
 */
export async function main(argv: string[], io: Io = defaultIo, policy: PolicySet = SHIPPED_POLICY, env: Env = process.env): Promise<number> {
  let args: ParsedArgs | null = null;
  const envLang = langFromEnv(env);
  const lang = peekLang(argv, envLang);
  try {
    args = parseArgs(argv, envLang);
    const helpFor = args.command === "help" ? args.positional[0] : args.help ? args.command : null;
    const cmdHelp = helpFor ? commandHelp(args.lang, helpFor) : null;
    if (cmdHelp) {
      io.out(cmdHelp);
      return 0;
    }
    if (args.help || args.command === null || args.command === "help") {
      (args.command === null && !args.help ? io.err : io.out)(cliMessage(args.lang, "usage"));
      return args.command === null && !args.help ? 2 : 0;
    }
    const { lang: l, json, positional } = args;
    switch (args.command) {
      case "calc":
        return runCalc(positional, json, l, io.out, policy);
      case "programs":
        if (positional.length) throw new CliError("too_many_args", { cmd: "programs", extra: positional.join(" ") });
        return runPrograms(json, l, io.out, policy);
      // File commands load ExcelJS: imported only when used, so calc/programs start fast.
      case "validate":
        if (isMain) usePrivateTmpDir();
        return await (await import("./validate")).runValidate(args, io, policy);
      case "report":
        if (isMain) usePrivateTmpDir();
        return await (await import("./report")).runReport(args, io, policy);
      case "convert":
        if (isMain) usePrivateTmpDir();
        return await (await import("./convert")).runConvert(args, io, policy);
      default:
        throw new CliError("unknown_command", { name: args.command }, 2, true);
    }
  } catch (e) {
    const l = args?.lang ?? lang;
    if (e instanceof CliError) {
      io.err(oneLine(cliMessage(l, e.key, e.params)));
      // The usage goes to stdout so that stderr stays one line.
      if (e.showUsage) io.out(cliMessage(l, "usage"));
      return e.exit;
    }
    if (e instanceof PolicyInputError) {
      io.err(oneLine(e.message));
      return 2;
    }
    const reason = e instanceof Error ? e.message : String(e);
    io.err(oneLine(cliMessage(l, "internal", { reason })));
    return 2;
  }
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

if (isMain) {
  // Ctrl+C / kill: temporary files removed, exit 130 / 143.
  installSignalHandlers();
  // Last line of defence: no stack trace ever reaches the user.
  const fatal = (e: unknown) => {
    const reason = e instanceof Error ? e.message : String(e);
    process.stderr.write(oneLine(cliMessage(peekLang(process.argv.slice(2), langFromEnv(process.env)), "internal", { reason })) + "\n");
    process.exit(2);
  };
  process.on("uncaughtException", fatal);
  // `… | head` closes the pipe early: that is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  process.on("unhandledRejection", fatal);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => fatal(e),
  );
}
