// W13, DESIGN convention 9: a notification is a job written in the transaction of the status change,
// so it survives the process stopping between the commit and the delivery. The first app commits the
// change and closes without running the worker; a new app on the same database delivers it.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { eq } from "drizzle-orm";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { jobs } from "../../src/modules/jobs/jobs.schema.ts";
import { notices, outboxMessages } from "../../src/modules/notifications/notifications.schema.ts";
import { applicationIdFrom, startAccreditation } from "../support/accreditation.ts";
import { createTestDatabase, testDatabaseUrl } from "../support/db.ts";

/** A database that outlives the app using it: a PGlite directory, or a PostgreSQL database. */
async function durableDatabase(): Promise<{ open(): Promise<DatabaseHandle>; dispose(): Promise<void> }> {
  if (testDatabaseUrl) {
    const created = await createTestDatabase();
    const url = created.url ?? "";
    return { open: () => openDatabase({ url, poolSize: 4 }), dispose: () => created.close() };
  }
  const dir = await mkdtemp(join(tmpdir(), "frmr-restart-"));
  return {
    open: async () => {
      const handle = await openDatabase({ pgliteDir: dir });
      await handle.migrate();
      return handle;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

const storage = await durableDatabase();
after(() => storage.dispose());

test("a status change committed before a restart is delivered after it", async () => {
  const first = await startAccreditation({ database: await storage.open() });
  const ivanova = await first.enter("ivanova", "worker");
  const id = applicationIdFrom(
    await ivanova.submit("/lk/applications/new", "/lk/applications", {
      kind: "primary",
      specialtyCode: "27",
    }),
  );
  const withdrawn = await ivanova.submit(
    `/lk/applications/${id}/withdraw`,
    `/lk/applications/${id}/withdraw`,
    {
      reason: "Подам позже",
    },
  );
  assert.equal(withdrawn.statusCode, 303);
  const pending = await first.deps.database.db.select().from(jobs).where(eq(jobs.status, "pending"));
  assert.equal(pending.length, 1, "the notice job is committed with the change");
  // The process stops here: no worker ran.
  await first.close();

  const second = await startAccreditation({ database: await storage.open(), seed: false });
  try {
    const { db } = second.deps.database;
    assert.equal((await db.select().from(notices)).length, 0);
    await second.runJobs();
    const [notice] = await db.select().from(notices);
    assert.match(notice?.title ?? "", /отозвано/i);
    assert.match(notice?.body ?? "", /Подам позже/);
    const [mail] = await db.select().from(outboxMessages);
    assert.equal(mail?.recipient, "maria.ivanova@example.org");
    assert.ok(mail?.sentAt, "the e-mail was delivered by the new process");
    assert.equal(
      (await db.select().from(jobs).where(eq(jobs.status, "done"))).length,
      2,
      "notice and delivery",
    );
  } finally {
    await second.close();
  }
});
