// Shown instead of a section while the organization's data differ from ЕГРЮЛ/ЕГРИП or its cabinet is
// not yet activated: what blocks it and what to do, never a bare «forbidden».
import { errorCatalogue } from "../../../shared/errors.ts";
import { SupportReference } from "../../../ui/error-page.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import type { OrganizationRow } from "../organizations.repository.ts";
import { activationLabels } from "./organization-card.tsx";

export function CabinetBlockedPage(props: {
  ctx: PageContext;
  code: "EGRUL_MISMATCH" | "CABINET_NOT_ACTIVATED";
  organization: OrganizationRow;
  at: Date;
}) {
  const entry = errorCatalogue[props.code];
  const { organization } = props;
  return (
    <Layout ctx={props.ctx} title={entry.title}>
      <div class="notice-page" data-error-code={props.code}>
        <h1>{entry.title}</h1>
        <p class="lead">{entry.message}</p>
        {props.code === "EGRUL_MISMATCH" ? (
          <>
            <ul>
              {organization.egrulMismatches.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
            <p>
              Если ошибка в реестре, обратитесь в налоговый орган: изменения появятся в кабинете в течение 24
              часов после их внесения. Если ошибка в сведениях кабинета,{" "}
              <a href="/org/feedback">направьте запрос на исправление</a>.
            </p>
          </>
        ) : (
          <p>Состояние кабинета: {activationLabels[organization.activation]}.</p>
        )}
        <p class="actions">
          <a class="button" href="/org">
            На главную кабинета
          </a>
        </p>
        <SupportReference ctx={props.ctx} code={props.code} at={props.at} />
      </div>
    </Layout>
  );
}
