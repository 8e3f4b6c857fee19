/*
 * Agoserve — progressive enhancement only. Every page works without this file.
 *  1. [data-confirm] on a form, a submit button or a link asks window.confirm first.
 *  2. input[data-select-all] toggles the form's input[name="ids[]"]; [data-bulk-bar] shows the
 *     count in [data-bulk-count] (texts in its data-zero / data-one / data-other, "#" = count, else
 *     the layout's <body data-selection-*>) and disables its buttons while nothing is selected.
 *  3. select[data-autosubmit] submits its form on change.
 *  4. input[data-autosearch] submits its form 300 ms after typing stops (empty or ≥ 2 characters),
 *     and gets its focus and caret back after the page reloads.
 *  5. Small extras: flash messages get a working close button; an open [data-menu] <details>
 *     closes on Escape or on a click elsewhere; the current nav tab is scrolled into view on phones.
 */
;(() => {
  'use strict'

  document.documentElement.classList.add('js')

  const ROW_SELECTOR = 'input[type="checkbox"][name="ids[]"]'
  const CARET_KEY = 'agoserve:autosearch'

  /* 1. Confirmations ------------------------------------------------------ */
  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target
      if (!(form instanceof HTMLFormElement)) return
      const submitter = event.submitter
      const message =
        (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm')
      if (message && !window.confirm(message)) {
        event.preventDefault()
        event.stopImmediatePropagation()
      }
    },
    true
  )

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-confirm]') : null
    if (link && !window.confirm(link.getAttribute('data-confirm'))) event.preventDefault()
  })

  /* 2. Select all + bulk bar --------------------------------------------- */
  const rowsOf = (form) => Array.from(form.querySelectorAll(ROW_SELECTOR))

  const pluralRules = (() => {
    try {
      return new Intl.PluralRules(document.documentElement.lang || 'fr')
    } catch {
      return null
    }
  })()

  // Texts come from the counter's data-zero/one/other, else from the layout's <body data-selection-*>.
  function countLabel(element, count) {
    const key = count === 0 ? 'zero' : pluralRules ? pluralRules.select(count) : 'other'
    const read = (name) =>
      element.getAttribute('data-' + name) || document.body.getAttribute('data-selection-' + name)
    const template = read(key) || read('other')
    return template ? template.replace(/#/g, String(count)) : String(count)
  }

  function refreshSelection(form) {
    const rows = rowsOf(form)
    const checked = rows.filter((box) => box.checked).length

    form.querySelectorAll('input[data-select-all]').forEach((toggle) => {
      toggle.checked = rows.length > 0 && checked === rows.length
      toggle.indeterminate = checked > 0 && checked < rows.length
    })

    form.querySelectorAll('[data-bulk-bar]').forEach((bar) => {
      bar.setAttribute('data-selected', String(checked))
      bar.querySelectorAll('[data-bulk-count]').forEach((counter) => {
        counter.textContent = countLabel(counter, checked)
      })
      bar.querySelectorAll('button, input[type="submit"]').forEach((button) => {
        if (checked === 0 && !button.disabled) {
          button.disabled = true
          button.setAttribute('data-bulk-disabled', '')
        } else if (checked > 0 && button.hasAttribute('data-bulk-disabled')) {
          button.disabled = false
          button.removeAttribute('data-bulk-disabled')
        }
      })
    })
  }

  document.addEventListener('change', (event) => {
    const target = event.target
    if (!(target instanceof HTMLInputElement) || !target.form) return

    if (target.matches('input[data-select-all]')) {
      rowsOf(target.form).forEach((box) => {
        if (!box.disabled) box.checked = target.checked
      })
      refreshSelection(target.form)
    } else if (target.matches(ROW_SELECTOR)) {
      refreshSelection(target.form)
    }
  })

  /* 3. Auto-submitting selects ------------------------------------------- */
  document.addEventListener('change', (event) => {
    const target = event.target
    if (target instanceof HTMLSelectElement && target.matches('[data-autosubmit]') && target.form) {
      target.form.requestSubmit()
    }
  })

  /* 4. Search as you type ------------------------------------------------- */
  const timers = new WeakMap()

  document.addEventListener('input', (event) => {
    const input = event.target
    if (!(input instanceof HTMLInputElement) || !input.matches('[data-autosearch]') || !input.form) {
      return
    }
    clearTimeout(timers.get(input))
    timers.set(
      input,
      setTimeout(() => {
        const value = input.value.trim()
        if (value.length === 1) return
        if (value === (input.getAttribute('data-submitted-value') ?? input.defaultValue.trim())) return
        input.setAttribute('data-submitted-value', value)
        try {
          sessionStorage.setItem(
            CARET_KEY,
            JSON.stringify({
              path: location.pathname,
              name: input.name,
              caret: input.selectionStart ?? input.value.length,
            })
          )
        } catch {
          /* storage unavailable: the caret is simply not restored */
        }
        input.form.requestSubmit()
      }, 300)
    )
  })

  function restoreSearchCaret() {
    let saved = null
    try {
      saved = JSON.parse(sessionStorage.getItem(CARET_KEY) || 'null')
      sessionStorage.removeItem(CARET_KEY)
    } catch {
      return
    }
    if (!saved || saved.path !== location.pathname) return
    const input = Array.from(document.querySelectorAll('input[data-autosearch]')).find(
      (candidate) => candidate.name === saved.name
    )
    if (!input) return
    const caret = Math.min(Number(saved.caret) || 0, input.value.length)
    const focus = () => {
      input.focus({ preventScroll: true })
      try {
        input.setSelectionRange(caret, caret)
      } catch {
        /* type="search" in old browsers may refuse selection ranges */
      }
    }
    focus()
    // Scrolling to a #fragment after load moves the focus away: take it back once more.
    if (location.hash) window.addEventListener('load', () => setTimeout(focus, 0), { once: true })
  }

  /* 5. Extras ------------------------------------------------------------- */
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null
    const close = target && target.closest('[data-dismiss]')
    if (close) {
      const alert = close.closest('[data-dismissible]')
      if (alert) alert.remove()
      return
    }
    document.querySelectorAll('details[data-menu][open]').forEach((menu) => {
      if (!target || !menu.contains(target)) menu.removeAttribute('open')
    })
  })

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return
    document.querySelectorAll('details[data-menu][open]').forEach((menu) => {
      menu.removeAttribute('open')
      const summary = menu.querySelector('summary')
      if (summary && menu.contains(document.activeElement)) summary.focus()
    })
  })

  /* Start ------------------------------------------------------------------ */
  function revealCurrentTab() {
    const link = document.querySelector('.mainnav-link[aria-current="page"]')
    const list = link && link.closest('.mainnav-list')
    if (!list || list.scrollWidth <= list.clientWidth) return
    list.scrollLeft = Math.max(0, link.offsetLeft - list.offsetLeft - 16)
  }

  function start() {
    document.querySelectorAll('[data-dismiss]').forEach((button) => button.removeAttribute('hidden'))
    revealCurrentTab()
    const forms = new Set()
    document.querySelectorAll('[data-bulk-bar], input[data-select-all]').forEach((element) => {
      const form = element.closest('form') || element.form
      if (form) forms.add(form)
    })
    forms.forEach(refreshSelection)
    restoreSearchCaret()
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start)
  } else {
    start()
  }
  // Back/forward cache restores checkbox states without a new DOMContentLoaded.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) start()
  })
})()

