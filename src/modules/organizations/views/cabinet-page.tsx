// The frame of every page of the organization's cabinet: the layout with the person's menu.
import type { ComponentChildren } from "preact";
import { Flash } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { cabinetNavigation, type NavigationActor } from "../cabinet.navigation.ts";

export function CabinetPage(props: {
  ctx: PageContext;
  actor: NavigationActor;
  title: string;
  flash?: string | undefined;
  refreshSeconds?: number;
  children: ComponentChildren;
}) {
  return (
    <Layout
      ctx={props.ctx}
      title={props.title}
      nav={cabinetNavigation(props.actor)}
      refreshSeconds={props.refreshSeconds}
    >
      <Flash message={props.flash} />
      {props.children}
    </Layout>
  );
}
