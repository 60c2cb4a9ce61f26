import { describe, expect, it } from 'vitest';
import { CONTENT_REQUESTS } from '@/lib/app/content-messages';
import { REQUESTS } from '@/lib/app/messages';
import { BackgroundUnreachable, createAsk, RequestRefused } from '@/messaging/client';

const answering = (raw: unknown) => createAsk(REQUESTS, async () => raw);

describe('ask', () => {
  it("resolves with the request's own answer, checked by its schema", async () => {
    const settings = { auditor: '张三', disabledRules: [], sites: [] };
    expect(await answering({ ok: true, settings })({ type: 'settings:get' })).toEqual({ settings });
    expect(
      await answering({ ok: true, jobId: 'j1', extra: 1 })({
        type: 'batch:start',
        listUrl: 'https://a.gov.cn/',
        title: '',
        links: [{ url: 'https://a.gov.cn/1', title: '' }],
        next: null,
      }),
    ).toEqual({ jobId: 'j1' });
  });

  it('refuses an answer that is not the answer of that request, in Chinese', async () => {
    const malformed = [{ ok: true, settings: { auditor: 1 } }, { ok: true }, { ok: 'yes' }, 'hello', null];
    for (const raw of malformed) {
      const error = await answering(raw)({ type: 'settings:get' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestRefused);
      expect((error as Error).message).toMatch(/^扩展后台对「settings:get」的回复无法识别/);
    }
  });

  it("passes the background's refusal on as it was worded", async () => {
    await expect(answering({ ok: false, error: '找不到这份报告的审计记录' })({ type: 'report:get', reportId: 'x' })).rejects.toEqual(
      new RequestRefused('找不到这份报告的审计记录'),
    );
  });

  it('tells an unreachable background (worth a retry) from a refusal', async () => {
    const down = createAsk(REQUESTS, () => Promise.reject(new Error('The message port closed before a response was received.')));
    await expect(down({ type: 'jobs:list' })).rejects.toBeInstanceOf(BackgroundUnreachable);
    await expect(answering(undefined)({ type: 'jobs:list' })).rejects.toBeInstanceOf(BackgroundUnreachable);
  });

  it("the content script's client knows only the content script's requests", async () => {
    const ask = createAsk(CONTENT_REQUESTS, async () => ({ ok: true, state: null, auditor: '张三' }));
    // The answer is cut to its schema: nothing beyond what the overlay needs.
    expect(await ask({ type: 'overlay:state' })).toEqual({ state: null });
    expect(Object.keys(CONTENT_REQUESTS).every((t) => t in REQUESTS)).toBe(true);
  });
});
