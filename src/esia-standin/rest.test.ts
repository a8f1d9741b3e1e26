// REST API (§11): Bearer check, scope check, scope-filtered fields, collections and organisations.
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { before, describe, test } from "node:test";
import { SignJWT } from "jose";
import { standinAccounts, standinOrganizations } from "./seed.ts";
import { Browser, bearer, location, loginAt, obtainTokens } from "./test-browser.ts";
import { acParams, acUrl, buildTestStandin, PUBLIC_URL, type TestStandin } from "./test-support.ts";

const { ivanova, smirnov, petrova } = standinAccounts;
const { clinic, zdorovye } = standinOrganizations;
const org = (name: string, oid: number) => `http://esia.gosuslugi.ru/${name}?org_oid=${oid}`;

let t: TestStandin;
before(async () => {
  t = await buildTestStandin();
});

describe("401 for a bad, foreign or expired token", () => {
  test("no token, a malformed one, one signed by someone else", async () => {
    const url = `/rs/prns/${ivanova.oid}`;
    assert.equal((await t.app.inject({ url })).statusCode, 401);
    assert.equal((await bearer(t.app, url, "garbage")).statusCode, 401);
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const forged = await new SignJWT({
      "urn:esia:sbj_id": ivanova.oid,
      scope: `fullname?oid=${ivanova.oid}`,
      client_id: "FRMRLK",
    })
      .setProtectedHeader({ alg: "RS256", sbt: "access" })
      .setIssuer(`${PUBLIC_URL}/`)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(privateKey);
    const response = await bearer(t.app, url, forged);
    assert.equal(response.statusCode, 401);
    assert.match(String(response.headers["www-authenticate"]), /^Bearer/);
  });

  test("an id_token is not an access token", async () => {
    const tokens = await obtainTokens(t, "+79001000001");
    assert.equal((await bearer(t.app, `/rs/prns/${ivanova.oid}`, tokens.id_token as string)).statusCode, 401);
  });

  test("an expired access token", async () => {
    const local = await buildTestStandin();
    const tokens = await obtainTokens(local, "+79001000001");
    assert.equal((await bearer(local.app, `/rs/prns/${ivanova.oid}`, tokens.access_token)).statusCode, 200);
    local.clock.advance(3600);
    assert.equal((await bearer(local.app, `/rs/prns/${ivanova.oid}`, tokens.access_token)).statusCode, 401);
  });
});

describe("403 ESIA-005029 for a missing scope", () => {
  const forbidden = { code: "ESIA-005029", message: "SecurityErrorEnum.scopeNotAllowed" };

  test("another person's oid, or a collection the scopes do not cover", async () => {
    const tokens = await obtainTokens(t, "+79001000001", { scope: "openid fullname" });
    for (const url of [
      `/rs/prns/${petrova.oid}`,
      `/rs/prns/${ivanova.oid}/ctts`,
      `/rs/prns/${ivanova.oid}/docs`,
      `/rs/prns/${ivanova.oid}/roles`,
      `/rs/orgs/${clinic.oid}`,
    ]) {
      const response = await bearer(t.app, url, tokens.access_token);
      assert.equal(response.statusCode, 403, url);
      assert.deepEqual(response.json(), forbidden);
    }
  });

  test("openid alone does not open the person", async () => {
    const tokens = await obtainTokens(t, "+79001000001", { scope: "openid" });
    assert.equal((await bearer(t.app, `/rs/prns/${ivanova.oid}`, tokens.access_token)).statusCode, 403);
  });
});

