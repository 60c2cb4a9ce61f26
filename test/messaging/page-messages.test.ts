import { describe, expect, it } from 'vitest';
import { PageMessage, REQUESTS } from '@/lib/app/messages';

describe('page broadcasts', () => {
  it('are never taken for a request: extension pages receive each other’s requests too', () => {
    // A page that read another page's request as a broadcast would ask again, and the pages would echo forever.
    const fields = { tabId: 1, reportId: 'r', jobId: 'j' };
    const readAsBroadcast = Object.keys(REQUESTS).filter((type) => PageMessage.safeParse({ type, ...fields }).success);
    expect(readAsBroadcast).toEqual([]);
  });
  it('still parse as broadcasts (the check above can fail)', () => {
    expect(PageMessage.safeParse({ type: 'manual:flag-changed', tabId: 1 }).success).toBe(true);
    expect(PageMessage.safeParse({ type: 'state:changed', reportId: 'r' }).success).toBe(true);
  });
});
