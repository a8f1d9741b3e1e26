// One validated configuration object, read once at start (see README «Configuration»).
import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import type { S3Settings } from "../modules/documents/s3-storage.ts";
import type { SmsGatewaySettings } from "../modules/notifications/sms-gateway.ts";
import { parseWorkingHours, type WorkingHours } from "../modules/support/support.hours.ts";
import { settings } from "./settings.ts";

export type Environment = "development" | "test" | "production";

export interface Config {
  env: Environment;
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: string;
  rateLimitPerMinute: number;
  /** O13: failed logins from one address that block it, and for how long. */
  addressBlock: { failures: number; minutes: number };
  staffLookupsPerHour: number;
  support: { phone: string; email: string; hours: string };
  identityAdapter: "esia" | "oidc";
  oidc: { issuerUrl: string; clientId: string; clientSecret: string; scopes: string[]; trustedClaim: string };
  esia: {
    url: string;
    clientId: string;
    scopes: string[];
    issuers: string[];
    certificatesPem: string[];
    clientKeyPem: string | undefined;
    clientCertificatePem: string | undefined;
    /** argv of an external signer; undefined: the pure-JS GOST signer. */
    signerCommand: string[] | undefined;
    signerReverse: boolean;
    timeoutMs: number;
  };
  standin: {
    enabled: boolean;
    /** The stand-in runs in another process (shared by several instances): not started here. */
    external: boolean;
    port: number;
    publicUrl: string;
    tokenAlg: "RS256" | "GOST3410_2012_256";
  };
  documents: { quotaBytes: number; quotaFiles: number; uploadsPerMinute: number };
  accreditation: { filingWindow: FilingWindow };
  jobsWorker: boolean;
  /** The accreditation commission's official name (AccreditationProcedure.institution, the extract). */
  commissionName: string;
  jobs: { leaseMs: number; pollMs: number };
  shutdownTimeoutMs: number;
  db: { poolSize: number; statementTimeoutMs: number };
  requestTimeoutMs: number;
  fileStorage: "fs" | "s3";
  s3: S3Settings;
  smtp: {
    url: string | undefined;
    from: string;
    replyTo: string | undefined;
    caPem: string | undefined;
    timeoutMs: number;
  };
  /** No URL: SMS go to the development outbox only. */
  sms: Omit<SmsGatewaySettings, "url"> & { url: string | undefined };
  /** Requests per minute and integration API client. */
  apiRateLimitPerMinute: number;
  /** How long the answer to a write with an Idempotency-Key is kept for replay. */
  apiIdempotencyRetentionHours: number;
  /** The support desk (W16, O14): working hours and the public form's limit. */
  supportDesk: { workingHours: WorkingHours; publicRequestsPerHour: number };
  signatures: { trustedRootFiles: string[]; crlTimeoutMs: number; testCa: boolean };
}

