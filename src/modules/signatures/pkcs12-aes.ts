// The protection OpenSSL 3 gives a .pfx by default (and reads with the gost engine loaded), by Web
// Crypto: PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC for the bags, and RFC 7292's own MAC with
// HMAC-SHA256 (the password as a BMP string there). The TC26 protection is pkcs12-gost.ts's.
const subtle = () => globalThis.crypto.subtle;

export async function encryptAes(
  password: string,
  salt: Uint8Array,
  iterations: number,
  iv: Uint8Array,
  plain: Uint8Array,
): Promise<Uint8Array> {
  const key = await pbkdf2Key(password, salt, iterations, ["encrypt"]);
  return new Uint8Array(await subtle().encrypt({ name: "AES-CBC", iv: own(iv) }, key, own(plain)));
}

/** The plaintext, or undefined when its padding is wrong: then the password is. */
export async function decryptAes(
  password: string,
  salt: Uint8Array,
  iterations: number,
  iv: Uint8Array,
  encrypted: Uint8Array,
): Promise<Uint8Array | undefined> {
  const key = await pbkdf2Key(password, salt, iterations, ["decrypt"]);
  try {
    return new Uint8Array(await subtle().decrypt({ name: "AES-CBC", iv: own(iv) }, key, own(encrypted)));
  } catch {
    return undefined;
  }
}

/** The MAC of RFC 7292 Appendix B with SHA-256 over content. */
export async function sha256Mac(
  password: string,
  salt: Uint8Array,
  iterations: number,
  content: Uint8Array,
): Promise<Uint8Array> {
  return hmac(await pkcs12MacKey(password, salt, iterations), content);
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest("SHA-256", own(bytes)));
}

async function pbkdf2Key(
  password: string,
  salt: Uint8Array,
  iterations: number,
  usages: KeyUsage[],
): Promise<CryptoKey> {
  const base = await subtle().importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, [
    "deriveKey",
  ]);
  return subtle().deriveKey(
    { name: "PBKDF2", salt: own(salt), iterations, hash: "SHA-256" },
    base,
    { name: "AES-CBC", length: 256 },
    false,
    usages,
  );
}

// RFC 7292 Appendix B.2 with SHA-256 (u = 32, v = 64), ID 3: one 32-byte block is the whole MAC key.
async function pkcs12MacKey(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const v = 64;
  const bmp = new Uint8Array((password.length + 1) * 2);
  for (let i = 0; i < password.length; i++) {
    bmp[i * 2] = password.charCodeAt(i) >> 8;
    bmp[i * 2 + 1] = password.charCodeAt(i) & 0xff;
  }
  const fill = (bytes: Uint8Array) => {
    const out = new Uint8Array(bytes.length === 0 ? 0 : v * Math.ceil(bytes.length / v));
    for (let i = 0; i < out.length; i++) out[i] = bytes[i % bytes.length] ?? 0;
    return out;
  };
  const [saltPart, passwordPart] = [fill(salt), fill(bmp)];
  let block = new Uint8Array(v + saltPart.length + passwordPart.length).fill(3, 0, v);
  block.set(saltPart, v);
  block.set(passwordPart, v + saltPart.length);
  for (let i = 0; i < iterations; i++) block = new Uint8Array(await subtle().digest("SHA-256", own(block)));
  return block;
}

async function hmac(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const imported = await subtle().importKey("raw", own(key), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return new Uint8Array(await subtle().sign("HMAC", imported, own(data)));
}

// Web Crypto wants buffers of its own (not views into shared or pooled memory).
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
