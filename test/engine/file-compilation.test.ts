import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Packer } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFile as auditPath } from '../../cli/audit-input';
import { NODE_READERS } from '../../cli/files';
import type { ReportAudit } from '../../lib/engine/audit';
import { auditFile } from '../../lib/engine/audit-file';
import { articleToDocx } from '../fixtures/build-docx';
import { RULED } from '../fixtures/build-pdf';
import { bodyAgency, bodyTitle, fileCompilationHtml, pageOf, PLANTED_BODY, reportSection, wrongResultsTotal } from '../helpers/compilation';
import { PdfPrinter } from '../helpers/print-pdf';

/**
 * Compilations (汇编) published as a PDF or Word file: split report by report as a page is, each
 * report with its own findings. Three bodies; body PLANTED_BODY's 3.7 总计 is one too many.
 */
const BODIES = 3;
const { expected } = wrongResultsTotal(1);
const docx = async (html: string) => new Uint8Array(await Packer.toBuffer(articleToDocx(html)));
const onTotal = (p: ReportAudit) => p.findings.filter((f) => f.cells?.some((c) => c.table === 't3' && c.row === '3.7' && c.column === 'total'));

let printer: PdfPrinter;
const files: Record<string, Uint8Array> = {};
beforeAll(async () => {
  printer = await PdfPrinter.start();
  const single = pageOf(bodyTitle(1), `<article>${reportSection(1)}</article>`);
  files['planted.pdf'] = await printer.print(fileCompilationHtml(BODIES, true), { css: RULED });
  files['clean.pdf'] = await printer.print(fileCompilationHtml(BODIES, false), { css: RULED });
  files['single.pdf'] = await printer.print(single, { css: RULED });
  files['planted.docx'] = await docx(fileCompilationHtml(BODIES, true));
  files['clean.docx'] = await docx(fileCompilationHtml(BODIES, false));
  files['single.docx'] = await docx(single);
}, 60_000);
afterAll(() => printer?.close());

async function partsOf(name: string): Promise<ReportAudit[]> {
  const { audit } = await auditFile(files[name]!, NODE_READERS, { name });
  if (!audit.detected) throw new Error(`${name}: ${audit.reason}`);
  return audit.parts;
}

describe.each(['pdf', 'docx'])('a compilation as a %s file', (ext) => {
  it('is split into its reports, each with its own body and sections', async () => {
    const parts = await partsOf(`planted.${ext}`);
    expect(parts.map((p) => [p.report.agency, p.report.year])).toEqual(Array.from({ length: BODIES }, (_, i) => [bodyAgency(i + 1), 2023]));
    for (const p of parts) expect(p.report.sections.map((s) => s.key)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
  });

  it('gives the planted wrong total to its own report only', async () => {
    const parts = await partsOf(`planted.${ext}`);
    parts.forEach((p, i) => {
      const wrong = onTotal(p).map((f) => [f.rule, f.expected, f.actual]);
      expect(wrong, bodyAgency(i + 1)).toEqual(i + 1 === PLANTED_BODY ? [['cell-wrong', expected, expected + 1]] : []);
    });
  });

  it('control: the same compilation without the planted error has no error in any report', async () => {
    const parts = await partsOf(`clean.${ext}`);
    expect(parts).toHaveLength(BODIES);
    for (const p of parts) expect(p.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a file of one report stays one report', async () => {
    const parts = await partsOf(`single.${ext}`);
    expect(parts.map((p) => p.report.agency)).toEqual([bodyAgency(1)]);
  });
});

describe('the CLI on file compilations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'file-compilation-'));

  it('prints one entry per report named file#part=N, and a single report under its plain name', async () => {
    for (const name of ['planted.pdf', 'single.pdf', 'planted.docx']) writeFileSync(join(dir, name), files[name]!);
    for (const ext of ['pdf', 'docx']) {
      const path = join(dir, `planted.${ext}`);
      const { entry, more = [] } = await auditPath(path);
      const entries = [entry, ...more.map((m) => m.entry)];
      expect(entries.map((e) => e.source)).toEqual([1, 2, 3].map((n) => `${path}#part=${n}`));
      expect(entries.map((e) => e.report?.agency)).toEqual([1, 2, 3].map(bodyAgency));
      expect(entries.map((e) => e.findings.some((f) => f.rule === 'cell-wrong'))).toEqual([1, 2, 3].map((n) => n === PLANTED_BODY));
    }
    const single = await auditPath(join(dir, 'single.pdf'));
    expect(single.entry.source).toBe(join(dir, 'single.pdf'));
    expect(single.more).toBeUndefined();
  }, 30_000);
});
