/** The viewer's toolbar: page navigation and zoom (PDF only), and ◀ ▶ through the findings marked on the document. */
import { useEffect, useState } from 'preact/hooks';
import type { Zoom } from './ViewerPage';
import { t } from '@/lib/app/i18n';

interface Props {
  pages: number;
  page: number;
  scale: number;
  zoom: Zoom;
  /** Index of the finding shown last among `findings`, -1 for none. */
  finding: number;
  findings: number;
  onPage(input: string): void;
  onZoom(zoom: Zoom | 'in' | 'out'): void;
  onStep(delta: 1 | -1): void;
}

export function ViewerToolbar({ pages, page, scale, zoom, finding, findings, onPage, onZoom, onStep }: Props) {
  // The input shows the page in view; what the user types counts on Enter (a click elsewhere must not jump).
  const [typed, setTyped] = useState(String(page));
  useEffect(() => setTyped(String(page)), [page]);
  return (
    <div class="toolbar viewer-toolbar" role="toolbar" aria-label={t('viewer_toolbar')}>
      {pages > 0 && (
        <>
          <button type="button" class="page-prev" title="上一页 Previous page" disabled={page <= 1} onClick={() => onPage(String(page - 1))}>
            {t('viewer_prevPage')}
          </button>
          <label title="Page">
            {t('viewer_page')}{' '}
            <input
              class="page-input"
              type="text"
              inputMode="numeric"
              size={3}
              value={typed}
              onInput={(e) => setTyped(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Enter' && onPage(typed)}
            />{' '}
            / <span class="page-count">{pages}</span>
            {t('viewer_pages')}
          </label>
          <button type="button" class="page-next" title="下一页 Next page" disabled={page >= pages} onClick={() => onPage(String(page + 1))}>
            {t('viewer_nextPage')}
          </button>
          <span class="sep" />
          <button type="button" class="zoom-out" title="缩小 Zoom out" onClick={() => onZoom('out')}>
            −
          </button>
          <span class="zoom-level" data-scale={scale.toFixed(3)}>
            {Math.round(scale * 100)}%
          </span>
          <button type="button" class="zoom-in" title="放大 Zoom in" onClick={() => onZoom('in')}>
            +
          </button>
          <button type="button" class="zoom-fit" aria-pressed={zoom === 'fit'} title="适合宽度 Fit width" onClick={() => onZoom('fit')}>
            {t('viewer_fit')}
          </button>
          <button type="button" class="zoom-100" aria-pressed={zoom === 1} title="实际大小 Actual size" onClick={() => onZoom(1)}>
            100%
          </button>
          <span class="sep" />
        </>
      )}
      <button type="button" class="finding-prev" title="上一个问题 Previous (Alt+Shift+P)" disabled={!findings} onClick={() => onStep(-1)}>
        ◀
      </button>
      <span class="finding-pos">{findings ? `${finding >= 0 ? finding + 1 : '–'} / ${findings}` : t('viewer_noMarks')}</span>
      <button type="button" class="finding-next" title="下一个问题 Next (Alt+Shift+N)" disabled={!findings} onClick={() => onStep(1)}>
        ▶
      </button>
    </div>
  );
}
