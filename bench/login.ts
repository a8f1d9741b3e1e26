// Signing in as a person would: the cabinet's ESIA login page, the stand-in's login form, the
// stand-in's consent page, the choice of whom to act for and, for a worker, «Подключить сервис ФРМР»
// with the SMS code from the development outbox. The cookie header of the session is returned.
import { standinAccounts } from "../src/esia-standin/seed.ts";
import { enterAsWorker, FormClient, loginThroughStandin } from "../test/support/http-client.ts";

/** The login the stand-in's form accepts for an account: its mobile phone. */
export function loginOf(account: { phone?: string | undefined }): string {
  if (!account.phone) throw new Error("the account has no phone to log in with");
  return account.phone;
}

function expectPath(url: string, path: string, status: number): void {
  if (new URL(url).pathname !== path || status !== 200) throw new Error(`login ended at ${url} (${status})`);
}

export async function signInWorker(base: string, phone = loginOf(standinAccounts.petrova)): Promise<string> {
  const client = new FormClient();
  const home = await enterAsWorker(client, await loginThroughStandin(client, base, phone));
  expectPath(home.url, "/lk", home.status);
  return client.cookieFor(base);
}

/** Смирнов, the head of the demo clinic, acting for it as «Руководитель». */
export async function signInHead(base: string): Promise<string> {
  const client = new FormClient();
  const choose = await loginThroughStandin(client, base, loginOf(standinAccounts.smirnov));
  const clinicOid = choose.html.match(/value="(\d+)"[^>]*\/>\s*От имени организации «ГБУЗ/)?.[1];
  if (!clinicOid) throw new Error("the clinic is not offered at login");
  const rolePage = await client.submit(choose, "/auth/context", { choice: clinicOid });
  const home = await client.submit(rolePage, "/auth/context/role", { role: "head" });
  expectPath(home.url, "/org", home.status);
  return client.cookieFor(base);
}

/** Орлов, an operator of the accreditation commission, at /review. */
export async function signInCommission(base: string): Promise<string> {
  const client = new FormClient();
  const landed = await loginThroughStandin(client, base, loginOf(standinAccounts.orlov));
  const queue = await client.submit(landed, "/auth/context", { choice: "commission" });
  expectPath(queue.url, "/review", queue.status);
  return client.cookieFor(base);
}
