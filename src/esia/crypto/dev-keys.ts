// Development key material, made on first start and reused afterwards so that certificates stay
// stable across restarts: the cabinet's GOST client key (what ESIA's tech portal would register)
// and the ESIA stand-in's token-signing keys, RSA for RS256 and GOST for GOST3410_2012_256.
// Never used in production, where the keys come from configuration (CryptoPro or PEM files).
import { generateKeyPair, sign } from "node:crypto";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import * as asn1js from "asn1js";
import { toDer } from "./asn1.ts";
import {
  certificateHash,
  createGostCertificate,
  derToPem,
  gostPrivateKeyToPem,
  pemToDer,
} from "./certificate.ts";
import { generateGostKeyPair } from "./gost.ts";
import { buildSelfSignedCertificate } from "./self-signed.ts";

const generateRsaKeyPair = promisify(generateKeyPair);

export interface DevKeys {
  client: {
    privateKeyPem: string;
    certificatePem: string;
    certificateDer: Uint8Array;
    certificateHash: string;
  };
  standin: {
    rsaPrivateKeyPem: string;
    rsaCertificatePem: string;
    gostPrivateKeyPem: string;
    gostCertificatePem: string;
  };
}

interface PemPair {
  keyPem: string;
  certificatePem: string;
}

const VALID_DAYS = 3650;
const KEY_FILE = "key.pem";
const CERTIFICATE_FILE = "certificate.pem";

/** Reads the key pairs under dir (e.g. ./data/keys), creating whatever is missing. */
export async function loadOrCreateDevKeys(dir: string): Promise<DevKeys> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const client = await loadOrCreatePair(dir, "client-gost", async () => gostPair("FRMRLK dev"));
  const standinRsa = await loadOrCreatePair(dir, "standin-rsa", () => rsaPair("ESIA stand-in RSA"));
  const standinGost = await loadOrCreatePair(dir, "standin-gost", async () => gostPair("ESIA stand-in GOST"));
  const certificateDer = pemToDer(client.certificatePem);
  return {
    client: {
      privateKeyPem: client.keyPem,
      certificatePem: client.certificatePem,
      certificateDer,
      certificateHash: certificateHash(certificateDer),
    },
    standin: {
      rsaPrivateKeyPem: standinRsa.keyPem,
      rsaCertificatePem: standinRsa.certificatePem,
      gostPrivateKeyPem: standinGost.keyPem,
      gostCertificatePem: standinGost.certificatePem,
    },
  };
}

// Each pair lives in its own subdirectory, written to a temporary directory and renamed into place:
// the rename is atomic, so a key never ends up next to another run's certificate, even when two
// processes (say, parallel tests) start on an empty directory at once. The loser reads the winner's.
async function loadOrCreatePair(dir: string, name: string, create: () => Promise<PemPair>): Promise<PemPair> {
  const target = join(dir, name);
  const existing = await readPair(target);
  if (existing) return existing;
  const staging = await mkdtemp(join(dir, `.${name}-`));
  try {
    const pair = await create();
    await writeFile(join(staging, KEY_FILE), pair.keyPem, { mode: 0o600 });
    await writeFile(join(staging, CERTIFICATE_FILE), pair.certificatePem, { mode: 0o644 });
    try {
      await rename(staging, target);
      return pair;
    } catch (error) {
      const winner = await readPair(target);
      if (winner) return winner;
      throw new Error(`${target} exists without both ${KEY_FILE} and ${CERTIFICATE_FILE}; remove it`, {
        cause: error,
      });
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function readPair(pairDir: string): Promise<PemPair | undefined> {
  try {
    const [keyPem, certificatePem] = await Promise.all([
      readFile(join(pairDir, KEY_FILE), "utf8"),
      readFile(join(pairDir, CERTIFICATE_FILE), "utf8"),
    ]);
    return { keyPem, certificatePem };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function gostPair(commonName: string): PemPair {
  const keyPair = generateGostKeyPair();
  const der = createGostCertificate({ commonName, keyPair, validDays: VALID_DAYS });
  return { keyPem: gostPrivateKeyToPem(keyPair.privateKey), certificatePem: derToPem(der, "CERTIFICATE") };
}

// sha256WithRSAEncryption with its customary NULL parameters (RFC 4055 §5).
const SHA256_WITH_RSA = toDer(
  new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: "1.2.840.113549.1.1.11" }), new asn1js.Null()],
  }),
);

async function rsaPair(commonName: string): Promise<PemPair> {
  const { privateKey, publicKey } = await generateRsaKeyPair("rsa", { modulusLength: 2048 });
  const der = buildSelfSignedCertificate({
    commonName,
    validDays: VALID_DAYS,
    subjectPublicKeyInfo: new Uint8Array(publicKey.export({ type: "spki", format: "der" })),
    signatureAlgorithm: SHA256_WITH_RSA,
    sign: (tbs) => new Uint8Array(sign("sha256", tbs, privateKey)),
  });
  return {
    keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    certificatePem: derToPem(der, "CERTIFICATE"),
  };
}
