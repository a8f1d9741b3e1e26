import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ConfigError, loadConfig } from "../../config/config.ts";
import type { CertificateRow, ExtEducationRow, ProcedureRow } from "../register/record.repository.ts";
import { missingSlots } from "./applications.kinds.ts";
import { type FilingState, submissionProblems } from "./applications.policy.ts";
import {
  buildPortfolio,
  checkFilingWindow,
  hoursProblem,
  periodicBases,
  reportingPeriodFrom,
  windowMessage,
} from "./applications.rules.ts";

const certificate = (specId: string, endDate: string): CertificateRow =>
  ({
    specId,
    specName: specId === "76" ? "Терапия" : "Кардиология",
    endDate,
    certSerial: "0177",
    certNumber: "1",
  }) as CertificateRow;
const procedure = (specId: string, endDate: string, passed = true): ProcedureRow =>
  ({
    specId,
    spec: "Терапия",
    endDate,
    passed,
    accreditationKind: "Периодическая",
    protocolNumber: "118",
  }) as ProcedureRow;

describe("periodic accreditation renews a допуск the register holds", () => {
  test("per specialty the допуск that runs longest; failed procedures do not count", () => {
    const bases = periodicBases({
      certificates: [certificate("76", "2024-12-20"), certificate("49", "2027-03-01")],
      procedures: [procedure("76", "2027-01-22"), procedure("76", "2030-01-01", false)],
    });
    assert.deepEqual(
      bases.map((basis) => [basis.specialtyCode, basis.endDate]),
      [
        ["49", "2027-03-01"],
        ["76", "2027-01-22"],
      ],
    );
    assert.match(bases[1]?.label ?? "", /Аккредитация \(периодическая\), протокол № 118/);
  });

  test("the filing window: 12 months by default, 90 days as configured, never after expiry", () => {
    const months = { unit: "months", amount: 12 } as const;
    const days = { unit: "days", amount: 90 } as const;
    assert.deepEqual(checkFilingWindow("2027-01-22", "2026-01-22", months), { ok: true });
    assert.deepEqual(checkFilingWindow("2027-01-22", "2026-01-21", months), {
      ok: false,
      reason: "too-early",
      opensOn: "2026-01-22",
    });
    assert.deepEqual(checkFilingWindow("2027-01-22", "2026-10-23", days), {
      ok: false,
      reason: "too-early",
      opensOn: "2026-10-24",
    });
    assert.deepEqual(checkFilingWindow("2027-01-22", "2027-01-22", days), { ok: true });
    const expired = checkFilingWindow("2027-01-22", "2027-01-23", months);
    assert.equal(expired.ok, false);
    if (!expired.ok) assert.match(windowMessage(expired), /истёк 22\.01\.2027.*первичную специализированную/);
  });
});

describe("portfolio", () => {
  const course = (kind: string, hours: number, docDate: string | null): ExtEducationRow =>
    ({
      profEducationKindId: kind,
      profEducationKindName: "ПК",
      institutionName: "Университет",
      hoursCount: hours,
      theme: "Терапия",
      docDate,
    }) as ExtEducationRow;

  test("ПК of the five years before expiry plus the worker's entries; retraining and older courses do not count", () => {
    const periodFrom = reportingPeriodFrom("2027-01-22", "2026-11-23");
    assert.equal(periodFrom, "2022-01-22");
    const portfolio = buildPortfolio(
      periodFrom,
      [
        course("advanced-training", 72, "2023-05-01"),
        course("advanced-training", 36, "2021-12-31"),
        course("retraining", 500, "2024-01-01"),
      ],
      [{ id: "e1", title: "НМО", institution: "Портал", hours: 40, completedOn: "2026-02-01" }],
    );
    assert.equal(portfolio.totalHours, 112);
    assert.deepEqual(
      portfolio.entries.map((entry) => entry.source),
      ["register", "worker"],
    );
    assert.equal(portfolio.entries[1]?.entryId, "e1");
  });

  test("fewer than 144 hours gives a message that says how many are missing", () => {
    assert.equal(hoursProblem(144), undefined);
    assert.match(
      hoursProblem(112) ?? "",
      /112 академических часов .* не менее 144\. Нужно ещё 32 академических часа:/,
    );
    assert.match(hoursProblem(143) ?? "", /Нужно ещё 1 академический час:/);
  });
});

describe("what must be in place before «Отправить заявку»", () => {
  const complete: FilingState = {
    kind: "periodic",
    status: "agreed",
    report: {
      workplace: "Поликлиника",
      position: "Терапевт",
      periodFrom: "2021-01-01",
      periodTo: "2026-01-01",
      summary: "Приём пациентов",
    },
    agreementMode: "head",
    organizationId: "org",
    desiredDate: null,
    attached: ["identity", "snils", "education", "admission", "qualification", "employment", "report"].map(
      (slotId) => ({
        slotId,
        typeCode: {
          identity: "identity_document",
          snils: "snils",
          education: "education_diploma",
          admission: "accreditation_record",
          qualification: "qualification_certificate",
          employment: "employment_record",
          report: "activity_report",
        }[slotId] as string,
      }),
    ),
    portfolio: { periodFrom: "2022-01-22", totalHours: 144, entries: [] },
    windowProblem: undefined,
  };

  test("a complete, agreed periodic application has nothing missing", () => {
    assert.deepEqual(submissionProblems(complete), []);
  });

  test("a document of the wrong type does not fill its slot", () => {
    assert.deepEqual(
      missingSlots("periodic", [{ slotId: "identity", typeCode: "snils" }])
        .map((slot) => slot.id)
        .slice(0, 1),
      ["identity"],
    );
  });

  test("each missing part is named, tied to its section", () => {
    const problems = submissionProblems({
      ...complete,
      status: "draft",
      attached: complete.attached.filter((item) => item.slotId !== "snils" && item.slotId !== "report"),
      portfolio: { periodFrom: "2022-01-22", totalHours: 100, entries: [] },
      windowProblem: "Срок действия допуска истёк",
    });
    assert.deepEqual(
      problems.map((problem) => problem.field),
      ["basis", "slot-snils", "slot-report", "portfolio", "agreement"],
    );
  });

  test("primary accreditation needs its three documents and a desired date, no portfolio", () => {
    const problems = submissionProblems({
      ...complete,
      kind: "primary",
      status: "draft",
      attached: [],
      portfolio: undefined,
      agreementMode: null,
    });
    assert.deepEqual(
      problems.map((problem) => problem.field),
      ["slot-identity", "slot-snils", "slot-education", "desiredDate"],
    );
  });
});

test("the filing window is a setting: 12 months by default, 90 days when configured", () => {
  assert.deepEqual(loadConfig({ NODE_ENV: "test" }).accreditation.filingWindow, {
    unit: "months",
    amount: 12,
  });
  const ninety = loadConfig({ NODE_ENV: "test", ACCREDITATION_FILING_WINDOW: "90d" });
  assert.deepEqual(ninety.accreditation.filingWindow, { unit: "days", amount: 90 });
  assert.throws(() => loadConfig({ NODE_ENV: "test", ACCREDITATION_FILING_WINDOW: "soon" }), ConfigError);
});
