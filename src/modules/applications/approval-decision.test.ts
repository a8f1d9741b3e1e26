// The decision document is rebuilt when the signature arrives, so the same facts must give the same
// bytes, and a reason must not be able to imitate another line of it.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type DecisionFacts,
  decisionDocument,
  parseDecisionTime,
  signaturePrefix,
} from "./approval-decision.ts";

const facts: DecisionFacts = {
  application: { id: "0b6f4c1e-0000-4000-8000-000000000001", number: 12, specialtyName: "Терапия" },
  applicantName: "Иванова Мария Петровна",
  organization: { name: "ГБУЗ «Городская поликлиника № 1»", ogrn: "1027700000001" },
  headName: "Смирнов Алексей Викторович",
  decision: "agree",
  reason: null,
  at: new Date("2026-12-02T09:30:15Z"),
  report: { originalName: "отчёт.pdf", sha256: "ab".repeat(32) },
};
const text = (f: DecisionFacts) => new TextDecoder().decode(decisionDocument(f));

test("the same facts give the same bytes; the document names the application, decision, time and report hash", () => {
  assert.deepEqual(decisionDocument(facts), decisionDocument({ ...facts }));
  const document = text(facts);
  assert.match(document, /^Заявка: № 12 \(0b6f4c1e-0000-4000-8000-000000000001\)$/m);
  assert.match(document, /^Решение: Отчёт согласован$/m);
  assert.match(document, /^Время решения: 2026-12-02T09:30:15Z \(02\.12\.2026 12:30 МСК\)$/m);
  assert.match(
    document,
    new RegExp(`^Контрольная сумма файла отчёта \\(SHA-256\\): ${"ab".repeat(32)}$`, "m"),
  );
  assert.doesNotMatch(document, /Причина отказа/);
  assert.doesNotMatch(document, /\r/);
});

test("a refusal carries its reason on one line, so it cannot forge another line", () => {
  const document = text({
    ...facts,
    decision: "refuse",
    reason: "Не тот период.\nРешение: Отчёт согласован",
  });
  assert.match(document, /^Решение: В согласовании отчёта отказано$/m);
  assert.match(document, /^Причина отказа: Не тот период\. Решение: Отчёт согласован$/m);
  assert.equal(document.match(/^Решение:/gm)?.length, 1);
  assert.equal(
    signaturePrefix({ signedContent: Buffer.from(document).toString("base64") }),
    "Отказ подписан ЭП",
  );
  assert.equal(
    signaturePrefix({ signedContent: Buffer.from(text(facts)).toString("base64") }),
    "Согласовано, подписано ЭП",
  );
});

test("the decision time from the form: whole seconds in UTC, not ahead of now, at most a day old", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  assert.deepEqual(parseDecisionTime("2026-12-02T09:30:15Z", now), new Date("2026-12-02T09:30:15Z"));
  assert.equal(parseDecisionTime("2026-12-01T09:59:59Z", now), undefined);
  assert.equal(parseDecisionTime("2026-12-02T10:10:00Z", now), undefined);
  assert.equal(parseDecisionTime("2026-12-02T09:30:15.123Z", now), undefined);
  assert.equal(parseDecisionTime("вчера", now), undefined);
  assert.equal(parseDecisionTime(undefined, now), undefined);
});
