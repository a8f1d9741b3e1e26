// Paging of a list read by keyset (src/db/keyset.ts, issue 9): forward by the next page's cursor,
// back to the newest; a page in the middle has no link of its own to the previous one.
import type { ComponentChildren } from "preact";

export function KeysetPager(props: {
  label: string;
  /** The list's first page, shown from the second page on. */
  firstHref: string | undefined;
  nextHref: string | undefined;
  /** Between the links, e.g. «Страница 2 из 3». */
  children?: ComponentChildren;
}) {
  if (!props.firstHref && !props.nextHref) return null;
  return (
    <nav class="pager" aria-label={props.label}>
      {props.firstHref && (
        <a href={props.firstHref} rel="first">
          ← К новейшим
        </a>
      )}
      {props.children}
      {props.nextHref && (
        <a href={props.nextHref} rel="next">
          Следующая страница →
        </a>
      )}
    </nav>
  );
}
