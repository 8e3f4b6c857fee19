/*
 * Signature pads of the repair job page: draw with a finger, a pen or the mouse on
 * canvas[data-signature-pad]; on submit the drawing goes as a PNG data URL into
 * input[data-signature-image]. Without JavaScript the pad stays empty and the server refuses
 * the empty signature with a clear message.
 */
;(() => {
  'use strict'

  for (const form of document.querySelectorAll('form[data-signature-form]')) {
    const canvas = form.querySelector('canvas[data-signature-pad]')
    const output = form.querySelector('input[data-signature-image]')
    if (!canvas || !output) continue
    const context = canvas.getContext('2d')
    context.lineWidth = 2.5
    context.lineCap = 'round'
    context.lineJoin = 'round'
    context.strokeStyle = '#111821'
    let drawing = false
    let drawn = false

    const point = (event) => {
      const box = canvas.getBoundingClientRect()
      return {
        x: ((event.clientX - box.left) / box.width) * canvas.width,
        y: ((event.clientY - box.top) / box.height) * canvas.height,
      }
    }

    canvas.addEventListener('pointerdown', (event) => {
      drawing = true
      canvas.setPointerCapture(event.pointerId)
      const { x, y } = point(event)
      context.beginPath()
      context.moveTo(x, y)
    })
    canvas.addEventListener('pointermove', (event) => {
      if (!drawing) return
      const { x, y } = point(event)
      context.lineTo(x, y)
      context.stroke()
      drawn = true
    })
    for (const name of ['pointerup', 'pointercancel', 'pointerleave']) {
      canvas.addEventListener(name, () => {
        drawing = false
      })
    }

    form.querySelector('[data-signature-clear]')?.addEventListener('click', () => {
      context.clearRect(0, 0, canvas.width, canvas.height)
      drawn = false
      output.value = ''
    })

    form.addEventListener('submit', () => {
      output.value = drawn ? canvas.toDataURL('image/png') : ''
    })
  }
})()
