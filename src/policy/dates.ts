/**
 * Dates: Excel serials, ISO text and common Chinese forms, all reduced to an ISO day
 * "YYYY-MM-DD" (which compares correctly as a string).
 */

export type DateParse = { ok: true; iso: string; omitted?: false } | { ok: true; omitted: true } | { ok: false };

const DAY_MS = 86400000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoFromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Excel 1900 date system serial → ISO day. Serial 60 (the fictitious 1900-02-29) is rejected. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null; // up to 9999-12-31
  const day = Math.floor(serial);
  if (day === 60) return null;
  const adjusted = day < 60 ? day + 1 : day;
  return isoFromUtc(EXCEL_EPOCH + adjusted * DAY_MS);
}

/** ISO day → Excel serial. */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  const days = Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / DAY_MS);
  return days <= 60 ? days - 1 : days;
}

function validYmd(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, m - 1, d);
  const dt = new Date(ms);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return isoFromUtc(ms);
}

/**
 * Read a date argument. `null`, `undefined`, `""` and `0` (what Excel desktop passes for an
 * empty cell) mean "omitted". Numbers are Excel serials; a JS Date (from ExcelJS) is taken as
 * its UTC day; text may be 2022-03-01, 2022/3/1, 2022.3.1, 2022年3月1日, 20220301 or a serial.
 */
export function parseDate(value: unknown): DateParse {
  if (value === null || value === undefined || value === "" || value === 0) return { ok: true, omitted: true };
  if (typeof value === "number") {
    const iso = serialToIso(value);
    return iso ? { ok: true, iso } : { ok: false };
  }
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isFinite(t) ? { ok: true, iso: isoFromUtc(t) } : { ok: false };
  }
  if (typeof value !== "string") return { ok: false };
  const text = value.normalize("NFKC").trim();
  if (text === "") return { ok: true, omitted: true };
  if (text.length > 40) return { ok: false };
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/.exec(text);
  if (m) {
    const iso = validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { ok: true, iso } : { ok: false };
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) {
    const iso = validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { ok: true, iso } : { ok: false };
  }
  if (/^\d{1,7}(\.\d+)?$/.test(text)) {
    const iso = serialToIso(Number(text));
    return iso ? { ok: true, iso } : { ok: false };
  }
  return { ok: false };
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export function withinIso(iso: string, from: string, to: string): boolean {
  return iso >= from && iso <= to;
}
