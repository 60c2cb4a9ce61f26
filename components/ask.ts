/** Requests from an extension page to the background, with the answer checked like any message. */
import { browser } from 'wxt/browser';
import { Response, type Request } from '@/lib/app/messages';

export type Answer = Extract<Response, { ok: true }>;

/** Resolves with the background's answer, or rejects with a message for the user. */
export async function ask(request: Request): Promise<Answer> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(request);
  } catch (e) {
    throw new Error(`无法连接扩展后台，请稍后重试：${e instanceof Error ? e.message : String(e)}`);
  }
  const answer = Response.safeParse(raw);
  if (!answer.success) throw new Error('扩展后台的回复无法识别：扩展可能刚更新过，请重新打开此页。');
  if (!answer.data.ok) throw new Error(answer.data.error);
  return answer.data;
}
