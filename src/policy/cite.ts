/** Citations as the Policy is structured: part (一…八) and item; it has no 第X条. */
import type { Lang } from "./messages";
import type { Citation } from "./types";

const PART_EN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8 };

/** "政策第二部分第1项（加快工业设备网络化技术改造）" / "Policy part 2, item 1 (…)"; the closing provisions: "政策结尾部分（…）". */
export function citeText(c: Citation, lang: Lang = "zh"): string {
  if (c.part === "结尾") return lang === "zh" ? `政策结尾部分（${c.title}）` : `Policy, closing provisions (${c.titleEn})`;
  return lang === "zh" ? `政策第${c.part}部分第${c.item}项（${c.title}）` : `Policy part ${PART_EN[c.part]}, item ${c.item} (${c.titleEn})`;
}

/** "政策第二部分第1项" without the title (table cells). */
export function citeShort(c: Citation, lang: Lang = "zh"): string {
  if (c.part === "结尾") return lang === "zh" ? "政策结尾部分" : "Policy, closing provisions";
  return lang === "zh" ? `政策第${c.part}部分第${c.item}项` : `Policy part ${PART_EN[c.part]}, item ${c.item}`;
}
