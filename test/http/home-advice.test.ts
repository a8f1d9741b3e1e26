// The worker's home page follows the applications' states (W4, W10): the advice to apply only when
// nothing is in work, what to do next for each state; and the unread notices counted in the menu.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { applications } from "../../src/modules/applications/applications.schema.ts";
import type { ApplicationStatus } from "../../src/modules/applications/applications.status.ts";
import { users } from "../../src/modules/identity/identity.schema.ts";
import { notices } from "../../src/modules/notifications/notifications.schema.ts";
import {
  type AccreditationHarness,
  applicationIdFrom,
  startAccreditation,
  type Visitor,
} from "../support/accreditation.ts";

let harness: AccreditationHarness;
let ivanova: Visitor;
let userId: string;

before(async () => {
  harness = await startAccreditation();
  ivanova = await harness.enter("ivanova", "worker");
  const [row] = await harness.deps.database.db.select().from(users).where(eq(users.lastName, "Иванова"));
  assert.ok(row);
  userId = row.id;
});
after(() => harness.close());

const home = async () => (await ivanova.get("/lk")).body;
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");

test("with nothing filed, her running-out accreditation advises to apply, and the block offers to create one", async () => {
  const page = text(await home());
  assert.match(page, /Подайте заявление на периодическую аккредитацию заранее/);
  assert.match(page, /Чтобы пройти аккредитацию, создайте заявку/);
});

test("each state gets its own advice; while one is in work nobody is told to apply", async () => {
  const created = await ivanova.submit("/lk/applications/new", "/lk/applications", {
    kind: "periodic",
    specialtyCode: "76",
  });
  const id = applicationIdFrom(created);
  const expected: [ApplicationStatus, RegExp, string | undefined][] = [
    ["draft", /Заявка № \d+ ждёт ваших действий: черновик: заполните шаги и отправьте заявку/, "/check"],
    ["awaiting_head", /отчёт у руководителя на согласовании: дождитесь его решения/, undefined],
    ["agreed", /ждёт ваших действий: руководитель согласовал отчёт: проверьте и отправьте заявку/, "/check"],
    ["under_review", /Заявка № \d+ в работе, от вас ничего не требуется/, undefined],
    ["documents_requested", /ждёт ваших действий: комиссия запросила документы: представьте их/, ""],
    ["with_commission", /заявка в аккредитационной комиссии: о решении придёт уведомление/, undefined],
  ];
  for (const [status, advice, step] of expected) {
    await harness.deps.database.db.update(applications).set({ status }).where(eq(applications.id, id));
    const html = await home();
    const page = text(html);
    assert.match(page, advice, status);
    assert.doesNotMatch(page, /Подайте заявление/, `${status}: no advice to apply again`);
    assert.doesNotMatch(page, /создайте заявку/, status);
    // The running-out accreditation now points at the application instead.
    assert.match(page, /Заявка № \d+ на периодическую аккредитацию уже в работе/, status);
    if (step !== undefined)
      assert.match(html, new RegExp(`href="/lk/applications/${id}${step}">Открыть заявку`), status);
  }
  await harness.deps.database.db
    .update(applications)
    .set({ status: "approved" })
    .where(eq(applications.id, id));
  assert.match(text(await home()), /аккредитация пройдена: выписка доступна в заявке/);
});

test("the menu counts the unread notices from the viewer's own statement, and forgets them once read", async () => {
  const none = await home();
  assert.doesNotMatch(none, /class="nav-count"/);
  const now = harness.clock.now();
  await harness.deps.database.db.insert(notices).values(
    [1, 2, 3].map((index) => ({
      userId,
      key: `home-advice-${index}`,
      title: "Статус заявки изменён",
      body: "Проверьте заявку.",
      createdAt: now,
    })),
  );
  const html = await ivanova.get("/lk/documents");
  assert.match(
    html.body,
    /<a href="\/lk\/notices" class="site-nav__link">Уведомления<span class="visually-hidden">, новых: 3<\/span><span class="nav-count" aria-hidden="true">3<\/span><\/a>/,
  );
  assert.match(text(await home()), /3 новых уведомления/);
  const read = await ivanova.get("/lk/notices");
  assert.doesNotMatch(read.body, /class="nav-count"/, "not on the page that shows them");
  assert.doesNotMatch((await ivanova.get("/lk")).body, /class="nav-count"/);
});
