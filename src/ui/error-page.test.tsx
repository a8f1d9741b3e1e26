// Every error page reads as Russian: no catalogue code in the text (only in data-error-code and the
// support link), a «Что делать дальше» list, the support contacts and «Написать в поддержку».
import assert from "node:assert/strict";
import { test } from "node:test";
import { render } from "preact-render-to-string";
import { type ErrorCode, errorCatalogue } from "../shared/errors.ts";
import { ErrorPage } from "./error-page.tsx";
import { testPageContext } from "./test-context.ts";

const ctx = testPageContext({
  support: { phone: "8 800 000-00-00", email: "support@frmr.example", hours: "ежедневно" },
});
const at = new Date("2026-12-01T21:05:00Z");

/** What a person sees: the text without tags and attributes. */
const visibleText = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/&[a-z]+;/g, " ");

for (const code of Object.keys(errorCatalogue) as ErrorCode[]) {
  test(`${code}: Russian reference, next steps and the support link`, () => {
    const html = render(<ErrorPage ctx={ctx} code={code} at={at} />);
    assert.doesNotMatch(
      visibleText(html),
      /\b[A-Z]{2,}_[A-Z_]+\b|\bINTERNAL\b|\bFORBIDDEN\b/,
      "no code in the text",
    );
    assert.match(html, new RegExp(`data-error-code="${code}"`));
    assert.match(html, /<h2 id="error-advice-title">Что делать дальше<\/h2>\s*<ol><li>/);
    assert.ok(html.includes(`href="/support/new?code=${code}&amp;at=2026-12-01T21%3A05%3A00.000Z"`), html);
    assert.match(html, /Написать в поддержку/);
    assert.match(html, /ошибка \d{3} от 02\.12\.2026 00:05 \(мск\)/);
    assert.match(html, /8 800 000-00-00/);
  });
}

test("the ФРМО-absent page gives the steps into ФРМО and links the list of organization kinds", () => {
  const html = render(<ErrorPage ctx={ctx} code="ORGANIZATION_NOT_REGISTERED" at={at} />);
  assert.match(html, /подать сведения об организации в ФРМО/);
  assert.match(html, /href="\/organizations\/kinds"/);
  assert.match(html, /support@frmr\.example/);
});
