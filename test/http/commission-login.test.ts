// Operators log in through ESIA like everyone; only they are offered «Аккредитационная комиссия»
// after login, and the choice leads to /review (C1).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { enterAsWorker, FormClient, loginThroughStandin } from "../support/http-client.ts";
import { startTestSystem, type TestSystem } from "../support/system.ts";

let system: TestSystem;
before(async () => {
  system = await startTestSystem({ listen: true });
});
after(() => system.close());

test("Орлов, an operator, chooses the commission and reaches the queue", async () => {
  const client = new FormClient();
  const landed = await loginThroughStandin(client, system.cabinetUrl, "+79001000006");
  assert.equal(new URL(landed.url).pathname, "/auth/context");
  assert.match(landed.html, /Аккредитационная комиссия/);
  const queue = await client.submit(landed, "/auth/context", { choice: "commission" });
  assert.equal(new URL(queue.url).pathname, "/review");
  assert.equal(queue.status, 200);
  assert.match(queue.html, /очередь заявлений/i);
});

test("a worker is not offered the commission, and cannot choose it by hand", async () => {
  const client = new FormClient();
  const landed = await loginThroughStandin(client, system.cabinetUrl, "+79001000002");
  assert.equal(new URL(landed.url).pathname, "/auth/context");
  assert.doesNotMatch(landed.html, /Аккредитационная комиссия/);
  const forged = await client.submit(landed, "/auth/context", { choice: "commission" });
  assert.equal(forged.status, 400);
  const home = await enterAsWorker(client, await client.get(`${system.cabinetUrl}/auth/context`));
  assert.equal(new URL(home.url).pathname.startsWith("/lk"), true);
  const review = await client.get(`${system.cabinetUrl}/review`);
  assert.equal(review.status, 403);
  assert.match(review.html, /только сотрудникам аккредитационной комиссии/);
});
