import { test } from '@japa/runner'
import { isValidEan13 } from '#referentials/domain/appliance_types'

test.group('EAN-13', () => {
  test('{value} is {verdict}')
    .with([
      { value: '4242005123452', verdict: 'valid', expected: true },
      { value: '3016661141058', verdict: 'valid', expected: true },
      { value: '4006381333931', verdict: 'valid', expected: true },
      { value: '4242005123459', verdict: 'invalid (check digit)', expected: false },
      { value: '424200512345', verdict: 'invalid (12 digits)', expected: false },
      { value: '42420051234520', verdict: 'invalid (14 digits)', expected: false },
      { value: '42420O5123452', verdict: 'invalid (a letter)', expected: false },
    ])
    .run(({ assert }, { value, expected }) => {
      assert.equal(isValidEan13(value), expected)
    })
})
