/*
 * Signs in through the real form, like a browser: GET /login for the CSRF token and cookies, then
 * POST /login with them. Returns the Cookie header of the signed-in session.
 */
export async function signIn(baseUrl, { email, password }) {
  const jar = new Map()

  const page = await fetch(`${baseUrl}/login`, { redirect: 'manual' })
  const html = await page.text()
  if (page.status !== 200) throw new Error(`GET /login answered ${page.status}`)
  storeCookies(jar, page)
  const csrf = hiddenInput(html, '_csrf')
  if (!csrf) throw new Error('GET /login has no hidden _csrf input')

  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'cookie': cookieHeader(jar) },
    body: new URLSearchParams({ email, password, _csrf: decodeEntities(csrf) }),
  })
  await response.arrayBuffer()
  storeCookies(jar, response)
  const location = response.headers.get('location')
  if (response.status !== 302 || !isHome(location, baseUrl)) {
    throw new Error(
      `POST /login answered ${response.status} → ${location ?? 'no redirect'}: not signed in`
    )
  }
  return cookieHeader(jar)
}

/** Status of one GET with the given cookies, following no redirect (a 302 to /login is a failure). */
export async function probe(url, cookie) {
  const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} })
  await response.arrayBuffer()
  return { status: response.status, location: response.headers.get('location') }
}

/** Value of `<input name="…" value="…">`, attributes in any order and quoted either way. */
function hiddenInput(html, name) {
  for (const [input] of html.matchAll(/<input\b[^>]*>/gi)) {
    if (!new RegExp(`\\bname=(["'])${name}\\1`).test(input)) continue
    return input.match(/\bvalue=(["'])(.*?)\1/)?.[2] ?? null
  }
  return null
}

function storeCookies(jar, response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair, ...attributes] = header.split(';')
    const separator = pair.indexOf('=')
    const name = pair.slice(0, separator).trim()
    const value = pair.slice(separator + 1).trim()
    const expired = attributes.some((attribute) => {
      const [key, val = ''] = attribute.split('=').map((part) => part.trim().toLowerCase())
      return (
        (key === 'max-age' && Number(val) <= 0) ||
        (key === 'expires' && Date.parse(val) < Date.now())
      )
    })
    if (expired || value === '') jar.delete(name)
    else jar.set(name, value)
  }
}

function cookieHeader(jar) {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
}

function isHome(location, baseUrl) {
  return location === '/' || location === `${baseUrl}/`
}

function decodeEntities(value) {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
}
