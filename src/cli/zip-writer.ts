/**
 * A small synchronous zip writer for the CLI's .xlsx output: entries are deflated in pieces as
 * they are written (each piece a sync-flushed deflate run, so memory holds one piece, never the
 * whole part), or copied byte for byte from another zip (the user's own parts: nothing is
 * decoded or re-encoded, so nothing can change). No zip64: outputs stay far below 4 GB.
 */
import * as fs from "fs";
import * as zlib from "zlib";

const PIECE = 1 << 20;

interface Central {
  name: Buffer;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressed: number;
  uncompressed: number;
  offset: number;
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export class ZipWriter {
  private pos = 0;
  private readonly central: Central[] = [];
  private open: EntryWriter | null = null;
  private readonly stamp = dosTime(new Date());

  constructor(private readonly fd: number) {}

  private put(buf: Buffer): void {
    let off = 0;
    while (off < buf.length) off += fs.writeSync(this.fd, buf, off, buf.length - off);
    this.pos += buf.length;
  }

  private localHeader(name: Buffer, flags: number, method: number, time: number, date: number, crc: number, csize: number, usize: number): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(flags, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt16LE(time, 10);
    h.writeUInt16LE(date, 12);
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(csize, 18);
    h.writeUInt32LE(usize, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    return Buffer.concat([h, name]);
  }

  /** Start a deflated entry; write to it, then end() it before the next one. */
  entry(name: string): EntryWriter {
    if (this.open) throw new Error(`zip entry ${name} started before the previous one ended`);
    const nameBuf = Buffer.from(name, "utf8");
    const offset = this.pos;
    const flags = 0x0808; // data descriptor follows; UTF-8 name
    this.put(this.localHeader(nameBuf, flags, 8, this.stamp.time, this.stamp.date, 0, 0, 0));
    const w = new EntryWriter((buf) => this.put(buf), (crc, csize, usize) => {
      const d = Buffer.alloc(16);
      d.writeUInt32LE(0x08074b50, 0);
      d.writeUInt32LE(crc >>> 0, 4);
      d.writeUInt32LE(csize, 8);
      d.writeUInt32LE(usize, 12);
      this.put(d);
      this.central.push({ name: nameBuf, flags, method: 8, time: this.stamp.time, date: this.stamp.date, crc, compressed: csize, uncompressed: usize, offset });
      this.open = null;
    });
    this.open = w;
    return w;
  }

  /** A whole entry from a string or buffer. */
  file(name: string, content: string | Buffer): void {
    const w = this.entry(name);
    w.write(content);
    w.end();
  }

  /** Copy an entry of another zip as it is (its compressed bytes, CRC and sizes). */
  copy(srcFd: number, e: { name: string; method: number; crc: number; compressed: number; uncompressed: number; time: number; date: number; flags: number }, dataStart: number): void {
    if (this.open) throw new Error(`zip entry ${e.name} copied while another is open`);
    const nameBuf = Buffer.from(e.name, "utf8");
    const offset = this.pos;
    const flags = e.flags & 0x0800; // keep only the UTF-8 flag: sizes are in the header now
    this.put(this.localHeader(nameBuf, flags, e.method, e.time, e.date, e.crc, e.compressed, e.uncompressed));
    const buf = Buffer.alloc(Math.min(PIECE, Math.max(1, e.compressed)));
    let left = e.compressed;
    let at = dataStart;
    while (left > 0) {
      const n = fs.readSync(srcFd, buf, 0, Math.min(buf.length, left), at);
      if (n <= 0) throw new Error(`short read copying ${e.name}`);
      this.put(n === buf.length ? buf : buf.subarray(0, n));
      left -= n;
      at += n;
    }
    this.central.push({ name: nameBuf, flags, method: e.method, time: e.time, date: e.date, crc: e.crc, compressed: e.compressed, uncompressed: e.uncompressed, offset });
  }

  /** Central directory and end record. */
  finish(): void {
    if (this.open) throw new Error("zip finished with an entry open");
    const start = this.pos;
    for (const c of this.central) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(c.flags, 8);
      h.writeUInt16LE(c.method, 10);
      h.writeUInt16LE(c.time, 12);
      h.writeUInt16LE(c.date, 14);
      h.writeUInt32LE(c.crc >>> 0, 16);
      h.writeUInt32LE(c.compressed, 20);
      h.writeUInt32LE(c.uncompressed, 24);
      h.writeUInt16LE(c.name.length, 28);
      h.writeUInt32LE(c.offset, 42);
      this.put(Buffer.concat([h, c.name]));
    }
    const size = this.pos - start;
    if (this.pos > 0xffffffff || this.central.length > 0xffff) throw new Error("output too large for a zip without zip64");
    const e = Buffer.alloc(22);
    e.writeUInt32LE(0x06054b50, 0);
    e.writeUInt16LE(this.central.length, 8);
    e.writeUInt16LE(this.central.length, 10);
    e.writeUInt32LE(size, 12);
    e.writeUInt32LE(start, 16);
    this.put(e);
  }
}

/** One deflated entry being written: text is buffered up to 1 MB, then deflated and written. */
export class EntryWriter {
  private parts: Buffer[] = [];
  private pending = 0;
  private crc = 0;
  private csize = 0;
  private usize = 0;

  constructor(
    private readonly out: (b: Buffer) => void,
    private readonly done: (crc: number, csize: number, usize: number) => void,
  ) {}

  write(s: string | Buffer): void {
    const b = typeof s === "string" ? Buffer.from(s, "utf8") : s;
    this.parts.push(b);
    this.pending += b.length;
    if (this.pending >= PIECE) this.flush(false);
  }

  private flush(last: boolean): void {
    const b = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.pending);
    this.parts = [];
    this.pending = 0;
    this.crc = zlib.crc32(b, this.crc);
    this.usize += b.length;
    const z = zlib.deflateRawSync(b, { level: 6, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
    this.csize += z.length;
    this.out(z);
  }

  end(): void {
    this.flush(true);
    this.done(this.crc, this.csize, this.usize);
  }
}
