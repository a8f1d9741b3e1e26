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

type FactPair = [label: string, value: string | number | null | undefined];

const facts = (pairs: FactPair[]): Fact[] =>
  pairs.flatMap(([label, value]) =>
    value === null || value === undefined || value === "" ? [] : [{ label, value: String(value) }],
  );
const date = (value: string | null | undefined) => (value ? formatDate(value) : undefined);
const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" ") || undefined;

/** «Kind — detail», or the kind alone when there is no detail. */
const titled = (kind: string, detail: string | null | undefined) =>
  joined(kind, detail ? `— ${detail}` : undefined) ?? kind;

/** A block of the record: one item per row, each its title, its facts and, where a date runs out, its validity. */
function section<Row>(
  id: string,
  title: string,
  rows: readonly Row[],
  item: (row: Row) => [title: string, pairs: FactPair[], validity?: Validity],
  summary: string[] = [],
): RecordSection {
  const items = rows.map((row): RecordItem => {
    const [itemTitle, pairs, until] = item(row);
    return { title: itemTitle, facts: facts(pairs), ...(until ? { validity: until } : {}) };
  });
  return { id, title, summary, items };
}

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
    section("education", "Образование", record.profEducation, (row) => [
      titled(row.levelEducation, row.specName),
      [
        ["Образовательная организация", row.institutionName],
        ["Квалификация", row.qualificationName],
        ["Диплом", joined(row.docSerial, row.docNumber)],
        ["Дата выдачи", date(row.docDate)],
        ["Год поступления", row.beginYear],
      ],
    ]),
    section("postgraduate", "Послевузовское образование", record.postgraduate, (row) => [
      titled(row.educationStageName, row.specName),
      [
        ["Образовательная организация", row.institutionName],
        ["Документ", joined(row.docSerial, row.docNumber)],
        ["Дата выдачи", date(row.docDate)],
        ["Год поступления", row.beginYear],
      ],
    ]),
    section(
      "additional",
      "Дополнительное профессиональное образование",
      record.extEducation,
      (row) => [
        titled(row.profEducationKindName, row.theme),
        [
          ["Объём", `${row.hoursCount} ч.`],
          ["Специальность", row.specName],
          ["Образовательная организация", row.institutionName],
          ["Документ", joined(row.docSerial, row.docNumber)],
          ["Дата выдачи", date(row.docDate)],
        ],
      ],
      record.extEducation.length === 0
        ? []
        : [
            `Всего: ${totalHours} ч.`,
            `Повышение квалификации за последние 5 лет: ${recentHours} ч. Для портфолио периодической аккредитации нужно не менее ${PORTFOLIO_HOURS} ч.`,
          ],
    ),
    section("certificates", "Сертификаты специалиста", record.certificates, (row) => [
      row.specName ? `Сертификат по специальности «${row.specName}»` : "Сертификат специалиста",
      [
        ["Серия и номер", joined(row.certSerial, row.certNumber)],
        ["Дата экзамена", date(row.examDate)],
        ["Дата выдачи", date(row.passDate)],
        ["Выдан", row.institutionName],
      ],
      validity(row.endDate, today),
    ]),
    section(
      "accreditation",
      "Аккредитация",
      record.accreditation?.procedures ?? [],
      (row) => [
        `${row.accreditationKind} аккредитация по специальности «${row.spec}»`,
        [
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
        ],
        row.passed ? validity(row.endDate, today) : undefined,
      ],
      record.accreditation?.record.regNumber
        ? [`Номер записи: ${record.accreditation.record.regNumber}`]
        : [],
    ),
    section("categories", "Квалификационные категории", record.categories, (row) => [
      row.qualifyCategoryName,
      [
        ["Специальность", row.specName],
        ["Должность", row.postName],
        ["Присвоена", date(row.beginDate)],
      ],
      validity(row.endDate, today),
    ]),
    section("employment", "Места работы", record.cards, (row) => [
      row.organization,
      [
        ["Отделение", row.nrPmuDepartName],
        ["Должность", row.postName],
        ["Тип занятия должности", row.positionTypeName],
        ["Ставка", row.rate.toLocaleString("ru-RU")],
        [
          "Период работы",
          `с ${formatDate(row.beginDate)} ${row.endDate ? `по ${formatDate(row.endDate)}` : "по настоящее время"}`,
        ],
        ["OID организации в ФРМО", row.oid],
      ],
    ]),
    section("awards", "Награды", record.awards, (row) => [
      row.nominationName,
      [
        ["Номер", row.nomNumber],
        ["Дата", date(row.nomDate)],
      ],
    ]),
  ];
}
