import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Json } from '../sim-kit/fields';
import { qbo, QboFault, sendFault } from './fault';
import { saveEntity } from './entity-routes';
import type { QuickBooksSimState } from './state';

interface Pending {
  metadata?: unknown;
  file?: { fileName: string; contentType: string; bytes: Buffer };
}

/**
 * POST /upload: multipart with `file_metadata_<n>` (an Attachable as JSON) and
 * `file_content_<n>` (the bytes) per file; answers with AttachableResponse.
 */
export function registerQuickBooksUpload(api: FastifyInstance, state: QuickBooksSimState): void {
  api.post('/upload', async (request, reply) => {
    try {
      return await upload(request, reply);
    } catch (error) {
      if (error instanceof QboFault) return sendFault(reply, error, state.clock());
      throw error;
    }
  });

  async function upload(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const company = state.companyOf(request);
    if (!request.isMultipart()) {
      return sendFault(
        reply,
        new QboFault([qbo.unsupported('upload', 'Content-Type must be multipart/form-data')]),
        state.clock(),
      );
    }
    const pending = new Map<string, Pending>();
    for await (const part of request.parts()) {
      const m = /^file_(metadata|content)_(\w+)$/.exec(part.fieldname);
      if (!m?.[1] || m[2] === undefined) continue;
      const entry = pending.get(m[2]) ?? {};
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (m[1] === 'metadata') entry.metadata = parseJson(bytes.toString('utf8'));
        else entry.file = { fileName: part.filename, contentType: part.mimetype, bytes };
      } else if (m[1] === 'metadata' && typeof part.value === 'string') {
        entry.metadata = parseJson(part.value);
      }
      pending.set(m[2], entry);
    }
    const responses: Json[] = [];
    for (const [index, entry] of pending) {
      if (!entry.file) {
        return sendFault(reply, new QboFault([qbo.required(`file_content_${index}`)]), state.clock());
      }
      const metadata = (entry.metadata ?? {}) as Json;
      {
        const attachable = saveEntity(state, company, 'Attachable', {
          ...metadata,
          FileName: metadata['FileName'] ?? entry.file.fileName,
          ContentType: metadata['ContentType'] ?? entry.file.contentType,
        });
        attachable['Size'] = entry.file.bytes.length;
        attachable['TempDownloadUri'] =
          `${state.baseUrl}/_sim/companies/${company.realmId}/files/${String(attachable['Id'])}`;
        company.files.push({
          attachableId: String(attachable['Id']),
          contentType: entry.file.contentType,
          bytes: entry.file.bytes,
        });
        responses.push({ Attachable: attachable });
      }
    }
    return reply.send({ AttachableResponse: responses, time: state.clock().toISOString() });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new QboFault([qbo.unsupported('file_metadata', 'The metadata part is not valid JSON')]);
  }
}
