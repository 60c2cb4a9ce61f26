/**
 * viewer.html?src=… — a report published as a PDF, OFD or Word file: fetched, audited by the engine,
 * stored like any report (its URL is the file's), shown with markers on the cells and sections.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '@/messaging/ask';
import { FindingList } from '@/components/FindingList';
import type { ReportState } from '@/lib/app/messages';
import { missingHosts, watchRedirects } from '@/components/batch/batch-link';
import { addressProblem } from '@/lib/app/batch/address';
import { checkedHops, followRedirects } from '@/lib/app/batch/hops';
import { LinkError } from '@/lib/app/batch/link-error';
import type { ReportAudit } from '@/lib/engine/audit';
import { auditFile } from '@/lib/engine/audit-file';
import type { Report } from '@/lib/engine/model';
import { reportSnapshot } from '@/lib/engine/snapshot';
import { targetsOf, type Target } from './markers';
import { pdfAssets } from '@/components/file-readers';
import { fitWidthScale, pageNumber, stepFinding, stepKey, zoomStep } from './navigation';
import { markElements, openPdf, pageOfBox, remarkPdf, renderPdf, widestPage } from './render-pdf';
import { renderOfd } from './render-ofd';
import type { PdfPage } from '@/lib/engine/source/pdf-layout';
import { PartList } from './PartList';
import { ViewerToolbar } from './ViewerToolbar';
import { t } from '@/lib/app/i18n';

/** 「适合宽度」 or a fixed scale (1 = 100 %). */
export type Zoom = 'fit' | number;
type PdfDoc = Awaited<ReturnType<typeof openPdf>>;
/** A file shown page by page: a PDF drawn by pdf.js, an OFD's pages as the engine read them. */
type Paged = { kind: 'pdf'; doc: PdfDoc; widest: number } | { kind: 'ofd'; pages: PdfPage[]; widest: number };

/** One report of the file (a compilation, 汇编, holds several): the engine's model, for its markers, and its stored record. */
export interface FilePart {
  report: Report;
  state: ReportState;
}

type Phase =
  | { status: 'loading'; step: string }
  | { status: 'error'; error: string; origin?: string }
  /** `parts` empty: no report (`reason` says why). */
  | { status: 'ready'; kind: string; parts: FilePart[]; reason?: string };

