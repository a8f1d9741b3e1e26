import type { OrganizationRole } from "../../../http/session.ts";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { roleLabels } from "../../identity/identity.policy.ts";
import type { OrganizationRow } from "../organizations.repository.ts";

export function OrganizationHomePage(props: {
  ctx: PageContext;
  organization: OrganizationRow;
  role: OrganizationRole;
}) {
  const { organization } = props;
  return (
    <Layout ctx={props.ctx} title={organization.shortName} nav={[{ href: "/org", label: "Организация" }]}>
      <h1>{organization.shortName}</h1>
      <p class="lead">Вы работаете в кабинете организации в роли «{roleLabels[props.role]}».</p>
      <section class="card">
        <h2>Сведения об организации</h2>
        <dl class="facts">
          <dt>Полное наименование</dt>
          <dd>{organization.fullName}</dd>
          <dt>ИНН</dt>
          <dd>{organization.inn}</dd>
          <dt>КПП</dt>
          <dd>{organization.kpp ?? "—"}</dd>
          <dt>ОГРН</dt>
          <dd>{organization.ogrn}</dd>
          <dt>Вид организации</dt>
          <dd>{organization.kind}</dd>
          <dt>OID в ФРМО</dt>
          <dd>{organization.frmoOid}</dd>
          <dt>Руководитель</dt>
          <dd>{organization.headName ?? "—"}</dd>
        </dl>
      </section>
    </Layout>
  );
}
