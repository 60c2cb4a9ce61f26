/**
 * Report files for the CLI: PDF and Word files, saved or fetched, audited through the engine's
 * file reader with pdf.js's character maps and fonts from the installed pdfjs-dist (never a CDN).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { auditFile, type FileAudit, type FileReaders } from '../lib/engine/audit-file';
import { parseLightDocument } from '../lib/engine/source/light-dom';

const PDFJS_ROOT = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs')), '..', '..');

export const NODE_READERS: FileReaders = {
  pdf: { cMapUrl: join(PDFJS_ROOT, 'cmaps') + '/', standardFontDataUrl: join(PDFJS_ROOT, 'standard_fonts') + '/', wasmUrl: join(PDFJS_ROOT, 'wasm') + '/' },
  parseHtml: parseLightDocument,
};

export function auditBytes(bytes: Uint8Array, name: string, contentType = '', url?: string): Promise<FileAudit> {
  return auditFile(bytes, NODE_READERS, { name, contentType, url });
}