describe("fields and elements filtered by scope", () => {
  test("fullname only: names and account facts, nothing else; embeds without scope are left out", async () => {
    const tokens = await obtainTokens(t, "+79001000001", { scope: "openid fullname" });
    const p = (
      await bearer(
        t.app,
        `/rs/prns/${ivanova.oid}?embed=(contacts.elements,documents.elements)`,
        tokens.access_token,
      )
    ).json();
    assert.deepEqual(Object.keys(p).sort(), [
      "containsUpCfmCode",
      "eTag",
      "firstName",
      "lastName",
      "middleName",
      "stateFacts",
      "status",
      "trusted",
      "updatedOn",
      "verifying",
    ]);
  });

  test("email only: the contacts collection holds just the e-mail", async () => {
    const tokens = await obtainTokens(t, "+79001000001", { scope: "openid email" });
    const list = (
      await bearer(t.app, `/rs/prns/${ivanova.oid}/ctts?embed=(elements)`, tokens.access_token)
    ).json();
    assert.equal(list.size, 1);
    assert.equal(list.elements[0].type, "EML");
  });

  test("collections list absolute element URLs unless embed=(elements); elements are readable", async () => {
    const tokens = await obtainTokens(t, "+79001000001", { scope: "openid contacts id_doc addresses" });
    for (const path of ["ctts", "docs", "addrs"]) {
      const list = (await bearer(t.app, `/rs/prns/${ivanova.oid}/${path}`, tokens.access_token)).json();
      assert.deepEqual(list.stateFacts, ["hasSize"]);
      assert.equal(list.size, list.elements.length);
      assert.match(list.eTag, /^[0-9A-F]{40}$/);
      const link = list.elements[0] as string;
      assert.ok(link.startsWith(`${PUBLIC_URL}/rs/prns/${ivanova.oid}/${path}/`), link);
      const element = (await bearer(t.app, link.slice(PUBLIC_URL.length), tokens.access_token)).json();
      const embedded = (
        await bearer(t.app, `/rs/prns/${ivanova.oid}/${path}?embed=(elements)`, tokens.access_token)
      ).json();
      assert.deepEqual(embedded.elements[0], element);
    }
  });

  test("roles and organisations of a person with two organisations", async () => {
    const tokens = await obtainTokens(t, "+79001000004", { scope: "openid fullname usr_org" });
    const roles = (await bearer(t.app, `/rs/prns/${smirnov.oid}/roles`, tokens.access_token)).json();
    assert.equal(roles.size, 2);
    assert.deepEqual(
      roles.elements.map((r: { oid: number; chief: boolean; type: string }) => [r.oid, r.chief, r.type]),
      [
        [clinic.oid, true, "LEGAL"],
        [zdorovye.oid, true, "LEGAL"],
      ],
    );
    assert.equal(roles.elements[0].prnOid, smirnov.oid);
    const orgs = (await bearer(t.app, `/rs/prns/${smirnov.oid}/orgs`, tokens.access_token)).json();
    assert.deepEqual(orgs.elements, [
      `${PUBLIC_URL}/rs/orgs/${clinic.oid}`,
      `${PUBLIC_URL}/rs/orgs/${zdorovye.oid}`,
    ]);
  });
});

describe("organisation scopes", () => {
  test("an org-scoped token reads that organisation, only the granted fields", async () => {
    for (const where of ["scope", "scopeOrg"] as const) {
      const orgScopes = `${org("org_shortname", clinic.oid)} ${org("org_ogrn", clinic.oid)}`;
      const p =
        where === "scope"
          ? { scope: `openid fullname ${orgScopes}` }
          : { scope: "openid fullname", scopeOrg: orgScopes };
      const tokens = await obtainTokens(t, "+79001000004", p);
      const response = await bearer(t.app, `/rs/orgs/${clinic.oid}`, tokens.access_token);
      assert.equal(response.statusCode, 200, where);
      const body = response.json();
      assert.equal(body.shortName, "ГБУЗ «Городская поликлиника № 1»");
      assert.equal(body.ogrn, clinic.ogrn);
      assert.equal(body.inn, undefined);
      assert.equal((await bearer(t.app, `/rs/orgs/${zdorovye.oid}`, tokens.access_token)).statusCode, 403);
    }
  });

  test("an org scope for an organisation the user does not work for: 007194 after login", async () => {
    const browser = new Browser(t.app);
    const params = acParams(t, { scope: `openid ${org("org_shortname", zdorovye.oid)}` });
    const response = await loginAt(browser, location(await browser.get(acUrl(params))), "+79001000002");
    const target = new URL(location(response));
    assert.match(target.searchParams.get("error_description") ?? "", /^ESIA-007194: /);
    assert.equal(target.searchParams.get("state"), params.state);
    assert.equal(target.searchParams.get("error"), "access_denied");
  });

  test("consent is checked again: a non-member who takes over the browser gets 007194", async () => {
    const browser = new Browser(t.app);
    const params = acParams(t, { scope: `openid ${org("org_inn", clinic.oid)}` });
    const consent = await browser.get(
      location(await loginAt(browser, location(await browser.get(acUrl(params))), "+79001000005")),
    );
    await browser.get("/idp/ext/Logout");
    const other = await browser.get("/login");
    await browser.submit(other, "/login", { login: "+79001000006", password: "Test-1234" });
    const granted = await browser.submit(consent, "/consent", { decision: "grant" });
    assert.match(new URL(location(granted)).searchParams.get("error_description") ?? "", /^ESIA-007194: /);
  });

  test("the consent page names the organisation", async () => {
    const browser = new Browser(t.app);
    const params = acParams(t, { scope: `openid ${org("org_inn", clinic.oid)}` });
    const consent = await browser.get(
      location(await loginAt(browser, location(await browser.get(acUrl(params))), "+79001000005")),
    );
    assert.ok(consent.body.includes("Данные организации ГБУЗ «Городская поликлиника № 1»"));
    assert.ok(consent.body.includes("ИНН организации"));
  });
});
