// The cabinet with the demo data for the accreditation process: people of the ESIA stand-in enter
// as a worker, as the clinic's head or as the commission, and act through the real pages and forms.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { DatabaseHandle } from "../../src/db/client.ts";
import type { Deps } from "../../src/deps.ts";
import { standinAccounts, standinOrganizations } from "../../src/esia-standin/seed.ts";
import type { SessionContext } from "../../src/http/session.ts";
import { multipartBody, samplePdf } from "../../src/modules/documents/test-support.ts";
import { findOrganizationByOgrn } from "../../src/modules/organizations/organizations.repository.ts";
import { seedDemoData } from "../../src/seed.ts";
import { type Clock, fakeClock } from "../../src/shared/clock.ts";
import { buildPlatformApp, cookiesFrom, csrfTokenIn } from "./platform.ts";
import { esiaPersonOf, giveConsent } from "./worker.ts";

export type Account = keyof typeof standinAccounts;
export type Entry = "worker" | "head" | "employee" | "commission";

export interface AccreditationHarness {
  app: FastifyInstance;
  deps: Deps;
  clock: Clock & { advance(ms: number): void };
  /** A session of the account in the context `as`; `ogrn` picks another organization for `head`. */
  enter(account: Account, as: Entry, ogrn?: string): Promise<Visitor>;
  /** Runs the job queue until nothing is due (notifications and their delivery). */
  runJobs(): Promise<number>;
  close(): Promise<void>;
}

/** One browser: keeps its cookie, opens pages, submits their forms with their CSRF token. */
export class Visitor {
  constructor(
    private readonly app: FastifyInstance,
    public cookie: string,
  ) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ url, headers: { cookie: this.cookie } });
    this.cookie = cookiesFrom(response.headers["set-cookie"], this.cookie);
    return response;
  }

  /** Opens `page` and posts `fields` to `action` with the page's CSRF token. */
  async submit(
    page: string,
    action: string,
    fields: Record<string, string | string[]> = {},
  ): Promise<LightMyRequestResponse> {
    const opened = await this.get(page);
    if (opened.statusCode !== 200) throw new Error(`${page} answered ${opened.statusCode}`);
    return this.post(action, { _csrf: csrfTokenIn(opened.body), ...fields });
  }

  async post(action: string, fields: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields))
      for (const item of [value].flat()) body.append(name, item);
    const response = await this.app.inject({
      method: "POST",
      url: action,
      headers: { cookie: this.cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: body.toString(),
    });
    this.cookie = cookiesFrom(response.headers["set-cookie"], this.cookie);
    return response;
  }

  /** Posts a multipart form (fields and files) to action as it stands, CSRF token included by the caller. */
  async multipart(
    action: string,
    parts: Parameters<typeof multipartBody>[0],
  ): Promise<LightMyRequestResponse> {
    const { payload, contentType } = multipartBody(parts);
    const response = await this.app.inject({
      method: "POST",
      url: action,
      headers: { cookie: this.cookie, "content-type": contentType },
      payload,
    });
    this.cookie = cookiesFrom(response.headers["set-cookie"], this.cookie);
    return response;
  }

  /** Uploads a PDF through the multipart form of `page` whose action starts with `actionPrefix`. */
  async upload(page: string, actionPrefix: string, fields: Record<string, string>, name = "документ.pdf") {
    const opened = await this.get(page);
    const escaped = actionPrefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const action = new RegExp(`action="(${escaped}[^"]*)"`).exec(opened.body)?.[1]?.replaceAll("&amp;", "&");
    if (!action) throw new Error(`no form ${actionPrefix} on ${page}`);
    const parts = [
      ...Object.entries(fields).map(([field, value]) => ({ name: field, value })),
      { name: "file", filename: name, content: samplePdf(), contentType: "application/pdf" },
    ];
    const { payload, contentType } = multipartBody(parts);
    const response = await this.app.inject({
      method: "POST",
      url: action,
      headers: { cookie: this.cookie, "content-type": contentType },
      payload,
    });
    this.cookie = cookiesFrom(response.headers["set-cookie"], this.cookie);
    return response;
  }
}

/** Monday 23 November 2026, 12:00 in Moscow: Иванова's accreditation (seeded +60 days) can be renewed. */
export const HARNESS_START = "2026-11-23T09:00:00Z";

export async function startAccreditation(
  options: { database?: DatabaseHandle; start?: string; env?: Record<string, string>; seed?: boolean } = {},
): Promise<AccreditationHarness> {
  const clock = fakeClock(options.start ?? HARNESS_START);
  const dataDir = await mkdtemp(join(tmpdir(), "frmr-accreditation-"));
  const { app, deps } = await buildPlatformApp({
    clock,
    ...(options.database ? { database: options.database } : {}),
    env: { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: "100000", ...options.env },
    extraRoutes: (instance) => {
      instance.get<{ Params: { account: Account }; Querystring: { as: Entry; ogrn?: string } }>(
        "/test/enter/:account",
        async (request, reply) => {
          const account = standinAccounts[request.params.account];
          const outcome = await instance.deps.identityService.signIn(esiaPersonOf(account), request.ip);
          if (!outcome.ok) throw new Error("not signed in");
          const context = await contextFor(instance.deps, request.query.as, request.query.ogrn);
          if (context.kind === "worker")
            await giveConsent(instance.deps.database.db, outcome.user.id, clock.now());
          request.session.regenerate({ userId: outcome.user.id, context }, clock.now());
          return reply.code(204).send();
        },
      );
    },
  });
  if (options.seed !== false) await seedDemoData(deps.database.db, clock.now());
  return {
    app,
    deps,
    clock,
    async enter(account, as, ogrn) {
      const response = await app.inject({
        url: `/test/enter/${account}?as=${as}${ogrn ? `&ogrn=${ogrn}` : ""}`,
      });
      if (response.statusCode !== 204)
        throw new Error(`enter failed: ${response.statusCode} ${response.body}`);
      return new Visitor(app, cookiesFrom(response.headers["set-cookie"]));
    },
    runJobs: () => deps.jobWorker.drain(),
    close: () => app.close(),
  };
}

async function contextFor(
  deps: Deps,
  as: Entry,
  ogrn = standinOrganizations.clinic.ogrn,
): Promise<SessionContext> {
  if (as === "worker") return { kind: "worker" };
  if (as === "commission") return { kind: "commission" };
  const organization = await findOrganizationByOgrn(deps.database.db, ogrn);
  if (!organization) throw new Error(`organization ${ogrn} is not seeded`);
  return { kind: "organization", organizationId: organization.id, esiaOrgOid: ogrn, role: as };
}

/** The id of the application page a response redirected to. */
export function applicationIdFrom(response: LightMyRequestResponse): string {
  const match = /\/lk\/applications\/([0-9a-f-]{36})/.exec(String(response.headers.location));
  if (!match?.[1])
    throw new Error(`no application in redirect ${response.statusCode} ${response.headers.location}`);
  return match[1];
}
