/**
 * A small evaluator for the subset of Excel formula syntax the add-in generates (native-formula
 * export, the progress sheet's 完成率). Test-only. No well-kept, permissively licensed formula
 * engine is installed (hyperformula is GPL-3/commercial), so this models Excel's documented
 * behaviour closely for exactly what we emit:
 *
 * - values: number, text, TRUE/FALSE, blank (an empty cell), error values, array constants {…};
 * - operators: unary ±, %, * /, + -, &, = <> < > <= >= (precedence as Excel: comparison lowest);
 * - a blank cell is 0 in arithmetic and equals "", 0 and FALSE in comparisons;
 * - comparing different types never errors: numbers < text < logicals; text ignores case;
 *   numbers compare on their 15-significant-digit values (Excel's precision);
 * - ROUND rounds half away from zero on the 15-significant-digit decimal value of its argument
 *   (so ROUND(1000000.05*30%,2) = 300000.02 and ROUND(2.675,2) = 2.68, as Excel shows);
 * - IF is lazy; AND/OR evaluate every argument and return the first error; a comparison with an
 *   array constant gives an array that AND/OR/SUMPRODUCT walk;
 * - functions: IF, AND, OR, NOT, MIN, MAX, ROUND, INT, ISNUMBER, ISLOGICAL, ISBLANK, TRIM, SUBSTITUTE, UPPER,
 *   DATE, NA, SUMPRODUCT, CHOOSE, MATCH (exact). Anything else is #NAME?.
 */

export class XErr {
  constructor(readonly code: "#N/A" | "#VALUE!" | "#DIV/0!" | "#NAME?" | "#NUM!" | "#REF!") {}
  toString(): string {
    return this.code;
  }
}

export type Scalar = number | string | boolean | null | XErr;
export type XValue = Scalar | Scalar[][];

type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "ref"; v: string }
  | { t: "arr"; v: Scalar[][] }
  | { t: "call"; name: string; args: (Node | null)[] }
  | { t: "un"; op: string; a: Node }
  | { t: "bin"; op: string; a: Node; b: Node };

// ---------------------------------------------------------------------------------------------
// Tokenizer and parser.

type Tok = { k: "num" | "str" | "name" | "ref" | "op" | "("  | ")" | "," | "{" | "}" | ";"; v: string };

