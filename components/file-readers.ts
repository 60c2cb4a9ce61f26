/**
 * The engine's file readers in an extension page: pdf.js with its worker, character maps and
 * standard fonts shipped in the extension (wxt.config.ts copies them), never fetched from a CDN;
 * DOMParser for Word files turned into HTML. pdf.js itself is imported only when a PDF is read.
 */
import { browser } from 'wxt/browser';
import type { FileReaders } from '@/lib/engine/audit-file';

export interface PdfAssetUrls {
  cMapUrl: string;
  standardFontDataUrl: string;
  workerSrc: string;
}

export function pdfAssets(): PdfAssetUrls {
  const url = (p: string) => browser.runtime.getURL(p as '/');
  return { cMapUrl: url('/pdfjs/cmaps/'), standardFontDataUrl: url('/pdfjs/standard_fonts/'), workerSrc: url('/pdfjs/pdf.worker.min.mjs') };
}

export function pageFileReaders(parseHtml: (html: string) => Document = (h) => new DOMParser().parseFromString(h, 'text/html')): FileReaders {
  return { pdf: pdfAssets(), parseHtml };
}
