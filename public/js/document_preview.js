/*
 * Live preview of the document settings (pages/settings/documents.edge). Without this file the
 * Preview button posts the form into the frame. With it, the same post runs 400 ms after typing
 * stops, through fetch, and the frame's document is swapped in place: the page's history keeps no
 * entry per keystroke, and the frame's own policy (styles inline, images as data: URLs) still
 * applies. The frame is scaled to its column.
 */
;(() => {
  'use strict'

  const form = document.querySelector('form[data-document-preview]')
  if (!form || !window.fetch || !window.FormData || !window.DOMParser) return
  const frame = document.getElementById(form.getAttribute('data-document-preview'))
  const viewport = frame && frame.closest('[data-preview-viewport]')
  if (!frame || !viewport) return

  /* Scale: the A4 page (the frame's CSS width) fits the column. */
  const fit = () => {
    const scale = Math.min(1, viewport.clientWidth / frame.offsetWidth)
    viewport.style.setProperty('--preview-scale', String(scale))
  }
  viewport.setAttribute('data-scaled', '')
  fit()
  if (window.ResizeObserver) new ResizeObserver(fit).observe(viewport)
  else window.addEventListener('resize', fit)

  /* Refresh: the last request wins; a failed or redirected one (signed out) leaves the frame. */
  let timer = null
  let controller = null

  async function refresh() {
    if (controller) controller.abort()
    controller = new AbortController()
    const data = new FormData(form)
    data.set('intent', 'preview')
    viewport.classList.add('is-updating')
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: data,
        headers: { accept: 'text/html' },
        credentials: 'same-origin',
        signal: controller.signal,
      })
      if (!response.ok || response.redirected) return
      const html = await response.text()
      const target = frame.contentDocument
      if (!target) return
      // Parsed by the frame's own parser, under the frame's policy (inline styles allowed there).
      const Parser = (frame.contentWindow && frame.contentWindow.DOMParser) || DOMParser
      const parsed = new Parser().parseFromString(html, 'text/html')
      target.documentElement.replaceWith(target.importNode(parsed.documentElement, true))
    } catch (error) {
      if (error && error.name === 'AbortError') return
    } finally {
      viewport.classList.remove('is-updating')
    }
  }

  const later = () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(refresh, 400)
  }
  form.addEventListener('input', later)
  form.addEventListener('change', later)
  form.addEventListener('submit', (event) => {
    if (event.submitter && event.submitter.hasAttribute('data-preview-button')) {
      event.preventDefault()
      window.clearTimeout(timer)
      refresh()
    }
  })
})()
