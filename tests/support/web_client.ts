import env from '#start/env'

/**
 * A browser-like HTTP client for functional tests: real requests to the test server, a cookie jar,
 * no redirect following, and the CSRF token of the last page sent back with forms.
 */
export class WebClient {
  private cookies = new Map<string, string>()
  private csrf: string | null = null
  private lastPage: string | null = null

  /** The test server by default; another instance of the app (a second process) when given. */
  constructor(readonly base = `http://${env.get('HOST')}:${env.get('PORT')}`) {}

  async request(method: string, path: string, form?: Record<string, string | string[]> | FormData) {
    const headers: Record<string, string> = { accept: 'text/html' }
    if (this.lastPage) headers.referer = this.base + this.lastPage
    if (this.cookies.size)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    let body: URLSearchParams | FormData | undefined
    if (form instanceof FormData) {
      // fetch writes the multipart boundary into the content type itself.
      body = form
    } else if (form) {
      body = new URLSearchParams()
      if (this.csrf && !('_csrf' in form)) body.append('_csrf', this.csrf)
      for (const [key, value] of Object.entries(form)) {
        for (const item of ([] as string[]).concat(value)) body.append(key, item)
      }
      headers['content-type'] = 'application/x-www-form-urlencoded'
    }
    const response = await fetch(this.base + path, { method, headers, body, redirect: 'manual' })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index)
      const value = pair.slice(index + 1)
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie) || value === '')
        this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    const text = await response.text()
    const token = /name=['"]_csrf['"] value=['"]([^'"]+)['"]/.exec(text)
    if (token) this.csrf = token[1]
    if (method === 'GET' && response.status === 200) this.lastPage = path
    const location = response.headers.get('location')?.replace(this.base, '') ?? null
    return { status: response.status, location, text, headers: response.headers }
  }

  get(path: string) {
    return this.request('GET', path)
  }

  /** The same session (cookies, CSRF token) talking to another instance of the app. */
  on(base: string) {
    const other = new WebClient(base)
    other.cookies = this.cookies
    other.csrf = this.csrf
    return other
  }

  /** A GET whose body is binary (a PDF, a ZIP): the bytes, with the session's cookies. */
  async bytes(path: string) {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    const response = await fetch(this.base + path, { headers: { cookie }, redirect: 'manual' })
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) }
  }

  /** Posts a form the way a browser does after showing `from` (to get its CSRF token). */
  async submit(
    from: string,
    action: string,
    form: Record<string, string | string[]>,
    method = 'POST'
  ) {
    await this.get(from)
    return this.request(method, action, form)
  }

  /**
   * Posts a multipart form with a file, as a browser does from `from`; the CSRF token goes in the
   * query string (forms whose body the controller reads itself, such as data imports, carry it there).
   */
  async upload(
    from: string,
    action: string,
    fields: Record<string, string>,
    file: { field: string; name: string; content: string | Uint8Array; type?: string }
  ) {
    await this.get(from)
    const form = new FormData()
    for (const [key, value] of Object.entries(fields)) form.append(key, value)
    const blob = new Blob([file.content as BlobPart], { type: file.type ?? 'text/csv' })
    form.append(file.field, blob, file.name)
    const separator = action.includes('?') ? '&' : '?'
    return this.request(
      'POST',
      `${action}${separator}_csrf=${encodeURIComponent(this.csrf ?? '')}`,
      form
    )
  }

  /** Follows a redirect chain to its page. */
  async follow(response: { status: number; location: string | null }) {
    let current = response
    let page = await this.get(current.location!)
    while (page.status >= 300 && page.status < 400 && page.location)
      page = await this.get(page.location)
    return page
  }

  /** True when the session is signed in (the home page does not send to the sign-in page). */
  async isSignedIn() {
    const home = await this.get('/')
    return home.location !== '/login'
  }

  async signIn(email: string, password = PASSWORD) {
    return this.submit('/login', '/login', { email, password })
  }
}

export const PASSWORD = 'correct-horse-42'

/** Visible text of an HTML page (tags dropped, entities of interest decoded), for assertions. */
export function textOf(html: string) {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}
