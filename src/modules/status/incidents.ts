// Messages about the service (C6): an operator of the support desk posts planned works and outages;
// the header of every page shows the active ones and the status page lists them with the upcoming.
// The header reads a list kept in memory for a few seconds, so that a page costs no SQL statement
// for it: another instance shows a new message once its copy is older than `ttlMs`.
import { and, desc, eq, gt, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { Database, DbExecutor } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { withTimeout } from "../../shared/timeout.ts";
import { type AuditEntry, writeAudit } from "../audit/audit.repository.ts";
import { authorizeSupportOperator } from "../support/support.operators.ts";
import { incidents } from "./incidents.schema.ts";

export const incidentKinds = ["maintenance", "outage"] as const;
export type IncidentKind = (typeof incidentKinds)[number];
export const incidentKindLabels: Record<IncidentKind, string> = {
  maintenance: "Плановые работы",
  outage: "Сбой",
};

export interface Incident {
  id: string;
  kind: IncidentKind;
  title: string;
  details: string | null;
  startsAt: Date;
  endsAt: Date | null;
}

export interface IncidentInput {
  kind: IncidentKind;
  title: string;
  details: string | undefined;
  startsAt: Date;
  endsAt: Date | undefined;
}

export interface IncidentActor {
  userId: string;
  ip: string;
  /** Only someone acting as «Техническая поддержка» may post; the operators table is checked too. */
  supportContext: boolean;
}

export type IncidentOutcome = { ok: true; id: string } | { ok: false; reason: "not-allowed" | "not-found" };

/** How long the header's copy of the list is reused before the database is asked again. */
export const INCIDENTS_TTL_MS = 5_000;
// A slow database must not hold every page: past this the previous list is shown.
const REFRESH_TIMEOUT_MS = 1_000;
// More open messages than this at once would be a wall of banners; the status page lists them all.
const OPEN_LIMIT = 20;

const isOpen = (now: Date) => or(isNull(incidents.endsAt), gt(incidents.endsAt, now));

const toIncident = (row: typeof incidents.$inferSelect): Incident => ({
  id: row.id,
  kind: (incidentKinds as readonly string[]).includes(row.kind) ? (row.kind as IncidentKind) : "outage",
  title: row.title,
  details: row.details,
  startsAt: row.startsAt,
  endsAt: row.endsAt,
});

export const isActive = (incident: Incident, now: Date): boolean =>
  incident.startsAt <= now && (incident.endsAt === null || incident.endsAt > now);

async function openIncidents(db: DbExecutor, now: Date): Promise<Incident[]> {
  const rows = await db
    .select()
    .from(incidents)
    .where(isOpen(now))
    .orderBy(incidents.startsAt)
    .limit(OPEN_LIMIT);
  return rows.map(toIncident);
}

export interface IncidentBoard {
  /** Active messages for the header, from the copy in memory (no SQL). */
  active(): readonly Incident[];
  /** Active and upcoming ones, from the copy in memory. */
  open(): readonly Incident[];
  /** Reloads the copy when it is older than the TTL; never throws (a dead database keeps the old list). */
  refresh(onError?: (error: unknown) => void): Promise<void>;
  /** The operators' list: the open ones and the latest ended. */
  list(): Promise<{ open: Incident[]; ended: Incident[] }>;
  post(actor: IncidentActor, input: IncidentInput): Promise<IncidentOutcome>;
  end(actor: IncidentActor, id: string): Promise<IncidentOutcome>;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createIncidentBoard(deps: { db: Database; clock: Clock; ttlMs?: number }): IncidentBoard {
  const { db, clock } = deps;
  const ttlMs = deps.ttlMs ?? INCIDENTS_TTL_MS;
  let cached: Incident[] = [];
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<void> | undefined;

  function reload(onError?: (error: unknown) => void): Promise<void> {
    pending ??= (async () => {
      const started = clock.now();
      try {
        cached = await withTimeout(openIncidents(db, started), REFRESH_TIMEOUT_MS, "incidents load");
      } catch (error) {
        onError?.(error);
      } finally {
        // A failed load is not retried by every request either: the old list stands for a TTL.
        fetchedAt = started.getTime();
        pending = undefined;
      }
    })();
    return pending;
  }

  const authorize = async (executor: DbExecutor, actor: IncidentActor, action: string) =>
    (await authorizeSupportOperator(executor, actor, actor.supportContext, action)) !== undefined;

  const invalidate = () => {
    fetchedAt = Number.NEGATIVE_INFINITY;
  };

  /**
   * An operator's change in one transaction: the right first, then `apply` (undefined: no such open
   * message), its audit record with the details `apply` returns, and this instance's list made stale.
   */
  async function change(
    actor: IncidentActor,
    action: string,
    event: AuditEntry["event"],
    apply: (
      tx: DbExecutor,
      now: Date,
    ) => Promise<({ incidentId: string } & Record<string, unknown>) | undefined>,
  ): Promise<IncidentOutcome> {
    const outcome = await db.transaction(async (tx): Promise<IncidentOutcome> => {
      if (!(await authorize(tx, actor, action))) return { ok: false, reason: "not-allowed" };
      const details = await apply(tx, clock.now());
      if (!details) return { ok: false, reason: "not-found" };
      await writeAudit(tx, { event, outcome: "success", userId: actor.userId, ip: actor.ip, details });
      return { ok: true, id: details.incidentId };
    });
    // This instance shows the change at once; the others within their TTL.
    if (outcome.ok) invalidate();
    return outcome;
  }

  return {
    active: () => cached.filter((incident) => isActive(incident, clock.now())),
    open: () => cached.filter((incident) => incident.endsAt === null || incident.endsAt > clock.now()),
    refresh: async (onError) => {
      if (clock.now().getTime() - fetchedAt < ttlMs) return;
      await reload(onError);
    },

    async list() {
      const now = clock.now();
      const open = await openIncidents(db, now);
      const ended = await db
        .select()
        .from(incidents)
        .where(and(isNotNull(incidents.endsAt), lte(incidents.endsAt, now)))
        .orderBy(desc(incidents.endsAt))
        .limit(20);
      return { open, ended: ended.map(toIncident) };
    },

    post: (actor, input) =>
      change(actor, "incident.post", "status.incident_posted", async (tx, now) => {
        const [row] = await tx
          .insert(incidents)
          .values({
            kind: input.kind,
            title: input.title,
            details: input.details ?? null,
            startsAt: input.startsAt,
            endsAt: input.endsAt ?? null,
            postedBy: actor.userId,
            postedAt: now,
          })
          .returning({ id: incidents.id });
        if (!row) throw new Error("incident not stored");
        return {
          incidentId: row.id,
          kind: input.kind,
          title: input.title,
          startsAt: input.startsAt.toISOString(),
          endsAt: input.endsAt?.toISOString() ?? null,
        };
      }),

    end: (actor, id) =>
      change(actor, "incident.end", "status.incident_ended", async (tx, now) => {
        if (!uuid.test(id)) return undefined;
        const [row] = await tx
          .update(incidents)
          .set({ endsAt: now, endedBy: actor.userId })
          .where(and(eq(incidents.id, id), isOpen(now)))
          .returning({ id: incidents.id, title: incidents.title });
        return row && { incidentId: row.id, title: row.title };
      }),
  };
}
