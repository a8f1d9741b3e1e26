// The organization's cabinet on a fresh database with the demo organizations, and a sign-in route
// that puts a test person straight into an organization (or commission) context — what the login
// pages do after ESIA — so that HTTP tests can act as any person in any role.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Deps } from "../../src/deps.ts";
import type { EsiaPerson } from "../../src/esia/identity-provider.ts";
import { snilsFrom } from "../../src/esia-standin/seed-ids.ts";
import type { OrganizationRole, SessionContext } from "../../src/http/session.ts";
import { addApiClientOperator } from "../../src/modules/api/clients.operators.ts";
import type { StandinEgrul } from "../../src/modules/egrul/egrul.standin.ts";
import { egrulClinic, egrulRegionalHospital } from "../../src/modules/egrul/egrul.standin-data.ts";
import { findOrganizationByOgrn } from "../../src/modules/organizations/organizations.repository.ts";
import { seedDemoOrganizations } from "../../src/modules/organizations/organizations.seed.ts";
import { addOperator } from "../../src/modules/review/review.repository.ts";
import { addSupportOperator } from "../../src/modules/support/support.operators.ts";
import { type Clock, fakeClock } from "../../src/shared/clock.ts";
import { buildPlatformApp, cookiesFrom, csrfTokenIn } from "./platform.ts";

export interface Persona {
  person: EsiaPerson;
  /** ОГРН of the organization and the role; absent for a medical worker or an operator. */
  organization?: { ogrn: string; role: OrganizationRole };
  commission?: true;
  /** A support desk operator, acting as «Техническая поддержка». */
  support?: true;
  /** With `support`: also holds the right to manage integration API clients. */
  apiClients?: true;
}

/** A confirmed ESIA person; the СНИЛС is made from `index` so that every persona has its own. */
export function personOf(index: number, lastName: string, firstName: string, middleName: string): EsiaPerson {
  return {
    oid: String(1_000_000_000 + index),
    lastName,
    firstName,
    middleName,
    snils: snilsFrom(String(300_000_000 + index * 1_001)),
    trusted: true,
    contacts: [],
    documents: [],
    addresses: [],
  };
}

const clinic = (role: OrganizationRole) => ({ ogrn: egrulClinic.ogrn, role });

/** The clinic's head and staff, the head of another organization, a worker and an operator. */
export const personas = {
  head: { person: personOf(4, "Смирнов", "Алексей", "Викторович"), organization: clinic("head") },
  kuznetsova: { person: personOf(5, "Кузнецова", "Ольга", "Игоревна"), organization: clinic("employee") },
  petrova: { person: personOf(2, "Петрова", "Анна", "Сергеевна"), organization: clinic("employee") },
  volkov: { person: personOf(21, "Волков", "Игорь", "Петрович"), organization: clinic("employee") },
  otherHead: {
    person: personOf(31, "Белова", "Наталья", "Сергеевна"),
    organization: { ogrn: egrulRegionalHospital.ogrn, role: "head" },
  },
  worker: { person: personOf(1, "Иванова", "Мария", "Петровна") },
  operator: { person: personOf(6, "Орлов", "Дмитрий", "Андреевич"), commission: true },
} satisfies Record<string, Persona>;

export interface Session {
  cookie: string;
  csrf: string;
}

export interface SendOptions {
  form?: Record<string, string | string[]>;
  multipart?: {
    fields?: Record<string, string>;
    files?: { field: string; name: string; content: Buffer | string }[];
  };
  ip?: string;
  userAgent?: string;
}

export interface CabinetHarness {
  app: FastifyInstance;
  deps: Deps;
  clock: Clock & { advance(ms: number): void };
  egrul: StandinEgrul;
  /** Signs the persona in (a new session) and returns its cookie and CSRF token. */
  signIn(persona: Persona, ip?: string): Promise<Session>;
  send(
    session: Session | undefined,
    method: "GET" | "POST",
    url: string,
    options?: SendOptions,
  ): Promise<LightMyRequestResponse>;
  organizationId(ogrn: string): Promise<string>;
  close(): Promise<void>;
}

export const TEST_IP = "203.0.113.10";

