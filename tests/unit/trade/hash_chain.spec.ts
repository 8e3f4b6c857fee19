import { test } from '@japa/runner'
import { canonicalJson } from '#trade/domain/canonical_json'
import { chainHash, firstChainBreak, GENESIS_HASH } from '#trade/domain/hash_chain'

// COMPLIANCE §5, hash-chain test vector, byte for byte.
const JSON_1 =
  '{"doc":"T-2026-000001","seq":1,"ts":"2026-03-14T10:02:11+01:00","ttc_cents":2997,"type":"SALE","vat":{"2000":500}}'
const H_1 = '1e325aea7cbd55acca1be424a8d2adebc7c1c7c4c513a6cb0307b44e1f1e6cce'
const JSON_2 =
  '{"doc":"T-2026-000002","seq":2,"ts":"2026-03-14T10:15:42+01:00","ttc_cents":25188,"type":"SALE","vat":{"2000":4198}}'
const H_2 = '38423ab3d4d53bbafec537987adcf02e45d0343e541869af05329be5d68943ff'

const vectorChain = () => [
  { seq: 1, payload: JSON_1, previousHash: GENESIS_HASH, hash: H_1 },
  { seq: 2, payload: JSON_2, previousHash: H_1, hash: H_2 },
]

test.group('Register hash chain: COMPLIANCE §5 vector', () => {
  test('h0 is 64 zeros and the two records hash to the published values', ({ assert }) => {
    assert.equal(GENESIS_HASH, '0'.repeat(64))
    assert.equal(chainHash(GENESIS_HASH, JSON_1), H_1)
    assert.equal(chainHash(H_1, JSON_2), H_2)
    assert.isNull(firstChainBreak(vectorChain()))
  })

  test('canonical JSON of the records, keys given in any order, is the vector text', ({
    assert,
  }) => {
    const record1 = {
      vat: { 2000: 500 },
      type: 'SALE',
      ttc_cents: 2997,
      ts: '2026-03-14T10:02:11+01:00',
      seq: 1,
      doc: 'T-2026-000001',
    }
    const record2 = {
      ts: '2026-03-14T10:15:42+01:00',
      doc: 'T-2026-000002',
      vat: { 2000: 4198 },
      seq: 2,
      type: 'SALE',
      ttc_cents: 25188,
    }
    assert.equal(canonicalJson(record1), JSON_1)
    assert.equal(canonicalJson(record2), JSON_2)
  })

  test('changing any byte of record 1 breaks it and every later record', ({ assert }) => {
    const tampered = JSON_1.replace('2997', '2996')
    const altered = vectorChain()
    altered[0].payload = tampered
    assert.deepEqual(firstChainBreak(altered), {
      seq: 1,
      problem: 'hash',
      expected: chainHash(GENESIS_HASH, tampered),
      found: H_1,
    })
    // Whoever rewrites h1 to match cannot keep h2: every later hash changes.
    const rewrittenH1 = chainHash(GENESIS_HASH, tampered)
    assert.notEqual(rewrittenH1, H_1)
    assert.notEqual(chainHash(rewrittenH1, JSON_2), H_2)
    altered[0].hash = rewrittenH1
    assert.equal(firstChainBreak(altered)?.seq, 2)
    assert.equal(firstChainBreak(altered)?.problem, 'previous_hash')
  })

  test('a missing record is reported where the sequence jumps', ({ assert }) => {
    const [first, second] = vectorChain()
    assert.deepEqual(firstChainBreak([second]), { seq: 2, problem: 'sequence_gap', expected: 1 })
    assert.isNull(firstChainBreak([second], { seq: 1, hash: first.hash }))
  })

  test('canonical JSON refuses floats and drops undefined keys', ({ assert }) => {
    assert.throws(() => canonicalJson({ amount: 1.5 }))
    assert.equal(
      canonicalJson({ b: [1, 'x', null, true], a: { d: 1, c: 2 } }),
      '{"a":{"c":2,"d":1},"b":[1,"x",null,true]}'
    )
    assert.equal(canonicalJson({ a: undefined as unknown as null, é: 'à"b' }), '{"é":"à\\"b"}')
  })
})
