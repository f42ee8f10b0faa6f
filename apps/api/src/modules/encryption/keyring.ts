/**
 * Envelope encryption for highly sensitive fields. A master key (from configuration or a key file, never
 * in the database) wraps data keys stored in `encryption_keys`; each value is encrypted with AES-256-GCM
 * under the active data key, and carries that key's id, so a rotation can re-encrypt in the background
 * while every value stays readable. The column name is bound in as associated data, so a ciphertext
 * cannot be moved to another column. A keyed blind index (HMAC-SHA-256) answers exact-match lookups and
 * duplicate detection without decrypting.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

const formatVersion = 'v1';

export interface StoredKey {
  id: string;
  purpose: 'field_data' | 'blind_index';
  wrappedKey: string;
  masterKeyId: string;
  isActive: boolean;
}

function seal(key: Buffer, plaintext: Buffer, associatedData: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function open(key: Buffer, sealed: string, associatedData: string): Buffer {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
}

export function masterKeyIdOf(masterKey: Buffer): string {
  return createHash('sha256').update(masterKey).digest('hex').slice(0, 16);
}

export class Keyring {
  private readonly dataKeys = new Map<string, Buffer>();
  private activeDataKeyId: string | null = null;
  private blindIndexKey: Buffer | null = null;
  readonly masterKeyId: string;

  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the master key must be 32 bytes (256 bits)');
    this.masterKeyId = masterKeyIdOf(masterKey);
  }

  /** A new random key, wrapped under the master key, ready to store. */
  wrapNewKey(id: string, purpose: StoredKey['purpose']): StoredKey {
    return {
      id,
      purpose,
      wrappedKey: seal(this.masterKey, randomBytes(32), `key:${id}`),
      masterKeyId: this.masterKeyId,
      isActive: true,
    };
  }

  /** Takes the stored keys (all of them: retired data keys still decrypt old values). */
  useKeys(keys: StoredKey[]) {
    for (const key of keys) {
      if (key.masterKeyId !== this.masterKeyId) {
        throw new Error(`encryption key ${key.id} is wrapped by another master key (${key.masterKeyId})`);
      }
      const material = open(this.masterKey, key.wrappedKey, `key:${key.id}`);
      if (key.purpose === 'blind_index') this.blindIndexKey = material;
      else {
        this.dataKeys.set(key.id, material);
        if (key.isActive) this.activeDataKeyId = key.id;
      }
    }
  }

  hasKey(id: string): boolean {
    return this.dataKeys.has(id);
  }

  get activeKeyId(): string {
    if (!this.activeDataKeyId) throw new Error('no active data key loaded');
    return this.activeDataKeyId;
  }

  encrypt(plaintext: string, column: string): string {
    const keyId = this.activeKeyId;
    const key = this.dataKeys.get(keyId) as Buffer;
    return `${formatVersion}.${keyId}.${seal(key, Buffer.from(plaintext, 'utf8'), column)}`;
  }

  /** The data key id a stored value was encrypted under. */
  static keyIdOf(ciphertext: string): string {
    return ciphertext.split('.')[1] ?? '';
  }

  decrypt(ciphertext: string, column: string): string {
    const [version, keyId, sealed] = ciphertext.split('.');
    const key = keyId ? this.dataKeys.get(keyId) : undefined;
    if (version !== formatVersion || !key || !sealed)
      throw new Error(`cannot decrypt a value under key ${keyId}`);
    return open(key, sealed, column).toString('utf8');
  }

  /** A new per-subject key, wrapped under the master key and bound to the subject. */
  wrapSubjectKey(subjectId: string): string {
    return seal(this.masterKey, randomBytes(32), `subject:${subjectId}`);
  }

  sealForSubject(wrappedKey: string, subjectId: string, plaintext: string): string {
    const key = open(this.masterKey, wrappedKey, `subject:${subjectId}`);
    return `${formatVersion}.subject.${seal(key, Buffer.from(plaintext, 'utf8'), `sealed:${subjectId}`)}`;
  }

  openForSubject(wrappedKey: string, subjectId: string, sealed: string): string {
    const key = open(this.masterKey, wrappedKey, `subject:${subjectId}`);
    return open(key, sealed.split('.')[2] ?? '', `sealed:${subjectId}`).toString('utf8');
  }

  blindIndex(value: string, column: string): string {
    if (!this.blindIndexKey) throw new Error('no blind index key loaded');
    return createHmac('sha256', this.blindIndexKey)
      .update(`${column}\u0000${value}`)
      .digest('hex')
      .slice(0, 32);
  }
}