/** A span before a date: `12m` or `90d`. */
export interface FilingWindow {
  unit: "months" | "days";
  amount: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join("\n- ")}`);
  }
}

type Env = Record<string, string | undefined>;

/** Builds the config from the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = (name: keyof typeof settings): string => {
    const value = env[name]?.trim();
    return value !== undefined && value !== "" ? value : settings[name].fallback;
  };
  const int = (name: keyof typeof settings): number => {
    const value = Number(read(name));
    if (!Number.isInteger(value) || value < 0) problems.push(`${name} must be a non-negative integer`);
    return value;
  };
  const list = (name: keyof typeof settings): string[] =>
    read(name)
      .split(/[\s,]+/)
      .filter((item) => item !== "");

  const nodeEnv = read("NODE_ENV");
  if (!["development", "test", "production"].includes(nodeEnv)) problems.push("NODE_ENV is unknown");
  const envName = nodeEnv as Environment;
  const production = envName === "production";
  const port = int("PORT");
  const publicUrl = read("PUBLIC_URL") || `http://localhost:${port}`;
  const standinPort = int("ESIA_STANDIN_PORT");
  const standinUrl = `http://localhost:${standinPort}`;
  const standinSetting = read("ESIA_STANDIN");
  const standinEnabled =
    standinSetting === "on" || standinSetting === "external" || (standinSetting === "" && !production);

  const config: Config = {
    env: envName,
    port,
    host: read("HOST"),
    publicUrl,
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    dataDir: read("DATA_DIR"),
    sessionSecret: read("SESSION_SECRET"),
    cookieSecure: publicUrl.startsWith("https://"),
    trustProxy: read("TRUST_PROXY") === "on",
    logLevel: read("LOG_LEVEL"),
    rateLimitPerMinute: int("RATE_LIMIT_PER_MINUTE"),
    addressBlock: { failures: int("LOGIN_FAILURES_PER_ADDRESS"), minutes: int("ADDRESS_BLOCK_MINUTES") },
    staffLookupsPerHour: int("STAFF_LOOKUPS_PER_HOUR"),
    support: { phone: read("SUPPORT_PHONE"), email: read("SUPPORT_EMAIL"), hours: read("SUPPORT_HOURS") },
    identityAdapter: read("IDENTITY_ADAPTER") === "oidc" ? "oidc" : "esia",
    oidc: {
      issuerUrl: read("OIDC_ISSUER_URL"),
      clientId: read("OIDC_CLIENT_ID"),
      clientSecret: read("OIDC_CLIENT_SECRET"),
      scopes: list("OIDC_SCOPES"),
      trustedClaim: read("OIDC_TRUSTED_CLAIM"),
    },
    esia: {
      url: read("ESIA_URL") || standinUrl,
      clientId: read("ESIA_CLIENT_ID"),
      scopes: list("ESIA_SCOPES"),
      issuers: list("ESIA_ISSUERS").length > 0 ? list("ESIA_ISSUERS") : [`${standinUrl}/`],
      certificatesPem: readCertificateList(env.ESIA_CERTIFICATES, problems),
      clientKeyPem: env.ESIA_CLIENT_KEY_PEM?.trim() || undefined,
      clientCertificatePem: env.ESIA_CLIENT_CERTIFICATE_PEM?.trim() || undefined,
      signerCommand: readCommand(env.ESIA_SIGNER_COMMAND, problems),
      signerReverse: read("ESIA_SIGNER_REVERSE") === "on",
      timeoutMs: int("ESIA_TIMEOUT_MS"),
    },
    standin: {
      enabled: standinEnabled,
      external: standinSetting === "external",
      port: standinPort,
      publicUrl: standinUrl,
      tokenAlg: read("ESIA_STANDIN_TOKEN_ALG") === "GOST3410_2012_256" ? "GOST3410_2012_256" : "RS256",
    },
    documents: {
      quotaBytes: int("DOCUMENTS_QUOTA_MB") * 1024 * 1024,
      quotaFiles: int("DOCUMENTS_QUOTA_FILES"),
      uploadsPerMinute: int("DOCUMENTS_UPLOADS_PER_MINUTE"),
    },
    accreditation: { filingWindow: readFilingWindow(read("ACCREDITATION_FILING_WINDOW"), problems) },
    jobsWorker: read("JOBS_WORKER") !== "off",
    commissionName: read("COMMISSION_NAME"),
    jobs: { leaseMs: int("JOBS_LEASE_MS"), pollMs: int("JOBS_POLL_MS") },
    shutdownTimeoutMs: int("SHUTDOWN_TIMEOUT_MS"),
    db: { poolSize: int("DB_POOL_SIZE"), statementTimeoutMs: int("DB_STATEMENT_TIMEOUT_MS") },
    requestTimeoutMs: int("REQUEST_TIMEOUT_MS"),
    fileStorage: read("FILE_STORAGE") === "s3" ? "s3" : "fs",
    s3: {
      bucket: read("S3_BUCKET"),
      endpoint: read("S3_ENDPOINT") || undefined,
      region: read("S3_REGION"),
      accessKeyId: read("S3_ACCESS_KEY_ID"),
      secretAccessKey: read("S3_SECRET_ACCESS_KEY"),
      forcePathStyle: read("S3_FORCE_PATH_STYLE") === "on",
    },
    smtp: {
      url: read("SMTP_URL") || undefined,
      from: read("SMTP_FROM"),
      replyTo: read("SMTP_REPLY_TO") || undefined,
      caPem: read("SMTP_CA_PEM") || undefined,
      timeoutMs: int("SMTP_TIMEOUT_MS"),
    },
    sms: {
      url: read("SMS_GATEWAY_URL") || undefined,
      format: read("SMS_GATEWAY_FORMAT") === "form" ? "form" : "json",
      template: read("SMS_GATEWAY_TEMPLATE"),
      login: read("SMS_GATEWAY_LOGIN"),
      password: read("SMS_GATEWAY_PASSWORD"),
      token: read("SMS_GATEWAY_TOKEN"),
      sender: read("SMS_SENDER"),
      timeoutMs: int("SMS_TIMEOUT_MS"),
    },
    apiRateLimitPerMinute: int("API_RATE_LIMIT_PER_MINUTE"),
    apiIdempotencyRetentionHours: int("API_IDEMPOTENCY_RETENTION_HOURS"),
    supportDesk: {
      workingHours: parseWorkingHours(read("SUPPORT_WORK_HOURS")) ?? { from: 8 * 60, to: 20 * 60 },
      publicRequestsPerHour: int("SUPPORT_PUBLIC_REQUESTS_PER_HOUR"),
    },
    signatures: {
      trustedRootFiles: list("SIGNATURE_TRUSTED_ROOTS"),
      crlTimeoutMs: int("SIGNATURE_CRL_TIMEOUT_MS"),
      testCa: read("SIGNATURE_TEST_CA") === "on" || (read("SIGNATURE_TEST_CA") === "" && !production),
    },
  };
  if (!parseWorkingHours(read("SUPPORT_WORK_HOURS")))
    problems.push("SUPPORT_WORK_HOURS must look like 08:00-20:00");

  if (!["esia", "oidc"].includes(read("IDENTITY_ADAPTER")))
    problems.push("IDENTITY_ADAPTER must be esia or oidc");
  if (config.identityAdapter === "oidc") problems.push(...oidcProblems(config));
  problems.push(...transportProblems(config));
  if (!["fs", "s3"].includes(read("FILE_STORAGE"))) problems.push("FILE_STORAGE must be fs or s3");
  if (config.fileStorage === "s3" && !config.s3.bucket)
    problems.push("S3_BUCKET is required when FILE_STORAGE=s3");
  if (!["json", "form"].includes(read("SMS_GATEWAY_FORMAT")))
    problems.push("SMS_GATEWAY_FORMAT must be json or form");
  if (production) problems.push(...productionProblems(config, env));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function oidcProblems(config: Config): string[] {
  const { issuerUrl, clientId, clientSecret } = config.oidc;
  return issuerUrl && clientId && clientSecret
    ? []
    : ["OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required when IDENTITY_ADAPTER=oidc"];
}

