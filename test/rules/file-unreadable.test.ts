import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_READERS } from '../../cli/files';
import { auditFile } from '../../lib/engine/audit-file';
import { FIXTURES } from '../helpers/fixtures';
import { onePart } from '../helpers/one-part';

const audit = async (path: string) => onePart((await auditFile(new Uint8Array(readFileSync(join(FIXTURES, path))), NODE_READERS, { name: path })).audit);

describe('file-unreadable', () => {
  it('fires once for a scanned PDF (no text layer)', async () => {
    const r = await audit('pdf/scanned.pdf');
    expect(r.detected && r.findings).toEqual([expect.objectContaining({ rule: 'file-unreadable', message: expect.stringContaining('扫描件，无法读取文字') })]);
  });
  it('fires for a binary .wps, naming the type', async () => {
    const r = await audit('docx/示范局2023年政府信息公开工作年度报告.wps');
    expect(r.detected && r.findings).toEqual([expect.objectContaining({ rule: 'file-unreadable', message: expect.stringContaining('.wps') })]);
  });
  it('does not fire on a PDF with a text layer', async () => {
    const r = await audit('pdf/001-table.pdf');
    expect(r.detected && r.findings.some((f) => f.rule === 'file-unreadable')).toBe(false);
  }, 30_000);
});
