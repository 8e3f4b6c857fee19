import { test } from '@japa/runner'
import { hashResetToken, newResetToken } from '#core/domain/password_reset'

test.group('newResetToken', () => {
  test('gives a 43-character base64url token (32 random bytes)', ({ assert }) => {
    const { token } = newResetToken()
    assert.lengthOf(token, 43)
    assert.match(token, /^[A-Za-z0-9_-]{43}$/)
    assert.lengthOf(Buffer.from(token, 'base64url'), 32)
  })

  test('the returned hash is the hash of the token', ({ assert }) => {
    const { token, tokenHash } = newResetToken()
    assert.equal(hashResetToken(token), tokenHash)
    assert.notEqual(tokenHash, token)
  })

  test('the hash is 64 lowercase hex characters', ({ assert }) => {
    assert.match(newResetToken().tokenHash, /^[0-9a-f]{64}$/)
  })

  test('two tokens differ, and so do their hashes', ({ assert }) => {
    const tokens = Array.from({ length: 100 }, () => newResetToken())
    assert.equal(new Set(tokens.map((t) => t.token)).size, 100)
    assert.equal(new Set(tokens.map((t) => t.tokenHash)).size, 100)
  })
})

test.group('hashResetToken', () => {
  test('is SHA-256 in hex ({input})')
    .with([
      {
        input: 'abc',
        expected: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      },
      { input: '', expected: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    ])
    .run(({ assert }, { input, expected }) => {
      assert.equal(hashResetToken(input), expected)
    })

  test('is stable and tells tokens apart', ({ assert }) => {
    assert.equal(hashResetToken('same-token'), hashResetToken('same-token'))
    assert.notEqual(hashResetToken('token-a'), hashResetToken('token-b'))
  })
})
