// A lower bound for `npm run bench:browser` (bench/browser.ts): the least any extension must do on a
// report page to audit it the way this one does, in plain script with no library. It runs at
// document_idle from the manifest (no injection round trip), looks at a text prefix, reads the page
// as a tree of nodes and posts it to its background (the audit itself runs there, as ours does), and
// draws what comes back: a closed shadow root with a static bar and one marker. What it costs the
// page is what no implementation of the same design can avoid: the real extension's figure is read
// against it. Not a product: no validation, no notes, no interaction.
/* global chrome */
(() => {
  let prefix = document.title;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t && prefix.length < 6000; t = walker.nextNode()) prefix += t.data;
  if (!/政府信息公开.{0,8}年度报告|本年新收|上年结转/.test(prefix) || !/申请人情况|主动公开政府信息/.test(document.body.textContent)) return;

  const elements = [];
  const nodes = [];
  const stack = [document.documentElement];
  const parents = [-1];
  while (stack.length) {
    const node = stack.pop();
    const parent = parents.pop();
    if (node.nodeType === 3) nodes.push([parent, node.data]);
    if (node.nodeType !== 1 || /^(SCRIPT|STYLE|NOSCRIPT)$/.test(node.tagName)) continue;
    const index = elements.push(node) - 1;
    const spans = node.hasAttributes() ? { rowspan: node.getAttribute('rowspan'), colspan: node.getAttribute('colspan') } : 0;
    nodes.push([parent, node.tagName, spans]);
    for (let c = node.lastChild; c; c = c.previousSibling) {
      stack.push(c);
      parents.push(index);
    }
  }

  const port = chrome.runtime.connect({ name: 'floor' });
  port.onMessage.addListener(({ findings }) => {
    const boxes = findings.map((f) => elements[f.el]?.getBoundingClientRect());
    const host = document.createElement('floor-overlay');
    host.style.cssText = 'all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0;';
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = `<style>
.bar { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; padding: 10px 12px; background: #fff;
  border: 1px solid #d0d7de; border-radius: 8px; font: 13px/1.5 system-ui, sans-serif; color: #1f2328; }
.marker { position: absolute; box-sizing: border-box; border: 2px solid #bf8700; border-radius: 2px; }
button { font: inherit; font-size: 12px; padding: 2px 8px; border: 1px solid #d0d7de; border-radius: 4px; background: #f6f8fa; }
</style><div class="bar"><div>年报审计 · 错误 0 · 警告 ${findings.length} · 提示 0</div>
<div><button>上一处</button><button>下一处</button><button>隐藏标记</button><button>打开侧边栏</button></div></div>`;
    findings.forEach((f, i) => {
      const box = boxes[i];
      if (!box) return;
      const marker = document.createElement('div');
      marker.className = 'marker';
      marker.title = f.message;
      marker.style.cssText = `left: ${box.left + scrollX}px; top: ${box.top + scrollY}px; width: ${box.width}px; height: ${box.height}px`;
      root.append(marker);
    });
    document.documentElement.append(host);
  });
  port.postMessage({ nodes });
})();
