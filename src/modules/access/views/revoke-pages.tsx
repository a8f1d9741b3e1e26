// The confirmation before taking powers away (O9): revoking an employee's rights and ending a
// representative's powers act at once and cannot be undone, so each asks first on its own page.
import { formatDate } from "../../../shared/format.ts";
import { formatSnils } from "../../../shared/identifiers.ts";
import { ConfirmPage } from "../../../ui/confirm-page.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { cabinetNavigation } from "../../organizations/cabinet.navigation.ts";
import type { GrantRow, RepresentativeRow } from "../access.repository.ts";
import { rightLabels } from "../access.rights.ts";

export function RevokeGrantPage(props: { ctx: PageContext; actor: CabinetActor; grant: GrantRow }) {
  const { grant } = props;
  return (
    <ConfirmPage
      ctx={props.ctx}
      title="Отзыв прав"
      nav={cabinetNavigation(props.actor)}
      question="Отозвать права сотрудника?"
      facts={[
        { label: "Сотрудник", value: grant.fullName },
        { label: "СНИЛС", value: formatSnils(grant.snils) },
        { label: "Права", value: grant.rights.map((right) => rightLabels[right]).join("; ") },
        { label: "Срок", value: `${formatDate(grant.startsOn)} — ${formatDate(grant.endsOn)}` },
      ]}
      action={`/org/access/grants/${grant.id}/revoke`}
      confirmLabel="Отозвать права"
      variant="danger"
      cancelHref="/org/access"
    >
      <p>
        Права перестанут действовать сразу, в том числе в уже открытом сеансе сотрудника. Вернуть их можно
        только новой выдачей.
      </p>
    </ConfirmPage>
  );
}

export function RevokeRepresentativePage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  representative: RepresentativeRow;
}) {
  const { representative: row } = props;
  const pending = row.status === "pending";
  return (
    <ConfirmPage
      ctx={props.ctx}
      title={pending ? "Отзыв заявки на назначение" : "Прекращение полномочий"}
      nav={cabinetNavigation(props.actor)}
      question={
        pending ? "Отозвать заявку на назначение представителя?" : "Прекратить полномочия представителя?"
      }
      facts={[
        { label: "Представитель", value: row.fullName },
        { label: "СНИЛС", value: formatSnils(row.snils) },
        {
          label: "Доверенность",
          value: `№ ${row.attorneyNumber}, с ${formatDate(row.issuedOn)} по ${formatDate(row.validUntil)}`,
        },
      ]}
      action={`/org/representatives/${row.id}/revoke`}
      confirmLabel={pending ? "Отозвать заявку" : "Прекратить полномочия"}
      variant="danger"
      cancelHref="/org/representatives"
    >
      <p>
        {pending
          ? "Оператор не будет проверять документы этого назначения. Чтобы назначить представителя позже, документы придётся отправить заново."
          : "Представитель сразу потеряет доступ к кабинету организации. Чтобы вернуть полномочия, назначение придётся оформить заново и снова пройти проверку оператором."}
      </p>
    </ConfirmPage>
  );
}
