/**
 * A minimal compound-file writer for tests ([MS-CFB] version 3, 512-byte sectors): top-level streams only,
 * each padded to the mini-stream cutoff so that no mini stream is needed (the .doc streams it is used for
 * are read by offsets and lengths they hold themselves, so trailing zeros change nothing).
 */
const SECTOR = 512;
const CUTOFF = 4096;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

/** [MS-CFB]'s order of sibling names: shorter first, then by upper-cased code units. */
const byCfbOrder = (a: string, b: string) => a.length - b.length || (a.toUpperCase() < b.toUpperCase() ? -1 : a.toUpperCase() > b.toUpperCase() ? 1 : 0);

export function writeCompoundFile(streams: Readonly<Record<string, Uint8Array>>): Uint8Array {
  const names = Object.keys(streams).sort(byCfbOrder);
  const padded = names.map((n) => {
    const s = streams[n]!;
    const size = Math.max(s.length, CUTOFF);
    const out = new Uint8Array(Math.ceil(size / SECTOR) * SECTOR);
    out.set(s);
    return { name: n, bytes: out, size };
  });
  const dataSectors = padded.reduce((n, s) => n + s.bytes.length / SECTOR, 0);
  const dirSectors = Math.ceil((names.length + 1) / 4);
  let fatSectors = 1;
  while (fatSectors * (SECTOR / 4) < dataSectors + dirSectors + fatSectors) fatSectors++;
  if (fatSectors > 109) throw new Error('too large for a header-only DIFAT');
  const total = dataSectors + dirSectors + fatSectors;
  const out = new Uint8Array((total + 1) * SECTOR);
  const view = new DataView(out.buffer);
  const at = (sector: number) => (sector + 1) * SECTOR;

  // FAT: each stream's sectors chained in order, then the directory's, then the FAT's own.
  const fat = new Array<number>(fatSectors * (SECTOR / 4)).fill(FREE);
  const chain = (first: number, count: number) => {
    for (let i = 0; i < count; i++) fat[first + i] = i === count - 1 ? END_OF_CHAIN : first + i + 1;
  };
  let next = 0;
  const starts = padded.map((s) => {
    const first = next;
    out.set(s.bytes, at(first));
    chain(first, s.bytes.length / SECTOR);
    next += s.bytes.length / SECTOR;
    return first;
  });
  const dirStart = next;
  chain(dirStart, dirSectors);
  const fatStart = dirStart + dirSectors;
  for (let i = 0; i < fatSectors; i++) fat[fatStart + i] = FAT_SECTOR;
  fat.forEach((v, i) => view.setUint32(at(fatStart) + i * 4, v, true));

  // Directory: the root, whose child is the first stream; each stream's right sibling is the next (a valid, unbalanced tree).
  const entry = (index: number, name: string, type: number, right: number, child: number, start: number, size: number) => {
    const base = at(dirStart) + index * 128;
    for (let i = 0; i < name.length; i++) view.setUint16(base + i * 2, name.charCodeAt(i), true);
    view.setUint16(base + 0x40, (name.length + 1) * 2, true);
    out[base + 0x42] = type;
    out[base + 0x43] = 1; // black
    view.setUint32(base + 0x44, NO_STREAM, true);
    view.setUint32(base + 0x48, right, true);
    view.setUint32(base + 0x4c, child, true);
    view.setUint32(base + 0x74, start, true);
    view.setUint32(base + 0x78, size, true);
  };
  for (let i = 0; i < dirSectors * 4; i++) {
    const base = at(dirStart) + i * 128;
    for (const o of [0x44, 0x48, 0x4c]) view.setUint32(base + o, NO_STREAM, true);
  }
  entry(0, 'Root Entry', 5, NO_STREAM, names.length ? 1 : NO_STREAM, END_OF_CHAIN, 0);
  padded.forEach((s, i) => entry(i + 1, s.name, 2, i + 1 < padded.length ? i + 2 : NO_STREAM, NO_STREAM, starts[i]!, s.size));

  // Header.
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, fatSectors, true);
  view.setUint32(0x30, dirStart, true);
  view.setUint32(0x38, CUTOFF, true);
  view.setUint32(0x3c, END_OF_CHAIN, true);
  view.setUint32(0x44, END_OF_CHAIN, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i < fatSectors ? fatStart + i : FREE, true);
  return out;
}
