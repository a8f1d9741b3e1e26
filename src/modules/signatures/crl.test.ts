import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, describe, test } from "node:test";
import { createCrlFetcher } from "./crl.ts";
import { testCa } from "./test-support.ts";

const ca = testCa();
let hits = 0;
const server = createServer((request, response) => {
  hits++;
  if (request.url === "/slow") return; // never answers: the fetch must give up on its own
  response.writeHead(request.url === "/crl" ? 200 : 404, { "content-type": "application/pkix-crl" });
  response.end(request.url === "/crl" ? Buffer.from(ca.crl()) : "");
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => {
  server.closeAllConnections();
  server.close();
});

describe("CRL fetcher", () => {
  test("downloads once and serves the cached list until it is due", async () => {
    const fetcher = createCrlFetcher({ timeoutMs: 2000, maxAgeMs: 60_000 });
    hits = 0;
    const first = await fetcher(`${base}/crl`);
    const second = await fetcher(`${base}/crl`);
    assert.ok(first);
    assert.equal(second, first);
    assert.equal(hits, 1);
  });

  test("a service that hangs or fails gives no CRL, within the timeout", async () => {
    const fetcher = createCrlFetcher({ timeoutMs: 300, maxAgeMs: 60_000 });
    const started = Date.now();
    assert.equal(await fetcher(`${base}/slow`), undefined);
    assert.ok(Date.now() - started < 2000);
    assert.equal(await fetcher(`${base}/missing`), undefined);
    assert.equal(await fetcher("http://127.0.0.1:9/nothing-listens"), undefined);
  });
});
