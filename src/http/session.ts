// Server-side sessions: a 256-bit random id in an HttpOnly cookie, only its SHA-256 in the database.
// Idle timeout 30 minutes, absolute 12 hours, a new id at login (regenerate).
import { createHash, randomBytes } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Database } from "../db/client.ts";
import { sessions } from "../modules/identity/identity.schema.ts";
import { findSessionWithViewer, type ViewerRow } from "../modules/identity/viewer.repository.ts";
import { clientNetwork } from "../modules/organizations/ip-networks.ts";
import type { Clock } from "../shared/clock.ts";

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
// Writing last_seen on every request would turn reads into writes; a minute of slack is harmless.
const TOUCH_INTERVAL_MS = 60 * 1000;

export type OrganizationRole = "head" | "employee";
export type SessionContext =
  | { kind: "worker" }
  | { kind: "organization"; organizationId: string; esiaOrgOid: string; role: OrganizationRole }
  /** A member of the accreditation commission's back office (operators table), at /review. */
  | { kind: "commission" }
  /** A support desk operator (support_operators), at /support-desk. */
  | { kind: "support" };

/** An organization the person may act for, as ESIA reported it at login. */
export interface OrganizationChoice {
  esiaOrgOid: string;
  shortName: string;
  ogrn: string | undefined;
  chief: boolean;
  liquidated: boolean;
}

export interface SessionData {
  userId?: string;
  /** Fixed for the session once chosen (O7): changing it needs a new login. */
  context?: SessionContext;
  /** Between login and the choice of context. */
  organizationChoices?: OrganizationChoice[];
  /** The person is an operator of the accreditation commission: «Аккредитационная комиссия» is offered. */
  commissionChoice?: boolean;
  /** The person is a support desk operator: «Техническая поддержка» is offered. */
  supportChoice?: boolean;
  /** The organization picked, while the role is being chosen. */
  chosenOrganization?: { organizationId: string; esiaOrgOid: string; chief: boolean };
  esiaState?: string;
  flash?: string;
  [key: string]: unknown;
}

export class Session {
  changed = false;
  rotated = false;
  destroyed = false;
  #id: string | undefined;

  /** Without an id, one is drawn when first needed: an anonymous page that stores nothing needs none. */
  constructor(
    id: string | undefined,
    public data: SessionData,
    public createdAt: Date,
    readonly isNew: boolean,
  ) {
    this.#id = id;
  }

  get id(): string {
    this.#id ??= newSessionId();
    return this.#id;
  }

  get<K extends keyof SessionData>(key: K): SessionData[K] {
    return this.data[key];
  }

  set<K extends keyof SessionData>(key: K, value: SessionData[K]): void {
    this.data[key] = value;
    this.changed = true;
  }

  /** A fresh id and start time with the given data: used at login, against session fixation. */
  regenerate(data: SessionData, now: Date): void {
    this.#id = newSessionId();
    this.data = data;
    this.createdAt = now;
    this.rotated = true;
    this.changed = true;
  }

  destroy(): void {
    this.destroyed = true;
  }
}

declare module "fastify" {
  interface FastifyRequest {
    session: Session;
    /** True when the request carried a session that timed out; pages then say «Сессия истекла». */
    sessionExpired: boolean;
    /**
     * The person of a live session, read in the same statement as the session (issue 9): the
     * viewer plugin uses it instead of a query of its own. Undefined: not read; null: no such person.
     */
    sessionViewer: ViewerRow | null | undefined;
  }
}

const newSessionId = (): string => randomBytes(32).toString("base64url");
const hashId = (id: string): string => createHash("sha256").update(id).digest("hex");
/** The stored key of the request's session (its id's hash), to tell «this session» apart from others. */
export const sessionKeyOf = (request: FastifyRequest): string => hashId(request.session.id);

export interface SessionOptions {
  db: Database;
  clock: Clock;
  secure: boolean;
}

async function sessionPlugin(app: FastifyInstance, options: SessionOptions): Promise<void> {
  const { db, clock } = options;
  // The __Host- prefix pins the cookie to this host and path and requires Secure.
  const cookieName = options.secure ? "__Host-sid" : "sid";
  const idStored = new WeakMap<Session, string | undefined>();

  app.decorateRequest("session", null as unknown as Session);
  app.decorateRequest("sessionExpired", false);
  app.decorateRequest("sessionViewer", undefined);

  app.addHook("onRequest", async (request) => {
    if (request.routeOptions.config?.session === false || request.url.startsWith("/assets/")) return;
    const now = clock.now();
    const cookieId = request.cookies[cookieName];
    const found = cookieId ? await findSessionWithViewer(db, hashId(cookieId)) : undefined;
    const row = found?.session;
    if (row && cookieId) {
      const idle = now.getTime() - row.lastSeenAt.getTime() > IDLE_TIMEOUT_MS;
      const tooOld = now.getTime() - row.createdAt.getTime() > ABSOLUTE_TIMEOUT_MS;
      if (!idle && !tooOld) {
        request.session = new Session(cookieId, row.data as SessionData, row.createdAt, false);
        idStored.set(request.session, cookieId);
        request.sessionViewer = found.viewer ?? null;
        if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) request.session.changed = true;
        return;
      }
      await db.delete(sessions).where(eq(sessions.idHash, row.idHash));
      request.sessionExpired = Boolean(row.userId);
    } else if (cookieId) {
      // A cookie we no longer know: deleted by expiry cleanup or by logout elsewhere.
      request.sessionExpired = true;
    }
    request.session = new Session(undefined, {}, now, true);
  });

  app.addHook("onSend", async (request, reply) => {
    const session = request.session;
    if (!session) return;
    const storedId = idStored.get(session);
    if (session.destroyed) {
      if (storedId) await db.delete(sessions).where(eq(sessions.idHash, hashId(storedId)));
      clearCookie(reply, cookieName);
      return;
    }
    if (!session.changed) return;
    if (session.rotated && storedId) await db.delete(sessions).where(eq(sessions.idHash, hashId(storedId)));
    const values = {
      data: session.data,
      userId: typeof session.data.userId === "string" ? session.data.userId : null,
      lastSeenAt: clock.now(),
      userAgent: (request.headers["user-agent"] ?? "").slice(0, 300) || null,
      network: clientNetwork(request.ip),
    };
    await db
      .insert(sessions)
      .values({ idHash: hashId(session.id), createdAt: session.createdAt, ...values })
      .onConflictDoUpdate({ target: sessions.idHash, set: values });
    if (session.id !== storedId) {
      reply.setCookie(cookieName, session.id, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: options.secure,
        maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
      });
    }
  });
}

function clearCookie(reply: FastifyReply, name: string): void {
  reply.clearCookie(name, { path: "/" });
}

/** Removes sessions past the idle timeout; run periodically. */
export async function purgeExpiredSessions(db: Database, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS)));
}

export const sessionSupport = fp(sessionPlugin, { name: "frmr-session", dependencies: ["@fastify/cookie"] });

export function isSignedIn(request: FastifyRequest): boolean {
  return typeof request.session?.data.userId === "string";
}
