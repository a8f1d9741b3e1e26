// The server-side check in front of every route of the organization's cabinet (O7, O9, O13): the
// person acts for an organization that is registered and not liquidated, the request comes from an
// allowed network, the organization's state opens the section, and the person's standing today
// (role, representative's power of attorney, granted rights) includes the power the route needs.
// Every refusal is audited with the organization's id.
import type { FastifyReply, FastifyRequest } from "fastify";
import { sendError, wantsJson } from "../../http/errors.tsx";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { OrganizationRole } from "../../http/session.ts";
import { gateFor, type Power, powersOf } from "../access/access.policy.ts";
import type { Right } from "../access/access.rights.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { requireOrganization } from "../identity/viewer.ts";
import { moscowDate } from "../register/expiry.ts";
import { loadStanding } from "./cabinet.repository.ts";
import type { EntryHoldRow } from "./entry-holds.repository.ts";
import { isInNetworks } from "./ip-networks.ts";
import type { OrganizationRow } from "./organizations.repository.ts";
import { CabinetBlockedPage } from "./views/cabinet-blocked-page.tsx";
import { EntryHoldPage } from "./views/entry-hold-page.tsx";

export interface CabinetActor {
  userId: string;
  fullName: string;
  snils: string | null;
  organization: OrganizationRow;
  role: OrganizationRole;
  /** An operator-verified representative whose power of attorney is in force today. */
  representative: { id: string; validUntil: string } | undefined;
  grantedRights: readonly Right[];
  powers: ReadonlySet<Power>;
  /** The organization's allow-list; empty when it has none. */
  networks: readonly string[];
  /** The Moscow calendar date of the request: grants and powers of attorney are checked against it. */
  today: string;
  ip: string;
}

declare module "fastify" {
  interface FastifyRequest {
    cabinetActor: CabinetActor | undefined;
  }
}

const ENTRY_RECORDED = "cabinetEntryRecorded";
/** The held entry of this session (O13), until it is released. */
export const ENTRY_HOLD = "cabinetEntryHold";
const signedInAsOrganization = requireOrganization();

type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
const guards = new WeakMap<PreHandler, Power>();

/** The power a route's preHandler demands, when it is a cabinet guard. */
export function guardedPower(preHandler: unknown): Power | undefined {
  const handlers = [preHandler].flat() as PreHandler[];
  return handlers.map((handler) => guards.get(handler)).find((power) => power !== undefined);
}

/** preHandler of a cabinet route that needs `power`. */
export function cabinetRoute(power: Power): PreHandler {
  const guard = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    await signedInAsOrganization(request, reply);
    if (reply.sent) return;
    const actor = await loadActor(request);
    if (!actor) return void (await sendError(request, reply, "ORGANIZATION_NOT_REGISTERED"));
    const { organization } = actor;
    const { cabinet } = request.server.deps;
    if (organization.status === "liquidated") {
      await deny(request, actor, power, "liquidated");
      return void (await sendError(request, reply, "ORGANIZATION_LIQUIDATED"));
    }
    if (actor.networks.length > 0 && !isInNetworks(request.ip, actor.networks)) {
      await deny(request, actor, power, "network-not-allowed");
      return void (await sendError(request, reply, "IP_NOT_ALLOWED"));
    }
    const held = await heldEntry(request, actor);
    if (held === "rejected") {
      await deny(request, actor, power, "entry-rejected");
      return void (await sendError(request, reply, "ENTRY_REJECTED"));
    }
    if (held) return void (await showHold(request, reply, actor, power, held));
    // The entry checks run once per session and organization, so that a page pays nothing for them.
    if (request.session.data[ENTRY_RECORDED] !== organization.id) {
      if (await cabinet.entryHolds.blockedUntil(request.ip)) {
        await deny(request, actor, power, "address-blocked");
        return void (await sendError(request, reply, "ADDRESS_BLOCKED"));
      }
      const hold = await cabinet.entryHolds.holdIfSuspicious({
        organization,
        userId: actor.userId,
        fullName: actor.fullName,
        role: actor.role,
        networks: actor.networks,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? "",
      });
      if (hold) {
        request.session.set(ENTRY_HOLD, hold.id);
        return void (await showHold(request, reply, actor, power, hold));
      }
      await cabinet.security.recordEntry({
        organization,
        userId: actor.userId,
        fullName: actor.fullName,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? "",
      });
      request.session.set(ENTRY_RECORDED, organization.id);
    }
    const gate = gateFor(power, organization);
    if (gate !== "open") {
      await deny(request, actor, power, gate);
      const code = gate === "egrul-mismatch" ? "EGRUL_MISMATCH" : "CABINET_NOT_ACTIVATED";
      if (wantsJson(request)) return void (await sendError(request, reply, code));
      const page = (
        <CabinetBlockedPage
          ctx={pageContext(request, reply)}
          code={code}
          organization={organization}
          at={request.server.deps.clock.now()}
        />
      );
      return void sendHtml(reply, page, 403);
    }
    if (!actor.powers.has(power)) {
      await deny(request, actor, power, "no-power");
      return void (await sendError(request, reply, "FORBIDDEN"));
    }
    request.cabinetActor = actor;
  };
  guards.set(guard, power);
  return guard;
}

