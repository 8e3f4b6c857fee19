/// <reference lib="dom" />
import puppeteer, { type Browser, type Page } from 'puppeteer-core'
import { readPdf } from '#tests/support/pdf'
import { chromiumArgs, requireChromium } from '#config/browser'
import env from '#start/env'

export const baseUrl = `http://${env.get('HOST')}:${env.get('PORT')}`

let browser: Browser | null = null

/** One headless Chromium for the whole browser suite; a fresh incognito context per test. */
export async function newPage(): Promise<{ page: Page; close: () => Promise<void> }> {
  browser ??= await puppeteer.launch({
    executablePath: requireChromium(),
    headless: true,
    args: chromiumArgs,
  })
  const context = await browser.createBrowserContext()
  const page = await context.newPage()
  await page.setViewport({ width: 1280, height: 900 })
  page.setDefaultTimeout(15_000)
  return { page, close: () => context.close() }
}

export async function closeBrowser() {
  await browser?.close()
  browser = null
}

/** Fills the sign-in form as a person would and waits for the next page. */
export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto(`${baseUrl}/login`)
  await page.type('input[name="email"]', email)
  await page.type('input[name="password"]', password)
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')])
}

export const textOfPage = (page: Page) => page.evaluate(() => document.body.innerText)

/** Clicks the submit button whose text is `label` and waits for the next page. */
export async function press(page: Page, label: string) {
  const button = await page.waitForSelector(`::-p-xpath(//button[normalize-space()="${label}"])`)
  await Promise.all([page.waitForNavigation(), button!.click()])
}

/** A PDF fetched with the page's session, as text (spaces of every kind folded). */
export async function pdfText(page: Page, path: string) {
  const base64 = await page.evaluate(async (url) => {
    const response = await fetch(url)
    const bytes = new Uint8Array(await response.arrayBuffer())
    let binary = ''
    for (const byte of bytes) binary += String.fromCharCode(byte)
    return btoa(binary)
  }, path)
  return (await readPdf(Buffer.from(base64, 'base64'))).text.replace(/[\s\u00a0\u202f]+/g, ' ')
}
