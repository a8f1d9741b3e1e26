// Linking the ФРМР service to the account (W2): consent to personal-data processing, confirmed by a
// one-time SMS code to the phone from ESIA; revocable, which closes the cabinet again.
import { randomUUID } from "node:crypto";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { auditSuccess, writeAudit } from "../audit/audit.repository.ts";
import { sendMessage } from "../notifications/notifications.repository.ts";
import { contactsOf } from "../register/esia-contacts.ts";
import { type Actor, authorizeWorker } from "../register/register.policy.ts";
import { findEsiaSnapshot } from "../register/register.repository.ts";
import {
  CODE_TTL_MS,
  codeMatches,
  hashCode,
  MAX_CODE_ATTEMPTS,
  MAX_CODES_PER_WINDOW,
  newCode,
  normalizeEnteredCode,
  SEND_WINDOW_MS,
} from "./consent.codes.ts";
import {
  type ConsentRow,
  countCodesSince,
  findActiveConsent,
  insertCode,
  insertConsent,
  latestCode,
  markCodeUsed,
  recordWrongAttempt,
  revokeActiveConsent,
} from "./consent.repository.ts";
import { consentTextSha256, currentConsentVersion } from "./consent.versions.ts";

export type SendOutcome =
  | { ok: true; phone: string; expiresAt: Date }
  | { ok: false; reason: "no-phone" | "too-many" | "already-connected" };

export type ConfirmOutcome =
  | { ok: true }
  | { ok: false; reason: "malformed" | "no-code" | "expired" | "exhausted" }
  | { ok: false; reason: "wrong"; attemptsLeft: number };

export interface PendingCode {
  /** `+7XXXXXXXXXX` */
  phone: string | undefined;
  expiresAt: Date;
  attemptsLeft: number;
}

export interface ConsentService {
  /** No policy check: the cabinet's gate asks this before any page is served. */
  activeConsent(userId: string): Promise<ConsentRow | undefined>;
  /** The phone the code goes to: the mobile number from ESIA. */
  phoneFor(actor: Actor): Promise<string | undefined>;
  pendingCode(actor: Actor): Promise<PendingCode | undefined>;
  sendCode(actor: Actor): Promise<SendOutcome>;
  confirm(actor: Actor, enteredCode: string | undefined): Promise<ConfirmOutcome>;
  /** False when there was no active consent to revoke. */
  revoke(actor: Actor): Promise<boolean>;
}

export function createConsentService(deps: {
  db: Database;
  clock: Clock;
  codeSecret: string;
}): ConsentService {
  const { db, clock, codeSecret } = deps;

  const phoneFor = async (actor: Actor) => contactsOf(await findEsiaSnapshot(db, actor.id)).phone;

  return {
    activeConsent: (userId) => findActiveConsent(db, userId),

    async phoneFor(actor) {
      await authorizeWorker(db, actor, "consent.connect");
      return phoneFor(actor);
    },

    async pendingCode(actor) {
      await authorizeWorker(db, actor, "consent.connect");
      const code = await latestCode(db, actor.id);
      const now = clock.now();
      if (!code || code.usedAt || code.expiresAt <= now || code.attempts >= MAX_CODE_ATTEMPTS)
        return undefined;
      return {
        phone: await phoneFor(actor),
        expiresAt: code.expiresAt,
        attemptsLeft: MAX_CODE_ATTEMPTS - code.attempts,
      };
    },

    async sendCode(actor) {
      await authorizeWorker(db, actor, "consent.connect");
      if (await findActiveConsent(db, actor.id)) return { ok: false, reason: "already-connected" };
      const phone = await phoneFor(actor);
      if (!phone) return { ok: false, reason: "no-phone" };
      const now = clock.now();
      const recent = await countCodesSince(db, actor.id, new Date(now.getTime() - SEND_WINDOW_MS));
      if (recent >= MAX_CODES_PER_WINDOW) return { ok: false, reason: "too-many" };
      const code = newCode();
      const id = randomUUID();
      const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
      await db.transaction(async (tx) => {
        await insertCode(tx, {
          id,
          userId: actor.id,
          codeHash: hashCode(codeSecret, id, code),
          createdAt: now,
          expiresAt,
        });
        await sendMessage(
          tx,
          {
            userId: actor.id,
            channel: "sms",
            to: phone,
            body: `Код для подключения сервиса ФРМР: ${code}. Никому не сообщайте его. Код действует 5 минут.`,
          },
          now,
        );
        await auditSuccess(tx, { userId: actor.id, ip: actor.ip }, "consent.code_sent");
      });
      return { ok: true, phone, expiresAt };
    },

    async confirm(actor, enteredCode) {
      await authorizeWorker(db, actor, "consent.connect");
      const entered = normalizeEnteredCode(enteredCode);
      if (!entered) return { ok: false, reason: "malformed" };
      const now = clock.now();
      return db.transaction(async (tx): Promise<ConfirmOutcome> => {
        const reject = async (outcome: Exclude<ConfirmOutcome, { ok: true }>) => {
          await writeAudit(tx, {
            event: "consent.code_rejected",
            outcome: "failure",
            userId: actor.id,
            ip: actor.ip,
            details: { reason: outcome.reason },
          });
          return outcome;
        };
        const code = await latestCode(tx, actor.id, true);
        if (!code || code.usedAt) return reject({ ok: false, reason: "no-code" });
        if (code.expiresAt <= now) return reject({ ok: false, reason: "expired" });
        if (code.attempts >= MAX_CODE_ATTEMPTS) return reject({ ok: false, reason: "exhausted" });
        if (!codeMatches(codeSecret, code.id, entered, code.codeHash)) {
          const attemptsLeft = MAX_CODE_ATTEMPTS - (await recordWrongAttempt(tx, code.id));
          return reject(
            attemptsLeft > 0
              ? { ok: false, reason: "wrong", attemptsLeft }
              : { ok: false, reason: "exhausted" },
          );
        }
        await markCodeUsed(tx, code.id, now);
        if (await findActiveConsent(tx, actor.id)) return { ok: true };
        const version = currentConsentVersion();
        const consent = await insertConsent(tx, {
          userId: actor.id,
          versionId: version.id,
          textSha256: consentTextSha256(version),
          grantedAt: now,
          grantedIp: actor.ip,
        });
        await auditSuccess(tx, { userId: actor.id, ip: actor.ip }, "consent.granted", {
          consentId: consent.id,
          version: version.id,
        });
        return { ok: true };
      });
    },

    async revoke(actor) {
      await authorizeWorker(db, actor, "consent.revoke");
      return db.transaction(async (tx) => {
        const revoked = await revokeActiveConsent(tx, actor.id, clock.now(), actor.ip);
        if (!revoked) return false;
        await auditSuccess(tx, { userId: actor.id, ip: actor.ip }, "consent.revoked", {
          consentId: revoked.id,
          version: revoked.versionId,
        });
        return true;
      });
    },
  };
}
