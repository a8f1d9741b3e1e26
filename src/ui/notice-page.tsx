// A page that tells one thing and where to go next (a failed sign-in, a blocked section, an error):
// the heading, the lead sentence, what else there is to say, and the ways on as a row of buttons.
import type { ComponentChildren } from "preact";
import { type ButtonVariant, buttonClass } from "./actions.tsx";
import { Layout, type PageContext } from "./layout.tsx";

export interface LinkAction {
  href: string;
  label: string;
  variant?: ButtonVariant;
}

/** Links styled as buttons: the first is the main way on, the others secondary unless they say. */
export function LinkActions({ links }: { links: readonly (LinkAction | false | undefined)[] }) {
  const shown = links.filter((link): link is LinkAction => Boolean(link));
  return (
    <p class="actions">
      {shown.map((link, index) => (
        <a
          key={link.href}
          class={buttonClass(link.variant ?? (index === 0 ? undefined : "secondary"))}
          href={link.href}
        >
          {link.label}
        </a>
      ))}
    </p>
  );
}

export function NoticePage(props: {
  ctx: PageContext;
  title: string;
  /** The heading when it differs from the browser tab's title. */
  heading?: string;
  lead: ComponentChildren;
  /** The catalogue code of an error page, for support and tests (never shown as text). */
  code?: string;
  actions: readonly (LinkAction | false | undefined)[];
  /** Said between the lead and the actions. */
  children?: ComponentChildren;
  /** Below the actions (the support reference of an error page). */
  footer?: ComponentChildren;
}) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <div class="notice-page" data-error-code={props.code}>
        <h1>{props.heading ?? props.title}</h1>
        <p class="lead">{props.lead}</p>
        {props.children}
        <LinkActions links={props.actions} />
        {props.footer}
      </div>
    </Layout>
  );
}
