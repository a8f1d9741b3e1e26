// Shown instead of a section while the organization's data differ from ЕГРЮЛ/ЕГРИП or its cabinet is
// not yet activated: what blocks it and what to do, never a bare «forbidden».
import { errorCatalogue } from "../../../shared/errors.ts";
import { SupportReference } from "../../../ui/error-page.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import { NoticePage } from "../../../ui/notice-page.tsx";
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
    <NoticePage
      ctx={props.ctx}
      title={entry.title}
      lead={entry.message}
      code={props.code}
      actions={[{ href: "/org", label: "На главную кабинета" }]}
      footer={<SupportReference ctx={props.ctx} code={props.code} at={props.at} />}
    >
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
    </NoticePage>
  );
}
