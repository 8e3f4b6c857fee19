/*
 * Planning — progressive enhancement; every page works without this file.
 *  1. Drag an appointment block (mouse or pen, wide screens) to another time or column: the drop
 *     fills #pl-move-form (technician_id, date, starts_time — the fields of the appointment page's
 *     move form) and posts it to the block's data-move-url. The server checks and answers with the
 *     planning and a message. A click without movement still opens the appointment.
 *  2. [data-print] buttons (hidden without JavaScript) print the page.
 */
;(() => {
  'use strict'

  const STEP = 15
  const wide = () => window.matchMedia('(min-width: 641px)').matches
  const pad = (value) => String(value).padStart(2, '0')
  const timeOf = (minutes) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`

  /* 1. Drag and drop ------------------------------------------------------- */
  const grid = document.querySelector('[data-planning]')
  const form = document.querySelector('[data-move-form]')
  let drag = null

  /** The column under the pointer and the quarter hour the block's top would start at. */
  function dropAt(event) {
    const column = document
      .elementsFromPoint(event.clientX, event.clientY)
      .find((element) => element.matches && element.matches('[data-drop]'))
    if (!column) return null
    const firstLine = column.querySelector('.pl-line')
    if (!firstLine) return null
    const rowHeight = firstLine.getBoundingClientRect().height / (60 / STEP)
    const top = event.clientY - drag.grabOffset - firstLine.getBoundingClientRect().top
    const rangeStart = Number(grid.getAttribute('data-range-start')) || 0
    let minutes = rangeStart + Math.round(top / rowHeight) * STEP
    minutes = Math.max(0, Math.min(24 * 60 - drag.length, minutes))
    return { column, minutes }
  }

  function highlight(column) {
    grid.querySelectorAll('.is-drop-target').forEach((element) => {
      if (element !== column) element.classList.remove('is-drop-target')
    })
    if (column) column.classList.add('is-drop-target')
  }

  function end() {
    if (!drag) return
    drag.block.style.transform = ''
    drag.block.classList.remove('is-dragging')
    drag.label.textContent = drag.originalLabel
    highlight(null)
    drag = null
  }

  if (grid && form) {
    grid.addEventListener('dragstart', (event) => {
      if (event.target instanceof Element && event.target.closest('.pl-block'))
        event.preventDefault()
    })

    grid.addEventListener('pointerdown', (event) => {
      if (event.button !== 0 || event.pointerType === 'touch' || !wide()) return
      const block =
        event.target instanceof Element ? event.target.closest('.pl-block[data-moveable]') : null
      if (!block) return
      const rect = block.getBoundingClientRect()
      const [from, to] = (block.querySelector('.pl-block-time')?.textContent || '').split('–')
      const minutes = (text) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5))
      const label = block.querySelector('.pl-block-time')
      drag = {
        block,
        label,
        originalLabel: label ? label.textContent : '',
        startX: event.clientX,
        startY: event.clientY,
        grabOffset: event.clientY - rect.top,
        length: from && to ? (minutes(to) - minutes(from) + 24 * 60) % (24 * 60) || STEP : 60,
        moved: false,
      }
    })

    document.addEventListener('pointermove', (event) => {
      if (!drag) return
      const dx = event.clientX - drag.startX
      const dy = event.clientY - drag.startY
      if (!drag.moved && Math.hypot(dx, dy) < 6) return
      drag.moved = true
      drag.block.classList.add('is-dragging')
      // Setting a style from script is allowed by the CSP (only style attributes in HTML are not).
      drag.block.style.transform = `translate(${dx}px, ${dy}px)`
      const target = dropAt(event)
      highlight(target ? target.column : null)
      if (target && drag.label) {
        drag.label.textContent = `${timeOf(target.minutes)}–${timeOf(target.minutes + drag.length)}`
      }
    })

    document.addEventListener('pointerup', (event) => {
      if (!drag) return
      const current = drag
      if (!current.moved) {
        drag = null
        return
      }
      const target = dropAt(event)
      end()
      // The click that follows the drop must not open the appointment.
      current.block.addEventListener('click', (click) => click.preventDefault(), {
        once: true,
        capture: true,
      })
      if (!target) return
      const technician =
        target.column.getAttribute('data-technician') ||
        current.block.getAttribute('data-technician')
      form.action = current.block.getAttribute('data-move-url')
      form.elements.namedItem('technician_id').value = technician
      form.elements.namedItem('date').value = target.column.getAttribute('data-date')
      form.elements.namedItem('starts_time').value = timeOf(target.minutes)
      current.block.setAttribute('aria-busy', 'true')
      form.submit()
    })

    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') end()
    })
    window.addEventListener('blur', end)
  }

  /* 2. Print buttons ------------------------------------------------------- */
  document.querySelectorAll('[data-print]').forEach((button) => {
    button.hidden = false
    button.addEventListener('click', () => window.print())
  })
})()
