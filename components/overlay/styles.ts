/**
 * The overlay's CSS, inside its shadow root. Pixels only: `rem` would follow the page's root font
 * size, which portals set to odd values. `:host` is reset so inherited page styles stop here.
 * One weight and no symbol glyphs (the handle's grip is drawn): a bold face or a glyph the CJK font
 * lacks makes the browser load another font on every report page, ~2 ms of its main thread.
 */
export const OVERLAY_CSS = `
:host { all: initial; }
.root { position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: visible;
  font: 13px/1.5 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif; color: #1f2328; }
.root.hidden .marker { display: none; }
.marker { position: absolute; box-sizing: border-box; border: 2px solid; border-radius: 2px; background: transparent;
  padding: 0; margin: 0; cursor: help; outline: none; }
.marker.error { border-color: #d1242f; background: rgba(209, 36, 47, 0.08); }
.marker.warning { border-color: #bf8700; background: rgba(191, 135, 0, 0.08); }
.marker.info { border-color: #0969da; background: rgba(9, 105, 218, 0.06); }
.marker.missing-section, .marker.table { border-style: dashed; border-width: 2px 0 0 0; background: transparent; }
.marker .tag { position: absolute; top: -11px; right: -8px; min-width: 16px; height: 16px; border-radius: 8px; color: #fff;
  font-size: 11px; line-height: 16px; text-align: center; padding: 0 3px; box-sizing: border-box; }
.marker.missing-section .tag, .marker.table .tag { position: absolute; top: -22px; left: 0; right: auto; border-radius: 3px; height: 20px;
  line-height: 20px; padding: 0 6px; white-space: nowrap; }
.marker.error .tag { background: #d1242f; } .marker.warning .tag { background: #9a6700; } .marker.info .tag { background: #0969da; }
.marker.settled { opacity: 0.4; border-style: dotted; background: transparent; }
.marker.settled:hover, .marker.settled:focus, .marker.settled:focus-within { opacity: 1; }
.tip .settled-tag { display: inline-block; padding: 0 5px; border-radius: 3px; font-size: 11px; margin-right: 4px; background: #eaeef2; color: #424a53; }
.marker:focus-visible { box-shadow: 0 0 0 3px rgba(9, 105, 218, 0.6); }
.marker.flash { animation: flash 0.5s ease-in-out 3; }
@keyframes flash { 50% { box-shadow: 0 0 0 6px rgba(255, 200, 0, 0.9); } }
.tip { display: none; position: absolute; top: calc(100% + 6px); left: 0; z-index: 2; width: 340px; max-width: 80vw; padding: 8px 10px;
  background: #fff; color: #1f2328; border: 1px solid #d0d7de; border-radius: 6px; box-shadow: 0 8px 24px rgba(140, 149, 159, 0.3);
  text-align: left; font-size: 13px; white-space: normal; cursor: auto; }
.marker.flip .tip { left: auto; right: 0; }
.marker:hover .tip, .marker:focus .tip, .marker:focus-within .tip { display: block; }
.root.tips-closed .tip { display: none !important; }
.tip::before { content: ''; position: absolute; top: -8px; left: 0; right: 0; height: 8px; } /* bridges the gap, so the pointer can reach the tip */
.tip .rule-link { font: inherit; font-size: 12px; padding: 0; border: 0; background: none; color: #0969da; cursor: pointer; text-decoration: underline; }
.tip .item + .item { margin-top: 8px; padding-top: 8px; border-top: 1px solid #eaeef2; }
.tip .meta { color: #57606a; font-size: 12px; }
.tip .evidence { margin: 2px 0 0; padding-left: 16px; }
.sev { display: inline-block; padding: 0 5px; border-radius: 3px; color: #fff; font-size: 11px; margin-right: 4px; }
.bar button:focus-visible, .tip button:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.sev.error { background: #d1242f; } .sev.warning { background: #9a6700; } .sev.info { background: #0969da; }
.bar { position: fixed; z-index: 2147483647; display: flex; flex-direction: column; gap: 6px;
  max-width: 460px; overflow: auto; box-sizing: border-box; padding: 10px 12px; background: #fff; border: 1px solid #d0d7de; border-radius: 8px;
  box-shadow: 0 8px 24px rgba(140, 149, 159, 0.35); }
.bar .row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.bar .title { font-size: 14px; }
.bar.collapsed { padding: 6px 8px; }
.bar .handle { cursor: grab; touch-action: none; padding: 0 6px; }
.bar .handle::before { content: ''; display: inline-block; width: 8px; height: 12px; vertical-align: middle;
  background: radial-gradient(circle, #57606a 1px, transparent 1.5px) 0 0 / 4px 4px; }
.bar .collapse { margin-left: auto; }
.bar .clean { color: #1a7f37; }
.probe { position: fixed; top: 0; left: 0; right: 0; bottom: 0; pointer-events: none; visibility: hidden; }
.bar .counts span { margin-right: 6px; }
.bar button { font: inherit; font-size: 12px; padding: 2px 8px; border: 1px solid #d0d7de; border-radius: 4px; background: #f6f8fa;
  color: #1f2328; cursor: pointer; }
.bar button:hover { background: #eaeef2; }
.bar .current { font-size: 12px; color: #1f2328; }
.bar .err { color: #d1242f; font-size: 12px; }
.bar .notice { font-size: 12px; color: #57606a; }
.bar button.primary { background: #1f6feb; border-color: #1f6feb; color: #fff; font-size: 13px; padding: 4px 10px; }
.bar button.primary:hover { background: #1a5fcc; }
.bar button:disabled { opacity: 0.6; cursor: default; }
.bar .attachments { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; max-height: 160px; overflow: auto; }
.bar .attachments li { display: flex; align-items: center; gap: 8px; }
.bar .attachments .file { font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 320px; }
.bar .hint { font-size: 12px; color: #57606a; }
@media print { .root { display: none !important; } }
`;
