import { z } from 'zod';
import { passwordSchema } from './auth.ts';
import { localeSchema, optionalText, pageQuery, patchOf } from './common.ts';

export const userStatus = z.enum(['active', 'disabled']);

export const userView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  jobTitle: z.string().nullable(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  locale: localeSchema,
  status: userStatus,
  roleIds: z.array(z.number()),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(50)
  .regex(/^[\p{L}\p{N}._-]+$/u);

export const userCreate = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(100),
  email: z
    .email()
    .max(200)
    .nullish()
    .or(z.literal('').transform(() => null)),
  phone: optionalText(50),
  jobTitle: optionalText(100),
  departmentId: z.number().int().positive().nullish(),
  locale: localeSchema.default('zh-CN'),
  roleIds: z.array(z.number().int().positive()).max(50).default([]),
  password: passwordSchema,
});
export type UserCreate = z.input<typeof userCreate>;

export const userUpdate = patchOf(userCreate.omit({ password: true, username: true })).extend({
  status: userStatus.optional(),
  password: passwordSchema.optional(),
});
export type UserUpdate = z.input<typeof userUpdate>;

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  roleId: z.coerce.number().int().positive().optional(),
  status: userStatus.optional(),
});
