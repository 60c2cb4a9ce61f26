/**
 * Audits a report file (PDF, OFD, Word, a saved page or text) from its bytes, with the engine every
 * other report goes through. Readers that need a platform (an HTML parser, pdf.js's shipped
 * assets) are passed in, so this stays free of browser and Node APIs.
 */
import { auditBlocksPage, auditPage, auditTextPage, type AuditOptions, type PageAudit } from './audit';
import { decodePage } from './decode';
import { buildReport } from './parse/report';
import { unreadableFindings, type UnreadableKind } from './rules/file-unreadable';
import { docToHtml } from './source/doc';
import { docxToHtml } from './source/docx';
import { FileReadError, fileKind, type FileKind } from './source/file-kind';
import { readOfd, type OfdRead } from './source/ofd';
import { readPdf, type PdfAssets, type PdfRead } from './source/pdf';
import type { PdfPage } from './source/pdf-layout';

export interface FileReaders {
  pdf: PdfAssets;
  /** linkedom in Node, DOMParser in extension pages. */
  parseHtml(html: string): Document;
}
export interface FileAuditOptions extends AuditOptions {
  /** The file's name or URL path: a fallback title, and a hint for the file type. */
  name?: string;
  contentType?: string;
}
export interface FileAudit {
  kind: FileKind;
  /** One part per report the file holds: a compilation (汇编) is split as a page is. */
  audit: PageAudit;
  /** PDF or OFD pages read. */
  pages?: number;
  /** An OFD's pages as read (text and rulings in points): the viewer draws them, as pdf.js cannot. */
  layout?: PdfPage[];
}

/** The file's own name, without folders, query or extension: what an unreadable file's report is called. */
function titleOf(name = ''): string {
  const base = decodeURIComponent(name.split(/[?#]/)[0]!.split(/[\\/]/).pop() ?? '');
  return base.replace(/\.[a-z0-9]+$/i, '') || '附件';
}

function unreadable(kind: UnreadableKind, opts: FileAuditOptions, detail?: string): PageAudit {
  const title = titleOf(opts.name);
  const report = buildReport([{ kind: 'line', text: title }], { pageTitle: title, url: opts.url });
  return { detected: true, parts: [{ report, findings: unreadableFindings(kind, detail, opts.disabledRules) }] };
}

/** WPS saves .wps files in Word 97's format; one in WPS's own older format (or unreadable as Word) is not read. */
function wpsAsDoc(bytes: Uint8Array): string | null {
  try {
    return docToHtml(bytes);
  } catch (e) {
    if (e instanceof FileReadError) return null;
    throw e;
  }
}

/** A Word file's HTML, audited as a page titled with the file's name (a Word file has no title of its own). */
function auditWordHtml(html: string, readers: FileReaders, opts: FileAuditOptions): PageAudit {
  const title = titleOf(opts.name).replace(/[<&]/g, '');
  return auditPage(readers.parseHtml(html.replace('<head>', `<head><title>${title}</title>`)), opts);
}

/** A file laid out in pages (PDF, OFD): a scan or a garbled text layer is named unreadable, else its text is audited. */
function auditLaidOut(read: PdfRead | OfdRead, garbled: UnreadableKind, scanned: string, opts: FileAuditOptions): PageAudit {
  if (read.scanned) return unreadable('scanned', opts, scanned);
  if (read.garbled) return unreadable(garbled, opts, `共 ${read.pages} 页`);
  return auditBlocksPage(read.blocks, { ...opts, pageTitle: read.title });
}

/** Throws FileReadError (with a readable reason) for a damaged or locked file. */
export async function auditFile(bytes: Uint8Array, readers: FileReaders, opts: FileAuditOptions = {}): Promise<FileAudit> {
  const kind = fileKind(bytes, opts.contentType, opts.name ?? opts.url);
  switch (kind) {
    case 'pdf': {
      const pdf = await readPdf(bytes, readers.pdf);
      return { kind, audit: auditLaidOut(pdf, 'garbled', `共 ${pdf.pages} 页`, opts), pages: pdf.pages };
    }
    case 'ofd': {
      // An OFD is laid out as a PDF is (positioned text and rulings): read and audited as one.
      const ofd = await readOfd(bytes);
      return { kind, audit: auditLaidOut(ofd, 'ofd-garbled', `OFD 共 ${ofd.pages} 页`, opts), pages: ofd.pages, layout: ofd.layout };
    }
    case 'docx':
      return { kind, audit: auditWordHtml(await docxToHtml(bytes), readers, opts) };
    case 'doc':
    case 'wps': {
      const html = kind === 'doc' ? docToHtml(bytes) : wpsAsDoc(bytes);
      return { kind, audit: html ? auditWordHtml(html, readers, opts) : unreadable(kind, opts) };
    }
    case 'html':
      return { kind, audit: auditPage(readers.parseHtml(decodePage(bytes, opts.contentType)), opts) };
    case 'text':
      return { kind, audit: auditTextPage(decodePage(bytes, opts.contentType), opts) };
  }
}
