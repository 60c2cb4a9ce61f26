/**
 * Hostile portal pages (issue 9 §1, §3, §5): a page script that tries to read the overlay (and listens for window messages), forge
 * clicks on its buttons, rewrite its counts and markers, and a page element that borrows the
 * overlay's tag name around a table. The attacks are functions on `window.attack`, run by the
 * browser tests (test/browser/hostile.test.ts) as any page script could run them.
 */

/**
 * Runs before the extension: it also patches attachShadow in the page's world, hoping to catch
 * the overlay's root as it is made (content scripts use their own world's prototypes).
 */
export const ATTACK_SCRIPT = `<script>
(() => {
  const stolen = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, { ...init, mode: 'open' });
    stolen.push(root);
    return root;
  };
  // Every window message the page receives: the auditor must post none (WXT's "script started" one included).
  const messages = [];
  window.addEventListener('message', (e) => messages.push(typeof e.data === 'object' && e.data ? JSON.stringify(e.data).slice(0, 200) : String(e.data)));
  const host = () => document.querySelector('html > report-audit-overlay');
  const root = () => host()?.shadowRoot ?? stolen[0] ?? null;
  window.attack = {
    /** What a page can read of the overlay. */
    read() {
      const r = root();
      return { hasHost: !!host(), root: !!r, stolen: stolen.length, text: r ? r.textContent : '', pageText: document.documentElement.innerText, messages };
    },
    /** Clicks every button and link of the overlay the way scripts can: click() and a synthetic event. */
    click(selector) {
      const els = Array.from(root()?.querySelectorAll(selector) ?? []);
      for (const el of els) {
        el.click();
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      }
      return els.length;
    },
    /** Removes the markers, adds a fake one and zeroes the error count. */
    tamper() {
      const r = root();
      if (!r) return false;
      r.querySelectorAll('.marker').forEach((m) => m.remove());
      const fake = document.createElement('div');
      fake.className = 'marker error fake';
      r.querySelector('.root')?.append(fake);
      const count = r.querySelector('[data-counts] .sev.error');
      if (count) count.textContent = '错误 0';
      return true;
    },
  };
})();
</script>`;

export const withAttack = (html: string) => html.replace('</head>', `${ATTACK_SCRIPT}</head>`);

/** A page element named like the overlay host around the report's t3 table: it must not hide the table. */
export function fakeHost(html: string): string {
  const start = html.indexOf('<table', html.indexOf('三、收到和处理政府信息公开申请情况'));
  const end = html.indexOf('</table>', start) + '</table>'.length;
  if (start < 0 || end < start) throw new Error('the page no longer has the t3 table the fake host wraps');
  return `${html.slice(0, start)}<report-audit-overlay>${html.slice(start, end)}</report-audit-overlay>${html.slice(end)}`;
}
