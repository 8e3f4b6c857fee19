import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core'
import {
  PdfRenderer,
  PdfRenderTimeout,
  type PdfFormat,
  type PdfRenderOptions,
} from '#core/application/pdf_renderer'

export interface PuppeteerPdfOptions {
  /** Called at launch, so that an app without Chromium boots and only fails when it prints. */
  executablePath: () => string
  args: string[]
  /** Pages rendering at once; further renders wait in line. */
  concurrency: number
  /** Waiting in line included: the caller is an HTTP request that must answer. */
  timeoutMs: number
}

/**
 * Request interception answers after Chromium may already have opened a socket for a frame's
 * navigation (seen with an <iframe>): every connection goes to a proxy whose name cannot resolve,
 * so no socket is ever opened, loopback included.
 */
const OFFLINE_ARGS = [
  '--proxy-server=http://pdf-offline.invalid:1',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
]

/** 80 mm at CSS's 96 px per inch. */
const RECEIPT_WIDTH_PX = Math.floor((80 / 25.4) * 96)

/**
 * Chromium through Puppeteer. One browser per process, started on the first render (~330 ms)
 * and kept warm: a render on a reused page costs ~60 ms, on a new page ~150 ms (ENVIRONMENT.md),
 * so pages are pooled too. Pages run no JavaScript and fetch nothing but `data:` URLs: documents
 * are self-contained, and tenant-typed text must never make the server reach the network.
 */
export class PuppeteerPdfRenderer extends PdfRenderer {
  #browser: Promise<Browser> | null = null
  #idle: Page[] = []
  #formats = new WeakMap<Page, PdfFormat>()
  #active = 0
  #waiting: Array<{ go: () => void }> = []

  constructor(private options: PuppeteerPdfOptions) {
    super()
  }

  async render(html: string, options: PdfRenderOptions = {}) {
    const deadline = AbortSignal.timeout(this.options.timeoutMs)
    await this.#acquire(deadline)
    try {
      return await this.#renderOnPage(html, options.format ?? 'A4', deadline)
    } finally {
      this.#release()
    }
  }

  async close() {
    const launching = this.#browser
    this.#browser = null
    this.#idle = []
    const browser = await launching?.catch(() => null)
    await browser?.close().catch(() => {})
  }

  /** For monitoring and tests: the browser's process, the pool and the line. */
  async stats() {
    const browser = await this.#browser?.catch(() => null)
    return {
      browserPid: browser?.connected ? (browser.process()?.pid ?? null) : null,
      idlePages: this.#idle.length,
      rendering: this.#active,
      waiting: this.#waiting.length,
    }
  }

  async #renderOnPage(html: string, format: PdfFormat, deadline: AbortSignal) {
    const taking = this.#takePage()
    const page = await withDeadline(taking, deadline, this.options.timeoutMs).catch((error) => {
      // A browser that was slow to start still yields its page: keep it for the next render.
      taking.then(
        (late) => this.#giveBack(late),
        () => {}
      )
      throw error
    })
    let reusable = false
    try {
      const bytes = await withDeadline(
        this.#print(page, html, format),
        deadline,
        this.options.timeoutMs
      )
      reusable = true
      return bytes
    } finally {
      // A page that failed or timed out may be mid-navigation: it is closed, not reused.
      if (reusable) this.#giveBack(page)
      else page.close().catch(() => {})
    }
  }

  #giveBack(page: Page) {
    const usable = !page.isClosed() && page.browser().connected
    if (usable && this.#idle.length < this.options.concurrency) this.#idle.push(page)
    else page.close().catch(() => {})
  }

  async #print(page: Page, html: string, format: PdfFormat): Promise<Uint8Array> {
    if (this.#formats.get(page) !== format) {
      // A receipt's length is measured (print styles) at the paper's width, hence this viewport.
      await page.setViewport(
        format === 'receipt80'
          ? { width: RECEIPT_WIDTH_PX, height: 100 }
          : { width: 794, height: 1123 }
      )
      this.#formats.set(page, format)
    }
    await page.setContent(html, { waitUntil: 'load' })
    if (format === 'receipt80') {
      const height = (await page.evaluate('document.documentElement.scrollHeight')) as number
      return page.pdf({
        width: '80mm',
        height: `${Math.ceil(height) + 1}px`,
        margin: { top: 0, right: 0, bottom: 0, left: 0 },
        printBackground: true,
        pageRanges: '1',
      })
    }
    return page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })
  }

  async #takePage() {
    for (let page = this.#idle.pop(); page; page = this.#idle.pop()) {
      if (!page.isClosed() && page.browser().connected) return page
    }
    const browser = await this.#launch()
    const page = await browser.newPage()
    page.setDefaultTimeout(this.options.timeoutMs)
    await page.setJavaScriptEnabled(false)
    await page.emulateMediaType('print')
    await page.setRequestInterception(true)
    page.on('request', blockAllButDataUrls)
    return page
  }

  #launch() {
    if (this.#browser) return this.#browser
    const launching = puppeteer.launch({
      executablePath: this.options.executablePath(),
      headless: true,
      args: [...this.options.args, ...OFFLINE_ARGS],
      timeout: this.options.timeoutMs,
      protocolTimeout: this.options.timeoutMs,
      // The app's own shutdown closes the browser (CoreProvider.shutdown).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    })
    this.#browser = launching
    launching.then(
      (browser) =>
        browser.once('disconnected', () => {
          // Crashed or killed: the next render starts a new one.
          if (this.#browser === launching) this.#browser = null
          this.#idle = this.#idle.filter((page) => page.browser() !== browser)
        }),
      () => {
        if (this.#browser === launching) this.#browser = null
      }
    )
    return launching
  }

  #acquire(deadline: AbortSignal) {
    if (this.#active < this.options.concurrency) {
      this.#active++
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        go: () => {
          deadline.removeEventListener('abort', giveUp)
          this.#active++
          resolve()
        },
      }
      const giveUp = () => {
        this.#waiting = this.#waiting.filter((other) => other !== waiter)
        reject(new PdfRenderTimeout(this.options.timeoutMs))
      }
      deadline.addEventListener('abort', giveUp, { once: true })
      this.#waiting.push(waiter)
    })
  }

  #release() {
    this.#active--
    this.#waiting.shift()?.go()
  }
}

function blockAllButDataUrls(request: HTTPRequest) {
  if (request.isInterceptResolutionHandled()) return
  if (request.url().startsWith('data:')) void request.continue()
  else void request.abort('blockedbyclient')
}

function withDeadline<T>(work: Promise<T>, deadline: AbortSignal, milliseconds: number) {
  if (deadline.aborted) {
    work.catch(() => {})
    return Promise.reject(new PdfRenderTimeout(milliseconds))
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new PdfRenderTimeout(milliseconds))
    deadline.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => deadline.removeEventListener('abort', onAbort))
  })
}
