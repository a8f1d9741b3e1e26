// Authentication of the relying party (the "IS") on /v2/ac and /v3/te: registered mnemonic,
// certificate hash, raw GOST client_secret and the request timestamp (domain/esia.md §6, §7, §8).

import { certificateHash, gostPublicKeyInfoFromCertificate } from "../esia/crypto/certificate.ts";
import type { GostCurve } from "../esia/crypto/gost.ts";
import { gostVerify } from "../esia/crypto/gost.ts";
import { decodeBase64Lenient, parseEsiaTimestamp, v1SignedString } from "../esia/protocol.ts";
import { parseCertificate } from "../modules/signatures/certificate.parse.ts";
import { verifyDetached } from "../modules/signatures/cms.ts";
import { type EsiaError, esiaError } from "./errors.ts";

export interface StandinClient {
  clientId: string;
  redirectUris: string[];
  certificateDer: Uint8Array;
  allowedScopes: string[];
  logoutRedirectUrls?: string[];
  /** Name shown on the consent page, e.g. «ФРМР — личный кабинет». */
  displayName?: string;
}

export interface RegisteredClient {
  config: StandinClient;
  certificateHash: string;
  publicKey: Uint8Array;
  curve: GostCurve;
}

/** Reads every client certificate once at start; a broken certificate is a configuration error. */
export function registerClients(clients: readonly StandinClient[]): Map<string, RegisteredClient> {
  const registry = new Map<string, RegisteredClient>();
  for (const config of clients) {
    const { publicKey, curve } = gostPublicKeyInfoFromCertificate(config.certificateDer);
    registry.set(config.clientId, {
      config,
      certificateHash: certificateHash(config.certificateDer),
      publicKey,
      curve,
    });
  }
  return registry;
}

/** ESIA picks the registered certificate by this hash (§7); upper case is what clients send. */
export function certificateHashMatches(client: RegisteredClient, sent: string): boolean {
  return sent.toUpperCase() === client.certificateHash;
}

/**
 * True when `secret` is a 64-byte GOST signature by the client's certificate over one of `messages`.
 * Any base64 flavour is accepted: with or without padding, URL-safe or standard (§6.1.2).
 */
export function clientSecretVerifies(
  client: RegisteredClient,
  secret: string,
  messages: readonly string[],
): boolean {
  const signature = decodeBase64Lenient(secret);
  if (signature?.length !== 64) return false;
  return messages.some((message) =>
    gostVerify(client.publicKey, new TextEncoder().encode(message), signature, client.curve),
  );
}

/**
 * The legacy v1 client_secret (§6.2): a detached CMS over scope+timestamp+client_id+state, made by
 * the registered certificate (embedded in the CMS, as v1 clients send it), with or without signed
 * attributes.
 */
export function cmsSecretVerifies(
  client: RegisteredClient,
  secret: string,
  signed: Parameters<typeof v1SignedString>[0],
): boolean {
  const message = v1SignedString(signed);
  const der = decodeBase64Lenient(secret);
  if (!der || der.length < 64) return false;
  let registered: ReturnType<typeof parseCertificate>;
  try {
    registered = parseCertificate(client.config.certificateDer);
  } catch {
    return false;
  }
  const verdict = verifyDetached(der, new TextEncoder().encode(message), [registered], {
    attributesOptional: true,
  });
  return verdict.ok && certificateHash(verdict.signer.der) === client.certificateHash;
}

/**
 * What a client proves with each request: a fresh timestamp and a client_secret made by its
 * certificate — v2: a GOST signature over one of `messages`, with the certificate's hash when sent;
 * v1: a detached CMS over scope+timestamp+client_id+state.
 */
export type ClientProof = { secret: string; timestamp: string } & (
  | { version: "v1"; signed: Parameters<typeof v1SignedString>[0] }
  | { version: "v2"; certificateHash: string | undefined; messages: readonly string[] }
);

/** The one check of a client's proof, for the authorization and the token endpoints alike. */
export function checkClientProof(
  client: RegisteredClient,
  proof: ClientProof,
  now: Date,
  windowSeconds: number,
): EsiaError | undefined {
  if (
    proof.version === "v2" &&
    proof.certificateHash !== undefined &&
    !certificateHashMatches(client, proof.certificateHash)
  )
    return esiaError("ESIA-007053", "client_certificate_hash");
  const timeError = checkTimestamp(proof.timestamp, now, windowSeconds);
  if (timeError) return timeError;
  const valid =
    proof.version === "v1"
      ? cmsSecretVerifies(client, proof.secret, proof.signed)
      : clientSecretVerifies(client, proof.secret, proof.messages);
  return valid ? undefined : esiaError("ESIA-007053", "client_secret");
}

/** Malformed → 007014 [timestamp] (how ESIA answers a badly encoded one, §4.2); too far off → 007015. */
export function checkTimestamp(value: string, now: Date, windowSeconds: number): EsiaError | undefined {
  const sent = parseEsiaTimestamp(value);
  if (!sent) return esiaError("ESIA-007014", "timestamp");
  if (Math.abs(sent.getTime() - now.getTime()) > windowSeconds * 1000)
    return esiaError("ESIA-007015", "timestamp");
  return undefined;
}

/**
 * Reads single-valued parameters from a parsed query or form. A repeated parameter is an error
 * (007003) rather than "first wins", so that a client bug cannot go unnoticed.
 */
export function singleParams(
  source: unknown,
): { ok: true; get: (name: string) => string | undefined } | { ok: false; error: EsiaError } {
  const record = (source ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(record)) {
    if (typeof value !== "string") return { ok: false, error: esiaError("ESIA-007003", name) };
  }
  return { ok: true, get: (name) => (Object.hasOwn(record, name) ? (record[name] as string) : undefined) };
}
