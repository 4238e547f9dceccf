import { IsIn, IsString } from 'class-validator';

/** AES-256-GCM ciphertext of a connection's credentials. Never the plaintext. */
export class EncryptedSecret {
  @IsIn(['aes-256-gcm']) alg: 'aes-256-gcm';
  /** First 16 hex characters of sha256(key): tells which key encrypted it, reveals nothing of it. */
  @IsString() key_id: string;
  @IsString() iv: string;
  @IsString() tag: string;
  @IsString() ciphertext: string;
}
