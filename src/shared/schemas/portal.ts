import { z } from 'zod';
import { localeSchema } from './common.ts';

const email = z.email().max(200);
const password = z.string().min(8).max(200);

export const portalRegister = z.object({
  name: z.string().trim().min(1).max(100),
  email,
  phone: z.string().trim().max(40).nullish(),
  company: z.string().trim().max(200).nullish(),
  locale: localeSchema.default('zh-CN'),
});
export const portalLogin = z.object({ email, password: z.string().min(1).max(200) });
export const portalToken = z.object({ token: z.string().min(10).max(200) });
/** The verification link's form: the person who owns the address chooses the password here. */
export const portalVerify = z.object({ token: z.string().min(10).max(200), password });
export const portalForgot = z.object({ email });
export const portalReset = z.object({ token: z.string().min(10).max(200), password });

export const portalMe = z.object({
  account: z.object({ id: z.number(), email: z.string(), locale: localeSchema }),
  contact: z.object({
    id: z.number(),
    name: z.string(),
    customerId: z.number().nullable(),
    customerName: z.string().nullable(),
  }),
  csrfToken: z.string(),
});

export const portalTicketCreate = z.object({
  typeId: z.number().int().positive().nullish(),
  subject: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(20_000),
  orderRef: z.string().trim().max(100).nullish(),
});
export const portalTicketView = z.object({
  id: z.number(),
  number: z.string(),
  subject: z.string(),
  description: z.string(),
  status: z.string(),
  typeCode: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  satisfaction: z.number().nullable(),
  canRate: z.boolean(),
});
export const portalMessageView = z.object({
  id: z.number(),
  fromCustomer: z.boolean(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export const portalRating = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).nullish(),
});

/** The public request form for people without an account, with its abuse checks. */
export const publicRequest = z.object({
  name: z.string().trim().min(1).max(100),
  email,
  phone: z.string().trim().max(40).nullish(),
  company: z.string().trim().max(200).nullish(),
  subject: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(20_000),
  /** Left empty by people; bots fill every field. */
  website: z.string().max(200).optional(),
  /**
   * The token the page fetched when it showed the form (GET /api/public/requests/form): the server
   * measures the time to fill the form from it; a submission within seconds is a bot.
   */
  formToken: z.string().min(1).max(200),
  locale: localeSchema.default('zh-CN'),
});
