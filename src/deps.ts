// Composition root: builds the database, adapters and services once, from the config.

import { join } from "node:path";
import type { Config } from "./config/config.ts";
import { type DatabaseHandle, openDatabase } from "./db/client.ts";
import { createEsiaClient } from "./esia/client.ts";
import { type DevKeys, loadOrCreateDevKeys } from "./esia/crypto/dev-keys.ts";
import { createCommandSigner, createPureJsSigner, type Signer } from "./esia/crypto/signer.ts";
import type { IdentityProvider } from "./esia/identity-provider.ts";
import { createOidcIdentityProvider } from "./esia/oidc-adapter.ts";
import { createMetrics, type Metrics } from "./http/operations.ts";
import { createReadiness, type Readiness } from "./http/readiness.ts";
import { apiJobHandlers } from "./modules/api/api.jobs.ts";
import { type ApiServices, createApiServices } from "./modules/api/api.services.ts";
import {
  type AccreditationServices,
  accreditationJobHandlers,
  createAccreditationServices,
} from "./modules/applications/accreditation.services.ts";
import { type ConsentService, createConsentService } from "./modules/consent/consent.service.ts";
import { createDocumentsService, type DocumentsService } from "./modules/documents/documents.service.ts";
import type { FileStorage } from "./modules/documents/storage.ts";
import { createFileStorage } from "./modules/documents/storage-factory.ts";
import type { EgrulRegistry } from "./modules/egrul/egrul.port.ts";
import { createStandinEgrul } from "./modules/egrul/egrul.standin.ts";
import { createHistoryService, type HistoryService } from "./modules/history/history.service.ts";
import { createIdentityService, type IdentityService } from "./modules/identity/identity.service.ts";
import {
  createSessionsService,
  type SessionsService,
  sessionsJobHandlers,
} from "./modules/identity/sessions.service.ts";
import { createJobWorker, type JobWorker } from "./modules/jobs/jobs.worker.ts";
import { createOutboxDeliveryHandler, OUTBOX_DELIVERY_JOB } from "./modules/notifications/delivery.ts";
import { createTransports, type Transports } from "./modules/notifications/transports.ts";
import { cabinetJobHandlers } from "./modules/organizations/cabinet.jobs.ts";
import { type CabinetServices, createCabinetServices } from "./modules/organizations/cabinet.services.ts";
import { createRegisterService, type RegisterService } from "./modules/register/register.service.ts";
import { createSettingsService, type SettingsService } from "./modules/settings/settings.service.ts";
import { createSignaturesService, type SignaturesService } from "./modules/signatures/signatures.service.ts";
import { createSignatureTrust, type SignatureTrust } from "./modules/signatures/signatures.setup.ts";
import { createIncidentBoard, type IncidentBoard } from "./modules/status/incidents.ts";
import { maintenanceJobHandlers } from "./modules/status/maintenance.jobs.ts";
import type { StatusChecker } from "./modules/status/status.checks.ts";
import { createServiceStatus } from "./modules/status/status.deps.ts";
import { createSupportModule, type SupportModule } from "./modules/support/support.module.ts";
import { type Clock, systemClock } from "./shared/clock.ts";

export interface Deps {
  config: Config;
  clock: Clock;
  database: DatabaseHandle;
  metrics: Metrics;
  identityProvider: IdentityProvider;
  identityService: IdentityService;
  /** The worker's register record, consent, settings and journal (W2, W5, W6, W14, W15). */
  registerService: RegisterService;
  consentService: ConsentService;
  settingsService: SettingsService;
  /** Not ready while the process starts and waits for the database (main.ts). */
  readiness: Readiness;
  sessionsService: SessionsService;
  historyService: HistoryService;
  fileStorage: FileStorage;
  documentsService: DocumentsService;
  /** ЕГРЮЛ/ЕГРИП; only the stand-in exists so far. */
  egrul: EgrulRegistry;
  /** Use cases of the organization's cabinet. */
  cabinet: CabinetServices;
  /** Applications, the head's agreement, the commission's back office, extracts (W9–W13, C1–C3). */
  accreditation: AccreditationServices;
  /** Integration API and FHIR (C4): clients, tokens, REST use cases, directories. */
  api: ApiServices;
  /** Support desk: requests, «Мои обращения», chat, back office, report (W16, O14). */
  support: SupportModule;
  /** The head's signing certificates and signature checks (O11, O12). */
  signatures: SignaturesService;
  /** The background job worker; main.ts starts and stops it, tests run it by hand. */
  jobWorker: JobWorker;
  /** E-mail and SMS transports (SMTP, HTTP gateway, or the development outbox). */
  transports: Transports;
  /** The dependencies shown on /status (C6). */
  serviceStatus: StatusChecker;
  /** Operators' messages about the service, for every page's header and /status (C6). */
  incidents: IncidentBoard;
}

export interface DepsOverrides {
  clock?: Clock;
  database?: DatabaseHandle;
  devKeys?: DevKeys;
  egrul?: EgrulRegistry;
  signatureTrust?: SignatureTrust;
}

