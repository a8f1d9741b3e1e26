// Answering with a page of the organization's cabinet: every such page takes the page context, the
// actor and the one-time message, so a route names only what is its own.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ComponentType } from "preact";
import { takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { PageContext } from "../../ui/layout.tsx";
import { type CabinetActor, cabinetActorOf } from "./cabinet.guard.tsx";

interface CabinetPageProps {
  ctx: PageContext;
  actor: CabinetActor;
  flash?: string | undefined;
}

/** Sends `Page` with `props` and what every cabinet page takes; the one-time message is used up. */
export function sendCabinetPage<Props extends CabinetPageProps>(
  request: FastifyRequest,
  reply: FastifyReply,
  Page: ComponentType<Props>,
  props: Omit<Props, keyof CabinetPageProps>,
) {
  const common = {
    ctx: pageContext(request, reply),
    actor: cabinetActorOf(request),
    flash: takeFlash(request),
  };
  return sendHtml(reply, <Page {...({ ...props, ...common } as Props)} />);
}
