// Tokens at rest: AES-256-GCM with a key from the environment (SLACK_TOKEN_KEY), a fresh 12-byte nonce per
// value and its 16-byte tag, so a stolen database or Redis dump holds no usable token, and a changed
// value fails to open rather than yield a wrong token.
// https://nodejs.org/api/crypto.html#cryptocreatecipherivalgorithm-key-iv-options
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/** The key as the environment gives it: 64 hex digits or base64 of 32 bytes; undefined otherwise. */
export function parseTokenKey(text: string): Buffer | undefined {
  const t = text.trim();
  if (/^[0-9a-f]{64}$/i.test(t)) return Buffer.from(t, "hex");
  if (/^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(t)) {
    const key = Buffer.from(t, "base64");
    if (key.length === KEY_BYTES) return key;
  }
  return undefined;
}

export class TokenCipher {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`gapbot: the token key must be ${KEY_BYTES} bytes`);
    this.key = Buffer.from(key);
  }

  /** "v1.<nonce>.<tag>.<ciphertext>", each part base64url. */
  seal(plaintext: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, nonce);
    const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return [VERSION, nonce, cipher.getAuthTag(), data]
      .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
      .join(".");
  }

  /** The plaintext, or an error when the value was changed or sealed with another key. */
  open(sealed: string): string {
    const [version, nonce, tag, data] = sealed.split(".");
    if (version !== VERSION || nonce === undefined || tag === undefined || data === undefined) {
      throw new Error("gapbot: a stored token is not in a form this gapbot reads");
    }
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(nonce, "base64url"));
    const tagBytes = Buffer.from(tag, "base64url");
    if (tagBytes.length !== TAG_BYTES) throw new Error("gapbot: a stored token's tag is damaged");
    decipher.setAuthTag(tagBytes);
    try {
      return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    } catch (err) {
      throw new Error("gapbot: a stored token cannot be opened: was SLACK_TOKEN_KEY changed?", {
        cause: err,
      });
    }
  }
}
