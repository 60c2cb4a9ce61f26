import { describe, expect, it } from 'vitest';
import { opinionPage, recordsTarget } from '@/lib/app/ext-pages';

describe('deliverable pages', () => {
  it('links the opinion of a report by its id, encoded', () => {
    const id = 'https://a.gov.cn/x?y=1&z=#2';
    const url = new URL(opinionPage(id), 'chrome-extension://abc/');
    expect(url.pathname).toBe('/opinion.html');
    expect(url.searchParams.get('report')).toBe(id);
  });

  it('opens the records page on the statistics view, and on the list for anything unknown', () => {
    expect(recordsTarget('#view=stats')).toEqual({ view: 'stats' });
    expect(recordsTarget('#view=bodies&report=a')).toEqual({ view: 'bodies', reportId: 'a' });
    expect(recordsTarget('#view=charts')).toEqual({ view: 'reports' });
    expect(recordsTarget('')).toEqual({ view: 'reports' });
  });
});