/** The session's pending hold, "rejected" when the head turned it away; a released one is forgotten. */
async function heldEntry(
  request: FastifyRequest,
  actor: CabinetActor,
): Promise<EntryHoldRow | "rejected" | undefined> {
  const id = request.session.data[ENTRY_HOLD];
  if (typeof id !== "string") return undefined;
  const hold = await request.server.deps.cabinet.entryHolds.findHold(id);
  const ours = hold?.userId === actor.userId && hold.organizationId === actor.organization.id;
  if (ours && hold.status === "pending") return hold;
  if (ours && hold.status === "rejected") return "rejected";
  request.session.set(ENTRY_HOLD, undefined);
  return undefined;
}

async function showHold(
  request: FastifyRequest,
  reply: FastifyReply,
  actor: CabinetActor,
  power: Power,
  hold: EntryHoldRow,
): Promise<void> {
  await deny(request, actor, power, "entry-held");
  if (wantsJson(request)) return void (await sendError(request, reply, "FORBIDDEN"));
  const page = (
    <EntryHoldPage
      ctx={pageContext(request, reply)}
      organizationName={actor.organization.shortName}
      hold={hold}
    />
  );
  // The session changed, so its onSend hook writes to the database: wait until the answer is out,
  // or Fastify would go on to the handler while the hook runs.
  await sendHtml(reply, page, 403);
}

export function cabinetActorOf(request: FastifyRequest): CabinetActor {
  if (!request.cabinetActor) throw new Error("route used without cabinetRoute");
  return request.cabinetActor;
}

async function loadActor(request: FastifyRequest): Promise<CabinetActor | undefined> {
  const context = request.viewer?.context;
  if (!request.viewer || context?.kind !== "organization") return undefined;
  const { database, clock } = request.server.deps;
  const today = moscowDate(clock.now());
  const standing = await loadStanding(database.db, context.organizationId, request.viewer.id, today);
  if (!standing) return undefined;
  const { organization, snils, representative, rights: grantedRights, networks } = standing;
  return {
    userId: request.viewer.id,
    fullName: request.viewer.fullName,
    snils,
    organization,
    role: context.role,
    representative: representative ?? undefined,
    grantedRights,
    powers: powersOf({ role: context.role, representative: Boolean(representative), grantedRights }),
    networks,
    today,
    ip: request.ip,
  };
}

/** A refusal is recorded with what was asked and why, never with the data of the request. */
export async function deny(request: FastifyRequest, actor: CabinetActor, power: string, reason: string) {
  await writeAudit(request.server.deps.database.db, {
    event: "access.denied",
    outcome: "denied",
    userId: actor.userId,
    organizationId: actor.organization.id,
    ip: request.ip,
    details: { power, reason, method: request.method, route: request.routeOptions.url ?? null },
  });
}