function transportProblems(config: Config): string[] {
  const problems: string[] = [];
  if (config.smtp.url && !/^smtps?:\/\//.test(config.smtp.url))
    problems.push("SMTP_URL must start with smtp:// or smtps://");
  if (config.sms.url && !/^https?:\/\//.test(config.sms.url))
    problems.push("SMS_GATEWAY_URL must be an http(s):// address");
  try {
    const template: unknown = JSON.parse(config.sms.template);
    if (typeof template !== "object" || template === null || Array.isArray(template)) throw new Error();
  } catch {
    problems.push("SMS_GATEWAY_TEMPLATE must be a JSON object");
  }
  return problems;
}

/** In production nothing may fall back to development material, and the stand-in can never run. */
function productionProblems(config: Config, env: Env): string[] {
  const problems: string[] = [];
  if (config.standin.enabled) problems.push("ESIA_STANDIN cannot be on in production");
  if (config.signatures.testCa) problems.push("SIGNATURE_TEST_CA cannot be on in production");
  if (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32) {
    problems.push("SESSION_SECRET of at least 32 characters is required in production");
  }
  if (!env.DATABASE_URL) problems.push("DATABASE_URL is required in production");
  if (!env.PUBLIC_URL?.startsWith("https://"))
    problems.push("PUBLIC_URL must be an https:// address in production");
  if (config.identityAdapter === "oidc") return problems;
  if (!env.ESIA_URL) problems.push("ESIA_URL is required in production");
  if (!env.ESIA_ISSUERS) problems.push("ESIA_ISSUERS is required in production");
  if (config.esia.certificatesPem.length === 0) problems.push("ESIA_CERTIFICATES is required in production");
  if ((!config.esia.clientKeyPem && !config.esia.signerCommand) || !config.esia.clientCertificatePem) {
    problems.push(
      "ESIA_CLIENT_CERTIFICATE_PEM and a signing key (ESIA_CLIENT_KEY_PEM or ESIA_SIGNER_COMMAND) are required in production",
    );
  }
  return problems;
}

function readCommand(value: string | undefined, problems: string[]): string[] | undefined {
  if (!value?.trim()) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((item) => typeof item === "string"))
      return parsed;
  } catch {
    // reported below
  }
  problems.push('ESIA_SIGNER_COMMAND must be a JSON array of strings, e.g. ["openssl","dgst",…]');
  return undefined;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * PEM blocks written in the variable, and paths of certificate files: ESIA ships its `.cer` files in
 * DER, so a file holding no PEM block is read as DER and wrapped as PEM.
 */
function readCertificateList(value: string | undefined, problems: string[]): string[] {
  const text = value ?? "";
  const inline = text.match(PEM_CERTIFICATE) ?? [];
  const paths = text.replace(PEM_CERTIFICATE, " ").split(/\s+/).filter(Boolean);
  const fromFiles = paths.flatMap((path) => {
    try {
      const bytes = readFileSync(path);
      const pem = bytes.toString("latin1").match(PEM_CERTIFICATE);
      if (pem) return pem;
      new X509Certificate(bytes);
      const base64 = bytes.toString("base64").replace(/.{64}(?=.)/g, "$&\n");
      return [`-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----`];
    } catch {
      problems.push(
        `ESIA_CERTIFICATES: ${path} is neither a PEM block nor a readable certificate file (PEM or DER)`,
      );
      return [];
    }
  });
  return [...inline, ...fromFiles];
}

function readFilingWindow(value: string, problems: string[]): FilingWindow {
  const match = /^(\d+)([md])$/.exec(value);
  if (!match || Number(match[1]) === 0) {
    problems.push("ACCREDITATION_FILING_WINDOW must be a number of months or days, e.g. 12m or 90d");
    return { unit: "months", amount: 12 };
  }
  return { unit: match[2] === "m" ? "months" : "days", amount: Number(match[1]) };
}