export function multipartBody(parts: NonNullable<SendOptions["multipart"]>): {
  body: Buffer;
  contentType: string;
} {
  const boundary = "----frmr-test-boundary";
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(parts.fields ?? {})) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of parts.files ?? []) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    chunks.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function startCabinet(
  options: {
    start?: string;
    env?: Record<string, string>;
    extend?: (app: FastifyInstance) => void;
    logStream?: { write(line: string): void };
  } = {},
): Promise<CabinetHarness> {
  const clock = fakeClock(options.start ?? "2026-11-21T09:00:00Z");
  const registry = new Map<string, Persona>();
  const dataDir = await mkdtemp(join(tmpdir(), "frmr-cabinet-"));
  const { app, deps } = await buildPlatformApp({
    clock,
    env: { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: "1000000", ...options.env },
    ...(options.logStream ? { logStream: options.logStream } : {}),
    extraRoutes: (instance) => {
      instance.get<{ Params: { key: string } }>("/test/org-sign-in/:key", async (request, reply) => {
        const persona = registry.get(request.params.key);
        if (!persona) throw new Error("unknown persona");
        const outcome = await instance.deps.identityService.signIn(persona.person, request.ip);
        if (!outcome.ok) throw new Error("not signed in");
        const db = instance.deps.database.db;
        const organization =
          persona.organization && (await findOrganizationByOgrn(db, persona.organization.ogrn));
        let context: SessionContext = { kind: "worker" };
        if (persona.support) {
          await addSupportOperator(db, persona.person.snils ?? "", clock.now());
          if (persona.apiClients) await addApiClientOperator(db, persona.person.snils ?? "", clock.now());
          context = { kind: "support" };
        } else if (persona.commission) {
          await addOperator(db, persona.person.snils ?? "", clock.now());
          context = { kind: "commission" };
        } else if (organization && persona.organization) {
          context = {
            kind: "organization",
            organizationId: organization.id,
            esiaOrgOid: persona.person.oid,
            role: persona.organization.role,
          };
        }
        request.session.regenerate({ userId: outcome.user.id, context }, clock.now());
        return reply.code(204).send();
      });
      options.extend?.(instance);
    },
  });
  await seedDemoOrganizations(deps.database.db);

  async function send(
    session: Session | undefined,
    method: "GET" | "POST",
    url: string,
    options: SendOptions = {},
  ) {
    const headers: Record<string, string> = {
      "user-agent": options.userAgent ?? "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0",
    };
    if (session) {
      headers.cookie = session.cookie;
      headers["x-csrf-token"] = session.csrf;
    }
    let payload: string | Buffer | undefined;
    if (options.multipart) {
      const built = multipartBody(options.multipart);
      payload = built.body;
      headers["content-type"] = built.contentType;
    } else if (options.form || method === "POST") {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(options.form ?? {}))
        for (const item of [value].flat()) body.append(name, item);
      payload = body.toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    }
    return app.inject({ method, url, headers, payload, remoteAddress: options.ip ?? TEST_IP });
  }

  return {
    app,
    deps,
    clock,
    egrul: deps.egrul as StandinEgrul,
    async signIn(persona, ip = TEST_IP) {
      registry.set(persona.person.oid, persona);
      const response = await app.inject({
        url: `/test/org-sign-in/${persona.person.oid}`,
        remoteAddress: ip,
      });
      if (response.statusCode !== 204) throw new Error(`sign-in failed: ${response.statusCode}`);
      const cookie = cookiesFrom(response.headers["set-cookie"]);
      // Any page with the header's logout form carries a token and sets the CSRF cookie.
      const page = await app.inject({ url: "/organizations/kinds", headers: { cookie }, remoteAddress: ip });
      return { cookie: cookiesFrom(page.headers["set-cookie"], cookie), csrf: csrfTokenIn(page.body) };
    },
    send,
    async organizationId(ogrn) {
      const organization = await findOrganizationByOgrn(deps.database.db, ogrn);
      if (!organization) throw new Error(`no organization ${ogrn}`);
      return organization.id;
    },
    close: () => app.close(),
  };
}
