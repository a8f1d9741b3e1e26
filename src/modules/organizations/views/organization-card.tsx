// The organization's card (O4, O5, O15): the requisites as ЕГРЮЛ/ЕГРИП gives them, with the check of
// each identifier, the registration date, status, address, head, kind and contacts.
import { formatDate, formatDateTime } from "../../../shared/format.ts";
import { isValidInn, isValidKpp, isValidOgrn } from "../../../shared/identifiers.ts";
import { formatPhone } from "../../../shared/phone.ts";
import type { LicenceRow } from "../../licences/licences.repository.ts";
import { LicencesSummary } from "../../licences/views/licence-parts.tsx";
import { organizationStatusLabel } from "../corrections.service.ts";
import type { OrganizationRow } from "../organizations.repository.ts";
import type { CabinetActivation } from "../organizations.schema.ts";

export const activationLabels: Record<CabinetActivation, string> = {
  incomplete: "нужно заполнить недостающие сведения",
  submitted: "сведения на проверке у оператора",
  corrections: "оператор вернул сведения на исправление",
  active: "активирован",
};

function Checked({ valid, formatOnly }: { valid: boolean; formatOnly?: boolean }) {
  if (formatOnly) {
    return (
      <span class={valid ? "badge badge--ok" : "badge badge--bad"}>
        {valid ? "формат верен" : "формат неверен"}
      </span>
    );
  }
  return valid ? (
    <span class="badge badge--ok">контрольное число верно</span>
  ) : (
    <span class="badge badge--bad">контрольное число не сходится</span>
  );
}

export function OrganizationCard({
  organization,
  licences,
  backOffice,
}: {
  organization: OrganizationRow;
  /** Shown in the cabinet, where the organization's licences are at hand (O17). */
  licences?: readonly LicenceRow[];
  /** The operator reads the card: the organization's own correction request is not theirs to open. */
  backOffice?: boolean;
}) {
  const entrepreneur = organization.ogrn.length === 15;
  const register = entrepreneur ? "ЕГРИП" : "ЕГРЮЛ";
  return (
    <section class="card" aria-labelledby="card-title">
      <h2 id="card-title">Сведения об организации по данным {register}</h2>
      <dl class="facts">
        <dt>Полное наименование</dt>
        <dd>{organization.fullName}</dd>
        <dt>Сокращённое наименование</dt>
        <dd>{organization.shortName}</dd>
        <dt>ИНН</dt>
        <dd>
          {organization.inn} <Checked valid={isValidInn(organization.inn)} />
        </dd>
        {!entrepreneur && (
          <>
            <dt>КПП</dt>
            <dd>
              {organization.kpp ?? "—"}{" "}
              {organization.kpp && <Checked valid={isValidKpp(organization.kpp)} formatOnly />}
            </dd>
          </>
        )}
        <dt>{entrepreneur ? "ОГРНИП" : "ОГРН"}</dt>
        <dd>
          {organization.ogrn} <Checked valid={isValidOgrn(organization.ogrn)} />
        </dd>
        <dt>Дата регистрации</dt>
        <dd>{organization.registeredOn ? formatDate(organization.registeredOn) : "—"}</dd>
        <dt>Статус</dt>
        <dd>
          <span class={organization.status === "active" ? "badge badge--ok" : "badge badge--bad"}>
            {organizationStatusLabel(organization)}
          </span>
        </dd>
        {licences && (
          <>
            <dt>Лицензии</dt>
            <dd>
              <LicencesSummary licences={licences} />
            </dd>
          </>
        )}
        <dt>Юридический адрес</dt>
        <dd>{organization.legalAddress ?? "—"}</dd>
        <dt>{entrepreneur ? "Индивидуальный предприниматель" : "Руководитель"}</dt>
        <dd>
          {organization.headName ?? "—"}
          {organization.headPosition && `, ${organization.headPosition.toLocaleLowerCase("ru")}`}
        </dd>
        <dt>Вид организации</dt>
        <dd>
          {organization.kind} (<a href="/organizations/kinds">какие организации регистрируются</a>)
        </dd>
        <dt>OID в ФРМО</dt>
        <dd>{organization.frmoOid}</dd>
        <dt>Контакты</dt>
        <dd>
          {[organization.contactPhone && formatPhone(organization.contactPhone), organization.contactEmail]
            .filter(Boolean)
            .join(", ") || "не указаны"}
        </dd>
      </dl>
      <p class="muted">
        {organization.egrulSyncedAt
          ? `Сведения сверены с ${register} ${formatDateTime(organization.egrulSyncedAt)}; сверка выполняется ежедневно.`
          : `Сведения ещё не сверялись с ${register}; сверка выполняется ежедневно.`}
        {!backOffice && (
          <>
            {" "}
            Нашли ошибку? <a href="/org/feedback">Направьте запрос на исправление</a>.
          </>
        )}
      </p>
    </section>
  );
}
