import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  // The sources zip (for Firefox review) needs the code, not test pages and local output.
  zip: { excludeSources: ['artifacts/**', 'scratch/**', 'test/fixtures/html/nonreport-large.html', '.ci/node/**'] },
  // `browser` from 'wxt/browser' becomes webextension-polyfill's promise API in every browser.
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => {
    const firefox = browser === 'firefox';
    // Reports hosted off gov.cn are audited only after the user grants that site at run time.
    const anySite = ['*://*/*'];
    return {
      name: '年报审计助手',
      description:
        '核对政府信息公开工作年度报告的表格与正文勾稽关系 — audits Chinese government information-disclosure annual reports for internal consistency',
      // Firefox has sidebar_action instead of the sidePanel API.
      permissions: ['storage', 'activeTab', 'scripting', ...(firefox ? [] : ['sidePanel'])],
      host_permissions: ['*://*.gov.cn/*'],
      // No popup: a click audits the tab (through activeTab) and opens the panel. WXT turns this into browser_action for MV2.
      // Toolbar icon sizes (public/icon/*.png, drawn by scripts/make-icons.mjs); Firefox shows none without them.
      action: { default_title: '年报审计助手：审计此页并打开侧边栏', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' } },
      // MV2 has no optional_host_permissions (WXT strips it): hosts go in optional_permissions.
      ...(manifestVersion === 3 ? { optional_host_permissions: anySite } : { optional_permissions: anySite }),
      ...(firefox && {
        browser_specific_settings: {
          gecko: {
            id: 'gov-report-auditor@gov-report-auditor',
            // Pages are audited locally; nothing is sent anywhere.
            data_collection_permissions: { required: ['none'] },
          },
        },
      }),
    };
  },
});
