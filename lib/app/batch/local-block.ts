/**
 * The declarativeNetRequest rule that keeps the extension's own requests off the auditor's machine
 * and network: a portal that redirects the batch (or the viewer) to 127.0.0.1, 192.168.x.x or
 * localhost gets the request blocked inside the browser, before anything is sent. The batch page
 * lets the browser follow redirects (it cannot see a manual redirect's target), so this rule is
 * what guards the hops; the final URL is checked again by the runner (address.ts).
 * Pure data: the background installs it as a session rule.
 */

/** Session rule ids: one rule per expression (Chrome caps a compiled regexFilter at 2 KB). */
export const LOCAL_BLOCK_RULE_IDS = [1, 2, 3];

// Positive character classes only: RE2 compiles a negated class into every other Unicode range, past the cap.
const URL_START = "^(?:https?|wss?)://(?:[a-z0-9._~%!$&'()*+,;=:-]*@)?";
const PORT_END = '(?::[0-9]+)?(?:[/?#]|$)';

/**
 * URL host literals that address.ts's isLocalHost calls local, as the browser canonicalises URLs
 * (dotted-decimal IPv4, lower case): localhost names; loopback, private, link-local and unspecified
 * IPv4; IPv6 loopback, unique-local, link-local and IPv4-mapped. RE2 syntax.
 */
export const LOCAL_HOST_REGEXES = [
  `${URL_START}(?:[a-z0-9.-]*\\.)?localhost\\.?${PORT_END}`,
  `${URL_START}(?:(?:127|10|0)|192\\.168|169\\.254|172\\.(?:1[6-9]|2[0-9]|3[01]))\\.[0-9.]+${PORT_END}`,
  `${URL_START}\\[(?:::1?|f[cd][0-9a-f]*:[0-9a-f:.]*|fe[89ab][0-9a-f]*:[0-9a-f:.]*|::ffff:[0-9a-f:.]*)\\]${PORT_END}`,
];

/** The rules for the extension with this id: only requests the extension itself starts are blocked. */
export function localBlockRules(extensionId: string) {
  return LOCAL_HOST_REGEXES.map((regexFilter, i) => ({
    id: LOCAL_BLOCK_RULE_IDS[i]!,
    priority: 1,
    action: { type: 'block' as const },
    condition: { regexFilter, initiatorDomains: [extensionId] },
  }));
}
