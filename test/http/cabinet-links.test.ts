// Every link a person is shown opens for them: a walk through each cabinet from its home page, as the
// worker, the head, an employee without rights and the commission's operator, follows the links of
// every page it reaches and fails on a refusal (403), on a server error and on a page whose element
// ids repeat (a label or an error summary would then point at the wrong field).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Account, AccreditationHarness, Entry, Visitor } from "../support/accreditation.ts";
import { startAccreditation } from "../support/accreditation.ts";

let harness: AccreditationHarness;
before(async () => {
  harness = await startAccreditation();
});
after(() => harness.close());

/** Links to pages (not files, not sign-out, not anchors on the same page). */
function linksOf(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="(\/[^"#]*)/g)]
    .map((match) => (match[1] ?? "").replaceAll("&amp;", "&"))
    .filter((href) => !/^\/(assets|auth|dev)\b/.test(href));
}

export function duplicateIds(html: string): string[] {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] ?? "");
  return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
}

async function walk(visitor: Visitor, home: string, limit = 45) {
  const seen = new Set<string>([home]);
  const queue = [home];
  const problems: string[] = [];
  let pages = 0;
  while (queue.length > 0 && pages < limit) {
    const url = queue.shift() ?? "";
    const response = await visitor.get(url);
    pages += 1;
    if (response.statusCode === 403 || response.statusCode >= 500)
      problems.push(`${url} answered ${response.statusCode}`);
    if (!String(response.headers["content-type"]).startsWith("text/html")) continue;
    const repeated = duplicateIds(response.body);
    if (repeated.length > 0) problems.push(`${url} repeats ids: ${repeated.join(", ")}`);
    for (const link of linksOf(response.body)) {
      // A family of pages (one per record) is represented by its first member.
      const family = link.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id").replace(/\?.*$/, "");
      if (seen.has(family) || seen.has(link)) continue;
      seen.add(family);
      seen.add(link);
      queue.push(link);
    }
  }
  return { problems, pages };
}

const walks: [Account, Entry, string][] = [
  ["ivanova", "worker", "/lk"],
  ["smirnov", "head", "/org"],
  ["petrova", "employee", "/org"],
  ["orlov", "commission", "/review"],
];

for (const [account, as, home] of walks) {
  test(`${account} as ${as}: every link from ${home} opens, no page repeats an id`, async () => {
    const visitor = await harness.enter(account, as);
    const { problems, pages } = await walk(visitor, home);
    assert.ok(pages > 3, `walked ${pages} pages`);
    assert.deepEqual(problems, []);
  });
}

test("the check itself finds a repeated id", () => {
  assert.deepEqual(duplicateIds('<p id="a"></p><input id="field-desiredDate"/><i id="field-desiredDate">'), [
    "field-desiredDate",
  ]);
});
