/*
 * The counter screen, a little faster with JavaScript (everything works without it):
 *  1. the scan field keeps the focus after each action, so the next scan goes in directly;
 *  2. a changed quantity or discount submits its line's form when the field is left;
 *  3. the payment form shows the change to give (or what is still missing) as amounts are typed.
 */
;(() => {
  const screen = document.querySelector('[data-counter]')
  if (!screen) return

  const scan = screen.querySelector('[data-counter-scan]')
  if (scan && !document.querySelector('[aria-invalid="true"]')) {
    scan.focus()
    scan.select()
  }

  screen.querySelectorAll('form[data-counter-line] input').forEach((input) => {
    input.addEventListener('change', () => input.form.requestSubmit())
  })

  const pay = screen.querySelector('form[data-counter-pay]')
  const total = screen.querySelector('[data-counter-total]')
  const output = screen.querySelector('[data-counter-change]')
  if (!pay || !total || !output) return
  // "12,50", "12.50" or "1 234,50" → cents (the server checks again).
  const cents = (value) => {
    const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(value.replace(/[\s\u00a0\u202f€]/g, ''))
    return match ? Number(match[1]) * 100 + Number((match[2] || '').padEnd(2, '0')) : 0
  }
  const euros = (amount) =>
    new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(amount / 100)
  const field = (name) => pay.querySelector(`[name="${name}"]`)
  const refresh = () => {
    const due = Number(total.getAttribute('data-counter-total'))
    const others = ['card', 'cheque', 'transfer'].reduce((sum, name) => sum + cents(field(name).value), 0)
    const cashDue = due - others
    const tendered = cents(field('cash_tendered').value)
    const difference = tendered - Math.max(cashDue, 0)
    output.hidden = false
    output.textContent =
      difference >= 0 && cashDue >= 0
        ? `${output.getAttribute('data-label-change')} ${euros(cashDue > 0 ? difference : 0)}`
        : `${output.getAttribute('data-label-missing')} ${euros(Math.abs(difference))}`
  }
  pay.addEventListener('input', refresh)
})()
