import { test } from '@japa/runner'
import {
  detectDateFormat,
  detectDecimalMark,
  detectSeparator,
  EncodingSniffer,
} from '#data_portability/domain/detection'

const sniff = (...chunks: Uint8Array[]) => {
  const sniffer = new EncodingSniffer()
  for (const chunk of chunks) sniffer.push(chunk)
  return sniffer.result().encoding
}

test.group('Encoding detection', () => {
  test('UTF-8 with or without BOM, Windows-1252, binary, UTF-16', ({ assert }) => {
    assert.equal(sniff(Buffer.from('nom;ville\nHélène;Besançon\n')), 'utf-8')
    assert.equal(sniff(Buffer.from('\ufeffnom\nÉric\n')), 'utf-8')
    assert.equal(sniff(Buffer.from('nom\nHélène\n', 'latin1')), 'windows-1252')
    assert.equal(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01])), 'binary')
    assert.equal(sniff(Buffer.from([0xff, 0xfe, 0x6e, 0x00])), 'utf-16')
  })

  test('a character cut between two chunks is still UTF-8', ({ assert }) => {
    const bytes = Buffer.from('é')
    assert.equal(sniff(Buffer.from([0x61, bytes[0]]), Buffer.from([bytes[1], 0x62])), 'utf-8')
  })

  test('a file ending in the middle of a character is not UTF-8', ({ assert }) => {
    assert.equal(sniff(Buffer.from([0x61, 0xc3])), 'windows-1252')
  })

  test('ASCII only, the common case, is UTF-8', ({ assert }) => {
    assert.equal(sniff(Buffer.from('sku;label\nA-1;Joint\n')), 'utf-8')
  })
})

test.group('Separator, decimal mark and date detection', () => {
  test('{line} → {expected}')
    .with([
      { line: 'sku;label;sale_price', expected: ';' },
      { line: 'sku,label,sale_price', expected: ',' },
      { line: 'sku\tlabel', expected: '\t' },
      { line: '"a;b",c,d', expected: ',' },
      { line: 'sku', expected: ';' },
    ])
    .run(({ assert }, { line, expected }) => {
      assert.equal(detectSeparator(line), expected)
    })

  test('decimal mark from the numbers of a sample', ({ assert }) => {
    assert.equal(detectDecimalMark(['12,50', '3', '1 234,5'], ';'), ',')
    assert.equal(detectDecimalMark(['12.50', '3'], ';'), '.')
    assert.equal(detectDecimalMark(['12', '3'], ';'), ',')
    assert.equal(detectDecimalMark(['12', '3'], ','), '.')
    assert.equal(detectDecimalMark(['1,5', '2,5', '3.5'], ';'), ',')
  })

  test('date format of the first date', ({ assert }) => {
    assert.equal(detectDateFormat(['', '15/03/2024']), 'dd/mm/yyyy')
    assert.equal(detectDateFormat(['2024-03-15']), 'yyyy-mm-dd')
    assert.isNull(detectDateFormat(['', 'demain']))
  })
})
