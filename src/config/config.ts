// One validated configuration object, read once at start (see README «Configuration»).
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
  standin: { enabled: boolean; port: number; publicUrl: string; tokenAlg: "RS256" | "GOST3410_2012_256" };
  documents: { quotaBytes: number; quotaFiles: number; uploadsPerMinute: number };
  accreditation: { filingWindow: FilingWindow };
  jobsWorker: boolean;
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
  const standinEnabled = standinSetting === "on" || (standinSetting === "" && !production);

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
      certificatesPem: readPemList(env.ESIA_CERTIFICATES),
      clientKeyPem: env.ESIA_CLIENT_KEY_PEM?.trim() || undefined,
      clientCertificatePem: env.ESIA_CLIENT_CERTIFICATE_PEM?.trim() || undefined,
      signerCommand: readCommand(env.ESIA_SIGNER_COMMAND, problems),
      signerReverse: read("ESIA_SIGNER_REVERSE") === "on",
      timeoutMs: int("ESIA_TIMEOUT_MS"),
    },
    standin: {
      enabled: standinEnabled,
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
    signatures: {
      trustedRootFiles: list("SIGNATURE_TRUSTED_ROOTS"),
      crlTimeoutMs: int("SIGNATURE_CRL_TIMEOUT_MS"),
      testCa: read("SIGNATURE_TEST_CA") === "on" || (read("SIGNATURE_TEST_CA") === "" && !production),
    },
  };

  if (!["esia", "oidc"].includes(read("IDENTITY_ADAPTER")))
    problems.push("IDENTITY_ADAPTER must be esia or oidc");
  if (config.identityAdapter === "oidc") problems.push(...oidcProblems(config));
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

function readPemList(value: string | undefined): string[] {
  return value?.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

function readFilingWindow(value: string, problems: string[]): FilingWindow {
  const match = /^(\d+)([md])$/.exec(value);
  if (!match || Number(match[1]) === 0) {
    problems.push("ACCREDITATION_FILING_WINDOW must be a number of months or days, e.g. 12m or 90d");
    return { unit: "months", amount: 12 };
  }
  return { unit: match[2] === "m" ? "months" : "days", amount: Number(match[1]) };
}
