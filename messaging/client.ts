/**
 * The one client of the background: `ask(request)` sends a request of a typed map and resolves
 * with that request's answer, validated by its schema; every failure comes back as Chinese text.
 * Pages bind it to the whole map (messaging/ask.ts), the content script to its own part
 * (entrypoints/content/messaging.ts), so the content script bundles only its schemas.
 */
import { browser } from 'wxt/browser';
import type { AnswerOf, RequestMap, RequestOf } from '@/lib/app/request-map';
import { t } from '@/lib/app/i18n';

/** The background could not be reached or did not answer (not started, restarting, its worker stopped mid-request): worth retrying. */
export class BackgroundUnreachable extends Error {
  override name = 'BackgroundUnreachable';
}

/** The background answered with a refusal, or with something that is not this request's answer: retrying will not help. */
export class RequestRefused extends Error {
  override name = 'RequestRefused';
}

export type Ask<M extends RequestMap> = <T extends keyof M & string>(request: RequestOf<M, T> & { type: T }) => Promise<AnswerOf<M, T>>;

export function createAsk<M extends RequestMap>(map: M, send: (message: unknown) => Promise<unknown> = (m) => browser.runtime.sendMessage(m)): Ask<M> {
  return async (request) => {
    let raw: unknown;
    try {
      raw = await send(request);
    } catch (e) {
      throw new BackgroundUnreachable(t('client_unreachable', { error: e instanceof Error ? e.message : String(e) }));
    }
    // Firefox and Chrome answer undefined when no listener replied (the worker stopped before it could).
    if (raw === undefined) throw new BackgroundUnreachable(t('client_noAnswer'));
    const refused = (raw as { ok?: unknown; error?: unknown } | null)?.ok === false ? (raw as { error?: unknown }).error : undefined;
    if (typeof refused === 'string') throw new RequestRefused(refused);
    const endpoint = map[request.type];
    const answer = endpoint && (raw as { ok?: unknown } | null)?.ok === true ? endpoint.response.safeParse(raw) : undefined;
    if (!answer?.success) throw new RequestRefused(t('client_badAnswer', { type: request.type }));
    return answer.data as AnswerOf<M, typeof request.type>;
  };
}
