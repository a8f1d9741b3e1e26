// O13 «инициирует блокировку»: with the head's switch on, a staff member who enters from a new
// network or device (outside the allow-list) is held until they type the code e-mailed to them or the
// head lets them in; the head may also turn them away. Many failed logins or wrong codes from one
// address, whoever's accounts they were for, block the address for a while. Every hold, release,
// refusal and block is written to the journal in the transaction of the change.
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import type { Database, DbExecutor } from "../../db/client.ts";
import type { OrganizationRole } from "../../http/session.ts";
import type { Clock } from "../../shared/clock.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { sendMessage } from "../notifications/notifications.repository.ts";
import { contactsOf } from "../register/esia-contacts.ts";
import { findEsiaSnapshot } from "../register/register.repository.ts";
import {
  blockAddress,
  blockedUntil,
  type EntryHoldRow,
  failuresSince,
  findHold,
  holdsSuspicious,
  insertFailure,
  insertHold,
  saveEntrySetting,
  updateHold,
} from "./entry-holds.repository.ts";
import { clientNetwork, isInNetworks } from "./ip-networks.ts";
import { notifyOrganization } from "./notices.ts";
import type { OrganizationRow } from "./organizations.repository.ts";
import { addKnownClients, knownClientFacts } from "./security.repository.ts";
import { describeDevice, deviceKey } from "./security.service.ts";

const CODE_MINUTES = 15;
const MAX_ATTEMPTS = 5;
const FAILURE_WINDOW_MINUTES = 15;

export interface EntryAttempt {
  organization: OrganizationRow;
  userId: string;
  fullName: string;
  role: OrganizationRole;
  networks: readonly string[];
  ip: string;
  userAgent: string;
}

export type ConfirmOutcome =
  | { ok: true }
  | { ok: false; reason: "wrong" | "expired" | "no-code" | "not-found" | "address-blocked" };

const hashCode = (holdId: string, code: string): string =>
  createHash("sha256").update(`${holdId}:${code}`).digest("hex");

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

