// The education and qualification blocks of a worker's record, as read from the register.
import { formatDate } from "../../../shared/format.ts";
import { type Expiry, expiryBadgeClass, expiryOf, expiryWording } from "../../register/expiry.ts";
import type { RegisterRecord } from "../../register/record.repository.ts";

/** «действует до 20.01.2027, истекает через 60 дней», «срок истёк 12.03.2024», «без срока окончания». */
function validityText(expiry: Expiry): string {
  if (expiry.state === "open") return "без срока окончания";
  if (expiry.state === "expired") return `срок истёк ${formatDate(expiry.endDate)}`;
  const wording = expiryWording(expiry);
  return `действует до ${formatDate(expiry.endDate)}${wording ? `, ${wording}` : ""}`;
}

export function RecordSections({ record, today }: { record: RegisterRecord; today: string }) {
  const education = [
    ...record.profEducation.map((row) => ({
      id: row.id,
      text: `${row.levelEducation}: ${row.institutionName}`,
      date: row.docDate,
    })),
    ...record.postgraduate.map((row) => ({
      id: row.id,
      text: `${row.educationStageName}: ${row.institutionName}`,
      date: row.docDate,
    })),
    ...record.extEducation.map((row) => ({
      id: row.id,
      text: `${row.profEducationKindName}: ${row.institutionName}, ${row.hoursCount} ч.${row.theme ? ` «${row.theme}»` : ""}`,
      date: row.docDate,
    })),
  ];
  return (
    <section class="card" aria-labelledby="record-title">
      <h2 id="record-title">Образование и квалификация</h2>
      <h3>Образование</h3>
      {education.length === 0 ? (
        <p>Сведений нет.</p>
      ) : (
        <ul>
          {education.map((row) => (
            <li key={row.id}>
              {row.text}
              {row.date ? `, документ от ${formatDate(row.date)}` : ""}
            </li>
          ))}
        </ul>
      )}
      <h3>Сертификаты специалиста и аккредитация</h3>
      {record.certificates.length === 0 && !record.accreditation ? (
        <p>Сведений нет.</p>
      ) : (
        <ul>
          {record.certificates.map((row) => {
            const expiry = expiryOf(row.endDate, today);
            return (
              <li key={row.id}>
                Сертификат № {row.certNumber}, {row.specName ?? "специальность не указана"} —{" "}
                <span class={expiryBadgeClass[expiry.state]}>{validityText(expiry)}</span>
              </li>
            );
          })}
          {record.accreditation?.procedures.map((row) => {
            const expiry = expiryOf(row.endDate, today);
            return (
              <li key={row.id}>
                {row.accreditationKind} аккредитация, {row.spec} —{" "}
                <span class={expiryBadgeClass[expiry.state]}>{validityText(expiry)}</span>
              </li>
            );
          })}
        </ul>
      )}
      <h3>Квалификационные категории</h3>
      {record.categories.length === 0 ? (
        <p>Сведений нет.</p>
      ) : (
        <ul>
          {record.categories.map((row) => (
            <li key={row.id}>
              {row.qualifyCategoryName}
              {row.specName ? `, ${row.specName}` : ""} — {validityText(expiryOf(row.endDate, today))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
