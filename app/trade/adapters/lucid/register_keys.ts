import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

interface SigningKey {
  privateKey: KeyObject
  publicKey: KeyObject
  publicPem: string
}

// Keys never change (the table is append-only): each is decrypted once per process.
const cache = new Map<string, SigningKey>()

/**
 * The tenant's Ed25519 key, created on first use. The caller holds the journal's head lock, so
 * two first sales cannot create two keys. The private key is stored encrypted with the app key.
 */
export async function signingKey(
  trx: TransactionClientContract,
  tenantId: string
): Promise<SigningKey> {
  const known = cache.get(tenantId)
  if (known) return known
  const row = await trx.from('register_keys').where('tenant_id', tenantId).first()
  let key: SigningKey
  if (row) {
    const pem = encryption.decrypt<string>(row.private_key_encrypted)
    if (!pem) throw new Error('The register signing key cannot be decrypted with this APP_KEY')
    key = {
      privateKey: createPrivateKey(pem),
      publicKey: createPublicKey(row.public_key),
      publicPem: row.public_key,
    }
  } else {
    const pair = generateKeyPairSync('ed25519')
    const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    await trx.table('register_keys').insert({
      tenant_id: tenantId,
      public_key: publicPem,
      private_key_encrypted: encryption.encrypt(privatePem),
    })
    key = { privateKey: pair.privateKey, publicKey: pair.publicKey, publicPem }
  }
  // Cached once committed: a key created (and read again) in a transaction that rolls back must
  // not sign anything later.
  trx.after('commit', async () => {
    cache.set(tenantId, key)
  })
  return key
}

/** The tenant's public key (PEM), or null before the register's first use. */
export async function publicKeyOf(trx: TransactionClientContract, tenantId: string) {
  const row = await trx
    .from('register_keys')
    .where('tenant_id', tenantId)
    .select('public_key')
    .first()
  return row ? (row.public_key as string) : null
}

export const signText = (key: SigningKey, text: string) =>
  sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64url')

export function signatureHolds(publicPem: string, text: string, signature: string) {
  try {
    return verify(
      null,
      Buffer.from(text, 'utf8'),
      createPublicKey(publicPem),
      Buffer.from(signature, 'base64url')
    )
  } catch {
    return false
  }
}
