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

const pad2 = (n: number) => (n < 10 ? "0" + n : String(n));

/** Days since 1970-01-01 → "YYYY-MM-DD", by arithmetic (no Date object: this is on the hot path). */
function isoFromDays(z: number): string {
  // Howard Hinnant's civil_from_days.
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

const EPOCH_DAYS = Math.round(EXCEL_EPOCH / DAY_MS); // 1899-12-30 in days since 1970-01-01

/** Excel 1900 date system serial → ISO day. Serial 60 (the fictitious 1900-02-29) is rejected. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null; // up to 9999-12-31
  const day = Math.floor(serial);
  if (day === 60) return null;
  const adjusted = day < 60 ? day + 1 : day;
  return isoFromDays(EPOCH_DAYS + adjusted);
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
