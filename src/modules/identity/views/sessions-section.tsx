// «Мои сеансы»: where the person is signed in now (device, network, times) and «Завершить все другие
// сеансы». Shared by the worker's settings and the organization's «Безопасность».
import { formatDateTime } from "../../../shared/format.ts";
import { counted } from "../../../shared/plural.ts";
import { ActionButton } from "../../../ui/actions.tsx";
import { DataTable } from "../../../ui/table.tsx";
import { describeDevice } from "../../organizations/security.service.ts";
import type { SessionRow } from "../sessions.repository.ts";

export function SessionsSection(props: {
  csrfToken: string;
  sessions: readonly SessionRow[];
  currentKey: string;
  /** Where to come back after ending the others. */
  back: string;
}) {
  const others = props.sessions.filter((session) => session.key !== props.currentKey).length;
  return (
    <section class="card" id="sessions" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Мои сеансы</h2>
      <p>
        Здесь видно, где сейчас выполнен вход в ваш кабинет. Сеанс завершается сам через 30 минут без
        действий.
      </p>
      <DataTable
        caption="Мои сеансы"
        stacked
        rowKey={(session) => session.key}
        rows={props.sessions}
        columns={[
          {
            label: "Устройство",
            cell: (session) => (
              <>
                {session.userAgent ? describeDevice(session.userAgent) : "неизвестное устройство"}
                {session.key === props.currentKey && (
                  <>
                    {" "}
                    <span class="badge badge--ok">этот сеанс</span>
                  </>
                )}
              </>
            ),
          },
          {
            label: "Сеть",
            cell: (session) =>
              session.network && session.network !== "unknown" ? session.network : "не определена",
          },
          { label: "Вход", cell: (session) => formatDateTime(session.createdAt) },
          { label: "Последнее действие", cell: (session) => formatDateTime(session.lastSeenAt) },
        ]}
      />
      {others > 0 ? (
        <>
          <p>Кроме этого, открыто ещё {counted(others, ["сеанс", "сеанса", "сеансов"])}.</p>
          <ActionButton
            action="/sessions/end-others"
            csrfToken={props.csrfToken}
            hidden={{ back: props.back }}
            variant="secondary"
            label="Завершить все другие сеансы"
          />
        </>
      ) : (
        <p class="muted">Других сеансов нет.</p>
      )}
    </section>
  );
}
