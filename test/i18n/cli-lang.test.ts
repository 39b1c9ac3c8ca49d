/** The CLI's language, in process: `--lang` first, then LC_ALL / LC_MESSAGES / LANG of the environment passed to main(). */
import { parseArgs, peekLang } from "../../src/cli/args";
import { main } from "../../src/cli/index";

async function run(argv: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, undefined, env);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

test("--lang wins over the fallback in either direction; the fallback applies without it", () => {
  expect(peekLang(["calc", "x"], "en")).toBe("en");
  expect(peekLang(["calc", "x"])).toBe("zh");
  expect(peekLang(["calc", "--lang", "zh"], "en")).toBe("zh");
  expect(peekLang(["calc", "--lang=zh-CN"], "en")).toBe("zh");
  expect(peekLang(["calc", "--lang", "en"], "zh")).toBe("en");
  expect(peekLang(["calc", "--", "--lang", "en"], "zh")).toBe("zh"); // after --, a positional
  expect(parseArgs(["programs"], "en").lang).toBe("en");
  expect(parseArgs(["programs", "--lang", "zh"], "en").lang).toBe("zh");
});

test("main() takes its language from the environment it is given", async () => {
  const en = await run(["calc", "nope"], { LANG: "en_US.UTF-8" });
  expect(en.code).toBe(2);
  expect(en.err).toMatch(/^Unknown program "nope"/);
  const zh = await run(["calc", "nope"], { LANG: "zh_CN.UTF-8" });
  expect(zh.err).toMatch(/^未知项目“nope”/);
  expect((await run(["calc", "nope"], {})).err).toMatch(/^未知项目/);
  expect((await run(["calc", "nope"], { LANG: "C.UTF-8" })).err).toMatch(/^未知项目/);
  expect((await run(["calc", "nope", "--lang", "zh"], { LC_ALL: "en_GB.UTF-8" })).err).toMatch(/^未知项目/);
  // Option errors are worded in the environment's language too (the language is looked up first).
  expect((await run(["calc", "--nope"], { LC_MESSAGES: "en_US" })).err).toBe('Unknown option "--nope" (see --help)');
  expect((await run(["--help"], { LANG: "en_US.UTF-8" })).out).toMatch(/^Usage: cz-subsidy/);
  expect((await run(["help", "validate"], { LANG: "en_US.UTF-8" })).out).toMatch(/^Usage: cz-subsidy validate/);
});
