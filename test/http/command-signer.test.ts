// The cabinet logs in with an external signer (the openssl CLI with the GOST engine standing in for
// CryptoPro), configured only through ESIA_SIGNER_COMMAND: the stand-in accepts its signatures.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, test } from "node:test";
import { findGostOpenssl } from "../../src/esia/crypto/test-openssl.ts";
import { enterAsWorker, FormClient, loginThroughStandin } from "../support/http-client.ts";
import { testKeysDir } from "../support/keys.ts";
import { startTestSystem } from "../support/system.ts";

const openssl = findGostOpenssl();
after(() => typeof openssl !== "string" && openssl.cleanup());

test("login with the external-command signer", { skip: typeof openssl === "string" && openssl }, async () => {
  if (typeof openssl === "string") return;
  const keyPath = join(testKeysDir, "client-gost", "key.pem");
  const command = ["env", `OPENSSL_CONF=${openssl.configPath}`, "openssl", "dgst", "-md_gost12_256"];
  const system = await startTestSystem({
    listen: true,
    env: { ESIA_SIGNER_COMMAND: JSON.stringify([...command, "-sign", keyPath, "-out", "{out}", "{in}"]) },
  });
  try {
    const client = new FormClient();
    const home = await enterAsWorker(
      client,
      await loginThroughStandin(client, system.cabinetUrl, "+79001000002"),
    );
    assert.equal(new URL(home.url).pathname, "/lk");
    assert.match(home.html, /Петрова Анна Сергеевна/);
  } finally {
    await system.close();
  }
});
