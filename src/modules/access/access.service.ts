// O9: the head or a representative grants employees rights for a period and revokes them. A
// representative cannot pass his powers on: no grant to himself, none lasting beyond his own power
// of attorney; such attempts are refused and audited.
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { formatDate } from "../../shared/format.ts";
import type { FieldError } from "../../ui/form.tsx";
import { auditSuccess, writeAudit } from "../audit/audit.repository.ts";
import type { CabinetActor } from "../organizations/cabinet.guard.tsx";
import { insertGrant, revokeGrant } from "./access.repository.ts";
import { type GrantInput, validateGrant } from "./access.validation.ts";

export type AccessActor = Pick<
  CabinetActor,
  "userId" | "snils" | "role" | "representative" | "powers" | "today" | "ip"
> & {
  organization: { id: string };
};

export type GrantOutcome =
  | { ok: true; grantId: string }
  | { ok: false; errors: FieldError[] }
  | { ok: false; forbidden: true };

export function createAccessService({ db, clock }: { db: Database; clock: Clock }) {
  async function refuse(actor: AccessActor, reason: string, details: Record<string, unknown> = {}) {
    await writeAudit(db, {
      event: "access.denied",
      outcome: "denied",
      userId: actor.userId,
      organizationId: actor.organization.id,
      ip: actor.ip,
      details: { power: "access.manage", reason, ...details },
    });
  }

  return {
    async grant(actor: AccessActor, input: GrantInput): Promise<GrantOutcome> {
      if (!actor.powers.has("access.manage")) {
        await refuse(actor, "no-power");
        return { ok: false, forbidden: true };
      }
      const form = validateGrant(input, actor.today);
      if (!form.ok) return form;
      const grant = form.value;
      if (grant.snils === actor.snils) {
        await refuse(actor, "grant-to-self");
        const message =
          actor.role === "head"
            ? "Руководителю права выдавать не нужно: у него уже есть все права."
            : "Выдать права самому себе нельзя: уполномоченный представитель не передаёт свои полномочия.";
        return { ok: false, errors: [{ field: "snils", message }] };
      }
      if (actor.role !== "head" && actor.representative && grant.endsOn > actor.representative.validUntil) {
        await refuse(actor, "beyond-own-powers", { endsOn: grant.endsOn });
        return {
          ok: false,
          errors: [
            {
              field: "endsOn",
              message: `Права можно выдать только на срок вашей доверенности — не позднее ${formatDate(actor.representative.validUntil)}.`,
            },
          ],
        };
      }
      const row = await db.transaction(async (tx) => {
        const inserted = await insertGrant(tx, {
          organizationId: actor.organization.id,
          ...grant,
          grantedBy: actor.userId,
          grantedAt: clock.now(),
        });
        await writeAudit(tx, {
          event: "access.granted",
          outcome: "success",
          userId: actor.userId,
          organizationId: actor.organization.id,
          ip: actor.ip,
          details: {
            grantId: inserted.id,
            rights: grant.rights,
            startsOn: grant.startsOn,
            endsOn: grant.endsOn,
            by: actor.role,
          },
        });
        return inserted;
      });
      return { ok: true, grantId: row.id };
    },

    /** False when the grant is not the organization's or was already revoked. */
    async revoke(actor: AccessActor, grantId: string): Promise<boolean> {
      if (!actor.powers.has("access.manage")) {
        await refuse(actor, "no-power");
        return false;
      }
      return db.transaction(async (tx) => {
        const row = await revokeGrant(tx, actor.organization.id, grantId, actor.userId, clock.now());
        if (!row) return false;
        await auditSuccess(
          tx,
          { userId: actor.userId, organizationId: actor.organization.id, ip: actor.ip },
          "access.revoked",
          { grantId },
        );
        return true;
      });
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
