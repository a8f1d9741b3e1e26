// Pieces every licence page shows: the status badge with its ground and dates, the facts, the
// places with their works, and the history.
import { formatDate } from "../../../shared/format.ts";
import { SummaryList } from "../../../ui/summary-list.tsx";
import type { HistoryEntry } from "../../org-submissions/submission.repository.ts";
import { SubmissionHistory } from "../../org-submissions/views/submission-parts.tsx";
import type { LicenceEventRow, LicenceRow } from "../licences.repository.ts";
import type { LicenceAction, LicenceStatus, LicenceVerification } from "../licences.schema.ts";
import { licenceKindLabels } from "../licences.validation.ts";

const statusLabels: Record<LicenceStatus, string> = {
  active: "действует",
  suspended: "приостановлена",
  terminated: "прекращена",
};
const statusBadge: Record<LicenceStatus, string> = {
  active: "badge badge--ok",
  suspended: "badge badge--bad",
  terminated: "badge badge--warn",
};
export const verificationLabels: Record<LicenceVerification, string> = {
  pending: "ожидает проверки оператором",
  verified: "проверена оператором",
  rejected: "не совпадает со сканом — исправьте сведения",
};
const actionLabels: Record<LicenceAction, string> = {
  added: "Лицензия внесена",
  suspended: "Действие приостановлено",
  resumed: "Действие возобновлено",
  terminated: "Действие прекращено",
  verified: "Проверена оператором",
  rejected: "Оператор вернул сведения",
};

/** «действует» or «приостановлена с 01.12.2026 по 31.12.2026: решение № …». */
export function LicenceStatusText({ licence }: { licence: LicenceRow }) {
  const dates = [
    licence.statusFrom && `с ${formatDate(licence.statusFrom)}`,
    licence.statusUntil && `по ${formatDate(licence.statusUntil)}`,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <>
      <span class={statusBadge[licence.status]}>{statusLabels[licence.status]}</span>
      {licence.status !== "active" && dates && ` ${dates}`}
      {licence.status !== "active" && licence.statusGround && `. Основание: ${licence.statusGround}`}
    </>
  );
}

export function LicenceFacts({ licence }: { licence: LicenceRow }) {
  return (
    <SummaryList
      rows={[
        { label: "Вид деятельности", value: licenceKindLabels[licence.kind] },
        { label: "Номер", value: licence.number, breakWord: true },
        { label: "Лицензирующий орган", value: licence.issuedBy },
        { label: "Дата предоставления", value: formatDate(licence.issuedOn) },
        {
          label: "Срок действия",
          value: licence.validUntil ? `до ${formatDate(licence.validUntil)}` : "бессрочно",
        },
        { label: "Статус", value: <LicenceStatusText licence={licence} /> },
        {
          label: "Проверка",
          value: [verificationLabels[licence.verification], licence.verificationComment]
            .filter(Boolean)
            .join(": "),
        },
      ]}
    />
  );
}

export function LicencePlaces({ licence }: { licence: LicenceRow }) {
  return (
    <>
      {licence.places.map((place, index) => (
        <section class="card" key={place.address} aria-labelledby={`place-${index}`}>
          <h3 id={`place-${index}`}>{place.address}</h3>
          <ul>
            {place.works.map((work) => (
              <li key={work}>{work}</li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function LicenceHistory({ events }: { events: readonly HistoryEntry<LicenceEventRow>[] }) {
  return <SubmissionHistory events={events} labels={actionLabels} />;
}

/**
 * The licences line of the organization's card: a suspended or terminated licence is named with its
 * dates wherever the organization's status is shown.
 */
export function LicencesSummary({ licences }: { licences: readonly LicenceRow[] }) {
  const troubled = licences.filter((licence) => licence.status !== "active");
  const active = licences.length - troubled.length;
  return (
    <>
      {troubled.map((licence) => (
        <p key={licence.id}>
          Лицензия № {licence.number} <LicenceStatusText licence={licence} />
        </p>
      ))}
      <p>
        {licences.length === 0 ? "сведений нет" : `действующих: ${active}`} (
        <a href="/org/licences">все лицензии</a>)
      </p>
    </>
  );
}
