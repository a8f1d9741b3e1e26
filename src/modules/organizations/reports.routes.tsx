// «Отчётность» (O16): the page and a CSV download of each report; downloads are journaled.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { pageContext, sendHtml } from "../../http/render.ts";
import { auditSuccess } from "../audit/audit.repository.ts";
import { type CabinetActor, cabinetActorOf, cabinetRoute } from "./cabinet.guard.tsx";
import { type CsvValue, csvDocument, csvHeaders } from "./csv.ts";
import {
  applicationsByStatus,
  expiringPerMonth,
  staffByDepartment,
  staffByPosition,
  staffDeadlines,
} from "./reports.repository.ts";
import {
  buildChart,
  buildDeadlines,
  buildMonths,
  buildStatusCounts,
  monthAfter,
} from "./views/reports.view.ts";
import { ReportsPage } from "./views/reports-page.tsx";

export async function reportsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;
  const guard = cabinetRoute("reports.view");

  async function months(actor: CabinetActor) {
    const from = `${monthAfter(actor.today, 0)}-01`;
    const until = `${monthAfter(actor.today, 12)}-01`;
    return buildMonths(
      actor.today,
      await expiringPerMonth(db, actor.organization.frmoOid, actor.today, from, until),
    );
  }

  async function applications(actor: CabinetActor) {
    return buildStatusCounts(await applicationsByStatus(db, actor.organization.id));
  }

  async function deadlines(actor: CabinetActor) {
    const until = `${monthAfter(actor.today, 12)}-01`;
    const rows = await staffDeadlines(db, actor.organization.frmoOid, actor.today, until);
    return buildDeadlines(rows, actor.today);
  }

  app.get("/org/reports", { preHandler: guard }, async (request, reply) => {
    const actor = cabinetActorOf(request);
    const oid = actor.organization.frmoOid;
    const [byPosition, byDepartment, deadlineRows, monthRows, applicationRows] = await Promise.all([
      staffByPosition(db, oid, actor.today),
      staffByDepartment(db, oid, actor.today),
      deadlines(actor),
      months(actor),
      applications(actor),
    ]);
    const page = (
      <ReportsPage
        ctx={pageContext(request, reply)}
        actor={actor}
        byPosition={byPosition}
        byDepartment={byDepartment}
        deadlines={deadlineRows}
        months={monthRows}
        chart={buildChart(monthRows)}
        applications={applicationRows}
      />
    );
    return sendHtml(reply, page);
  });

  const staffGroups = (first: string, query: typeof staffByPosition) => ({
    header: [first, "Работников", "Ставок"],
    rows: async (actor: CabinetActor) =>
      (await query(db, actor.organization.frmoOid, actor.today)).map((row) => [
        row.label,
        row.people,
        row.rates,
      ]),
  });

  const downloads: Record<
    string,
    { header: string[]; rows: (actor: CabinetActor) => Promise<CsvValue[][]> }
  > = {
    "staff-by-position": staffGroups("Должность", staffByPosition),
    "staff-by-department": staffGroups("Подразделение", staffByDepartment),
    deadlines: {
      header: ["Сотрудник", "Специальность", "Документ", "Действует по", "Дней осталось"],
      rows: async (actor) =>
        (await deadlines(actor)).map((row) => [
          row.fullName,
          row.spec,
          row.document,
          row.endDate,
          row.daysLeft,
        ]),
    },
    expiring: {
      header: ["Месяц", "Аккредитации", "Сертификаты", "Всего"],
      rows: async (actor) =>
        (await months(actor)).map((row) => [row.label, row.accreditations, row.certificates, row.total]),
    },
    applications: {
      header: ["Статус", "Заявлений"],
      rows: async (actor) => (await applications(actor)).map((row) => [row.label, row.count]),
    },
  };

  for (const [name, report] of Object.entries(downloads)) {
    app.get(
      `/org/reports/${name}.csv`,
      { preHandler: guard },
      async (request: FastifyRequest, reply: FastifyReply) => {
        const actor = cabinetActorOf(request);
        const rows = await report.rows(actor);
        await auditSuccess(
          db,
          { userId: actor.userId, organizationId: actor.organization.id, ip: actor.ip },
          "report.downloaded",
          { report: name },
        );
        return reply.headers(csvHeaders(`${name}.csv`)).send(csvDocument(report.header, rows));
      },
    );
  }
}
