/** Auditing one file or URL the user named: in a worker thread for files, in the main thread for URLs. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { auditPage, auditTextPage, type AuditResult, type PageAudit } from '../lib/engine/audit';
import { attachmentLinks, documentBase, nextPage, reportLinks } from '../lib/engine/list';
import type { RequestGate } from '../lib/app/batch/runner';
import { factsOf } from '../lib/engine/cross-year';
import { failed, partSource, type Audited } from './entry';
import { errorText, loadFile, loadUrl, savedFromUrl, type Loaded } from './sources';

function auditedOf(source: string, r: AuditResult): Audited {
  if (!r.detected) return { entry: { source, detected: false, findings: [], reason: r.reason } };
  const { title, agency, year, layout } = r.report;
  return { entry: { source, detected: true, report: { title, agency, year, layout }, findings: r.findings }, facts: factsOf(r.report, source) };
}

/** A page, a text or a file, report by report when it is a compilation (汇编): each report its own entry, `source#part=N` as the extension names them. */
function auditedPage(source: string, page: PageAudit): Audited {
  if (!page.detected) return auditedOf(source, page);
  const [first, ...more] = page.parts.map((part, i, all) => auditedOf(partSource(source, i, all.length), { detected: true, ...part }));
  return more.length ? { ...first!, more } : first!;
}

/**
 * Audits what was loaded; a page that is no report but links reports keeps those links (for
 * --follow-links). An engine crash on one input is that input's error, not the run's.
 */
export function auditLoaded(source: string, loaded: Loaded, url?: string): Audited {
  try {
    const audited = auditedPage(
      source,
      loaded.kind === 'html' ? auditPage(loaded.doc, { url }) : loaded.kind === 'text' ? auditTextPage(loaded.text, { url }) : loaded.audit,
    );
    if (loaded.kind !== 'html') return audited;
    // Only pages that link reports or attachments need their own address (most reports do not).
    const address = () => url ?? pathToFileURL(resolve(source)).toString();
    const base = () => documentBase(loaded.doc, address());
    if (audited.entry.detected) {
      if (audited.entry.findings.some((f) => f.rule === 'report-attachment-only')) audited.attachments = attachmentLinks(loaded.doc, base()).map((a) => a.url);
      return audited;
    }
    const links = reportLinks(loaded.doc, base()).map(({ url, title }) => ({ url, title }));
    if (links.length) audited.list = { url: address(), title: loaded.doc.title, links, next: nextPage(loaded.doc, base()) };
    return audited;
  } catch (e) {
    return failed(source, `审核时出错：${errorText(e)}`);
  }
}

export async function auditFile(path: string): Promise<Audited> {
  let loaded: Loaded;
  try {
    loaded = await loadFile(path);
  } catch (e) {
    return failed(path, errorText(e));
  }
  return auditLoaded(path, loaded, loaded.kind === 'html' ? savedFromUrl(loaded.text) : undefined);
}

export async function auditUrl(url: string, gate?: RequestGate): Promise<Audited> {
  let loaded: Loaded;
  try {
    loaded = await loadUrl(url, gate);
  } catch (e) {
    return failed(url, errorText(e));
  }
  return auditLoaded(url, loaded, url);
}
