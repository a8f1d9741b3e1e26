// O13: the allow-list of networks and the alert about an entry from a new network or device (a notice
// for the head and representatives and an e-mail to the organization, in the entry's transaction).
import { createHash } from "node:crypto";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { auditSuccess } from "../audit/audit.repository.ts";
import { clientNetwork, isInNetworks, parseCidr } from "./ip-networks.ts";
import { notifyOrganization } from "./notices.ts";
import type { OrganizationRow } from "./organizations.repository.ts";
import { deleteNetwork, insertNetwork, listNetworks, rememberClient } from "./security.repository.ts";

export interface EntryFacts {
  organization: OrganizationRow;
  userId: string;
  fullName: string;
  ip: string;
  userAgent: string;
}

/** A short, readable name of the browser and system, for the alert; never the raw header. */
export function describeDevice(userAgent: string): string {
  const browser =
    [
      ["YaBrowser", "Яндекс Браузер"],
      ["Edg/", "Microsoft Edge"],
      ["Firefox/", "Firefox"],
      ["Chrome/", "Chrome"],
      ["Safari/", "Safari"],
    ].find(([marker]) => userAgent.includes(marker as string))?.[1] ?? "неизвестный браузер";
  const system =
    [
      ["Windows", "Windows"],
      ["Android", "Android"],
      ["iPhone", "iOS"],
      ["Mac OS", "macOS"],
      ["Linux", "Linux"],
    ].find(([marker]) => userAgent.includes(marker as string))?.[1] ?? "неизвестная система";
  return `${browser}, ${system}`;
}

export function deviceKey(userAgent: string): string {
  return createHash("sha256").update(userAgent).digest("hex").slice(0, 32);
}

export function createSecurityService({ db, clock }: { db: Database; clock: Clock }) {
  return {
    /** Remembers the entry's network and device; alerts the managers when either is new to a known person. */
    async recordEntry(facts: EntryFacts): Promise<void> {
      const network = clientNetwork(facts.ip);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const seen = await rememberClient(tx, {
          organizationId: facts.organization.id,
          userId: facts.userId,
          network,
          device: deviceKey(facts.userAgent),
          at: now,
        });
        // The first entry of a person is expected; only a known person coming from elsewhere is news.
        if (!seen.seenBefore || (!seen.newNetwork && !seen.newDevice)) return;
        const what = [
          seen.newNetwork ? `из новой сети ${network}` : "",
          seen.newDevice ? "с нового устройства" : "",
        ]
          .filter(Boolean)
          .join(" и ");
        // The notice shows its own time, so the text does not repeat it; the wording avoids the
        // person's gender («вошёл/вошла»).
        const text = `Вход в кабинет организации ${what} (${describeDevice(facts.userAgent)}): ${facts.fullName}. Если это были не вы или не ваш сотрудник, ограничьте доступ в разделе «Безопасность».`;
        await notifyOrganization(tx, facts.organization, {
          audience: "managers",
          subject: "вход в кабинет организации из новой сети или с нового устройства",
          text,
          at: now,
        });
        await auditSuccess(
          tx,
          { userId: facts.userId, organizationId: facts.organization.id, ip: facts.ip },
          "organization.new_client",
          { newNetwork: seen.newNetwork, newDevice: seen.newDevice },
        );
      });
    },

    async addNetwork(
      actor: { userId: string; organizationId: string; ip: string },
      input: { cidr: string; note: string },
    ): Promise<{ ok: true } | { ok: false; field: "cidr"; message: string }> {
      const parsed = parseCidr(input.cidr);
      if (!parsed.ok) return { ok: false, field: "cidr", message: parsed.message };
      const existing = (await listNetworks(db, actor.organizationId)).map((network) => network.cidr);
      // The first network must contain the head's own address, or the head would lock himself out.
      if (existing.length === 0 && !isInNetworks(actor.ip, [parsed.cidr])) {
        return {
          ok: false,
          field: "cidr",
          message: `Первой добавьте сеть, из которой вы работаете сейчас (ваш адрес ${actor.ip}): иначе вы сами потеряете доступ к кабинету.`,
        };
      }
      return db.transaction(async (tx) => {
        const row = await insertNetwork(tx, {
          organizationId: actor.organizationId,
          cidr: parsed.cidr,
          note: input.note.trim() || null,
          createdBy: actor.userId,
          createdAt: clock.now(),
        });
        if (!row)
          return { ok: false, field: "cidr", message: `Сеть ${parsed.cidr} уже есть в списке.` } as const;
        await auditSuccess(tx, actor, "organization.network_added", { cidr: parsed.cidr });
        return { ok: true } as const;
      });
    },

    /** Removes a network; refused when the rest of the list would shut out the head's own address. */
    async removeNetwork(
      actor: { userId: string; organizationId: string; ip: string },
      id: string,
    ): Promise<{ ok: true } | { ok: false; reason: "not-found" | "lockout" }> {
      const networks = await listNetworks(db, actor.organizationId);
      const rest = networks.filter((network) => network.id !== id).map((network) => network.cidr);
      if (rest.length === networks.length) return { ok: false, reason: "not-found" };
      if (rest.length > 0 && !isInNetworks(actor.ip, rest)) return { ok: false, reason: "lockout" };
      return db.transaction(async (tx) => {
        const row = await deleteNetwork(tx, actor.organizationId, id);
        if (!row) return { ok: false, reason: "not-found" } as const;
        await auditSuccess(tx, actor, "organization.network_removed", { cidr: row.cidr });
        return { ok: true } as const;
      });
    },
  };
}

export type SecurityService = ReturnType<typeof createSecurityService>;
