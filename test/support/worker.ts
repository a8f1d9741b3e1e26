// A medical worker signed in for HTTP tests without the ESIA round trip: the stand-in's accounts go
// through the same REST JSON and mapping as a real login. Also: the W2 consent given directly, and
// form submission with the page's CSRF token.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { DbExecutor } from "../../src/db/client.ts";
import type { EsiaPerson } from "../../src/esia/identity-provider.ts";
import { mapEsiaPerson } from "../../src/esia/person.ts";
import type { StandinPerson } from "../../src/esia-standin/model.ts";
import {
  addressJson,
  collection,
  contactJson,
  documentJson,
  personJson,
} from "../../src/esia-standin/rest-data.ts";
import { findActiveConsent, insertConsent } from "../../src/modules/consent/consent.repository.ts";
import { consentTextSha256, currentConsentVersion } from "../../src/modules/consent/consent.versions.ts";
import { cookiesFrom, csrfTokenIn } from "./platform.ts";

const SCOPES = new Set([
  "fullname",
  "birthdate",
  "gender",
  "snils",
  "inn",
  "id_doc",
  "contacts",
  "addresses",
]);

/** What the cabinet gets from ESIA for a stand-in account at login. */
export function esiaPersonOf(account: StandinPerson): EsiaPerson {
  const body = {
    ...personJson(account, SCOPES),
    contacts: collection(account.contacts.map(contactJson)),
    documents: collection(account.documents.map(documentJson)),
    addresses: collection(account.addresses.map(addressJson)),
  };
  const mapped = mapEsiaPerson(String(account.oid), body);
  if (!mapped.ok) throw new Error(mapped.reason);
  return mapped.value;
}

/** An extra route for buildPlatformApp: POST-free sign-in of the listed people as workers. */
export function testSignIn(people: readonly EsiaPerson[]) {
  return (app: FastifyInstance) => {
    app.get<{ Querystring: { oid: string } }>("/test/sign-in", async (request, reply) => {
      const person = people.find((candidate) => candidate.oid === request.query.oid);
      if (!person) throw new Error(`unknown test person ${request.query.oid}`);
      const outcome = await app.deps.identityService.signIn(person, request.ip);
      if (!outcome.ok) throw new Error("not signed in");
      request.session.regenerate(
        { userId: outcome.user.id, context: { kind: "worker" } },
        app.deps.clock.now(),
      );
      return reply.send({ userId: outcome.user.id });
    });
  };
}

export interface SignedIn {
  cookie: string;
  userId: string;
}

export async function signInAs(app: FastifyInstance, person: EsiaPerson): Promise<SignedIn> {
  const response = await app.inject({ url: `/test/sign-in?oid=${person.oid}` });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode}`);
  return { cookie: cookiesFrom(response.headers["set-cookie"]), userId: response.json().userId };
}

/** The W2 consent, given without the SMS code (once): for tests about the pages behind it. */
export async function giveConsent(db: DbExecutor, userId: string, now: Date): Promise<void> {
  if (await findActiveConsent(db, userId)) return;
  const version = currentConsentVersion();
  await insertConsent(db, {
    userId,
    versionId: version.id,
    textSha256: consentTextSha256(version),
    grantedAt: now,
  });
}

export async function signInWithConsent(app: FastifyInstance, person: EsiaPerson): Promise<SignedIn> {
  const signedIn = await signInAs(app, person);
  await giveConsent(app.deps.database.db, signedIn.userId, app.deps.clock.now());
  return signedIn;
}

/** Opens `page`, then posts `fields` to `action` with the page's CSRF token, as a browser would. */
export async function submitForm(
  app: FastifyInstance,
  signedIn: SignedIn,
  page: string,
  action: string,
  fields: Record<string, string>,
): Promise<LightMyRequestResponse> {
  const opened = await app.inject({ url: page, headers: { cookie: signedIn.cookie } });
  if (opened.statusCode !== 200) throw new Error(`${page} answered ${opened.statusCode}`);
  signedIn.cookie = cookiesFrom(opened.headers["set-cookie"], signedIn.cookie);
  const response = await app.inject({
    method: "POST",
    url: action,
    headers: { cookie: signedIn.cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ _csrf: csrfTokenIn(opened.body), ...fields }).toString(),
  });
  signedIn.cookie = cookiesFrom(response.headers["set-cookie"], signedIn.cookie);
  return response;
}
