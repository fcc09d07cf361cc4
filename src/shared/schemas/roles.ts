import { z } from 'zod';
import { isPermission } from '../permissions.ts';
import { patchOf } from './common.ts';

export const permissionKey = z.string().refine(isPermission, { message: 'unknown permission' });

export const roleView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  permissions: z.array(z.string()),
  isSystem: z.boolean(),
  userCount: z.number(),
});
export type RoleView = z.infer<typeof roleView>;

export const roleCreate = z.object({
  code: z
    .string()
    .trim()
    .min(2)
    .max(50)
    .regex(/^[a-z][a-z0-9_]*$/),
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).nullish(),
  permissions: z.array(permissionKey).max(500).default([]),
});
export type RoleCreate = z.input<typeof roleCreate>;
export const roleUpdate = patchOf(roleCreate.omit({ code: true }));
