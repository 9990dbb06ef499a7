import type { FastifyInstance } from 'fastify';
import { ReportNotFoundError, triageReport } from '../../reports/triage-report.ts';
import type { ServiceDeps } from '../../service/deps.ts';
import type { UserReport } from '../../storage/user-reports.ts';
import { principalOf } from '../auth/principal.ts';
import { ApiError, notFound } from '../errors/api-error.ts';
import { routeDocs } from '../shared/route-docs.ts';
import { errorResponses } from '../shared/schemas.ts';
import { reportBody, reportListQuery, userReportSchema } from './schemas.ts';

interface ReportBody {
  messageId?: string;
  rawMessage?: string;
  reporter?: string;
}

/** "Report phishing": a user's report is triaged at once and answered in plain words. */
export function registerReportRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  app.post<{ Body: ReportBody }>(
    '/reports',
    {
      config: { access: 'analyst' },
      schema: {
        ...routeDocs(
          'reports',
          'Report a message as phishing',
          'analyst',
          "Finds the stored original (by id, Message-ID, or sender, subject and body), rescans it with the tenant's settings, records the result, teaches the tenant's model layer and returns the answer for the user.",
        ),
        body: reportBody,
        response: { 201: userReportSchema, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { messageId, rawMessage } = request.body;
      if ((messageId === undefined) === (rawMessage === undefined))
        throw new ApiError(400, 'VALIDATION_FAILED', 'give either messageId or rawMessage');
      const raw = rawMessage === undefined ? undefined : new Uint8Array(Buffer.from(rawMessage, 'base64'));
      if (raw && raw.byteLength === 0) throw new ApiError(400, 'VALIDATION_FAILED', 'rawMessage is not base64');
      try {
        const triaged = await triageReport(deps, {
          tenantId: principal.tenantId,
          channel: 'api',
          reporter: request.body.reporter ?? `api-key:${principal.keyId}`,
          messageId,
          raw,
        });
        await deps.repos.userReports.recordReply(principal.tenantId, triaged.report.id, { text: triaged.reply, status: 'none' });
        reply.code(201);
        return view({ ...triaged.report, replyText: triaged.reply });
      } catch (error) {
        if (error instanceof ReportNotFoundError) throw notFound(error.message);
        throw error;
      }
    },
  );

  app.get<{ Querystring: { limit?: number } }>(
    '/reports',
    {
      config: { access: 'read-only' },
      schema: {
        ...routeDocs('reports', "List users' reports, newest first", 'read-only'),
        querystring: reportListQuery,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: userReportSchema } } }, ...errorResponses() },
      },
    },
    async (request) => ({ items: (await deps.repos.userReports.list(principalOf(request).tenantId, request.query.limit)).map(view) }),
  );
}

function view(report: UserReport) {
  return {
    id: report.id,
    channel: report.channel,
    reporter: report.reporter,
    messageId: report.messageId,
    matchedBy: report.matchedBy,
    verdictClass: report.verdictClass,
    verdictScore: report.verdictScore,
    replyText: report.replyText,
    replyStatus: report.replyStatus,
    createdAt: report.createdAt.toISOString(),
  };
}
