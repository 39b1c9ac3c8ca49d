/** Citations as the Policy is structured: part (一…八) and item; it has no 第X条. */
import { defineMessages, type Lang } from "../i18n";
import type { Citation } from "./types";

const PART_NO: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8 };

/** {part}: 一…八 (zh), {partNo}: 1…8 (en); {title} / {titleEn}: the item's title after the short form {short}. */
const text = /* @__PURE__ */ defineMessages(
  "cite",
  { item: "政策第{part}部分第{item}项", closing: "政策结尾部分", titled: "{short}（{title}）" },
  { item: "Policy part {partNo}, item {item}", closing: "Policy, closing provisions", titled: "{short} ({titleEn})" },
);

/** "政策第二部分第1项（加快工业设备网络化技术改造）" / "Policy part 2, item 1 (…)"; the closing provisions: "政策结尾部分（…）". */
export function citeText(c: Citation, lang: Lang = "zh"): string {
  return text(lang, "titled", { short: citeShort(c, lang), title: c.title, titleEn: c.titleEn });
}

/** "政策第二部分第1项" without the title (table cells). */
export function citeShort(c: Citation, lang: Lang = "zh"): string {
  return c.part === "结尾" ? text(lang, "closing") : text(lang, "item", { part: c.part, partNo: PART_NO[c.part], item: c.item });
}
