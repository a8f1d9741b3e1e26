// «Журнал операций» (O10): the organization's own audit records only, with filters and CSV export.
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { pageContext, sendHtml } from "../../http/render.ts";
import { auditSuccess } from "../audit/audit.repository.ts";
import { pageNumber } from "../staff/views/staff-list.view.ts";
import { cabinetActorOf, cabinetRoute } from "./cabinet.guard.tsx";
import { csvDocument, csvHeaders } from "./csv.ts";
import { countJournal, journalPeople, listJournal } from "./journal.repository.ts";
import {
  formatJournalCursor,
  JOURNAL_PAGE_SIZE,
  journalLine,
  parseJournalCursor,
  parseJournalQuery,
} from "./views/journal.view.ts";
import { JournalPage } from "./views/journal-page.tsx";

const journalQuery = Type.Object({
  who: Type.Optional(Type.String({ maxLength: 40 })),
  what: Type.Optional(Type.String({ maxLength: 60 })),
  from: Type.Optional(Type.String({ maxLength: 10 })),
  to: Type.Optional(Type.String({ maxLength: 10 })),
  page: Type.Optional(Type.String({ maxLength: 7 })),
  after: Type.Optional(Type.String({ maxLength: 60 })),
  count: Type.Optional(Type.String({ maxLength: 1 })),
});

/** An export is a snapshot for an auditor; beyond this the filter should be narrowed. */
const EXPORT_LIMIT = 100_000;

export async function journalRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.database.db;
  const guard = cabinetRoute("journal.view");

  app.get(
    "/org/journal",
    { preHandler: guard, schema: { querystring: journalQuery } },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const { filter, errors } = parseJournalQuery(actor.organization.id, request.query);
      const after = parseJournalCursor(request.query.after);
      const page = after ? pageNumber(request.query.page) : 1;
      const [people, total, rows] = await Promise.all([
        journalPeople(db, actor.organization.id),
        request.query.count === "1" ? countJournal(db, filter) : undefined,
        listJournal(db, filter, JOURNAL_PAGE_SIZE + 1, after),
      ]);
      const shown = rows.slice(0, JOURNAL_PAGE_SIZE);
      const last = shown.at(-1);
      const props = {
        query: request.query,
        errors,
        people,
        lines: shown.map(journalLine),
        total,
        page,
        next: rows.length > JOURNAL_PAGE_SIZE && last ? formatJournalCursor(last) : undefined,
      };
      return sendHtml(
        reply,
        <JournalPage ctx={pageContext(request, reply)} actor={actor} {...props} />,
        errors.length > 0 ? 400 : 200,
      );
    },
  );

  app.get(
    "/org/journal.csv",
    { preHandler: guard, schema: { querystring: journalQuery } },
    async (request, reply) => {
      const actor = cabinetActorOf(request);
      const { filter } = parseJournalQuery(actor.organization.id, request.query);
      const rows = await listJournal(db, filter, EXPORT_LIMIT);
      await auditSuccess(
        db,
        { userId: actor.userId, organizationId: actor.organization.id, ip: actor.ip },
        "journal.exported",
        { rows: rows.length, event: filter.event ?? null, person: filter.userId ?? null },
      );
      const lines = rows
        .map(journalLine)
        .map((line) => [line.when, line.who, line.what, line.outcome, line.details]);
      const csv = csvDocument(["Когда", "Кто", "Действие", "Результат", "Подробности"], lines);
      return reply.headers(csvHeaders("zhurnal-operaciy.csv")).send(csv);
    },
  );
}
