// The banner under the header of every page while an operator's message about the service is active
// (planned works, an outage). The list comes from memory (see the status module's incidents.ts).
import { formatDateTime } from "../shared/format.ts";

export interface IncidentNotice {
  id: string;
  kind: "maintenance" | "outage";
  title: string;
  details: string | null;
  endsAt: Date | null;
}

export function IncidentBanner({ incidents }: { incidents: readonly IncidentNotice[] | undefined }) {
  if (!incidents || incidents.length === 0) return null;
  return (
    <section class="incidents" aria-label="Сообщения о работе сервиса">
      <ul class="incidents__list">
        {incidents.map((incident) => (
          <li key={incident.id} class={`incident incident--${incident.kind}`}>
            <p class="incident__title">{incident.title}</p>
            {incident.details && <p>{incident.details}</p>}
            <p class="incident__more">
              {incident.endsAt && `Окончание — ${formatDateTime(incident.endsAt)} (время московское). `}
              <a href="/status">Состояние сервиса</a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
