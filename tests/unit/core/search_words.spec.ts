import { test } from '@japa/runner'
import { searchWords } from '#core/domain/search_words'

test.group('Search words', () => {
  test('each word of three characters or more, in the order typed, five at most', ({ assert }) => {
    assert.deepEqual(searchWords('  pompe de vidange  '), ['pompe', 'vidange'])
    assert.deepEqual(searchWords('joint hublot bosch'), ['joint', 'hublot', 'bosch'])
    assert.deepEqual(searchWords('one two three four five six seven'), [
      'one',
      'two',
      'three',
      'four',
      'five',
    ])
  })

  test('short groups only (a phone, a code typed in pieces) are joined', ({ assert }) => {
    assert.deepEqual(searchWords('06 00 12 34 56'), ['0600123456'])
    assert.deepEqual(searchWords('SN 42'), ['SN42'])
    assert.deepEqual(searchWords('ab'), ['ab'])
  })
})
