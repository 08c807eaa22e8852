import type { Hex } from 'viem'
import { bytesToHex, hexToBytes } from 'viem'
import { canonicalJson } from './canonicalJson.js'
import type { StoredSessionMetadata } from './validate.js'

/** A session key encrypted with AES-GCM under the storage's wrapping key. */
export type EncryptedKey = { iv: Uint8Array<ArrayBuffer>; ciphertext: Uint8Array<ArrayBuffer> }

const ivLength = 12
const ciphertextLength = 32 + 16 // key + GCM tag

/** A fresh AES-GCM-256 wrapping key that can never be exported (`extractable: false`). */
export function generateWrappingKey(subtle: SubtleCrypto): Promise<CryptoKey> {
  return subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
}

/** Whether a stored value looks like a usable AES-GCM wrapping key. */
export function isWrappingKey(value: unknown): value is CryptoKey {
  if (typeof value !== 'object' || value === null) return false
  const key = value as Partial<CryptoKey>
  return (
    key.type === 'secret' &&
    key.algorithm?.name === 'AES-GCM' &&
    Array.isArray(key.usages) &&
    key.usages.includes('encrypt') &&
    key.usages.includes('decrypt')
  )
}

/** Encrypts the session key, binding it to the record's metadata as additional data. */
export async function encryptPrivateKey(
  subtle: SubtleCrypto,
  key: CryptoKey,
  privateKey: Hex,
  metadata: StoredSessionMetadata,
): Promise<EncryptedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(ivLength))
  const plaintext = new Uint8Array(hexToBytes(privateKey))
  try {
    const ciphertext = await subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(metadata) },
      key,
      plaintext,
    )
    return { iv, ciphertext: new Uint8Array(ciphertext) }
  } finally {
    plaintext.fill(0)
  }
}

/** Decrypts the session key; rejects (WebCrypto `OperationError`) if the key or any metadata field was changed. */
export async function decryptPrivateKey(
  subtle: SubtleCrypto,
  key: CryptoKey,
  encrypted: EncryptedKey,
  metadata: StoredSessionMetadata,
): Promise<Hex> {
  const plaintext = await subtle.decrypt(
    { name: 'AES-GCM', iv: encrypted.iv, additionalData: additionalData(metadata) },
    key,
    encrypted.ciphertext,
  )
  return bytesToHex(new Uint8Array(plaintext))
}

/** Reads an encrypted key from an untrusted stored value, or `undefined` when malformed. */
export function readEncryptedKey(value: unknown): EncryptedKey | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { iv, ciphertext } = value as Record<string, unknown>
  if (!(iv instanceof Uint8Array) || iv.length !== ivLength) return undefined
  if (!(ciphertext instanceof Uint8Array) || ciphertext.length !== ciphertextLength)
    return undefined
  return { iv: iv as Uint8Array<ArrayBuffer>, ciphertext: ciphertext as Uint8Array<ArrayBuffer> }
}

function additionalData(metadata: StoredSessionMetadata): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`sessionkit/session/v1\n${canonicalJson(metadata)}`)
}
