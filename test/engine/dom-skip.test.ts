import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { domToBlocks } from '@/lib/engine/source/dom';

const TABLE = '<table><tr><td>本年新收政府信息公开申请数量</td><td>12</td></tr></table>';

function grids(html: string, skip?: (el: Element) => boolean) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return { document, blocks: domToBlocks(document.body, skip).filter((b) => b.kind === 'grid') };
}

describe('what the DOM reader skips', () => {
  it('reads a table inside a page element that borrows the overlay host tag name', () => {
    expect(grids(`<report-audit-overlay>${TABLE}</report-audit-overlay>`).blocks).toHaveLength(1);
  });

  it('skips exactly the element the caller recognises by reference', () => {
    const { document } = parseHTML(`<!doctype html><html><body><div id="ours">${TABLE}</div><div>${TABLE}</div></body></html>`);
    const ours = document.getElementById('ours')!;
    expect(domToBlocks(document.body, (el) => el === ours).filter((b) => b.kind === 'grid')).toHaveLength(1);
    expect(domToBlocks(document.body).filter((b) => b.kind === 'grid')).toHaveLength(2);
  });
});
