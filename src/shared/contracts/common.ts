import { z } from 'zod';

/** The body of every error answer: a message for people, a stable code, and per-field reasons. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('must be an email address such as name@example.com'))
  .transform((s) => s.toLowerCase());

export const Uuid = z.uuid();
export const AccountIdParams = z.strictObject({ accountId: Uuid });
