// Pieces every page of an organization's submission shows (a licence entered for checking, a request
// to the register): the history, and in the back office the queue, the page frame beside the facts
// and the operator's decision form.
import type { ComponentChildren } from "preact";
import { formatDateTime, fullName } from "../../../shared/format.ts";
import { BackLink, FormActions, PostForm } from "../../../ui/actions.tsx";
import { type Option, RadioGroup, TextAreaField } from "../../../ui/fields.tsx";
import { binder, ErrorSummary, type FieldError, Flash, type FormState } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { type Column, DataTable } from "../../../ui/table.tsx";
import { reviewNavigation } from "../../review/views/queue-page.tsx";
import type { HistoryEntry } from "../submission.repository.ts";

type HistoryEvent<Action extends string> = {
  id: string;
  action: Action;
  occurredAt: Date;
  note: string | null;
};

/** «История»: the steps of the submission, the oldest first, each with who made it and its note. */
export function SubmissionHistory<Action extends string>(props: {
  events: readonly HistoryEntry<HistoryEvent<Action>>[];
  labels: Record<Action, string>;
}) {
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">История</h2>
      <ol class="journal">
        {props.events.map(({ event, actorLastName, actorFirstName, actorMiddleName }) => (
          <li class="journal__item" key={event.id}>
            <time class="journal__time" dateTime={event.occurredAt.toISOString()}>
              {formatDateTime(event.occurredAt)}
            </time>
            <span>
              {props.labels[event.action]}
              {event.note && <span class="muted break-word"> — {event.note}</span>}
            </span>
            <span class="muted">
              {fullName({ lastName: actorLastName, firstName: actorFirstName, middleName: actorMiddleName })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The back office's list of what waits for an operator. */
export function SubmissionQueuePage<Entry>(props: {
  ctx: PageContext;
  title: string;
  lead: ComponentChildren;
  flash: string | undefined;
  caption: string;
  entries: readonly Entry[];
  entryKey: (entry: Entry) => string;
  empty: string;
  columns: readonly Column<Entry>[];
}) {
  return (
    <Layout ctx={props.ctx} title={props.title} nav={reviewNavigation}>
      <Flash message={props.flash} />
      <h1>{props.title}</h1>
      <p class="lead">{props.lead}</p>
      <DataTable
        caption={props.caption}
        stacked
        rows={props.entries}
        rowKey={props.entryKey}
        empty={props.empty}
        columns={props.columns}
      />
    </Layout>
  );
}

/** One submission in the back office: the organization, the refused decision's errors, the facts. */
export function SubmissionReviewPage(props: {
  ctx: PageContext;
  title: string;
  /** The page's h1, as the submission names itself. */
  heading: ComponentChildren;
  back: { href: string; label: string };
  organizationName: string;
  errors: readonly FieldError[];
  factsTitle: string;
  facts: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={props.ctx} title={props.title} nav={reviewNavigation}>
      <BackLink href={props.back.href}>{props.back.label}</BackLink>
      {props.heading}
      <p class="lead">{props.organizationName}</p>
      <ErrorSummary errors={props.errors} />
      <section class="card" aria-labelledby="facts-title">
        <h2 id="facts-title">{props.factsTitle}</h2>
        {props.facts}
      </section>
      {props.children}
    </Layout>
  );
}

/** The operator's decision: one of two answers and the comment the organization reads. */
export function DecisionForm(props: {
  action: string;
  csrfToken: string;
  form: FormState;
  legend: string;
  options: readonly Option[];
  comment: { label: string; hint: string; maxLength: number };
}) {
  const { comment } = props;
  const bind = binder(props.form);
  return (
    <section class="card" aria-labelledby="decision-title">
      <h2 id="decision-title">Решение</h2>
      <PostForm action={props.action} csrfToken={props.csrfToken}>
        <RadioGroup {...bind("decision")} legend={props.legend} options={props.options} />
        <TextAreaField
          {...bind("comment")}
          label={comment.label}
          hint={comment.hint}
          rows={3}
          maxLength={comment.maxLength}
        />
        <FormActions label="Сохранить решение" />
      </PostForm>
    </section>
  );
}