export async function createDeps(config: Config, overrides: DepsOverrides = {}): Promise<Deps> {
  const clock = overrides.clock ?? systemClock;
  const database =
    overrides.database ??
    (await openDatabase({
      url: config.databaseUrl,
      pgliteDir: join(config.dataDir, "pg"),
      poolSize: config.db.poolSize,
      statementTimeoutMs: config.db.statementTimeoutMs,
    }));
  const devKeys =
    overrides.devKeys ?? (needsDevKeys(config) ? await loadOrCreateDevKeys(devKeysDir(config)) : undefined);
  // Uploaded files live under DATA_DIR/files, or in a bucket that every instance shares.
  const fileStorage = createFileStorage(config);
  const egrul = overrides.egrul ?? createStandinEgrul();
  const cabinet = createCabinetServices({
    db: database.db,
    clock,
    egrul,
    storage: fileStorage,
    addressBlock: config.addressBlock,
    staffLookupsPerHour: config.staffLookupsPerHour,
  });
  const registerService = createRegisterService({ db: database.db, clock });
  const transports = createTransports(config);
  const support = createSupportModule({ db: database.db, clock, storage: fileStorage, config });
  const sessionsService = createSessionsService({ db: database.db, clock });
  return {
    config,
    clock,
    database,
    metrics: createMetrics(),
    identityProvider: createIdentityProvider(config, clock, devKeys),
    identityService: createIdentityService({
      db: database.db,
      clock,
      // The register's hook first: it stores the ESIA contacts the new-network notice is sent to.
      onSignIn: [registerService.recordSignIn, sessionsService.rememberNetwork],
    }),
    sessionsService,
    readiness: createReadiness(),
    registerService,
    // The session secret also keys the HMAC of one-time codes; the code id and purpose are in the input.
    consentService: createConsentService({ db: database.db, clock, codeSecret: config.sessionSecret }),
    settingsService: createSettingsService({ db: database.db, clock }),
    historyService: createHistoryService({ db: database.db }),
    fileStorage,
    documentsService: createDocumentsService({
      db: database.db,
      clock,
      storage: fileStorage,
      quota: { maxFiles: config.documents.quotaFiles, maxBytes: config.documents.quotaBytes },
    }),
    egrul,
    cabinet,
    accreditation: createAccreditationServices({ db: database.db, clock, config }),
    transports,
    serviceStatus: createServiceStatus({
      database,
      clock,
      esiaUrl: config.identityAdapter === "oidc" ? config.oidc.issuerUrl : config.esia.url,
      smsGatewayUrl: config.sms.url,
      transports,
      egrul,
      fileStorage,
    }),
    incidents: createIncidentBoard({ db: database.db, clock }),
    api: createApiServices({ db: database.db, clock, config, staff: cabinet.staff }),
    support,
    signatures: createSignaturesService({
      db: database.db,
      clock,
      trust: lazySignatureTrust(config, overrides),
    }),
    jobWorker: createJobWorker({
      db: database.db,
      clock,
      leaseMs: config.jobs.leaseMs,
      pollIntervalMs: config.jobs.pollMs,
      handlers: {
        ...accreditationJobHandlers({ db: database.db, clock, config }),
        ...cabinetJobHandlers({ db: database.db, clock, egrul, staffImport: cabinet.staffImport }),
        ...support.jobHandlers,
        ...sessionsJobHandlers({ db: database.db, clock, publicUrl: config.publicUrl }),
        ...maintenanceJobHandlers({ db: database.db, clock, storage: fileStorage }),
        ...apiJobHandlers({
          db: database.db,
          clock,
          idempotencyRetentionHours: config.apiIdempotencyRetentionHours,
        }),
        [OUTBOX_DELIVERY_JOB]: createOutboxDeliveryHandler({
          db: database.db,
          clock,
          transport: transports.transport,
        }),
      },
    }),
  };
}

// Opened at first use: reading the trusted roots (and creating the test CA) is work a process that
// never checks a signature need not do.
function lazySignatureTrust(config: Config, overrides: DepsOverrides): () => SignatureTrust {
  let trust = overrides.signatureTrust;
  return () => {
    trust ??= createSignatureTrust(config);
    return trust;
  };
}

export const devKeysDir = (config: Config): string => join(config.dataDir, "keys");

/** Development key material fills in whatever real ESIA settings are absent (never in production). */
function needsDevKeys(config: Config): boolean {
  if (config.identityAdapter === "oidc" && !config.standin.enabled) return false;
  const hasSigningKey = Boolean(config.esia.clientKeyPem || config.esia.signerCommand);
  return !hasSigningKey || !config.esia.clientCertificatePem || config.esia.certificatesPem.length === 0;
}

function createIdentityProvider(
  config: Config,
  clock: Clock,
  devKeys: DevKeys | undefined,
): IdentityProvider {
  if (config.identityAdapter === "oidc") {
    return createOidcIdentityProvider({
      ...config.oidc,
      redirectUri: `${config.publicUrl}/auth/esia/callback`,
      timeoutMs: config.esia.timeoutMs,
      now: () => clock.now(),
    });
  }
  const signer = createSigner(config, devKeys);
  const certificates =
    config.esia.certificatesPem.length > 0
      ? config.esia.certificatesPem
      : [required(devKeys).standin.rsaCertificatePem, required(devKeys).standin.gostCertificatePem];
  return createEsiaClient({
    baseUrl: config.esia.url,
    clientId: config.esia.clientId,
    redirectUri: `${config.publicUrl}/auth/esia/callback`,
    scopes: config.esia.scopes,
    signer,
    issuer: config.esia.issuers,
    verificationCertificates: certificates,
    timeoutMs: config.esia.timeoutMs,
    now: () => clock.now(),
  });
}

function createSigner(config: Config, devKeys: DevKeys | undefined): Signer {
  const certificatePem = config.esia.clientCertificatePem ?? required(devKeys).client.certificatePem;
  if (config.esia.signerCommand) {
    return createCommandSigner({
      command: config.esia.signerCommand,
      reverseOutput: config.esia.signerReverse,
      certificatePem,
      timeoutMs: config.esia.timeoutMs,
    });
  }
  return createPureJsSigner({
    privateKeyPem: config.esia.clientKeyPem ?? required(devKeys).client.privateKeyPem,
    certificatePem,
  });
}

function required(devKeys: DevKeys | undefined): DevKeys {
  if (!devKeys) throw new Error("development keys are required when ESIA settings are incomplete");
  return devKeys;
}
