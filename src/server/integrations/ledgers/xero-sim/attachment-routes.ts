import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Json } from '../sim-kit/fields';
import { header } from '../sim-kit/http';
import { sendNotFound, sendValidation } from './errors';
import type { StoredAttachment, XeroOrg } from './model';
import type { XeroSimState } from './state';

const MAX_BYTES = 25 * 1024 * 1024;
const MAX_PER_DOCUMENT = 10;

const COLLECTIONS = {
  Invoices: { id: 'InvoiceID', rows: (org: XeroOrg) => org.invoices },
  BankTransactions: { id: 'BankTransactionID', rows: (org: XeroOrg) => org.bankTransactions },
} as const;

/** Source documents on bills, invoices and spend money: raw bytes in, Attachments out. */
export function registerXeroAttachments(api: FastifyInstance, state: XeroSimState): void {
  for (const [collection, { id: idKey, rows }] of Object.entries(COLLECTIONS)) {
    const findDoc = (request: FastifyRequest): Json | undefined => {
      const { id } = request.params as { id: string };
      return rows(state.orgOf(request)).find((d) => d[idKey] === id);
    };

    const upload = (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
      const doc = findDoc(request);
      if (!doc) return sendNotFound(reply);
      const { id, fileName } = request.params as { id: string; fileName: string };
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
        return sendValidation(reply, [
          { element: {}, messages: ['The attachment content must not be empty.'] },
        ]);
      }
      if (bytes.length > MAX_BYTES) {
        return sendValidation(reply, [
          { element: {}, messages: ['The attachment is larger than the 25MB limit.'] },
        ]);
      }
      const org = state.orgOf(request);
      const list = org.attachments.get(id) ?? [];
      const replaced = list.findIndex((a) => a.FileName === fileName);
      if (replaced < 0 && list.length >= MAX_PER_DOCUMENT) {
        return sendValidation(reply, [
          { element: {}, messages: ['A document can have at most 10 attachments.'] },
        ]);
      }
      const query = request.query as Record<string, string | undefined>;
      const attachment: StoredAttachment = {
        AttachmentID: randomUUID(),
        FileName: fileName,
        MimeType: header(request.headers['content-type']) ?? 'application/octet-stream',
        ContentLength: bytes.length,
        IncludeOnline: query['IncludeOnline'] === 'true',
        bytes,
      };
      if (replaced >= 0) list[replaced] = attachment;
      else list.push(attachment);
      org.attachments.set(id, list);
      doc['HasAttachments'] = true;
      return reply.send({ Attachments: [view(state, collection, id, attachment)] });
    };

    api.put(`/${collection}/:id/Attachments/:fileName`, upload);
    api.post(`/${collection}/:id/Attachments/:fileName`, upload);

    api.get(`/${collection}/:id/Attachments`, (request, reply) => {
      if (!findDoc(request)) return sendNotFound(reply);
      const { id } = request.params as { id: string };
      const list = state.orgOf(request).attachments.get(id) ?? [];
      return reply.send({ Attachments: list.map((a) => view(state, collection, id, a)) });
    });

    api.get(`/${collection}/:id/Attachments/:fileName`, (request, reply) => {
      const { id, fileName } = request.params as { id: string; fileName: string };
      const found = state
        .orgOf(request)
        .attachments.get(id)
        ?.find((a) => a.FileName === fileName || a.AttachmentID === fileName);
      if (!found) return sendNotFound(reply);
      return reply.type(found.MimeType).send(found.bytes);
    });
  }
}

function view(state: XeroSimState, collection: string, id: string, a: StoredAttachment): Json {
  return {
    AttachmentID: a.AttachmentID,
    FileName: a.FileName,
    Url: `${state.baseUrl}/api.xro/2.0/${collection}/${id}/Attachments/${encodeURIComponent(a.FileName)}`,
    MimeType: a.MimeType,
    ContentLength: a.ContentLength,
    IncludeOnline: a.IncludeOnline,
  };
}