export function createEntryHoldsService({
  db,
  clock,
  addressBlock = { failures: 10, minutes: 30 },
}: {
  db: Database;
  clock: Clock;
  addressBlock?: { failures: number; minutes: number } | undefined;
}) {
  const service = {
    /** When the address is blocked, until when. */
    blockedUntil(ip: string): Promise<Date | undefined> {
      return blockedUntil(db, ip, clock.now());
    },

    /** Counts a failed login or a wrong code from the address; blocks it when there were too many. */
    async recordFailure(ip: string, reason: string): Promise<void> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        await insertFailure(tx, ip, reason, now);
        const since = new Date(now.getTime() - FAILURE_WINDOW_MINUTES * 60_000);
        const failures = await failuresSince(tx, ip, since);
        if (failures < addressBlock.failures || (await blockedUntil(tx, ip, now))) return;
        const until = new Date(now.getTime() + addressBlock.minutes * 60_000);
        await blockAddress(tx, { ip, blockedUntil: until, failures, createdAt: now });
        await writeAudit(tx, {
          event: "security.address_blocked",
          outcome: "denied",
          ip,
          details: { failures, until: until.toISOString() },
        });
      });
    },

    holdsSuspicious(organizationId: string): Promise<boolean> {
      return holdsSuspicious(db, organizationId);
    },

    async setHoldSuspicious(
      actor: { userId: string; organizationId: string; ip: string },
      on: boolean,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        await saveEntrySetting(tx, {
          organizationId: actor.organizationId,
          holdSuspicious: on,
          updatedBy: actor.userId,
          updatedAt: clock.now(),
        });
        await writeAudit(tx, {
          event: "organization.entry_blocking_changed",
          outcome: "success",
          userId: actor.userId,
          organizationId: actor.organizationId,
          ip: actor.ip,
          details: { on },
        });
      });
    },

    /**
     * Holds the entry when the switch is on and a staff member who entered before comes from a
     * network or device the organization has not seen for them; returns the hold, or undefined.
     * The head is never held: the head is the one who releases.
     */
    async holdIfSuspicious(attempt: EntryAttempt): Promise<EntryHoldRow | undefined> {
      if (attempt.role === "head") return undefined;
      // An allow-list the address is in already vouches for the network.
      if (attempt.networks.length > 0 && isInNetworks(attempt.ip, attempt.networks)) return undefined;
      if (!(await holdsSuspicious(db, attempt.organization.id))) return undefined;
      const network = clientNetwork(attempt.ip);
      const device = deviceKey(attempt.userAgent);
      const facts = await knownClientFacts(db, {
        organizationId: attempt.organization.id,
        userId: attempt.userId,
        network,
        device,
      });
      if (!facts.seenBefore || (!facts.newNetwork && !facts.newDevice)) return undefined;
      const now = clock.now();
      const email = contactsOf(await findEsiaSnapshot(db, attempt.userId)).email?.value;
      const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      const deviceLabel = describeDevice(attempt.userAgent);
      return db.transaction(async (tx) => {
        const hold = await insertHold(tx, {
          organizationId: attempt.organization.id,
          userId: attempt.userId,
          network,
          device,
          deviceLabel,
          ip: attempt.ip,
          createdAt: now,
        });
        if (email) {
          await updateHold(tx, hold.id, {
            codeHash: hashCode(hold.id, code),
            codeExpiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
          });
          await sendMessage(
            tx,
            {
              userId: attempt.userId,
              channel: "email",
              to: email,
              subject: "ФРМР: код подтверждения входа",
              body: `Код подтверждения входа в кабинет организации «${attempt.organization.shortName}»: ${code}. Код действует ${CODE_MINUTES} минут. Если вы не входили в кабинет, никому не сообщайте код и обратитесь к руководителю организации.`,
            },
            now,
          );
        }
        const where = [
          facts.newNetwork ? `из новой сети ${network}` : "",
          facts.newDevice ? "с нового устройства" : "",
        ]
          .filter(Boolean)
          .join(" и ");
        await notifyOrganization(tx, attempt.organization, {
          audience: "managers",
          subject: "вход в кабинет организации задержан до подтверждения",
          text: `Вход в кабинет организации ${where} (${deviceLabel}) задержан до подтверждения: ${attempt.fullName}. Разрешить или отклонить вход можно в разделе «Безопасность».`,
          at: now,
        });
        await writeAudit(tx, {
          event: "organization.entry_held",
          outcome: "denied",
          userId: attempt.userId,
          organizationId: attempt.organization.id,
          ip: attempt.ip,
          details: {
            holdId: hold.id,
            newNetwork: facts.newNetwork,
            newDevice: facts.newDevice,
            codeSent: Boolean(email),
          },
        });
        return (await findHold(tx, hold.id)) ?? hold;
      });
    },

    findHold(id: string): Promise<EntryHoldRow | undefined> {
      return findHold(db, id);
    },

    /** The held person types the e-mailed code. */
    async confirm(holdId: string, userId: string, code: string, ip: string): Promise<ConfirmOutcome> {
      if (await blockedUntil(db, ip, clock.now())) return { ok: false, reason: "address-blocked" };
      const now = clock.now();
      const outcome = await db.transaction(async (tx): Promise<ConfirmOutcome> => {
        const hold = await findHold(tx, holdId, true);
        if (hold?.userId !== userId || hold.status !== "pending") return { ok: false, reason: "not-found" };
        if (!hold.codeHash || !hold.codeExpiresAt) return { ok: false, reason: "no-code" };
        if (hold.codeExpiresAt <= now) return { ok: false, reason: "expired" };
        if (!/^\d{6}$/.test(code) || !sameHash(hold.codeHash, hashCode(hold.id, code))) {
          const attempts = hold.attempts + 1;
          // After the last attempt the code is gone: only the head can let the person in.
          await updateHold(
            tx,
            hold.id,
            attempts >= MAX_ATTEMPTS ? { attempts, codeHash: null } : { attempts },
          );
          await writeAudit(tx, {
            event: "organization.entry_code_failed",
            outcome: "failure",
            userId,
            organizationId: hold.organizationId,
            ip,
            details: { holdId: hold.id, attempts },
          });
          return { ok: false, reason: "wrong" };
        }
        await release(tx, hold, { by: userId, how: "code", ip, now });
        return { ok: true };
      });
      if (!outcome.ok && outcome.reason === "wrong") await service.recordFailure(ip, "entry-code");
      return outcome;
    },

    /** The head lets the held person in, or turns the entry away. */
    async decide(
      actor: { userId: string; organizationId: string; ip: string },
      holdId: string,
      release_: boolean,
    ): Promise<boolean> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        const hold = await findHold(tx, holdId, true);
        if (hold?.organizationId !== actor.organizationId || hold.status !== "pending") return false;
        if (release_) {
          await release(tx, hold, { by: actor.userId, how: "head", ip: actor.ip, now });
          return true;
        }
        await updateHold(tx, hold.id, {
          status: "rejected",
          releasedBy: actor.userId,
          decidedAt: now,
          codeHash: null,
        });
        await writeAudit(tx, {
          event: "organization.entry_rejected",
          outcome: "success",
          userId: actor.userId,
          organizationId: hold.organizationId,
          ip: actor.ip,
          details: { holdId: hold.id, heldUserId: hold.userId },
        });
        return true;
      });
    },
  };

  async function release(
    tx: DbExecutor,
    hold: EntryHoldRow,
    by: { by: string; how: "code" | "head"; ip: string; now: Date },
  ): Promise<void> {
    await updateHold(tx, hold.id, {
      status: "released",
      releasedBy: by.by,
      decidedAt: by.now,
      codeHash: null,
    });
    await addKnownClients(tx, hold, by.now);
    await writeAudit(tx, {
      event: "organization.entry_released",
      outcome: "success",
      userId: by.by,
      organizationId: hold.organizationId,
      ip: by.ip,
      details: { holdId: hold.id, how: by.how, heldUserId: hold.userId },
    });
  }

  return service;
}

export type EntryHoldsService = ReturnType<typeof createEntryHoldsService>;
