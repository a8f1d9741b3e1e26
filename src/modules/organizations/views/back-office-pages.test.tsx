// The operator's pages link only to what an operator may open: the organization's own correction
// request (/org/feedback) belongs to the organization's cabinet and would refuse them.
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderToString } from "preact-render-to-string";
import { testPageContext } from "../../../ui/test-context.ts";
import type { DataRequestRow } from "../activation.repository.ts";
import type { OrganizationRow } from "../organizations.repository.ts";
import { DataRequestPage } from "./back-office-pages.tsx";
import { OrganizationCard } from "./organization-card.tsx";

const ctx = testPageContext({ path: "/review/organizations" });
const organization = {
  ogrn: "1027700123456",
  inn: "7701001234",
  kpp: "770101001",
  shortName: "ГБУЗ «ГП № 1»",
  fullName: "ГБУЗ «Городская поликлиника № 1»",
  status: "active",
  kind: "Медицинская организация",
  frmoOid: "1.2.643.5.1.13",
  egrulSyncedAt: null,
} as unknown as OrganizationRow;

test("the operator's data request page has no link into the organization's cabinet", () => {
  const request = {
    id: "r1",
    status: "submitted",
    submittedAt: new Date("2026-11-21T09:00:00Z"),
    fields: {
      inn: "7701001234",
      kpp: "770101001",
      headName: "Смирнов Алексей Викторович",
      headPosition: "главный врач",
      contactPhone: "+79001000004",
      contactEmail: "info@example.org",
      kind: "Медицинская организация",
    },
    corrections: [],
  } as unknown as DataRequestRow;
  const html = renderToString(
    <DataRequestPage ctx={ctx} organization={organization} request={request} files={[]} />,
  );
  assert.match(html, /Сведения об организации по данным ЕГРЮЛ/);
  assert.doesNotMatch(html, /href="\/org\//);
});

test("in the cabinet the card still offers the correction request", () => {
  assert.match(renderToString(<OrganizationCard organization={organization} />), /href="\/org\/feedback"/);
});
