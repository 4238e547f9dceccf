import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { EncryptedSecret } from '@atlas/events';

/**
 * Seals connection credentials with AES-256-GCM before they enter any event or read model. A fresh
 * 96-bit IV per secret; the auth tag makes tampering (or a wrong key) fail loudly on open.
 */
export class SecretBox {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the credentials key must be 32 bytes');
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 16);
  }

  seal(plaintext: Record<string, string>): EncryptedSecret {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(plaintext), 'utf8'), cipher.final()]);
    return {
      alg: 'aes-256-gcm',
      key_id: this.keyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
  }

  open(secret: EncryptedSecret): Record<string, string> {
    if (secret.key_id !== this.keyId) {
      throw new SecretBoxError(`sealed with key ${secret.key_id}, but ATLAS_SECRET_KEY is key ${this.keyId}`);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(secret.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(secret.tag, 'base64'));
      const plaintext = Buffer.concat([decipher.update(Buffer.from(secret.ciphertext, 'base64')), decipher.final()]);
      return JSON.parse(plaintext.toString('utf8')) as Record<string, string>;
    } catch {
      throw new SecretBoxError('the credentials could not be decrypted (tampered with, or another key)');
    }
  }
}

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}
