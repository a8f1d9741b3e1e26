// View model of «Личное дело» (W6): every block of the register record, with validity and the
// «истекает через N дней» / «истёк» wording where a date runs out. Pure.
import { formatDate } from "../../../shared/format.ts";
import { addYears, type Expiry, expiryBadgeClass, expiryOf, expiryWording } from "../expiry.ts";
import type { RegisterRecord } from "../record.repository.ts";

/** ПК hours over five years that the periodic accreditation portfolio asks for (domain/frmr.md §6.4). */
export const PORTFOLIO_HOURS = 144;

export interface Fact {
  label: string;
  value: string;
}

export interface Validity {
  badge: string | undefined;
  badgeClass: string;
  text: string;
  state: Expiry["state"];
}

export interface RecordItem {
  title: string;
  facts: Fact[];
  validity?: Validity;
}

export interface RecordSection {
  id: string;
  title: string;
  summary: string[];
  items: RecordItem[];
}

const facts = (pairs: [string, string | number | null | undefined][]): Fact[] =>
  pairs.flatMap(([label, value]) =>
    value === null || value === undefined || value === "" ? [] : [{ label, value: String(value) }],
  );
const date = (value: string | null | undefined) => (value ? formatDate(value) : undefined);
const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" ") || undefined;

/** «Kind — detail», or the kind alone when there is no detail. */
const titled = (kind: string, detail: string | null | undefined) =>
  joined(kind, detail ? `— ${detail}` : undefined) ?? kind;

export function validity(endDate: string | null | undefined, today: string): Validity {
  const expiry = expiryOf(endDate, today);
  const badge = expiry.state === "valid" ? "действует" : expiryWording(expiry) || undefined;
  const text =
    expiry.state === "open"
      ? "Срок действия не ограничен"
      : `Срок действия — до ${formatDate(expiry.endDate)}`;
  return { badge, badgeClass: expiryBadgeClass[expiry.state], text, state: expiry.state };
}

export function buildRecordView(record: RegisterRecord, today: string): RecordSection[] {
  const advancedTraining = record.extEducation.filter(
    (row) => row.profEducationKindId === "advanced-training",
  );
  const fiveYearsAgo = addYears(today, -5);
  const recentHours = advancedTraining
    .filter((row) => row.docDate !== null && row.docDate >= fiveYearsAgo)
    .reduce((sum, row) => sum + row.hoursCount, 0);
  const totalHours = record.extEducation.reduce((sum, row) => sum + row.hoursCount, 0);

  return [
    {
      id: "education",
      title: "Образование",
      summary: [],
      items: record.profEducation.map((row) => ({
        title: titled(row.levelEducation, row.specName),
        facts: facts([
          ["Образовательная организация", row.institutionName],
          ["Квалификация", row.qualificationName],
          ["Диплом", joined(row.docSerial, row.docNumber)],
          ["Дата выдачи", date(row.docDate)],
          ["Год поступления", row.beginYear],
        ]),
      })),
    },
    {
      id: "postgraduate",
      title: "Послевузовское образование",
      summary: [],
      items: record.postgraduate.map((row) => ({
        title: titled(row.educationStageName, row.specName),
        facts: facts([
          ["Образовательная организация", row.institutionName],
          ["Документ", joined(row.docSerial, row.docNumber)],
          ["Дата выдачи", date(row.docDate)],
          ["Год поступления", row.beginYear],
        ]),
      })),
    },
    {
      id: "additional",
      title: "Дополнительное профессиональное образование",
      summary:
        record.extEducation.length === 0
          ? []
          : [
              `Всего: ${totalHours} ч.`,
              `Повышение квалификации за последние 5 лет: ${recentHours} ч. Для портфолио периодической аккредитации нужно не менее ${PORTFOLIO_HOURS} ч.`,
            ],
      items: record.extEducation.map((row) => ({
        title: titled(row.profEducationKindName, row.theme),
        facts: facts([
          ["Объём", `${row.hoursCount} ч.`],
          ["Специальность", row.specName],
          ["Образовательная организация", row.institutionName],
          ["Документ", joined(row.docSerial, row.docNumber)],
          ["Дата выдачи", date(row.docDate)],
        ]),
      })),
    },
    {
      id: "certificates",
      title: "Сертификаты специалиста",
      summary: [],
      items: record.certificates.map((row) => ({
        title: row.specName ? `Сертификат по специальности «${row.specName}»` : "Сертификат специалиста",
        facts: facts([
          ["Серия и номер", joined(row.certSerial, row.certNumber)],
          ["Дата экзамена", date(row.examDate)],
          ["Дата выдачи", date(row.passDate)],
          ["Выдан", row.institutionName],
        ]),
        validity: validity(row.endDate, today),
      })),
    },
    {
      id: "accreditation",
      title: "Аккредитация",
      summary: record.accreditation?.record.regNumber
        ? [`Номер записи: ${record.accreditation.record.regNumber}`]
        : [],
      items: (record.accreditation?.procedures ?? []).map((row) => ({
        title: `${row.accreditationKind} аккредитация по специальности «${row.spec}»`,
        facts: facts([
          ["Результат", row.passed ? "пройдена" : "не пройдена"],
          [row.passed ? "Дата прохождения" : "Дата решения", date(row.passDate ?? row.protocolDate)],
          ["Причина отказа", row.failReason],
          [
            "Протокол",
            row.protocolNumber
              ? joined(
                  `№ ${row.protocolNumber}`,
                  row.protocolDate ? `от ${formatDate(row.protocolDate)}` : undefined,
                )
              : undefined,
          ],
          ["Номер в реестре", row.registryNumber],
          ["Аккредитационная комиссия", row.institution],
        ]),
        ...(row.passed ? { validity: validity(row.endDate, today) } : {}),
      })),
    },
    {
      id: "categories",
      title: "Квалификационные категории",
      summary: [],
      items: record.categories.map((row) => ({
        title: row.qualifyCategoryName,
        facts: facts([
          ["Специальность", row.specName],
          ["Должность", row.postName],
          ["Присвоена", date(row.beginDate)],
        ]),
        validity: validity(row.endDate, today),
      })),
    },
    {
      id: "employment",
      title: "Места работы",
      summary: [],
      items: record.cards.map((row) => ({
        title: row.organization,
        facts: facts([
          ["Отделение", row.nrPmuDepartName],
          ["Должность", row.postName],
          ["Тип занятия должности", row.positionTypeName],
          ["Ставка", row.rate.toLocaleString("ru-RU")],
          [
            "Период работы",
            `с ${formatDate(row.beginDate)} ${row.endDate ? `по ${formatDate(row.endDate)}` : "по настоящее время"}`,
          ],
          ["OID организации в ФРМО", row.oid],
        ]),
      })),
    },
    {
      id: "awards",
      title: "Награды",
      summary: [],
      items: record.awards.map((row) => ({
        title: row.nominationName,
        facts: facts([
          ["Номер", row.nomNumber],
          ["Дата", date(row.nomDate)],
        ]),
      })),
    },
  ];
}
