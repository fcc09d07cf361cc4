import { z } from 'zod';

export const apiTokenView = z.object({
  id: z.number(),
  name: z.string(),
  tokenPrefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const apiTokenCreate = z.object({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullish(),
});
/** The secret appears in this response only. */
export const apiTokenCreated = apiTokenView.extend({ token: z.string() });
