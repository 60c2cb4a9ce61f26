/**
 * Redirects followed by hand, one checked hop at a time: a batch (or the viewer) never leaves the
 * sites it was allowed, never reaches a local address, and gives up a loop after MAX_HOPS.
 */
import { assertFetchable } from './address';
import { MAX_HOPS } from './limits';
import { LinkError } from './link-error';

/** Asked before every request a fetch makes, the first and each redirect hop: waits its turn, or throws a LinkError to refuse it. */
export type BeforeRequest = (url: URL, hop: number) => Promise<void>;

/**
 * Where a browser's manual redirects point: fetch answers an opaque redirect without its Location,
 * so the page learns it from the browser's own report (redirect-log.ts). Node's fetch shows it.
 */
export interface HiddenRedirects {
  /** Called just before a request for `url` is sent. */
  expect(url: string): {
    /** The Location of the redirect this request got (null: none given); a LinkError if the browser never says. */
    location(signal: AbortSignal): Promise<string | null>;
    /** The request ended without a redirect. */
    done(): void;
  };
}

export interface HopOptions {
  /** How the Location of an opaque redirect is learnt; without it such a redirect is refused. */
  hidden?: HiddenRedirects;
  /** URLs not to request at all (attachments when files are not read): the walk ends there, without a response. */
  skip?: (url: string) => boolean;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

export function isRedirectStatus(status: number): boolean {
  return REDIRECT.has(status);
}

/**
 * Fetches `url`, following redirects by hand: each hop is offered to `beforeRequest` first, at most
 * MAX_HOPS of them. Answers the last response (never a redirect) and its URL; `res` is null when
 * `skip` stopped the walk before a request.
 */
export async function followRedirects(
  url: string,
  fetchImpl: typeof fetch,
  signal: AbortSignal,
  beforeRequest?: BeforeRequest,
  opts: HopOptions = {},
): Promise<{ url: string; res: Response | null }> {
  let current = url;
  for (let hop = 0; ; hop++) {
    if (opts.skip?.(current)) return { url: current, res: null };
    await beforeRequest?.(parsedUrl(current), hop);
    const watch = opts.hidden?.expect(current);
    let res: Response;
    try {
      // No cookies: the page is read as the public sees it, and a portal session is not touched.
      res = await fetchImpl(current, { signal, credentials: 'omit', redirect: 'manual' });
    } catch (e) {
      watch?.done();
      throw e;
    }
    const location = await redirectLocation(res, watch, signal);
    if (location === undefined) return { url: current, res };
    if (hop >= MAX_HOPS) throw new LinkError(`重定向次数过多（超过 ${MAX_HOPS} 次）`);
    current = redirectTarget(location, current);
  }
}

/** The Location a redirect response names (null: none); undefined when the response is no redirect. */
async function redirectLocation(res: Response, watch: ReturnType<HiddenRedirects['expect']> | undefined, signal: AbortSignal) {
  if (res.type === 'opaqueredirect') {
    if (!watch) throw new LinkError('网站将请求重定向到其他地址，浏览器不公开重定向目标，无法核对是否为已授权的网站，未跟随');
    return watch.location(signal);
  }
  watch?.done();
  if (!REDIRECT.has(res.status)) return undefined;
  await res.body?.cancel().catch(() => undefined);
  return res.headers.get('location');
}

/**
 * The check every request of a link goes through: http(s) on a host that is not local; a redirect
 * hop must also stay on granted sites, then `wait`s its turn like any request (the batch's spacing).
 * The link's own host is checked for a grant by the caller, before anything is fetched.
 */
export function checkedHops(
  missingHosts: (urls: string[]) => Promise<string[]>,
  opts: { trustedHosts?: readonly string[]; wait?: () => Promise<void> } = {},
): BeforeRequest {
  return async (url, hop) => {
    assertFetchable(url, hop, opts.trustedHosts);
    if (hop === 0) return;
    if ((await missingHosts([url.href])).length) throw new LinkError(`重定向到未授权的网站（${url.hostname}），未跟随`);
    await opts.wait?.();
  };
}

function parsedUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new LinkError(`无法识别的网址：${url.slice(0, 200)}`);
  }
}

function redirectTarget(location: string | null, from: string): string {
  if (!location) throw new LinkError('服务器要求重定向，但没有给出新地址');
  try {
    return new URL(location, from).href;
  } catch {
    throw new LinkError(`服务器重定向到无法识别的地址：${location.slice(0, 200)}`);
  }
}
