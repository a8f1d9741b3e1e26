// Every environment variable the product reads, with its default and meaning.
// The README's configuration table is checked against this list by a test.
export interface Setting {
  fallback: string;
  description: string;
}

export const settings = {
  NODE_ENV: { fallback: "development", description: "`development`, `test` or `production`." },
  PORT: { fallback: "3000", description: "Port of the cabinet." },
  HOST: { fallback: "0.0.0.0", description: "Interface to listen on." },
  PUBLIC_URL: {
    fallback: "",
    description:
      "External address of the cabinet (default `http://localhost:PORT`); `https://` turns on Secure cookies.",
  },
  DATABASE_URL: {
    fallback: "",
    description: "PostgreSQL connection string. Empty: embedded PGlite in `DATA_DIR/pg`.",
  },
  DATA_DIR: { fallback: "./data", description: "Directory for PGlite, uploaded files and development keys." },
  SESSION_SECRET: {
    fallback: "development-only-secret-change-me-0000",
    description: "Secret for signed cookies (CSRF). At least 32 characters in production.",
  },
  TRUST_PROXY: { fallback: "off", description: "`on` behind a reverse proxy that sets X-Forwarded-*." },
  RATE_LIMIT_PER_MINUTE: {
    fallback: "600",
    description: "Requests per minute and client IP across the cabinet.",
  },
  LOG_LEVEL: { fallback: "info", description: "pino log level." },
  LOGIN_FAILURES_PER_ADDRESS: {
    fallback: "10",
    description:
      "Failed logins and wrong entry codes from one client IP, across accounts, within 15 minutes that block the address.",
  },
  ADDRESS_BLOCK_MINUTES: {
    fallback: "30",
    description: "How long an address blocked after repeated failed logins stays blocked.",
  },
  SUPPORT_PHONE: { fallback: "8 800 000-00-00", description: "Support phone shown in the footer." },
  SUPPORT_EMAIL: { fallback: "support@frmr.example", description: "Support e-mail shown in the footer." },
  SUPPORT_HOURS: {
    fallback: "ежедневно с 9:00 до 21:00 (мск)",
    description: "Support hours shown in the footer.",
  },
  SUPPORT_WORK_HOURS: {
    fallback: "08:00-20:00",
    description:
      "Support desk working hours, Moscow time, on working days: due times and the chat (access-blocked requests count around the clock).",
  },
  SUPPORT_PUBLIC_REQUESTS_PER_HOUR: {
    fallback: "10",
    description: "Requests per hour and client IP through the public support form.",
  },
  STAFF_LOOKUPS_PER_HOUR: {
    fallback: "60",
    description:
      "СНИЛС lookups and additions per hour and user in «Добавить работника» (a name is shown only with the matching birth date).",
  },
  IDENTITY_ADAPTER: {
    fallback: "esia",
    description: "`esia` (the ESIA protocol) or `oidc` (standard OpenID Connect, e.g. an ESIA gateway).",
  },
  OIDC_ISSUER_URL: {
    fallback: "",
    description: "OpenID Connect issuer (discovery) URL when `IDENTITY_ADAPTER=oidc`.",
  },
  OIDC_CLIENT_ID: { fallback: "", description: "OpenID Connect client id." },
  OIDC_CLIENT_SECRET: { fallback: "", description: "OpenID Connect client secret." },
  OIDC_SCOPES: { fallback: "openid profile email", description: "OpenID Connect scopes, space separated." },
  OIDC_TRUSTED_CLAIM: {
    fallback: "trusted",
    description: "Claim that must be `true` for a confirmed account (W1) under OpenID Connect.",
  },
  ESIA_URL: { fallback: "", description: "Base URL of ESIA (default: the stand-in)." },
  ESIA_CLIENT_ID: { fallback: "FRMRLK", description: "Mnemonic of our system at ESIA." },
  ESIA_SCOPES: {
    fallback: "openid fullname birthdate gender snils inn id_doc email mobile addresses usr_org",
    description: "Requested scopes, space separated.",
  },
  ESIA_ISSUERS: {
    fallback: "",
    description: "Accepted `iss` values of ESIA tokens, space separated (default: the stand-in's).",
  },
  ESIA_CERTIFICATES: {
    fallback: "",
    description:
      "ESIA's certificates (several for rotation): PEM blocks, or paths of `.cer` files in PEM or DER, space separated. Default: the stand-in's.",
  },
  ESIA_CLIENT_KEY_PEM: {
    fallback: "",
    description: "Our GOST private key (PKCS#8 PEM). Default: a development key generated at first start.",
  },
  ESIA_CLIENT_CERTIFICATE_PEM: {
    fallback: "",
    description: "Our GOST certificate registered at ESIA (PEM). Default: the development one.",
  },
  ESIA_SIGNER_COMMAND: {
    fallback: "",
    description:
      "Sign with an external program instead of the pure-JS GOST code: a JSON array of arguments with `{in}` and `{out}` placeholders (see docs/esia.md).",
  },
  ESIA_SIGNER_REVERSE: {
    fallback: "off",
    description: "`on` reverses the 64 signature bytes of the external program (CryptoPro `csptest`).",
  },
  ESIA_TIMEOUT_MS: { fallback: "5000", description: "Timeout of each request to ESIA." },
  ESIA_STANDIN: {
    fallback: "",
    description:
      "`on` / `off`: the ESIA stand-in. Default: on outside production; refused in production. `external`: several instances share one stand-in run elsewhere (`npm run cluster`) at `ESIA_STANDIN_PORT`; the development pages stay.",
  },
  ESIA_STANDIN_PORT: { fallback: "3001", description: "Port of the ESIA stand-in." },
  ESIA_STANDIN_TOKEN_ALG: {
    fallback: "RS256",
    description: "Stand-in token signature: `RS256` or `GOST3410_2012_256`.",
  },
  DOCUMENTS_QUOTA_MB: { fallback: "100", description: "Total size of one worker's documents, in megabytes." },
  DOCUMENTS_QUOTA_FILES: { fallback: "200", description: "Number of documents one worker may keep." },
  DOCUMENTS_UPLOADS_PER_MINUTE: { fallback: "30", description: "Document uploads per minute and IP." },
  ACCREDITATION_FILING_WINDOW: {
    fallback: "12m",
    description:
      "How long before the previous допуск expires a periodic accreditation may be filed: `12m` (12 months, Положение № 709н) or e.g. `90d` (what some centres accept).",
  },
  COMMISSION_NAME: {
    fallback: "Аккредитационная комиссия Министерства здравоохранения Российской Федерации",
    description: "Official name of the accreditation commission, written into the register and the extract.",
  },
  JOBS_WORKER: {
    fallback: "on",
    description: "`on` / `off`: run the background job worker inside this process.",
  },
  JOBS_LEASE_MS: {
    fallback: "300000",
    description:
      "How long a claimed job is reserved for its worker; a worker killed mid-job is replaced after this time.",
  },
  JOBS_POLL_MS: { fallback: "1000", description: "How often an idle job worker looks for due jobs." },
  SMTP_URL: {
    fallback: "",
    description:
      "Mail server, e.g. `smtp://user:password@mail.example.ru:587` (STARTTLS) or `smtps://…:465` (TLS). Empty: e-mail goes to the development outbox only.",
  },
  SMTP_FROM: {
    fallback: "ФРМР — личный кабинет <no-reply@frmr.example>",
    description: "Sender of notification e-mails.",
  },
  SMTP_REPLY_TO: { fallback: "", description: "Reply-To of notification e-mails (e.g. the support desk)." },
  SMTP_CA_PEM: {
    fallback: "",
    description: "Extra CA certificate(s) (PEM) to trust for the mail server, e.g. a company relay's.",
  },
  SMTP_TIMEOUT_MS: {
    fallback: "10000",
    description: "Connection, greeting and inactivity timeout of SMTP; a timeout is retried later.",
  },
  SMS_GATEWAY_URL: {
    fallback: "",
    description:
      "HTTP(S) endpoint of the SMS gateway that receives one request per message. Empty: SMS go to the development outbox only.",
  },
  SMS_GATEWAY_FORMAT: {
    fallback: "json",
    description: "`json` (JSON body) or `form` (`application/x-www-form-urlencoded`) request to the gateway.",
  },
  SMS_GATEWAY_TEMPLATE: {
    fallback: '{"phone":"{phone}","text":"{text}","sender":"{sender}"}',
    description:
      "Request body as a JSON object; in its strings `{phone}` (`+7…`), `{phoneDigits}` (`7…`), `{text}`, `{sender}`, `{login}`, `{password}` and `{token}` are filled in.",
  },
  SMS_GATEWAY_LOGIN: { fallback: "", description: "Gateway login; with a password sent as HTTP Basic auth." },
  SMS_GATEWAY_PASSWORD: { fallback: "", description: "Gateway password." },
  SMS_GATEWAY_TOKEN: { fallback: "", description: "Gateway API token, sent as `Authorization: Bearer`." },
  SMS_SENDER: { fallback: "FRMR", description: "Sender name registered at the gateway." },
  SMS_TIMEOUT_MS: { fallback: "10000", description: "Timeout of a request to the SMS gateway." },
  FILE_STORAGE: {
    fallback: "fs",
    description:
      "`fs` (files under `DATA_DIR/files`) or `s3` (S3-compatible object storage, shared by instances).",
  },
  S3_BUCKET: { fallback: "", description: "Bucket of uploaded files when `FILE_STORAGE=s3`." },
  S3_ENDPOINT: {
    fallback: "",
    description: "S3 endpoint, e.g. `https://storage.yandexcloud.net` or a MinIO address. Empty: AWS.",
  },
  S3_REGION: { fallback: "ru-central1", description: "S3 region." },
  S3_ACCESS_KEY_ID: { fallback: "", description: "S3 access key id (empty: the SDK's usual sources)." },
  S3_SECRET_ACCESS_KEY: { fallback: "", description: "S3 secret access key." },
  S3_FORCE_PATH_STYLE: {
    fallback: "off",
    description: "`on`: `endpoint/bucket/key` addresses (MinIO and most self-hosted servers).",
  },
  DB_POOL_SIZE: { fallback: "10", description: "PostgreSQL connections per process." },
  DB_STATEMENT_TIMEOUT_MS: {
    fallback: "10000",
    description:
      "PostgreSQL `statement_timeout` (and idle-in-transaction timeout) of the pool's connections.",
  },
  REQUEST_TIMEOUT_MS: {
    fallback: "30000",
    description: "Longest time to receive a whole request (slow clients, large uploads).",
  },
  SHUTDOWN_TIMEOUT_MS: {
    fallback: "20000",
    description:
      "On SIGTERM: how long in-flight requests (and the worker's job in hand) may take before the process exits anyway.",
  },
  API_RATE_LIMIT_PER_MINUTE: {
    fallback: "1200",
    description: "Requests per minute and integration API client (`/api/v1`, `/fhir`).",
  },
  API_IDEMPOTENCY_RETENTION_HOURS: {
    fallback: "24",
    description:
      "How long the integration API keeps the answer to a write with an `Idempotency-Key` (a retry within it gets the same answer); an hourly job removes older ones.",
  },
  SIGNATURE_TRUSTED_ROOTS: {
    fallback: "",
    description:
      "PEM files (comma-separated paths) of the root and intermediate CA certificates trusted for the head's electronic signature: the Минцифры root and accredited CAs.",
  },
  SIGNATURE_CRL_TIMEOUT_MS: { fallback: "3000", description: "Timeout of each CRL download." },
  SIGNATURE_TEST_CA: {
    fallback: "",
    description:
      "`on` / `off`: the test certification authority («Тестовый УЦ») and trust in its root. Default: on outside production; refused in production.",
  },
} satisfies Record<string, Setting>;
