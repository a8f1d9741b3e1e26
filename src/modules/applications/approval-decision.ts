// The head's decision on a worker's report as a small canonical document (O7, O12): the bytes the head
// signs with the qualified signature. It is rebuilt from the same facts when the signature arrives, so
// it must be deterministic: fixed line order, LF line ends, UTF-8, the time in UTC to the second. It
// names the report file by its SHA-256, which binds the signature to the very file the head read.
import { formatDateTime } from "../../shared/format.ts";

export type ApprovalDecision = "agree" | "refuse";

export interface DecisionFacts {
  application: { id: string; number: number; specialtyName: string };
  applicantName: string;
  organization: { name: string; ogrn: string | null };
  headName: string;
  decision: ApprovalDecision;
  reason: string | null;
  at: Date;
  report: { originalName: string; sha256: string };
}

const decisionWords: Record<ApprovalDecision, string> = {
  agree: "Отчёт согласован",
  refuse: "В согласовании отчёта отказано",
};

export function decisionDocument(facts: DecisionFacts): Uint8Array {
  const lines = [
    "Решение руководителя медицинской организации по отчёту о профессиональной деятельности",
    "",
    `Заявка: № ${facts.application.number} (${facts.application.id})`,
    `Специальность: ${facts.application.specialtyName}`,
    `Сотрудник: ${facts.applicantName}`,
    `Организация: ${facts.organization.name}${facts.organization.ogrn ? `, ОГРН ${facts.organization.ogrn}` : ""}`,
    `Руководитель: ${facts.headName}`,
    `Решение: ${decisionWords[facts.decision]}`,
    ...(facts.decision === "refuse" ? [`Причина отказа: ${oneLine(facts.reason ?? "")}`] : []),
    `Время решения: ${facts.at.toISOString().replace(/\.\d{3}Z$/, "Z")} (${formatDateTime(facts.at)} МСК)`,
    `Файл отчёта: ${oneLine(facts.report.originalName)}`,
    `Контрольная сумма файла отчёта (SHA-256): ${facts.report.sha256}`,
    "",
  ];
  return new TextEncoder().encode(lines.join("\n"));
}

export function decisionFileName(number: number): string {
  return `reshenie-zayavka-${number}.txt`;
}

// Line breaks in the reason would let it imitate other lines of the document.
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** The decision time the form carries: whole seconds in UTC, not ahead of now, at most a day old. */
export function parseDecisionTime(value: string | undefined, now: Date): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value)) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return undefined;
  const age = now.getTime() - at.getTime();
  return age >= -5 * 60_000 && age <= 24 * 3600_000 ? at : undefined;
}

export function decisionTime(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** What a decision's signature says before the signer's name: the decision its document records. */
export function signaturePrefix(signature: { signedContent: string | null }): string {
  const text = signature.signedContent ? Buffer.from(signature.signedContent, "base64").toString("utf8") : "";
  return text.includes(`Решение: ${decisionWords.refuse}`)
    ? "Отказ подписан ЭП"
    : "Согласовано, подписано ЭП";
}

/** The signatures of an application's agreement: only those made for the organization it went to. */
export function agreementSignatures<Row extends { organizationId: string }>(
  rows: Row[],
  organizationId: string | null,
): Row[] {
  return rows.filter((row) => row.organizationId === organizationId);
}
