// The explicit step before an irreversible action: the question, what will happen, the facts of the
// object, and a POST form «Подтвердить» with the CSRF token beside an «Отмена» link.
import type { ComponentChildren } from "preact";
import { type ButtonVariant, FormActions, PostForm } from "./actions.tsx";
import { Layout, type NavItem, type PageContext } from "./layout.tsx";
import { SummaryList, type SummaryRow } from "./summary-list.tsx";

export function ConfirmPage(props: {
  ctx: PageContext;
  /** The browser tab's title. */
  title: string;
  nav?: readonly NavItem[];
  /** The heading: a question such as «Отозвать заявку № 3?». */
  question: string;
  /** What will happen after confirming (paragraphs). */
  children: ComponentChildren;
  facts?: readonly (SummaryRow | false | undefined)[];
  action: string;
  confirmLabel?: string;
  variant?: ButtonVariant;
  cancelHref: string;
  /** Fields sent along with the confirmation (a reason, a comment). */
  fields?: ComponentChildren;
}) {
  return (
    <Layout ctx={props.ctx} title={props.title} nav={props.nav}>
      <h1>{props.question}</h1>
      <div class="card confirm">
        {props.facts && <SummaryList rows={props.facts} />}
        {props.children}
        <PostForm action={props.action} csrfToken={props.ctx.csrfToken}>
          {props.fields}
          <FormActions
            label={props.confirmLabel ?? "Подтвердить"}
            variant={props.variant}
            cancelHref={props.cancelHref}
          />
        </PostForm>
      </div>
    </Layout>
  );
}