const REF_RE = /^(?:(?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6}(?![\w(])/;

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new Error("unterminated string");
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ k: "str", v: s });
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/i.exec(src.slice(i));
    if (num) {
      out.push({ k: "num", v: num[0] });
      i += num[0].length;
      continue;
    }
    const ref = REF_RE.exec(src.slice(i));
    if (ref) {
      out.push({ k: "ref", v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (name) {
      out.push({ k: "name", v: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      out.push({ k: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>%".includes(c)) {
      out.push({ k: "op", v: c });
      i++;
      continue;
    }
    if ("(),{};".includes(c)) {
      out.push({ k: c as Tok["k"], v: c });
      i++;
      continue;
    }
    throw new Error(`unexpected character ${c} at ${i}`);
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}
  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private next(): Tok {
    const t = this.toks[this.i++];
    if (!t) throw new Error("unexpected end");
    return t;
  }
  private expect(k: Tok["k"]): void {
    const t = this.next();
    if (t.k !== k) throw new Error(`expected ${k}, got ${t.v}`);
  }
  parse(): Node {
    const n = this.comparison();
    if (this.i !== this.toks.length) throw new Error(`trailing ${this.toks[this.i].v}`);
    return n;
  }
  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return !!t && t.k === "op" && ops.includes(t.v);
  }
  private comparison(): Node {
    let a = this.concat();
    while (this.isOp("=", "<>", "<", ">", "<=", ">=")) {
      const op = this.next().v;
      a = { t: "bin", op, a, b: this.concat() };
    }
    return a;
  }
  private concat(): Node {
    let a = this.additive();
    while (this.isOp("&")) {
      this.next();
      a = { t: "bin", op: "&", a, b: this.additive() };
    }
    return a;
  }
  private additive(): Node {
    let a = this.multiplicative();
    while (this.isOp("+", "-")) {
      const op = this.next().v;
      a = { t: "bin", op, a, b: this.multiplicative() };
    }
    return a;
  }
  private multiplicative(): Node {
    let a = this.power();
    while (this.isOp("*", "/")) {
      const op = this.next().v;
      a = { t: "bin", op, a, b: this.power() };
    }
    return a;
  }
  private power(): Node {
    let a = this.percent();
    while (this.isOp("^")) {
      this.next();
      a = { t: "bin", op: "^", a, b: this.percent() };
    }
    return a;
  }
  private percent(): Node {
    let a = this.unary();
    while (this.isOp("%")) {
      this.next();
      a = { t: "un", op: "%", a };
    }
    return a;
  }
  private unary(): Node {
    if (this.isOp("-", "+")) {
      const op = this.next().v;
      return { t: "un", op, a: this.unary() };
    }
    return this.primary();
  }
  private primary(): Node {
    const t = this.next();
    switch (t.k) {
      case "num":
        return { t: "num", v: Number(t.v) };
      case "str":
        return { t: "str", v: t.v };
      case "ref":
        return { t: "ref", v: t.v };
      case "(": {
        const n = this.comparison();
        this.expect(")");
        return n;
      }
      case "{":
        return { t: "arr", v: this.arrayConst() };
      case "name": {
        if ((t.v === "TRUE" || t.v === "FALSE") && this.peek()?.k !== "(") return { t: "bool", v: t.v === "TRUE" };
        this.expect("(");
        const args: (Node | null)[] = [];
        if (this.peek()?.k === ")") {
          this.next();
          return { t: "call", name: t.v, args };
        }
        for (;;) {
          const p = this.peek();
          if (p && (p.k === "," || p.k === ")")) args.push(null);
          else args.push(this.comparison());
          const sep = this.next();
          if (sep.k === ")") break;
          if (sep.k !== ",") throw new Error(`expected , or ) got ${sep.v}`);
        }
        return { t: "call", name: t.v, args };
      }
      default:
        throw new Error(`unexpected ${t.v}`);
    }
  }
  private arrayConst(): Scalar[][] {
    const rows: Scalar[][] = [[]];
    for (;;) {
      const t = this.next();
      let v: Scalar;
      if (t.k === "str") v = t.v;
      else if (t.k === "num") v = Number(t.v);
      else if (t.k === "op" && t.v === "-") v = -Number(this.next().v);
      else if (t.k === "name" && (t.v === "TRUE" || t.v === "FALSE")) v = t.v === "TRUE";
      else throw new Error(`bad array element ${t.v}`);
      rows[rows.length - 1].push(v);
      const sep = this.next();
      if (sep.k === "}") break;
      if (sep.k === ";") rows.push([]);
      else if (sep.k !== ",") throw new Error(`bad array separator ${sep.v}`);
    }
    return rows;
  }
}

export function parseFormula(formula: string): Node {
  return new Parser(tokenize(formula.replace(/^=/, ""))).parse();
}

// ---------------------------------------------------------------------------------------------
// Values.

const isErr = (v: unknown): v is XErr => v instanceof XErr;
const isArr = (v: XValue): v is Scalar[][] => Array.isArray(v);

/** x at 15 significant digits, as Excel holds it for display and comparison. */
export function to15(x: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(15));
}

/** Excel's ROUND: half away from zero, on the 15-significant-digit decimal value. */
export function excelRound(x: number, n: number): number {
  if (x === 0) return 0;
  const neg = x < 0;
  const [mant, expPart] = Math.abs(x).toExponential(14).split("e");
  const digits = BigInt(mant.replace(".", ""));
  const shift = Number(expPart) - 14 + n; // |x| * 10^n = digits * 10^shift
  let k: bigint;
  if (shift >= 0) k = digits * 10n ** BigInt(shift);
  else {
    const div = 10n ** BigInt(-shift);
    k = digits / div;
    if (2n * (digits % div) >= div) k += 1n;
  }
  const r = Number(`${k}e${-n}`);
  return neg ? -r : r;
}

function toNum(v: Scalar): number | XErr {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = v.trim();
  if (t !== "" && Number.isFinite(Number(t))) return Number(t);
  return new XErr("#VALUE!");
}

function numText(n: number): string {
  const s = String(to15(n));
  return s;
}

function toText(v: Scalar): string | XErr {
  if (isErr(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return numText(v);
  return v;
}

function toBool(v: Scalar): boolean | XErr {
  if (isErr(v)) return v;
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const u = v.toUpperCase();
  if (u === "TRUE") return true;
  if (u === "FALSE") return false;
  return new XErr("#VALUE!");
}

const rank = (v: number | string | boolean) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);

function compareScalars(a: Scalar, b: Scalar): number | XErr {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === "number" ? 0 : typeof b === "string" ? "" : false;
  if (b === null) b = typeof a === "number" ? 0 : typeof a === "string" ? "" : false;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "number") {
    const x = to15(a);
    const y = to15(b as number);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === "string") {
    const x = a.toUpperCase();
    const y = (b as string).toUpperCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a === b ? 0 : a ? 1 : -1;
}

function broadcast(a: XValue, b: XValue, f: (x: Scalar, y: Scalar) => Scalar): XValue {
  if (!isArr(a) && !isArr(b)) return f(a, b);
  const A = isArr(a) ? a : [[a]];
  const B = isArr(b) ? b : [[b]];
  const rows = Math.max(A.length, B.length);
  const cols = Math.max(A[0].length, B[0].length);
  const at = (M: Scalar[][], r: number, c: number): Scalar => {
    const row = M.length === 1 ? M[0] : M[r];
    if (!row) return new XErr("#N/A");
    const v = row.length === 1 ? row[0] : row[c];
    return v === undefined ? new XErr("#N/A") : v;
  };
  const out: Scalar[][] = [];
  for (let r = 0; r < rows; r++) {
    out.push([]);
    for (let c = 0; c < cols; c++) out[r].push(f(at(A, r, c), at(B, r, c)));
  }
  return out;
}

function arith(op: string, x: Scalar, y: Scalar): Scalar {
  if (op === "&") {
    const s = toText(x);
    const t = toText(y);
    if (isErr(s)) return s;
    if (isErr(t)) return t;
    return s + t;
  }
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const c = compareScalars(x, y);
    if (isErr(c)) return c;
    return op === "=" ? c === 0 : op === "<>" ? c !== 0 : op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
  }
  const a = toNum(x);
  const b = toNum(y);
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return b === 0 ? new XErr("#DIV/0!") : a / b;
    case "^":
      return Math.pow(a, b);
  }
  return new XErr("#NAME?");
}

/** Cell values by reference ("C2"; "$" and sheet names are ignored). Missing cells are blank. */
export type Cells = Record<string, Scalar | undefined>;

const refKey = (ref: string) => ref.replace(/^.*!/, "").replace(/\$/g, "").toUpperCase();

/** Every scalar of a value, for AND/OR/MIN/MAX; `direct` marks arguments that were not refs/arrays. */
function flatten(v: XValue): Scalar[] {
  return isArr(v) ? v.flat() : [v];
}

const EPOCH = Date.UTC(1899, 11, 30);

function dateSerial(y: number, m: number, d: number): number {
  if (y < 1900) y += 1900;
  const ms = Date.UTC(y, m - 1, d);
  let s = Math.round((ms - EPOCH) / 86400000);
  if (s <= 60) s -= 1; // Excel counts the fictitious 1900-02-29 (serial 60)
  return s;
}

export interface EvalOptions {
  /**
   * Model LibreOffice 7.4's handling of logical cells (TOOLCHAIN.md): a TRUE/FALSE cell reads as
   * the number 1/0 everywhere (ISNUMBER(FALSE) is TRUE, FALSE=0 is TRUE, TRIM(FALSE) is "0",
   * SUBSTITUTE(TRUE," ","") is "1"), except that ISLOGICAL still recognises it.
   */
  libreoffice?: boolean;
}

export class Evaluator {
  constructor(private readonly cells: Cells, private readonly options: EvalOptions = {}) {}

  evaluate(formula: string | Node): XValue {
    const node = typeof formula === "string" ? parseFormula(formula) : formula;
    return this.ev(node);
  }

  private scalar(n: Node | null): Scalar {
    if (n === null) return null;
    const v = this.ev(n);
    if (isArr(v)) return v[0][0];
    return v;
  }

  private ev(n: Node): XValue {
    switch (n.t) {
      case "num":
        return n.v;
      case "str":
        return n.v;
      case "bool":
        return n.v;
      case "arr":
        return n.v;
      case "ref": {
        const v = this.cells[refKey(n.v)];
        if (this.options.libreoffice && typeof v === "boolean") return v ? 1 : 0;
        return v === undefined ? null : v;
      }
      case "un": {
        const a = this.ev(n.a);
        const f = (x: Scalar): Scalar => {
          const v = toNum(x);
          if (isErr(v)) return v;
          return n.op === "-" ? -v : n.op === "%" ? v / 100 : v;
        };
        return isArr(a) ? a.map((r) => r.map(f)) : f(a);
      }
      case "bin":
        return broadcast(this.ev(n.a), this.ev(n.b), (x, y) => arith(n.op, x, y));
      case "call":
        return this.call(n.name, n.args);
    }
  }

  private call(name: string, args: (Node | null)[]): XValue {
    const num = (i: number): number | XErr => toNum(this.scalar(args[i] ?? null));
    switch (name) {
      case "IF": {
        const c = toBool(this.scalar(args[0]));
        if (isErr(c)) return c;
        if (c) return args[1] ? this.ev(args[1]) : 0;
        return args.length > 2 ? (args[2] ? this.ev(args[2]) : 0) : false;
      }
      case "AND":
      case "OR": {
        let seen = 0;
        let acc = name === "AND";
        for (const a of args) {
          if (a === null) continue;
          const v = this.ev(a);
          const viaRef = a.t === "ref" || isArr(v);
          for (const s of flatten(v)) {
            if (isErr(s)) return s;
            if (typeof s === "string") {
              if (viaRef) continue;
              const b = toBool(s);
              if (isErr(b)) return b;
              seen++;
              acc = name === "AND" ? acc && b : acc || b;
              continue;
            }
            if (s === null) continue;
            const b = typeof s === "boolean" ? s : s !== 0;
            seen++;
            acc = name === "AND" ? acc && b : acc || b;
          }
        }
        return seen === 0 ? new XErr("#VALUE!") : acc;
      }
      case "NOT": {
        const b = toBool(this.scalar(args[0]));
        return isErr(b) ? b : !b;
      }
      case "MIN":
      case "MAX": {
        const xs: number[] = [];
        for (const a of args) {
          if (a === null) {
            xs.push(0);
            continue;
          }
          const v = this.ev(a);
          if (a.t === "ref" || isArr(v)) {
            for (const s of flatten(v)) {
              if (isErr(s)) return s;
              if (typeof s === "number") xs.push(s);
            }
          } else {
            const x = toNum(v);
            if (isErr(x)) return x;
            xs.push(x);
          }
        }
        if (xs.length === 0) return 0;
        return name === "MIN" ? Math.min(...xs) : Math.max(...xs);
      }
      case "ROUND": {
        const x = num(0);
        const d = num(1);
        if (isErr(x)) return x;
        if (isErr(d)) return d;
        return excelRound(x, Math.trunc(d));
      }
      case "INT": {
        const x = num(0);
        return isErr(x) ? x : Math.floor(x);
      }
      case "ISNUMBER":
        return typeof this.scalar(args[0]) === "number";
      case "ISLOGICAL": {
        const a = args[0];
        if (this.options.libreoffice && a && a.t === "ref") return typeof this.cells[refKey(a.v)] === "boolean";
        return typeof this.scalar(a) === "boolean";
      }
      case "ISBLANK":
        return args[0]?.t === "ref" && this.scalar(args[0]) === null;
      case "TRIM": {
        const s = toText(this.scalar(args[0]));
        return isErr(s) ? s : s.replace(/ +/g, " ").replace(/^ | $/g, "");
      }
      case "UPPER": {
        const s = toText(this.scalar(args[0]));
        return isErr(s) ? s : s.toUpperCase();
      }
      case "SUBSTITUTE": {
        const s = toText(this.scalar(args[0]));
        const o = toText(this.scalar(args[1]));
        const r = toText(this.scalar(args[2]));
        if (isErr(s)) return s;
        if (isErr(o)) return o;
        if (isErr(r)) return r;
        return o === "" ? s : s.split(o).join(r);
      }
      case "DATE": {
        const y = num(0);
        const m = num(1);
        const d = num(2);
        if (isErr(y)) return y;
        if (isErr(m)) return m;
        if (isErr(d)) return d;
        return dateSerial(Math.trunc(y), Math.trunc(m), Math.trunc(d));
      }
      case "NA":
        return new XErr("#N/A");
      case "SUMPRODUCT": {
        const arrays = args.map((a) => (a ? this.ev(a) : null)).map((v) => (v === null ? [[0]] : isArr(v) ? v : [[v]]));
        let sum = 0;
        const len = arrays[0].flat().length;
        for (let i = 0; i < len; i++) {
          let p = 1;
          for (const A of arrays) {
            const s = A.flat()[i];
            if (isErr(s)) return s;
            p *= typeof s === "number" ? s : typeof s === "boolean" ? 0 : 0;
          }
          sum += p;
        }
        return sum;
      }
      case "CHOOSE": {
        const i = num(0);
        if (isErr(i)) return i;
        const k = Math.trunc(i);
        if (k < 1 || k >= args.length) return new XErr("#VALUE!");
        return args[k] ? this.ev(args[k]) : 0;
      }
      case "MATCH": {
        const v = this.scalar(args[0]);
        if (isErr(v)) return v;
        const list = flatten(args[1] ? this.ev(args[1]) : null);
        for (let i = 0; i < list.length; i++) if (compareScalars(v, list[i]) === 0) return i + 1;
        return new XErr("#N/A");
      }
      default:
        return new XErr("#NAME?");
    }
  }
}

/** Evaluate a formula against some cells. */
export function evaluate(formula: string, cells: Cells = {}, options: EvalOptions = {}): XValue {
  return new Evaluator(cells, options).evaluate(formula);
}

/** The function names a formula calls. */
export function functionsUsed(formula: string): Set<string> {
  const out = new Set<string>();
  const walk = (n: Node | null) => {
    if (!n) return;
    if (n.t === "call") {
      out.add(n.name);
      n.args.forEach(walk);
    } else if (n.t === "un") walk(n.a);
    else if (n.t === "bin") {
      walk(n.a);
      walk(n.b);
    }
  };
  walk(parseFormula(formula));
  return out;
}

/** Maximum nesting depth of function calls (Excel allows 64). */
export function nestingDepth(formula: string): number {
  const walk = (n: Node | null): number => {
    if (!n) return 0;
    if (n.t === "call") return 1 + Math.max(0, ...n.args.map(walk));
    if (n.t === "un") return walk(n.a);
    if (n.t === "bin") return Math.max(walk(n.a), walk(n.b));
    return 0;
  };
  return walk(parseFormula(formula));
}