/*
 * Header search: results as you type (server-rendered fragment, debounced), arrow keys move
 * through them, Escape closes. Without JavaScript the form opens the full results page.
 */
;(() => {
  'use strict'
  const form = document.querySelector('[data-live-search]')
  if (!form) return
  const input = form.querySelector('input[name="q"]')
  const panel = form.querySelector('[data-live-results]')
  let timer = null
  let controller = null

  const close = () => {
    panel.hidden = true
  }
  const hits = () => [...panel.querySelectorAll('[data-search-hit]')]

  input.addEventListener('input', () => {
    clearTimeout(timer)
    const query = input.value.trim()
    if (query.length < 2) return close()
    timer = setTimeout(async () => {
      controller?.abort()
      controller = new AbortController()
      try {
        const url = `${form.action}?fragment=1&q=${encodeURIComponent(query)}`
        const response = await fetch(url, { signal: controller.signal, headers: { accept: 'text/html' } })
        if (!response.ok) return
        panel.innerHTML = await response.text()
        panel.hidden = false
      } catch {}
    }, 250)
  })

  form.addEventListener('keydown', (event) => {
    const list = hits()
    const index = list.indexOf(document.activeElement)
    if (event.key === 'ArrowDown' && list.length) {
      event.preventDefault()
      list[Math.min(index + 1, list.length - 1)].focus()
    } else if (event.key === 'ArrowUp' && list.length) {
      event.preventDefault()
      if (index <= 0) input.focus()
      else list[index - 1].focus()
    } else if (event.key === 'Escape') {
      close()
      input.focus()
    }
  })

  document.addEventListener('click', (event) => {
    if (!form.contains(event.target)) close()
  })
})()


/*
 * Reference pickers: input[data-lookup] (hidden without JavaScript) refills the select named by
 * its data-lookup-for with the rows matching what is typed (JSON [{ value, label }]), keeping the
 * current choice, and picks the first match so that Enter-free typing still selects something.
 */
;(() => {
  'use strict'

  document.querySelectorAll('input[data-lookup]').forEach((input) => {
    const select = document.getElementById(input.getAttribute('data-lookup-for'))
    if (!(select instanceof HTMLSelectElement)) return
    input.hidden = false
    let timer = null
    let controller = null

    const option = (value, label) => {
      const element = document.createElement('option')
      element.value = value
      element.textContent = label
      return element
    }

    async function refill(query) {
      if (controller) controller.abort()
      controller = new AbortController()
      const url = `${input.getAttribute('data-lookup')}?q=${encodeURIComponent(query)}`
      try {
        const response = await fetch(url, {
          signal: controller.signal,
          headers: { accept: 'application/json' },
        })
        if (!response.ok) return
        const rows = await response.json()
        const blank = select.querySelector('option[value=""]')
        const current = select.selectedOptions[0]
        select.replaceChildren()
        if (blank) select.append(blank)
        if (rows.length === 0) {
          const none = option('', input.getAttribute('data-no-results') || '—')
          none.disabled = true
          select.append(none)
        }
        for (const row of rows) select.append(option(row.value, row.label))
        if (rows.length > 0) select.value = rows[0].value
        else if (current && current.value) select.append(current)
        select.dispatchEvent(new Event('change', { bubbles: true }))
      } catch {}
    }

    input.addEventListener('input', () => {
      clearTimeout(timer)
      const query = input.value.trim()
      if (query.length === 1) return
      timer = setTimeout(() => refill(query), 250)
    })
    // Enter in the search box must not submit the whole form.
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault()
        select.focus()
      }
    })
  })
})()
