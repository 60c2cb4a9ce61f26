import { browser } from 'wxt/browser';
import { Response, type Request, type ReportState } from '@/lib/app/messages';
import type { Settings } from '@/lib/app/schema';

/** Sends a request to the background and validates the answer; failures come back as Chinese text. */
export async function ask(req: Request): Promise<{ state?: ReportState | null; settings?: Settings }> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(req);
  } catch (e) {
    throw new Error(`无法连接扩展后台（${(e as Error).message}），请刷新页面后重试`);
  }
  const res = Response.safeParse(raw);
  if (!res.success) throw new Error('扩展后台返回了无法识别的数据');
  if (!res.data.ok) throw new Error(res.data.error);
  return res.data;
}
