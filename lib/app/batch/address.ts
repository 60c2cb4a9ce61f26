/**
 * Addresses a batch may never fetch, judged by the URL's host literal: a portal page (or a redirect
 * it answers with) must not make the extension reach the auditor's own machine or network. The
 * literal, not the resolved IP: name resolution is the browser's, and tests map *.gov.cn names to
 * 127.0.0.1 on purpose.
 */

import { LinkError } from './link-error';

/**
 * Throws a LinkError naming why a request (hop 0) or a redirect hop may not go to this URL. Hosts
 * (`host:port`) the user named himself may be local: the CLI auditing a mirror on 127.0.0.1.
 */
export function assertFetchable(url: URL, hop: number, trustedHosts: readonly string[] = []): void {
  const problem = addressProblem(url);
  if (!problem || (trustedHosts.includes(url.host) && /^https?:$/.test(url.protocol))) return;
  throw new LinkError(hop ? `重定向被拒绝：${problem}` : problem);
}

/** Why this URL may not be fetched at all, in Chinese; null when its scheme and host are acceptable. */
export function addressProblem(url: URL): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `不访问 ${url.protocol.replace(/:$/, '')} 地址：只读取 http(s) 网页`;
  if (isLocalHost(url.hostname)) return `不访问本机或内网地址（${url.hostname}）`;
  return null;
}

/** Loopback, private, link-local and unspecified hosts, as the WHATWG URL parser writes them. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host.startsWith('[')) return isLocalIpv6(host.slice(1, -1));
  const v4 = ipv4(host);
  return v4 !== null && isLocalIpv4(v4);
}

/** The URL parser has already turned 0x7f.1, 2130706433 and the like into dotted decimal. */
function ipv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m ? m.slice(1).map(Number) : null;
}

function isLocalIpv4([a, b]: number[]): boolean {
  return a === 127 || a === 10 || a === 0 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

function isLocalIpv6(host: string): boolean {
  if (host === '::1' || host === '::') return true;
  const first = parseInt(host.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7, unique local
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10, link-local
  // An IPv4 address mapped into IPv6 (::ffff:7f00:1) is that IPv4 address.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const hi = parseInt(mapped[1]!, 16);
    const lo = parseInt(mapped[2]!, 16);
    return isLocalIpv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  }
  return false;
}
