import { randomBytes } from 'node:crypto';
import { SecretBox, SecretBoxError } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips credentials and never carries the plaintext', () => {
    const sealed = box.seal({ token: 'xoxb-very-secret-token' });
    expect(JSON.stringify(sealed)).not.toContain('xoxb');
    expect(box.open(sealed)).toEqual({ token: 'xoxb-very-secret-token' });
  });

  it('uses a fresh IV each time', () => {
    expect(box.seal({ a: 'b' }).iv).not.toEqual(box.seal({ a: 'b' }).iv);
  });

  it('refuses a secret sealed with another key', () => {
    const other = new SecretBox(randomBytes(32));
    expect(() => box.open(other.seal({ token: 't' }))).toThrow(SecretBoxError);
  });

  it('detects tampering', () => {
    const sealed = box.seal({ token: 'abc' });
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] ^= 1;
    expect(() => box.open({ ...sealed, ciphertext: flipped.toString('base64') })).toThrow(SecretBoxError);
  });
});
