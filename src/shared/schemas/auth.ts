import { z } from 'zod';
import { localeSchema } from './common.ts';

export const loginRequest = z.object({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});

export const passwordSchema = z.string().min(8).max(200);

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const meResponse = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    locale: localeSchema,
    departmentId: z.number().nullable(),
    mustChangePassword: z.boolean(),
  }),
  permissions: z.array(z.string()),
  roles: z.array(z.object({ id: z.number(), code: z.string(), name: z.string() })),
  csrfToken: z.string().nullable(),
  organisation: z.object({ name: z.string(), timeZone: z.string(), defaultLocale: localeSchema }),
});
export type Me = z.infer<typeof meResponse>;

export const updateProfileRequest = z.object({
  displayName: z.string().trim().min(1).max(100).optional(),
  email: z.email().max(200).nullish(),
  phone: z.string().trim().max(50).nullish(),
  locale: localeSchema.optional(),
});
