import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { pageContext, sendHtml } from "../../http/render.ts";
import { requireViewer } from "../identity/viewer.ts";
import { actorOf } from "../register/actor.ts";
import { type HistoryFilterInput, parseHistoryFilter } from "./history.filter.ts";
import { HistoryPageView } from "./views/history-page.tsx";

const historyQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 20 })),
  to: Type.Optional(Type.String({ maxLength: 20 })),
  page: Type.Optional(Type.String({ maxLength: 9 })),
  after: Type.Optional(Type.String({ maxLength: 80 })),
});

export async function historyRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: HistoryFilterInput }>(
    "/lk/history",
    { preHandler: requireViewer, schema: { querystring: historyQuery } },
    async (request, reply) => {
      const filter = parseHistoryFilter(request.query);
      const page = await app.deps.historyService.history(actorOf(request), filter);
      const status = filter.errors.length > 0 ? 400 : 200;
      return sendHtml(
        reply,
        <HistoryPageView
          ctx={pageContext(request, reply)}
          input={request.query}
          filter={filter}
          page={page}
        />,
        status,
      );
    },
  );
}