/** Only web files are read; anything else in `src` is refused before any request. */
export function fileUrl(src: string): URL | null {
  try {
    const u = new URL(src);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/**
 * Each report of the file stored as a record of its own, one after another (a compilation's as
 * `file#part=N`, as a compilation page's), with its notes read back: the save answers with what an
 * overlay may see, and the viewer is the extension's own page.
 */
async function saveParts(audited: ReportAudit[], url: string): Promise<FilePart[]> {
  const parts: FilePart[] = [];
  for (const [i, p] of audited.entries()) {
    const part = audited.length > 1 ? i + 1 : undefined;
    const saved = (await ask({ type: 'audit:save', report: reportSnapshot(p.report, p.findings, url), part, parts: audited.length })).state;
    const { state } = await ask({ type: 'report:get', reportId: saved.reportId });
    if (state) parts.push({ report: p.report, state });
  }
  return parts;
}

export function ViewerPage({ src }: { src: string }) {
  const [phase, setPhase] = useState<Phase>({ status: 'loading', step: t('viewer_reading') });
  const [attempt, setAttempt] = useState(0);
  const docRef = useRef<HTMLDivElement>(null);
  const url = useMemo(() => fileUrl(src), [src]);
  const [pdf, setPdf] = useState<Paged | null>(null);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [scale, setScale] = useState(1);
  const [page, setPage] = useState(1);
  const [current, setCurrent] = useState(-1);
  const [targets, setTargets] = useState<Target[]>([]);
  /** The markers drawn: the chosen report's (read while pages are drawn, see renderPdf). */
  const drawnTargets = useRef<Target[]>([]);
  /** The report of a compilation shown: its findings listed, its cells marked. */
  const [chosen, setChosen] = useState(0);

  useEffect(() => {
    if (!url) return setPhase({ status: 'error', error: t('viewer_badUrl', { src: src.slice(0, 200) }) });
    const local = addressProblem(url);
    if (local) return setPhase({ status: 'error', error: t('viewer_cannotRead', { reason: local }) });
    let cancelled = false;
    void (async () => {
      // As the batch does: a site the extension may not read is asked for before any request.
      if ((await missingHosts([url.href])).length)
        return setPhase({ status: 'error', error: t('viewer_needsAccess', { host: url.hostname }), origin: url.origin });
      let res: Response;
      // As the batch does: redirects followed hop by hop, each checked (not local, on a granted site) before it is requested.
      const hidden = await watchRedirects();
      try {
        res = (await followRedirects(url.href, fetch, new AbortController().signal, checkedHops(missingHosts), { hidden })).res!;
      } catch (e) {
        if (e instanceof LinkError) return setPhase({ status: 'error', error: t('viewer_cannotRead', { reason: e.message }) });
        return setPhase({ status: 'error', error: t('viewer_cannotRead', { reason: t('viewer_notAllowed') }), origin: url.origin });
      } finally {
        hidden?.stop();
      }
      if (!res.ok) return setPhase({ status: 'error', error: t('viewer_cannotRead', { reason: t('viewer_http', { status: res.status }) }) });
      const bytes = new Uint8Array(await res.arrayBuffer());
      setPhase({ status: 'loading', step: t('viewer_auditing') });
      const { settings } = await ask({ type: 'settings:get' });
      let html: Document | undefined;
      const readers = { pdf: pdfAssets(), parseHtml: (h: string) => (html = new DOMParser().parseFromString(h, 'text/html')) };
      const { kind, audit, layout } = await auditFile(bytes, readers, {
        name: url.pathname,
        url: url.href,
        contentType: res.headers.get('content-type') ?? '',
        disabledRules: settings?.disabledRules,
      });
      if (cancelled) return;
      const parts = audit.detected ? await saveParts(audit.parts, url.href) : [];
      setPhase({ status: 'ready', kind, parts, reason: audit.detected ? undefined : audit.reason });
      setChosen(0);
      const container = docRef.current!;
      const targets = parts[0] ? targetsOf(parts[0].report, parts[0].state.record.findings) : [];
      drawnTargets.current = targets;
      setTargets(targets);
      if (kind === 'pdf') {
        const doc = await openPdf(bytes);
        if (!cancelled) setPdf({ kind: 'pdf', doc, widest: await widestPage(doc) });
      } else if (kind === 'ofd' && layout) {
        setPdf({ kind: 'ofd', pages: layout, widest: Math.max(...layout.map((p) => p.width)) });
      } else if (html) {
        for (const n of Array.from(html.body.childNodes)) container.append(document.adoptNode(n));
        markElements(container, targets);
      }
    })().catch((e: unknown) => !cancelled && setPhase({ status: 'error', error: e instanceof Error ? e.message : String(e) }));
    return () => {
      cancelled = true;
    };
  }, [url, attempt]);

  // Draws the PDF at the chosen zoom; a newer zoom stops a draw still in progress.
  const drawn = useRef(0);
  useEffect(() => {
    const container = docRef.current;
    if (!pdf || !container) return;
    const next = zoom === 'fit' ? fitWidthScale(container.clientWidth - 40, pdf.widest) : zoom;
    const draw = ++drawn.current;
    // Keep the reader's place: the same page (and the same share of it) at the new size.
    const at = page;
    setScale(next);
    const drawing =
      pdf.kind === 'pdf'
        ? renderPdf(
            pdf.doc,
            container,
            () => drawnTargets.current,
            next,
            () => draw !== drawn.current,
          )
        : renderOfd(pdf.pages, container, () => drawnTargets.current, next);
    void drawing.then(() => {
      if (draw !== drawn.current) return;
      // The markers were drawn anew: the finding stepped to stays the current one.
      if (currentId.current) markCurrent(currentId.current);
      if (draw > 1) goToPage(at);
    });
  }, [pdf, zoom]);

  // Notes written here or elsewhere (side panel, records page) come back as state changes.
  useEffect(() => {
    const listener = (msg: unknown) => {
      const m = msg as { type?: string; reportId?: string };
      if (phase.status !== 'ready' || m?.type !== 'state:changed') return;
      const i = phase.parts.findIndex((p) => p.state.record.id === m.reportId);
      if (i < 0) return;
      void ask({ type: 'report:get', reportId: m.reportId! }).then(
        ({ state }) => state && setPhase({ ...phase, parts: phase.parts.map((p, j) => (j === i ? { ...p, state } : p)) }),
      );
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [phase]);

  const grant = async (origin: string) => {
    if (await browser.permissions.request({ origins: [`${origin}/*`] })) setAttempt((n) => n + 1);
  };
  /** Marks the finding's marker as the current one (the only one), and answers it. */
  const markCurrent = (findingId: string) => {
    const marker = docRef.current?.querySelector<HTMLElement>(`.marker[data-finding="${CSS.escape(findingId)}"]`);
    docRef.current?.querySelectorAll('.marker.current').forEach((m) => m.classList.remove('current'));
    marker?.classList.add('current');
    return marker;
  };
  const reveal = (findingId: string) => {
    currentId.current = findingId;
    setCurrent(marked.indexOf(findingId));
    const marker = markCurrent(findingId);
    marker?.scrollIntoView({ block: 'center' });
    marker?.focus();
    const onPage = Number(marker?.closest<HTMLElement>('.pdf-page')?.dataset.page);
    if (onPage) setPage(onPage);
  };
  const parts = phase.status === 'ready' ? phase.parts : [];
  const state = parts[chosen]?.state ?? null;
  /** Another report of the compilation: its findings listed, its markers drawn instead, no finding current, the file shown where it starts. */
  const choose = (i: number) => {
    const part = parts[i];
    const container = docRef.current;
    if (!part || !container || i === chosen) return;
    const next = targetsOf(part.report, part.state.record.findings);
    drawnTargets.current = next;
    setTargets(next);
    setChosen(i);
    currentId.current = undefined;
    setCurrent(-1);
    if (pdf) remarkPdf(container, next, scale);
    else markElements(container, next);
    const start = part.report.sections[0]?.el;
    const startPage = pageOfBox(start);
    if (startPage) goToPage(startPage);
    else if (start instanceof HTMLElement) start.scrollIntoView({ block: 'start' });
  };
  const notes = useMemo(() => new Map((state?.notes ?? []).map((n) => [n.findingId, n])), [state]);
  const pages = !pdf ? 0 : pdf.kind === 'pdf' ? pdf.doc.numPages : pdf.pages.length;

  /** Findings in the side list's order that have a marker on the document: what ◀ ▶ step through. */
  const marked = useMemo(() => {
    const onDoc = new Set(targets.map((t) => t.findingId));
    return (state?.record.findings ?? []).filter((f) => onDoc.has(f.id)).map((f) => f.id);
  }, [targets, state]);
  const step = (delta: 1 | -1) => {
    const ids = marked;
    const next = stepFinding(ids.indexOf(currentId.current ?? ''), delta, ids.length);
    if (next >= 0) reveal(ids[next]!);
  };
  const currentId = useRef<string | undefined>(undefined);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const delta = stepKey(e);
      if (delta === null || !state) return;
      e.preventDefault();
      step(delta);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [state, marked]);

  function goToPage(n: number) {
    const el = docRef.current?.querySelector<HTMLElement>(`.pdf-page[data-page="${n}"]`);
    if (!el || !docRef.current) return;
    docRef.current.scrollTop = el.offsetTop - 8; // .viewer-doc is the pages' offset parent
    // The page asked for, even when the view cannot scroll it to the top (the last pages): the scroll this causes does not recount.
    jumped.current = performance.now();
    setPage(n);
  }
  const jumped = useRef(0);
  /** The page at the top of the view, as the reader scrolls. */
  const onScroll = () => {
    const view = docRef.current;
    if (!view || performance.now() - jumped.current < 150) return;
    const top = view.scrollTop + 16;
    let n = 1;
    const all = Array.from(view.querySelectorAll<HTMLElement>('.pdf-page'));
    for (const el of all) if (el.offsetTop <= top) n = Number(el.dataset.page);
    // Scrolled to the end: the last page, though it cannot reach the top of the view.
    if (all.length && view.scrollTop + view.clientHeight >= view.scrollHeight - 2) n = Math.max(n, Number(all.at(-1)!.dataset.page));
    setPage(n);
  };

  return (
    <div class="viewer">
      <aside class="viewer-side">
        <h1>{t('viewer_title')}</h1>
        <p class="url mono">{src}</p>
        {phase.status === 'loading' && <p class="muted">{phase.step}</p>}
        {phase.status === 'error' && (
          <>
            <p class="error">{phase.error}</p>
            {phase.origin && <button onClick={() => void grant(phase.origin!)}>{t('viewer_allow', { origin: phase.origin })}</button>}
          </>
        )}
        {phase.status === 'ready' && !state && <p class="muted">{t('viewer_notReport', { reason: phase.reason ?? '' })}</p>}
        {parts.length > 1 && <PartList parts={parts} chosen={chosen} onChoose={choose} />}
        {state && (
          <>
            <p>
              <strong>{state.record.agency || t('overlay_agencyUnknown')}</strong> ·{' '}
              {t('overlay_year', { year: state.record.year ?? t('overlay_yearUnknown') })} · {phase.status === 'ready' && phase.kind.toUpperCase()}
            </p>
            <FindingList reportId={state.record.id} findings={state.record.findings} notes={notes} newIds={state.record.newIds} onReveal={reveal} />
          </>
        )}
      </aside>
      <div class="viewer-main">
        {state && (
          <ViewerToolbar
            pages={pages}
            page={page}
            scale={scale}
            zoom={zoom}
            finding={current}
            findings={marked.length}
            onPage={(input) => {
              const n = pageNumber(input, pages);
              if (n !== null) goToPage(n);
            }}
            onZoom={(z) => setZoom(z === 'in' || z === 'out' ? zoomStep(scale, z === 'in' ? 1 : -1) : z)}
            onStep={step}
          />
        )}
        <div class="viewer-doc" ref={docRef} onScroll={onScroll} />
      </div>
    </div>
  );
}
