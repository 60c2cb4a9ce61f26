/**
 * An import in parts. One runtime message carries at most 64 MiB and an export can be larger, so the
 * records page checks the whole file, then sends its reports in parts of one import; the background
 * keeps the parts and writes nothing until the last one is in, so a file still lands whole or not at all.
 */
import { z } from 'zod';
import { ExportedReport, REPEATED_REPORT, repeatedReport } from './json';
import { t } from '../i18n';

/** Chrome's limit on one message, as UTF-8 JSON. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** A part's reports stay under this, well below the limit, so the background validates small pieces. */
export const PART_BYTES = 8 * 1024 * 1024;
/** Room for the message around the reports (type, import id, part numbers). */
const ENVELOPE_BYTES = 1024;
/** Parts of an import that stops coming (page closed) are dropped after this long. */
export const IMPORT_IDLE_MS = 10 * 60_000;

export const ImportPart = z.object({
  importId: z.string().min(1).max(100),
  part: z.number().int().min(0),
  parts: z.number().int().min(1).max(100_000),
  reports: z.array(ExportedReport),
});
export type ImportPart = z.infer<typeof ImportPart>;

/** UTF-8 size of a string, without encoding it. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export type SplitImport = { ok: true; parts: ExportedReport[][] } | { ok: false; error: string };

/** Groups reports in file order into parts of at most `partBytes` of JSON; an empty file is one empty part. */
export function splitImport(reports: readonly ExportedReport[], partBytes = PART_BYTES, maxMessageBytes = MAX_MESSAGE_BYTES): SplitImport {
  const parts: ExportedReport[][] = [[]];
  let size = 0;
  for (const [i, r] of reports.entries()) {
    const bytes = utf8Bytes(JSON.stringify(r)) + 1;
    if (bytes + ENVELOPE_BYTES > maxMessageBytes) return { ok: false, error: t('import_tooLarge', { n: i + 1, size: (bytes / 2 ** 20).toFixed(1) }) };
    const last = parts.at(-1)!;
    if (last.length && size + bytes > partBytes) {
      parts.push([r]);
      size = bytes;
    } else {
      last.push(r);
      size += bytes;
    }
  }
  return { ok: true, parts };
}

export type Received = { done: false } | { done: true; reports: ExportedReport[] } | { error: string };

/** The background's side: keeps each import's parts until all are in. */
export class ImportSessions {
  private readonly open = new Map<string, { parts: (ExportedReport[] | undefined)[]; seen: number }>();

  receive(part: ImportPart, now: number): Received {
    for (const [id, s] of this.open) if (now - s.seen > IMPORT_IDLE_MS) this.open.delete(id);
    const session = this.open.get(part.importId) ?? { parts: Array<ExportedReport[] | undefined>(part.parts).fill(undefined), seen: now };
    if (session.parts.length !== part.parts || part.part >= part.parts) {
      this.open.delete(part.importId);
      return { error: t('import_partsMismatch') };
    }
    // A part sent again (a retry) replaces the first copy.
    session.parts[part.part] = part.reports;
    session.seen = now;
    this.open.set(part.importId, session);
    if (session.parts.includes(undefined)) return { done: false };
    this.open.delete(part.importId);
    const reports = session.parts.flatMap((p) => p!);
    const repeated = repeatedReport(reports);
    if (repeated >= 0) return { error: `导入失败，未导入任何内容：第 ${repeated + 1} 份报告数据无效（${REPEATED_REPORT}）。` };
    return { done: true, reports };
  }

  /** Imports still waiting for parts. */
  get pending(): number {
    return this.open.size;
  }
}

/** What the background answers a part: how much the import changed, once the last part is in. */
export type PartAnswer = { imported?: { reports: number; notes: number } };

/**
 * The page's side: sends the parts in order and returns the background's summary. The last part must
 * come back with one; when it does not, the background lost the earlier parts (it was restarted) and
 * wrote nothing.
 */
export async function sendImport(
  parts: readonly ExportedReport[][],
  importId: string,
  send: (part: ImportPart) => Promise<PartAnswer>,
  onProgress?: (sent: number, total: number) => void,
): Promise<{ reports: number; notes: number }> {
  let answer: PartAnswer = {};
  for (const [part, reports] of parts.entries()) {
    answer = await send({ importId, part, parts: parts.length, reports });
    onProgress?.(part + 1, parts.length);
  }
  if (!answer.imported) throw new Error(t('import_interrupted'));
  return answer.imported;
}
