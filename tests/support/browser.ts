/// <reference lib="dom" />
import puppeteer, { type Browser, type Page } from 'puppeteer-core'
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
