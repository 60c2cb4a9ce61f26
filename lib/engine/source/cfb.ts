/**
 * The streams of a compound file ([MS-CFB]: the container of Word 97–2003 .doc and of old WPS files),
 * read only. The read side is small and fixed by the specification; a library for it would bring a
 * writer and zip code the engine does not need. Every chain is bounded, so a damaged or hostile file
 * fails with a FileReadError instead of looping.
 */
import { FileReadError } from './file-kind';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const HEADER_DIFAT = 109;
const STREAM = 2;
const ROOT = 5;

export interface CompoundFile {
  /** A stream's bytes by its name (top-level entries; names compare case-insensitively as in [MS-CFB]), or undefined. */
  stream(name: string): Uint8Array | undefined;
}

export function readCompoundFile(bytes: Uint8Array): CompoundFile {
  if (bytes.length < 512 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw damaged('不是复合文档');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : END_OF_CHAIN);
  const shift = view.getUint16(0x1e, true);
  const miniShift = view.getUint16(0x20, true);
  if ((shift !== 9 && shift !== 12) || miniShift !== 6) throw damaged('扇区大小不合规范');
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const sectorAt = (n: number) => (n + 1) * sectorSize;

  // The FAT's own sectors: 109 named in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT; i++) fatSectors.push(u32(0x4c + i * 4));
  for (let d = u32(0x44), hops = 0; d < sectorCount && hops <= sectorCount; hops++) {
    const base = sectorAt(d);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector; i++) fatSectors.push(u32(base + i * 4));
    d = u32(base + perSector * 4);
  }
  const fat: number[] = [];
  for (const s of fatSectors) {
    if (s >= sectorCount) continue;
    for (let i = 0; i < sectorSize / 4; i++) fat.push(u32(sectorAt(s) + i * 4));
  }

  /** The sectors of a chain, in order; bounded by the table's length so that a loop ends. */
  const chain = (start: number, table: readonly number[]): number[] => {
    const out: number[] = [];
    for (let s = start; s !== END_OF_CHAIN && s !== FREE; s = table[s] ?? END_OF_CHAIN) {
      if (s >= table.length || out.length > table.length) throw damaged('扇区链断裂');
      out.push(s);
    }
    return out;
  };
  const readChain = (start: number, size: number): Uint8Array => {
    const sectors = chain(start, fat);
    // A size the chain cannot hold (a damaged entry) is cut to the chain: no buffer beyond the file's own size.
    const out = new Uint8Array(Math.min(size, sectors.length * sectorSize));
    size = out.length;
    let at = 0;
    for (const s of sectors) {
      if (at >= size) break;
      const from = sectorAt(s);
      const piece = bytes.subarray(from, Math.min(from + sectorSize, bytes.length, from + size - at));
      out.set(piece, at);
      at += piece.length;
    }
    return out;
  };

  const directory = readChain(view.getUint32(0x30, true), bytes.length);
  const dirView = new DataView(directory.buffer);
  const entries: { name: string; type: number; start: number; size: number }[] = [];
  for (let at = 0; at + 128 <= directory.length; at += 128) {
    const nameBytes = Math.min(dirView.getUint16(at + 0x40, true), 64);
    let name = '';
    for (let i = 0; i + 2 < nameBytes; i += 2) name += String.fromCharCode(dirView.getUint16(at + i, true));
    entries.push({ name, type: directory[at + 0x42]!, start: dirView.getUint32(at + 0x74, true), size: dirView.getUint32(at + 0x78, true) });
  }
  const root = entries[0];
  if (root?.type !== ROOT) throw damaged('缺少根目录');

  const cutoff = view.getUint32(0x38, true);
  let mini: { stream: Uint8Array; fat: number[] } | undefined;
  const miniStream = () => {
    if (mini) return mini;
    const miniFatBytes = readChain(view.getUint32(0x3c, true), view.getUint32(0x40, true) * sectorSize);
    const miniFatView = new DataView(miniFatBytes.buffer);
    const miniFat = Array.from({ length: miniFatBytes.length / 4 }, (_, i) => miniFatView.getUint32(i * 4, true));
    return (mini = { stream: readChain(root.start, root.size), fat: miniFat });
  };

  return {
    stream(name) {
      const entry = entries.find((e) => e.type === STREAM && e.name.toLowerCase() === name.toLowerCase());
      if (!entry) return undefined;
      if (entry.size >= cutoff) return readChain(entry.start, entry.size);
      const { stream, fat: miniFat } = miniStream();
      const out = new Uint8Array(Math.min(entry.size, stream.length));
      let at = 0;
      for (const s of chain(entry.start, miniFat)) {
        const piece = stream.subarray(s * 64, Math.min(s * 64 + 64, stream.length, s * 64 + out.length - at));
        out.set(piece, at);
        at += piece.length;
        if (at >= out.length) break;
      }
      return out;
    },
  };
}

const damaged = (why: string) => new FileReadError(`无法读取旧版 Word 文件（${why}，文件可能已损坏）`);
