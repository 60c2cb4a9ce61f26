/** Chromium print-to-PDF for fixtures and the PDF mutation test: one headless browser, many pages. */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface PrintShape {
  landscape?: boolean;
  /** Extra CSS injected before printing (narrow label columns, page size). */
  css?: string;
  /** Running header/footer with the page number, as office printers add them. */
  headerFooter?: boolean;
  /** Paper height in CSS px; a short page makes tables break across pages. */
  height?: string;
}

export class PdfPrinter {
  private constructor(private readonly browser: Browser) {}

  static async start(): Promise<PdfPrinter> {
    return new PdfPrinter(await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] }));
  }

  async print(html: string, shape: PrintShape = {}): Promise<Uint8Array> {
    const page = await this.browser.newPage();
    try {
      // Pages link /static/* resources that do not exist here; never wait on the network.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'domcontentloaded' });
      if (shape.css) await page.addStyleTag({ content: shape.css });
      const buf = await page.pdf({
        format: shape.height ? undefined : 'A4',
        width: shape.height ? '794px' : undefined,
        height: shape.height,
        landscape: shape.landscape,
        printBackground: false,
        displayHeaderFooter: !!shape.headerFooter,
        headerTemplate: '<div style="font-size:9px;width:100%;text-align:center">政务公开 · 年度报告</div>',
        footerTemplate:
          '<div style="font-size:9px;width:100%;text-align:center">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>',
        margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' },
      });
      return new Uint8Array(buf);
    } finally {
      await page.close();
    }
  }

  /** A page made only of a picture of the report: what a scanned PDF is. */
  async printScanned(html: string): Promise<Uint8Array> {
    const page = await this.browser.newPage({ viewport: { width: 700, height: 990 } });
    try {
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'domcontentloaded' });
      const png = await page.screenshot({ type: 'jpeg', quality: 40 });
      await page.setContent(`<html><body style="margin:0"><img style="width:100%" src="data:image/jpeg;base64,${png.toString('base64')}"></body></html>`);
      return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, margin: { top: '0', bottom: '0', left: '0', right: '0' } }));
    } finally {
      await page.close();
    }
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
