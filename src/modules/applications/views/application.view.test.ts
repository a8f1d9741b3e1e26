import assert from "node:assert/strict";
import { test } from "node:test";
import type { DocumentRow } from "../../documents/documents.repository.ts";
import { deadlineText } from "../../review/views/queue-page.tsx";
import type { ApplicationRow } from "../applications.repository.ts";
import type { ApplicationDetails } from "../applications.service.ts";
import { buildApplicationView, slotChoices } from "./application.view.ts";
import { buildApplicationsSummary } from "./home-block.tsx";

const application = (overrides: Partial<ApplicationRow> = {}): ApplicationRow =>
  ({
    id: "a1",
    number: 7,
    userId: "u1",
    kind: "periodic",
    specialtyCode: "76",
    specialtyName: "Терапия",
    status: "draft",
    basisLabel: "Аккредитация (периодическая)",
    basisEndDate: "2027-01-22",
    desiredDate: null,
    report: null,
    agreementMode: null,
    organizationId: null,
    agreementComment: null,
    portfolio: null,
    assigneeId: null,
    stageDueOn: null,
    submittedAt: null,
    protocolNumber: null,
    protocolDate: null,
    decisionComment: null,
    decidedAt: null,
    createdAt: new Date("2026-11-23T09:00:00Z"),
    updatedAt: new Date("2026-11-23T09:00:00Z"),
    ...overrides,
  }) as ApplicationRow;

const document = (id: string, typeCode: string, originalName: string) =>
  ({ id, typeCode, originalName, uploadedAt: new Date("2026-11-20T09:00:00Z"), userId: "u1" }) as DocumentRow;

const details = (overrides: Partial<ApplicationDetails> = {}): ApplicationDetails => ({
  application: application(),
  agreementSignatures: [],
  attachments: [
    {
      id: "at1",
      slotId: "identity",
      documentId: "d1",
      typeCode: "identity_document",
      originalName: "Паспорт.pdf",
      sizeBytes: 1,
      attachedAt: new Date(),
    },
  ],
  requested: [],
  entries: [],
  portfolio: {
    periodFrom: "2022-01-22",
    totalHours: 100,
    entries: [
      {
        source: "worker",
        entryId: "e1",
        title: "НМО",
        institution: "Портал",
        hours: 100,
        date: "2026-01-10",
      },
    ],
  },
  history: [],
  documents: [
    document("d1", "identity_document", "Паспорт.pdf"),
    document("d2", "identity_document", "Паспорт-2.pdf"),
    document("d3", "snils", "СНИЛС.pdf"),
  ],
  organizations: [],
  problems: [{ field: "portfolio", message: "мало часов" }],
  actions: ["send_to_head", "submit", "withdraw"],
  ...overrides,
});

test("a draft offers, per slot, only the worker's documents of fitting types not yet attached", () => {
  const view = buildApplicationView(details());
  const identity = view.slots.find((slot) => slot.id === "identity");
  assert.deepEqual(identity?.attached, [
    { attachmentId: "at1", name: "Паспорт.pdf", viewHref: "/lk/documents/d1/view" },
  ]);
  assert.equal(identity?.fitting, 1);
  assert.deepEqual(
    slotChoices(details(), "identity").map((option) => option.value),
    ["d2"],
  );
  assert.deepEqual(
    slotChoices(details(), "snils").map((option) => option.value),
    ["d3"],
  );
  assert.equal(view.portfolio?.problem !== undefined, true);
  assert.equal(view.portfolio?.entries[0]?.removableId, "e1");
  assert.deepEqual(view.can, {
    sendToHead: true,
    recall: false,
    returnToDraft: false,
    submit: true,
    withdraw: true,
    extract: false,
  });
  assert.equal(view.problems.length, 1);
});

test("once filed nothing is editable, the problems list is gone and an approved one offers the extract", () => {
  const view = buildApplicationView(
    details({
      application: application({ status: "approved", protocolNumber: "47/2026", protocolDate: "2026-11-23" }),
      actions: [],
    }),
  );
  assert.equal(view.editable, false);
  assert.equal(view.portfolio?.entries[0]?.removableId, undefined);
  assert.deepEqual(view.problems, []);
  assert.equal(view.can.extract, true);
  assert.ok(view.facts.some((fact) => fact.value === "№ 47/2026 от 23.11.2026"));
});

test("the home block puts open applications first and says what each waits for", () => {
  const summary = buildApplicationsSummary(
    [
      application({ id: "old", status: "approved", number: 1 }),
      application({ id: "new", status: "documents_requested", number: 2 }),
    ],
    3,
  );
  assert.deepEqual(
    summary.items.map((item) => item.href),
    ["/lk/applications/new", "/lk/applications/old"],
  );
  assert.match(summary.items[0]?.hint ?? "", /запросила документы/);
  assert.equal(summary.unreadNotices, 3);
});

test("queue deadlines read in working days, overdue marked", () => {
  assert.deepEqual(deadlineText("2026-11-30", "2026-11-23"), { text: "осталось 5 раб. дн.", overdue: false });
  assert.deepEqual(deadlineText("2026-11-23", "2026-11-23"), { text: "срок сегодня", overdue: false });
  assert.deepEqual(deadlineText("2026-11-02", "2026-11-05"), {
    text: "просрочено на 2 раб. дн.",
    overdue: true,
  });
});
